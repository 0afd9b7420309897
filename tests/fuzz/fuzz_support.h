// Shared by the libFuzzer targets of tests/fuzz/: invariant checks that stop the run with a message
// (asserts vanish under NDEBUG), and the minimal fixture site as an in-memory folder.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../support/test_files.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "load/text_encoding.h"

#define FUZZ_CHECK(cond)                                                                   \
  do {                                                                                     \
    if (!(cond)) {                                                                         \
      std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (0)

namespace sveden::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline bool is_utf8(std::string_view s) { return valid_utf8_prefix(s) == s.size(); }

// tests/fixtures/minimal, read once; every input is placed on a copy of it.
inline const MemoryDisk& minimal_site() {
  static const MemoryDisk disk = [] {
    MemoryDisk d = test::minimal_site();
    if (!d.is_file("site.yaml")) {
      std::fprintf(stderr, "no fixture at %s/tests/fixtures/minimal\n", SVEDEN_SOURCE_DIR);
      std::abort();
    }
    return d;
  }();
  return disk;
}

// Every message is printable: positions inside the file, and the caret line builds.
inline void check_diagnostics(const Diagnostics& diag) {
  for (const Diagnostic& d : diag.sorted()) {
    FUZZ_CHECK(d.pos.line >= 0 && d.pos.column >= 0);
    if (d.pos.line > 0) FUZZ_CHECK(d.pos.column >= 1);
    FUZZ_CHECK(d.width >= 1);
    FUZZ_CHECK(!format_diagnostic(d).empty());
  }
}

}  // namespace sveden::fuzz
