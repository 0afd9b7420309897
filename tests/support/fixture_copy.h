// A copy of a site folder (the minimal fixture unless told) with the given files put over it, in a temporary
// folder removed when the test ends: for tests that build a variant of a site.
#pragma once
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <stdlib.h>

namespace sveden::test {

struct FixtureCopy {
  std::filesystem::path dir;
  explicit FixtureCopy(const std::vector<std::pair<std::string, std::string>>& files,
                       const std::filesystem::path& from = std::filesystem::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal") {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "sveden-fixture-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()));
    dir = tmpl;
    fs::copy(from, dir, fs::copy_options::recursive);
    for (const auto& [path, text] : files) {
      fs::create_directories((dir / path).parent_path());
      std::ofstream(dir / path, std::ios::binary) << text;
    }
  }
  ~FixtureCopy() { std::filesystem::remove_all(dir); }
  FixtureCopy(const FixtureCopy&) = delete;
  FixtureCopy& operator=(const FixtureCopy&) = delete;
};

}  // namespace sveden::test
