// content/roadmap.yaml read against the minimal fixture site (tests/fixtures/minimal), as `sveden check`
// reads it: the schema, then the school ids, criteria groups and dates it refers to. The site is
// loaded once with load_municipality; each input is then given to the roadmap loader on a copy of it,
// which is what load_municipality does last, at a tenth of the cost of loading the tables again.
#include <cstdint>

#include "fuzz_support.h"
#include "load/roadmap_loader.h"
#include "load/site_loader.h"

using namespace sveden;
using fuzz::is_utf8;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Municipality site = [] {
    Diagnostics diag;
    auto m = load_municipality(fuzz::minimal_site(), LoadOptions{}, diag);
    FUZZ_CHECK(m && !diag.has_errors() && !m->roadmap.present);
    return *m;
  }();
  MemoryDisk disk;
  disk.put("content/roadmap.yaml", std::string(fuzz::as_text(data, size)));
  Municipality m = site;
  Diagnostics diag;
  load_roadmap(disk, "", m, diag);
  fuzz::check_diagnostics(diag);
  if (diag.has_errors() || !m.roadmap.present) return 0;
  // What a site that passes the check hands to the analysis and the pages.
  const Roadmap& r = m.roadmap;
  FUZZ_CHECK(is_utf8(r.title) && is_utf8(r.approved_document));
  for (const auto& goal : r.goals) FUZZ_CHECK(is_utf8(goal));
  FUZZ_CHECK(r.from <= r.to);
  for (const Section& s : r.sections) {
    FUZZ_CHECK(is_utf8(s.title));
    for (const Activity& a : s.activities) {
      FUZZ_CHECK(is_utf8(a.title) && is_utf8(a.expected_result));
      for (const std::string& id : a.schools) FUZZ_CHECK(m.school_index.count(id));
      if (!a.group.empty()) FUZZ_CHECK(m.criteria.group(a.group) != nullptr);
      for (int month : a.timing.months) FUZZ_CHECK(month >= 1 && month <= 12);
      if (a.timing.kind == Timing::Kind::period) FUZZ_CHECK(!(a.timing.to < a.timing.from));
    }
  }
  for (const Target& t : r.targets) FUZZ_CHECK(is_utf8(t.title) && is_utf8(t.unit));
  return 0;
}
