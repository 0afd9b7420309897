// site.yaml replaced by the input and read as the first step of every build: decoded, parsed and
// checked key by key, with the table overrides whose paths must stay inside the site folder.
#include <algorithm>
#include <cstdint>

#include "fuzz_support.h"
#include "load/site_config.h"

using namespace sveden;
using fuzz::is_utf8;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  MemoryDisk disk;
  disk.put("site.yaml", std::string(fuzz::as_text(data, size)));
  Diagnostics diag;
  std::optional<SourceText> src;
  auto cfg = load_site_config(disk, "site", diag, &src);
  fuzz::check_diagnostics(diag);
  FUZZ_CHECK(cfg || diag.has_errors());
  if (!cfg || diag.has_errors()) return 0;
  // A site.yaml that passes the check.
  FUZZ_CHECK(src && is_utf8(src->text()));
  FUZZ_CHECK(is_utf8(cfg->municipality) && is_utf8(cfg->department.name) && is_utf8(cfg->base_url));
  FUZZ_CHECK(cfg->base_url.rfind("http://", 0) == 0 || cfg->base_url.rfind("https://", 0) == 0);
  FUZZ_CHECK(cfg->base_url.empty() || cfg->base_url.back() != '/');
  FUZZ_CHECK(!cfg->years.empty() && std::is_sorted(cfg->years.begin(), cfg->years.end()));
  FUZZ_CHECK(std::adjacent_find(cfg->years.begin(), cfg->years.end()) == cfg->years.end());
  FUZZ_CHECK(cfg->years.front() >= 2000 && cfg->years.back() <= 2100);
  FUZZ_CHECK(is_safe_relative_path(cfg->theme) && cfg->theme.find('/') == std::string::npos);
  FUZZ_CHECK(cfg->min_group >= 1 && cfg->min_group <= 1000);
  for (const auto& [name, o] : cfg->tables) {
    if (o.file) FUZZ_CHECK(is_safe_relative_path(*o.file));
    FUZZ_CHECK(o.delimiter == 0 || o.delimiter == ';' || o.delimiter == ',' || o.delimiter == '\t');
  }
  return 0;
}
