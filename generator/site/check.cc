#include "site/check.h"

#include <filesystem>

#include <fmt/format.h>

#include "audit/site_audit.h"
#include "base/disk.h"
#include "load/openness_vocabulary.h"
#include "write/exit_cleanup.h"

namespace sveden {

PublishedCheck check_published(const BuildOptions& options) {
  PublishedCheck check;
  if (!options.out_dir.empty()) {
    check.shown = options.out_dir;
    RealDisk disk(options.out_dir);
    check.audit = audit_output(disk, builtin_openness());
    return check;
  }
  check.shown = "сборка во временной папке";
  std::string scratch = make_temp_dir("sveden-check");
  if (scratch.empty()) {
    check.status = Status::failure(ExitCode::io, "не удалось создать временную папку");
    return check;
  }
  BuildOptions into_scratch = options;
  into_scratch.out_dir = scratch + "/output";
  into_scratch.reuse = false;  // the audit in full, always
  check.build = build_site(into_scratch);
  check.status = check.build.status;
  check.audit = std::move(check.build.audit);
  std::error_code ignored;
  std::filesystem::remove_all(scratch, ignored);
  forget_on_signal(scratch);
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
