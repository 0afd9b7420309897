// `sveden check` as a pipeline: the input as a build reads it (check_site, site/build.h), then the
// published site as Rosobrnadzor's robot and an inspector read it — a fresh build into a temporary
// folder, or an existing build, or any saved school site (a `wget --mirror`).
#pragma once
#include <optional>
#include <string>

#include "base/status.h"
#include "model/output_audit.h"
#include "site/build.h"

namespace sveden {

struct PublishedCheck {
  // ok when the audit ran: its findings decide whether the site passes (`passes()`); otherwise the
  // build into the temporary folder failed (its report says why) or a folder could not be made or read.
  Status status;
  BuildReport build;   // the temporary build, when there was one
  OutputAudit audit;
  std::string shown;   // what was audited, as the report names it

  bool passes() const { return status.ok() && audit.errors == 0; }
};

// The published site: `options.out_dir` names an existing build to audit; empty, the site is built into a
// temporary folder first (removed afterwards, also on Ctrl+C) and the build's own audit is the answer.
PublishedCheck check_published(const BuildOptions& options);

// A single school's site saved anywhere on disk.
PublishedCheck check_saved_site(const std::string& folder);

}  // namespace sveden
