// An output held in memory: what a build wrote, for tests that must not touch the disk.
#pragma once
#include <map>
#include <mutex>

#include "write/output.h"

namespace sveden {

class MemoryOutput : public Output {
 public:
  Status open() override;
  Status make_dirs(const std::set<std::string>& dirs) override;
  Status write(const std::string& rel_path, std::string_view contents) override;
  Status sync() override { return {}; }
  Status commit() override;

  std::unique_ptr<Disk> written() const override;
  std::string folder() override { return ""; }
  size_t files() const override;
  size_t files_changed() const override;

  // The published files (after commit) and their folders; a file written into a folder make_dirs did
  // not create fails, as it would on disk.
  const std::map<std::string, std::string>& published() const { return published_; }
  bool committed() const { return committed_; }

 private:
  mutable std::mutex mutex_;
  std::set<std::string> dirs_;
  std::map<std::string, std::string> staged_, published_;
  size_t changed_ = 0;
  bool committed_ = false;
};

}  // namespace sveden
