// An output held in memory: what a build wrote, for tests that must not touch the disk.
#pragma once
#include <map>
#include <mutex>

#include "write/output.h"

namespace sveden {

class MemoryOutput : public Output {
 public:
  bool open(std::string* error) override;
  bool make_dirs(const std::set<std::string>& dirs, std::string* error) override;
  bool write(const std::string& rel_path, std::string_view contents, std::string* error) override;
  bool sync(std::string*) override { return true; }
  bool commit(std::string* error) override;

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
