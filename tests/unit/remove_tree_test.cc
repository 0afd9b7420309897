// remove_tree: a folder and everything beneath it gone, on one thread or several, and nothing a symbolic
// link inside it points to touched.
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "../support/test_files.h"
#include "base/disk.h"

using namespace sveden;
using sveden::test::TempFolder;
namespace fs = std::filesystem;

namespace {

void put(const fs::path& file) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << "x";
}

}  // namespace

TEST_CASE("remove_tree: everything beneath the folder goes, nothing a link points to") {
  for (int jobs : {1, 2, 4}) {
    CAPTURE(jobs);
    TempFolder temp("sveden-remove-tree");
    fs::path out = temp.path / "out", outside = temp.path / "outside";
    put(outside / "keep.txt");
    put(outside / "sub" / "keep.txt");
    for (int s = 0; s < 30; ++s)
      for (const char* page : {"index.html", "sveden/common/index.html", "kachestvo/index.html"})
        put(out / "schools" / ("school-" + std::to_string(s)) / page);
    put(out / "index.html");
    put(out / "reports" / "schools" / "a" / "index.html");
    fs::create_directories(out / "empty" / "deeper");
    fs::create_directory_symlink(outside, out / "link-to-outside");                       // at the top
    fs::create_directory_symlink(outside, out / "schools" / "school-3" / "link");         // two levels down
    fs::create_directory_symlink(outside / "sub", out / "schools" / "school-4" / "sveden" / "l");  // deeper
    fs::create_symlink(outside / "keep.txt", out / "schools" / "file-link");

    remove_tree(out.string(), jobs);

    CHECK_FALSE(fs::exists(fs::symlink_status(out)));
    CHECK(fs::exists(outside / "keep.txt"));
    CHECK(fs::exists(outside / "sub" / "keep.txt"));
  }
}

TEST_CASE("remove_tree: a folder that is not there is no error") {
  TempFolder temp("sveden-remove-tree");
  remove_tree((temp.path / "none").string(), 2);
  CHECK(fs::exists(temp.path));
}
