// A Markdown page of content/ (the home page, content/index.md) with its YAML front matter, read by
// the content loader: the «---» block split off the body, decoded, parsed and checked.
#include <cstdint>

#include "fuzz_support.h"
#include "load/content_loader.h"

using namespace sveden;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(fuzz::as_text(data, size));
  MemoryDisk disk;
  disk.put("content/index.md", bytes);
  Municipality m;
  Diagnostics diag;
  load_content(disk, "", m, diag);
  fuzz::check_diagnostics(diag);
  if (diag.has_errors()) return 0;
  // What reaches the pages is UTF-8, and the body is the end of the file (of its bytes as they are,
  // unless it is UTF-16, which is converted).
  FUZZ_CHECK(fuzz::is_utf8(m.home_title) && fuzz::is_utf8(m.home_markdown));
  if (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0) return 0;
  FUZZ_CHECK(m.home_markdown.size() <= bytes.size());
  FUZZ_CHECK(bytes.compare(bytes.size() - m.home_markdown.size(), std::string::npos, m.home_markdown) == 0);
  return 0;
}
