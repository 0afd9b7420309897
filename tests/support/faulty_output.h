// An output that fails as a full disk or a failing device would: the Nth write (counting from 1), the
// sync or the commit, before passing the call on to the real output it wraps (LevelDB's
// fault_injection_test does the same with its Env).
#pragma once
#include <atomic>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "write/output.h"

namespace sveden::test {

class FaultyOutput : public Output {
 public:
  struct Faults {
    size_t fail_write = 0;  // the Nth write fails; 0: none
    bool fail_sync = false, fail_commit = false;
  };
  FaultyOutput(Output& real, Faults faults) : real_(real), faults_(faults) {}

  Status open() override { return real_.open(); }
  Status make_dirs(const std::set<std::string>& dirs) override { return real_.make_dirs(dirs); }
  Status write(const std::string& rel_path, std::string_view contents) override {
    if (++writes_ == faults_.fail_write)
      return Status::failure(ExitCode::io, fmt::format("не удалось записать файл «{}»: {}", rel_path, std::strerror(ENOSPC)));
    return real_.write(rel_path, contents);
  }
  Status sync() override {
    if (faults_.fail_sync) return Status::failure(ExitCode::io, fmt::format("не удалось записать на диск: {}", std::strerror(EIO)));
    return real_.sync();
  }
  Status commit() override {
    if (faults_.fail_commit) return Status::failure(ExitCode::io, fmt::format("не удалось заменить папку: {}", std::strerror(EIO)));
    return real_.commit();
  }
  std::unique_ptr<Disk> written() const override { return real_.written(); }
  std::string folder() override { return real_.folder(); }
  size_t files() const override { return real_.files(); }
  size_t files_changed() const override { return real_.files_changed(); }
  size_t writes() const { return writes_; }

 private:
  Output& real_;
  Faults faults_;
  std::atomic<size_t> writes_{0};
};

}  // namespace sveden::test
