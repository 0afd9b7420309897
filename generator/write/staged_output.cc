#include "write/staged_output.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace sveden {

namespace fs = std::filesystem;

namespace {

std::string stage_prefix(const fs::path& out) { return "." + out.filename().string() + ".sveden-stage-"; }

// Stages of builds that were killed: their process is gone.
void remove_stale_stages(const fs::path& out) {
  std::error_code ec;
  fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  std::string prefix = stage_prefix(out);
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    std::string pid_text = name.substr(prefix.size());
    pid_t pid = static_cast<pid_t>(std::atol(pid_text.c_str()));
    if (pid > 0 && pid != getpid() && kill(pid, 0) == 0) continue;  // another build is running
    fs::remove_all(entry.path(), ec);
  }
}

}  // namespace

std::unique_ptr<StagedOutput> StagedOutput::begin(const std::string& out_dir, std::string* error) {
  fs::path out = fs::path(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  std::error_code ec;
  if (fs::exists(out, ec)) {
    if (!fs::is_directory(out, ec)) {
      *error = fmt::format("«{}» — это файл, а не папка", out.string());
      return nullptr;
    }
    bool empty = fs::is_empty(out, ec);
    if (!empty && !fs::exists(out / kOutputMarker, ec)) {
      *error = fmt::format("папка «{}» не пуста и создана не sveden: её содержимое было бы заменено. "
                           "Укажите другую папку (--out) или очистите эту", out.string());
      return nullptr;
    }
  }
  fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    *error = fmt::format("не удалось создать папку «{}»: {}", parent.string(), ec.message());
    return nullptr;
  }
  remove_stale_stages(out);
  fs::path stage = parent / (stage_prefix(out) + std::to_string(getpid()));
  fs::remove_all(stage, ec);
  fs::create_directory(stage, ec);
  if (ec) {
    *error = fmt::format("не удалось создать папку «{}»: {}", stage.string(), ec.message());
    return nullptr;
  }
  auto staged = std::unique_ptr<StagedOutput>(new StagedOutput(out.string(), stage.string()));
  if (!staged->write(kOutputMarker, "Эта папка создана sveden и заменяется при каждой сборке.\n", error)) return nullptr;
  return staged;
}

StagedOutput::~StagedOutput() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(stage_, ec);
}

bool StagedOutput::make_dirs(const std::set<std::string>& dirs, std::string* error) {
  for (const auto& d : dirs) {
    std::error_code ec;
    fs::create_directories(fs::path(stage_) / d, ec);
    if (ec) {
      *error = fmt::format("не удалось создать папку «{}»: {}", (fs::path(stage_) / d).string(), ec.message());
      return false;
    }
  }
  return true;
}

bool StagedOutput::write(const std::string& rel_path, std::string_view contents, std::string* error) {
  std::string path = stage_ + "/" + rel_path;
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = fmt::format("не удалось создать файл «{}»: {}", path, std::strerror(errno));
    return false;
  }
  const char* p = contents.data();
  size_t left = contents.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = fmt::format("не удалось записать файл «{}»: {}", path, std::strerror(errno));
      ::close(fd);
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    *error = fmt::format("не удалось записать файл «{}»: {}", path, std::strerror(errno));
    return false;
  }
  ++files_;
  return true;
}

bool StagedOutput::commit(std::string* error) {
  std::error_code ec;
  if (fs::exists(out_, ec)) {
    // One atomic step: the old output and the stage trade places; then the old one is removed.
    if (renameat2(AT_FDCWD, stage_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
      *error = fmt::format("не удалось заменить папку «{}»: {}", out_, std::strerror(errno));
      return false;
    }
    committed_ = true;
    fs::remove_all(stage_, ec);  // now holds the previous output
    return true;
  }
  if (::rename(stage_.c_str(), out_.c_str()) != 0) {
    *error = fmt::format("не удалось переименовать «{}» в «{}»: {}", stage_, out_, std::strerror(errno));
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace sveden
