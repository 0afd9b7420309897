#include "write/memory_output.h"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "write/staged_output.h"

namespace sveden {

Status MemoryOutput::open() {
  std::lock_guard lock(mutex_);
  staged_.clear();
  dirs_ = {""};
  changed_ = 0;
  committed_ = false;
  staged_[kOutputMarker] = kOutputMarkerText;
  return {};
}

Status MemoryOutput::make_dirs(const std::set<std::string>& dirs) {
  std::lock_guard lock(mutex_);
  for (const auto& d : dirs)
    for (size_t slash = 0; slash != std::string::npos;) {
      slash = d.find('/', slash + 1);
      dirs_.insert(d.substr(0, slash));
    }
  return {};
}

Status MemoryOutput::write(const std::string& rel_path, std::string_view contents) {
  std::lock_guard lock(mutex_);
  size_t slash = rel_path.rfind('/');
  if (!dirs_.count(slash == std::string::npos ? "" : rel_path.substr(0, slash))) {
    return Status::failure(ExitCode::io, fmt::format("не удалось создать файл «{}»: {}", rel_path, std::strerror(ENOENT)));
  }
  auto before = published_.find(rel_path);
  if (before == published_.end() || before->second != contents) ++changed_;
  staged_[rel_path] = std::string(contents);
  return {};
}

Status MemoryOutput::commit() {
  std::lock_guard lock(mutex_);
  published_ = staged_;
  committed_ = true;
  return {};
}

std::unique_ptr<Disk> MemoryOutput::written() const {
  std::lock_guard lock(mutex_);
  auto disk = std::make_unique<MemoryDisk>();
  for (const auto& [path, contents] : staged_) disk->put(path, contents);
  return disk;
}

size_t MemoryOutput::files() const {
  std::lock_guard lock(mutex_);
  return staged_.size();
}

size_t MemoryOutput::files_changed() const {
  std::lock_guard lock(mutex_);
  return changed_;
}

}  // namespace sveden
