#include "write/staged_output.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "write/exit_cleanup.h"

namespace sveden {

namespace fs = std::filesystem;

namespace {

// Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about «"." + string».
std::string stage_prefix(const fs::path& out) {
  std::string prefix = ".";
  prefix += out.filename().string();
  prefix += ".sveden-stage-";
  return prefix;
}

// The file inside every stage that says it is sveden's: a stale stage is removed only when it has it.
constexpr const char* kStageMarker = ".sveden-stage";
constexpr const char* kStageMarkerText = "Папка сборки sveden: удаляется автоматически.\n";

bool is_our_stage(const fs::path& dir) {
  int fd = ::open((dir / kStageMarker).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  char buf[256];
  ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  return n == static_cast<ssize_t>(std::strlen(kStageMarkerText)) && std::memcmp(buf, kStageMarkerText, static_cast<size_t>(n)) == 0;
}

// Stages of builds that died. Called with the output's lock held, so no other build of this output
// is running: every stage of ours is stale. A folder without the stage marker is not ours and stays.
void remove_stale_stages(const fs::path& out) {
  std::error_code ec;
  fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  std::string prefix = stage_prefix(out);
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || entry.is_symlink(ec) || !entry.is_directory(ec) || !is_our_stage(entry.path())) continue;
    fs::remove_all(entry.path(), ec);
  }
}

// A name no other build can take, even one with the same PID in another container.
std::string unique_suffix() {
  unsigned char bytes[6] = {};
  int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    (void)::read(fd, bytes, sizeof bytes);
    ::close(fd);
  }
  std::string out = std::to_string(getpid()) + "-";
  for (unsigned char b : bytes) out += fmt::format("{:02x}", b);
  return out;
}

// Syncs a file or folder to disk.
bool sync_path(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_DIRECTORY);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

StagedOutput::Faults g_faults;
std::atomic<size_t> g_writes{0};

}  // namespace

void StagedOutput::inject_faults(const Faults& faults) {
  g_faults = faults;
  g_writes = 0;
}

std::unique_ptr<StagedOutput> StagedOutput::begin(const std::string& out_dir, std::string* error) {
  fs::path out = fs::path(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  std::error_code ec;
  // An output that is a symbolic link (a web root often is) is written through: the link stays, and the
  // folder it points to is the one swapped, atomically, beside itself.
  for (int hops = 0; fs::is_symlink(out, ec); ++hops) {
    if (hops == 40) {
      *error = fmt::format("«{}»: символические ссылки образуют цикл", out_dir);
      return nullptr;
    }
    fs::path target = fs::read_symlink(out, ec);
    if (ec) {
      *error = fmt::format("не удалось прочитать ссылку «{}»: {}", out.string(), ec.message());
      return nullptr;
    }
    out = (target.is_absolute() ? target : out.parent_path() / target).lexically_normal();
    if (out.filename().empty()) out = out.parent_path();
  }
  fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    *error = fmt::format("не удалось создать папку «{}»: {}", parent.string(), ec.message());
    return nullptr;
  }
  // One build of an output at a time: the second waits for the first to finish its swap.
  std::string lock_name = stage_prefix(out);
  lock_name.replace(lock_name.size() - std::string("stage-").size(), std::string::npos, "lock");
  fs::path lock_path = parent / lock_name;
  int lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (lock < 0) {
    *error = fmt::format("не удалось создать файл блокировки «{}»: {}", lock_path.string(), std::strerror(errno));
    return nullptr;
  }
  if (::flock(lock, LOCK_EX | LOCK_NB) != 0) {
    fmt::print(stderr, "Ждём, пока закончится другая сборка в папку «{}»…\n", out.string());
    while (::flock(lock, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  auto staged = std::unique_ptr<StagedOutput>(new StagedOutput(out.string(), "", lock));
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
  remove_stale_stages(out);
  fs::path stage;
  for (int attempt = 0; attempt < 100 && stage.empty(); ++attempt) {
    fs::path candidate = parent / (stage_prefix(out) + unique_suffix());
    if (::mkdir(candidate.c_str(), 0755) == 0) stage = candidate;
    else if (errno != EEXIST) break;
  }
  if (stage.empty()) {
    *error = fmt::format("не удалось создать папку сборки рядом с «{}»: {}", out.string(), std::strerror(errno));
    return nullptr;
  }
  staged->stage_ = stage.string();
  cleanup_on_signal(staged->stage_);
  // The stage says it is ours before anything else is in it, and the output's marker is there
  // before the swap: a published output always carries it.
  if (!staged->write(kStageMarker, kStageMarkerText, error)) return nullptr;
  if (!staged->write(kOutputMarker, "Эта папка создана sveden и заменяется при каждой сборке.\n", error)) return nullptr;
  staged->files_ = 1;  // the output marker, as before; the stage marker leaves before the swap
  staged->ready_ = true;
  return staged;
}

StagedOutput::~StagedOutput() {
  std::error_code ec;
  if (!committed_ && !stage_.empty()) fs::remove_all(stage_, ec);
  if (!stage_.empty()) forget_on_signal(stage_);
  if (lock_ >= 0) ::close(lock_);  // releases the lock
}

bool StagedOutput::make_dirs(const std::set<std::string>& dirs, std::string* error) {
  // Relative to the stage's descriptor, one level at a time: a stage removed meanwhile (a signal's
  // cleanup) is never created again by its name.
  int stage = ::open(stage_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
  if (stage < 0) {
    *error = fmt::format("не удалось открыть папку «{}»: {}", stage_, std::strerror(errno));
    return false;
  }
  for (const auto& d : dirs) {
    for (size_t slash = 0; slash != std::string::npos;) {
      slash = d.find('/', slash + 1);
      std::string part = d.substr(0, slash);
      if (part.empty() || ::mkdirat(stage, part.c_str(), 0755) == 0 || errno == EEXIST) continue;
      *error = fmt::format("не удалось создать папку «{}»: {}", (fs::path(stage_) / part).string(), std::strerror(errno));
      ::close(stage);
      return false;
    }
  }
  ::close(stage);
  return true;
}

bool StagedOutput::write(const std::string& rel_path, std::string_view contents, std::string* error) {
  std::string path = stage_ + "/" + rel_path;
  if (g_faults.fail_write > 0 && ready_ && ++g_writes == g_faults.fail_write) {
    *error = fmt::format("не удалось записать файл «{}»: {}", path, std::strerror(ENOSPC));
    return false;
  }
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
  // Durability: every file and folder of the stage is on disk before the swap, so that a power cut
  // after it cannot leave empty files in the published output. The stage's marker goes: the swapped-in
  // folder is the output now, and its predecessor is removed below by name.
  fs::remove(fs::path(stage_) / kStageMarker, ec);
  int dir = ::open(stage_.c_str(), O_RDONLY | O_CLOEXEC | O_DIRECTORY);
  bool synced = dir >= 0 && ::syncfs(dir) == 0 && !g_faults.fail_sync;
  if (g_faults.fail_sync) errno = EIO;
  if (dir >= 0) ::close(dir);
  if (!synced) {
    *error = fmt::format("не удалось записать на диск папку «{}»: {}", stage_, std::strerror(errno));
    return false;
  }
  if (fs::exists(out_, ec)) {
    // One atomic step: the old output and the stage trade places; then the old one is removed.
    if (g_faults.fail_swap || renameat2(AT_FDCWD, stage_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
      if (g_faults.fail_swap) errno = EIO;
      *error = fmt::format("не удалось заменить папку «{}»: {}", out_, std::strerror(errno));
      return false;
    }
    committed_ = true;
    sync_path(fs::path(out_).parent_path().empty() ? fs::path(".") : fs::path(out_).parent_path());
    fs::remove_all(stage_, ec);  // now holds the previous output
    return true;
  }
  if (g_faults.fail_swap || ::rename(stage_.c_str(), out_.c_str()) != 0) {
    if (g_faults.fail_swap) errno = EIO;
    *error = fmt::format("не удалось переименовать «{}» в «{}»: {}", stage_, out_, std::strerror(errno));
    return false;
  }
  committed_ = true;
  sync_path(fs::path(out_).parent_path().empty() ? fs::path(".") : fs::path(out_).parent_path());
  return true;
}

}  // namespace sveden
