// An output that keeps nothing: `sveden check` renders every page and audits it from its text (the audit
// of a build reads no file back), so it needs no folder. Writing 8 GB at 10,000 schools into a temporary
// folder and removing it after took longer than the build.
#pragma once
#include <atomic>

#include "write/output.h"

namespace sveden {

class DiscardedOutput : public Output {
 public:
  Status open() override { return {}; }
  Status make_dirs(const std::set<std::string>&) override { return {}; }
  Status write(const std::string& rel_path, std::string_view contents) override;
  // Made part by part as on disk (what is made from the same rows is made in the same steps), then dropped.
  Status write_parts(const std::string& rel_path, const PartsMaker& make) override;
  Status sync() override { return {}; }
  Status commit() override { return {}; }
  // Nothing to read back: a build that would (PDFs printed, then audited from the files) needs a folder.
  std::unique_ptr<Disk> written() const override;
  std::string folder() override { return ""; }
  size_t files() const override { return files_; }
  size_t files_changed() const override { return files_; }

 private:
  std::atomic<size_t> files_{0};
};

}  // namespace sveden
