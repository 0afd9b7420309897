#include "site/check.h"

#include <filesystem>

#include <fmt/format.h>

#include "audit/site_audit.h"
#include "base/disk.h"
#include "load/openness_vocabulary.h"
#include "write/discarded_output.h"

namespace sveden {

PublishedCheck check_published(const BuildOptions& options) {
  PublishedCheck check;
  if (!options.out_dir.empty()) {
    check.shown = options.out_dir;
    RealDisk disk(options.out_dir);
    check.audit = audit_output(disk, builtin_openness());
    return check;
  }
  // Every page rendered and audited from its text, as a build audits it, and nothing written: at 10,000
  // schools a temporary folder took 8 GB and its removal as long as the build (write/discarded_output.h).
  check.shown = "сборка в памяти, без записи на диск";
  BuildOptions built = options;
  built.reuse = false;  // the audit in full, always
  built.pdf = false;    // printing needs a folder; check has no --pdf
  RealDisk input(options.site_dir);
  DiscardedOutput output;
  check.build = build_site(built, input, output);
  check.status = check.build.status;
  check.audit = std::move(check.build.audit);
  return check;
}

PublishedCheck check_saved_site(const std::string& folder) {
  PublishedCheck check;
  check.shown = folder;
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) {
    check.status = Status::failure(ExitCode::io, fmt::format("папки «{}» нет", folder));
    return check;
  }
  RealDisk disk(folder);
  check.audit = audit_single_site(disk, builtin_openness());
  return check;
}

}  // namespace sveden
