// A site built into a fresh temporary folder for one test, removed when the test ends: for tests
// that read the published output as a visitor would.
#pragma once
#include <filesystem>
#include <string>

#include <doctest/doctest.h>
#include <unistd.h>

#include "site/build.h"

namespace sveden::test {

struct BuiltSite {
  std::filesystem::path root, out;
  explicit BuiltSite(const std::string& site_dir = SVEDEN_SOURCE_DIR) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sveden-built-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()));
    root = tmpl;
    out = root / "output";
    BuildOptions o;
    o.site_dir = site_dir;
    o.out_dir = out.string();
    o.jobs = 2;
    BuildReport r = build_site(o);
    REQUIRE_MESSAGE(r.status.ok(), std::string(format_all(r.diagnostics) + r.status.message()));
  }
  ~BuiltSite() { std::filesystem::remove_all(root); }
  BuiltSite(const BuiltSite&) = delete;
  BuiltSite& operator=(const BuiltSite&) = delete;
};

// The demo site (the repository's own folder) built once for the whole test run and shared by every test that
// only reads it: a test that changes its output builds its own BuiltSite.
inline const BuiltSite& demo_build() {
  static const BuiltSite site;
  return site;
}

}  // namespace sveden::test
