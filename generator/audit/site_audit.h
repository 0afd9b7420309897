// Audits published sites the way Rosobrnadzor's robot and a careful inspector read them: for each
// school site, the 14 subsections at their addresses (as sveden writes them, or as a site saved
// with `wget --mirror` has them: sveden/common/index.html, sveden/common.html, sveden/common) with
// the pages their addRef links lead to, their markup against vocab/sveden.yaml (hidden by the pages'
// stylesheets too), required information written as absent, document links that resolve, the
// ministries' links; for every page, internal links and #anchors that resolve, images with text
// alternatives, no orphaned page.
#pragma once
#include <string>
#include <vector>

#include "base/disk.h"
#include "model/openness.h"
#include "model/output_audit.h"

namespace sveden {

// One school's site whose root is `root` on `disk` ("" for the disk's root).
SchoolAudit audit_school_site(const Disk& disk, const std::string& root, const OpennessVocabulary& v);

// A whole sveden output: every schools/<slug>/ as a school site, and links, anchors, images and
// orphans over every page; on `jobs` threads (0: one per core), as the build that wrote it.
OutputAudit audit_output(const Disk& disk, const OpennessVocabulary& v, int jobs = 0);

// A single school site (`sveden check --site-dir`): the same checks, the folder as the school.
OutputAudit audit_single_site(const Disk& disk, const OpennessVocabulary& v);

// The report: grouped by school, errors before warnings; `shown` names the audited folder.
// `total`: the label of the last line; `sveden check` of a site says «Итого по опубликованному сайту» there, as the
// input's own warnings were counted above it.
std::string format_audit_text(const OutputAudit& a, const std::string& shown, const std::string& total = "Итого");
std::string format_audit_json(const OutputAudit& a);

}  // namespace sveden
