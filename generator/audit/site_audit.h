// Audits published sites the way Rosobrnadzor's robot and a careful inspector read them: for each
// school site, the 14 subsections at their addresses (as sveden writes them, or as a site saved
// with `wget --mirror` has them: sveden/common/index.html, sveden/common.html, sveden/common) with
// the pages their addRef links lead to, their markup against vocab/sveden.yaml (hidden by the pages'
// stylesheets too), required information written as absent, document links that resolve, the
// ministries' links; for every page, internal links and #anchors that resolve, images with text
// alternatives, no orphaned page.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
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

// The audit of an output as a build writes it, from the pages' text in memory: what audit_output gives for
// the same files, with nothing read back. A school's site is handed over whole, as its pages are rendered
// (its section's pages, those their addRef links lead to and its home page are audited together); every
// other page on its own, for its links. Files not handed over (stylesheets, a page of another site) are
// read by `read` when a check needs them. school() and page() are safe from several threads.
class OutputAuditor {
 public:
  using Reader = std::function<std::optional<std::string>(const std::string&)>;
  // `files`: every file the output will hold, pages and others, relative to its root.
  OutputAuditor(std::set<std::string> files, const OpennessVocabulary& v, Reader read, int jobs = 0);
  ~OutputAuditor();
  // The school site `file` belongs to (schools/<slug>), "" for a page of the department's portal.
  std::string school_root(const std::string& file) const;
  // Every page of the school site `root`: file → its text.
  void school(const std::string& root, const std::map<std::string, std::string_view>& pages);
  // A page of no school's site.
  void page(const std::string& file, std::string_view html);
  // After every page: anchors, orphans, and the report as audit_output gives it. Once: it frees what
  // the auditor holds.
  OutputAudit finish();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// A single school site (`sveden check --site-dir`): the same checks, the folder as the school.
OutputAudit audit_single_site(const Disk& disk, const OpennessVocabulary& v);

// The report: grouped by school, errors before warnings; `shown` names the audited folder.
// `total`: the label of the last line; `sveden check` of a site says «Итого по опубликованному сайту» there, as the
// input's own warnings were counted above it.
std::string format_audit_text(const OutputAudit& a, const std::string& shown, const std::string& total = "Итого");
std::string format_audit_json(const OutputAudit& a);

}  // namespace sveden
