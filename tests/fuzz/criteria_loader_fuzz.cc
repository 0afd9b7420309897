// content/criteria.yaml replaced by the input and read as `sveden check` reads it: the file on top of
// the built-in presets, every rule checked against the indicator registry. The criteria depend on
// nothing else of the site, so the loader is called alone (load_municipality calls it the same way).
#include <cstdint>
#include <set>

#include "fuzz_support.h"
#include "load/criteria_loader.h"

using namespace sveden;

namespace {

void check_rule(const Rule& r, int depth) {
  FUZZ_CHECK(depth < 64);
  FUZZ_CHECK(fuzz::is_utf8(r.id) && fuzz::is_utf8(r.title) && fuzz::is_utf8(r.param));
  if (r.combine == Combine::leaf) {
    FUZZ_CHECK(r.children.empty());
    FUZZ_CHECK(!r.indicator.empty());
  } else {
    FUZZ_CHECK(!r.children.empty());
  }
  if (r.combine == Combine::at_least) FUZZ_CHECK(r.at_least >= 1 && static_cast<size_t>(r.at_least) <= r.children.size());
  for (const Rule& c : r.children) check_rule(c, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  MemoryDisk disk;
  disk.put("content/criteria.yaml", std::string(fuzz::as_text(data, size)));
  Diagnostics diag;
  Criteria criteria = load_criteria(disk, "", diag);
  fuzz::check_diagnostics(diag);
  if (diag.has_errors()) return 0;
  // A site that passes the check has groups with unique ids whose rules are well formed.
  std::set<std::string> ids;
  for (const Group& g : criteria.groups) {
    FUZZ_CHECK(ids.insert(g.id).second);
    FUZZ_CHECK(fuzz::is_utf8(g.title) && fuzz::is_utf8(g.short_title) && fuzz::is_utf8(g.description));
    check_rule(g.rule, 0);
    for (const std::string& e : g.exclude) FUZZ_CHECK(ids.count(e) && e != g.id);
  }
  for (const RiskFactor& f : criteria.risk_factors) {
    FUZZ_CHECK(fuzz::is_utf8(f.title));
    if (f.high) check_rule(*f.high, 0);
    if (f.medium) check_rule(*f.medium, 0);
  }
  return 0;
}
