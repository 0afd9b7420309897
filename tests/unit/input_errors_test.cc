// Every folder under tests/errors/ changes the minimal fixture site (tests/fixtures/minimal) in one
// way and holds the exact text `sveden check` must print for it in expected.txt: an error, or a
// warning for input that is read another way than written (nothing is dropped in silence).
// SVEDEN_UPDATE_EXPECTED=1 rewrites expected.txt from the current output (review before committing).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "../support/test_files.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "load/site_loader.h"

namespace fs = std::filesystem;
using namespace sveden;

namespace {

using test::read_file;

void put_tree(MemoryDisk& disk, const fs::path& root) {
  for (const auto& [rel, contents] : test::read_tree(root))
    if (rel != "expected.txt" && rel != "DELETE") disk.put(rel, contents);
}

}  // namespace

TEST_CASE("each input error is reported with its exact text") {
  fs::path source = SVEDEN_SOURCE_DIR;
  fs::path cases = source / "tests/errors";
  int checked = 0;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(cases))
    if (e.is_directory()) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    MemoryDisk disk;
    put_tree(disk, source / "tests/fixtures/minimal");
    put_tree(disk, dir);
    if (fs::exists(dir / "DELETE")) {
      std::istringstream list(read_file(dir / "DELETE"));
      for (std::string line; std::getline(list, line);) disk.remove(line);
    }
    Diagnostics diag;
    load_municipality(disk, LoadOptions{}, diag);
    std::string actual = format_all(diag);
    if (std::getenv("SVEDEN_UPDATE_EXPECTED")) {
      std::ofstream(dir / "expected.txt", std::ios::binary) << actual;
    }
    std::string expected = read_file(dir / "expected.txt");
    INFO("case: " << dir.filename().string());
    CHECK((diag.has_errors() || diag.warnings() > 0));
    CHECK(actual == expected);
    ++checked;
  }
  // The corpus is there and every case was read (87 cases when this line was written; only more since).
  CHECK(checked == static_cast<int>(dirs.size()));
  CHECK(checked >= 95);
}

TEST_CASE("the minimal fixture and the demo site load without errors") {
  fs::path source = SVEDEN_SOURCE_DIR;
  for (const char* site : {"tests/fixtures/minimal", "."}) {
    RealDisk disk((source / site).string());
    Diagnostics diag;
    auto m = load_municipality(disk, LoadOptions{}, diag);
    INFO(site << "\n" << format_all(diag));
    CHECK_FALSE(diag.has_errors());
    REQUIRE(m);
    CHECK(m->schools.size() >= 3);
  }
}

TEST_CASE("the demo municipality has what the issue asks of it") {
  RealDisk disk(SVEDEN_SOURCE_DIR);
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE(m);
  CHECK(m->schools.size() >= 15);
  int city = 0, rural = 0, gymnasium = 0, branches = 0, small = 0;
  for (const auto& s : m->schools) {
    city += s.locality == "город";
    rural += s.locality == "село";
    gymnasium += s.kind == "гимназия";
    branches += !s.parent_id.empty();
    bool tiny = !s.contingent.empty();
    for (const auto& c : s.contingent) tiny = tiny && c.grade9_graduates && *c.grade9_graduates >= 3 && *c.grade9_graduates <= 8;
    small += tiny;
    CHECK(s.contingent.size() == 3);
  }
  CHECK(city > 0);
  CHECK(rural > 0);
  CHECK(gymnasium >= 1);
  CHECK(branches >= 1);
  CHECK(small >= 2);
  CHECK(m->site.years == std::vector<int>{2023, 2024, 2025});
}
