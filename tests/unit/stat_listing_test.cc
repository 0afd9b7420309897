// The listing of an output folder that tells a build whether the output is as it left it: one text for
// any number of threads, every entry in one order, any change to an entry at any depth seen, links
// listed and never followed.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/disk.h"
#include "../support/test_files.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

void put(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

// The first field of each line: the entries' paths in the listing's order.
std::vector<std::string> paths_of(const std::string& listing) {
  std::vector<std::string> paths;
  for (size_t at = 0; at < listing.size();) {
    size_t end = listing.find('\n', at);
    paths.push_back(listing.substr(at, listing.find('\t', at) - at));
    at = end + 1;
  }
  return paths;
}

// An output in small: pages at the top, schools with folders of their own, a deep file, an empty folder.
fs::path small_output(const fs::path& root) {
  fs::path out = root / "output";
  put(out / "index.html", "<p>");
  put(out / "schools/sosh-1/index.html", "<p>1");
  put(out / "schools/sosh-1/sveden/common/index.html", "<p>1");
  put(out / "schools/sosh-2/index.html", "<p>2");
  put(out / "schools/sosh-2/sveden/a-b/index.html", "<p>2");
  put(out / "schools/index.html", "<p>");
  put(out / "opendata/schools.csv", "a;b");
  fs::create_directories(out / "schools/sosh-3");
  return out;
}

}  // namespace

TEST_CASE("a stat listing is the same text on one thread and on many, in one order of paths") {
  test::TempFolder tmp("sveden-listing");
  fs::path out = small_output(tmp.path);
  std::optional<std::string> one = stat_listing(out.string(), nullptr, 1);
  REQUIRE(one);
  for (int jobs : {2, 3, 8}) CHECK(stat_listing(out.string(), nullptr, jobs) == one);
  CHECK(paths_of(*one) == std::vector<std::string>{
                              "index.html", "opendata", "opendata/schools.csv", "schools", "schools/index.html",
                              "schools/sosh-1", "schools/sosh-1/index.html", "schools/sosh-1/sveden",
                              "schools/sosh-1/sveden/common", "schools/sosh-1/sveden/common/index.html",
                              "schools/sosh-2", "schools/sosh-2/index.html", "schools/sosh-2/sveden",
                              "schools/sosh-2/sveden/a-b", "schools/sosh-2/sveden/a-b/index.html", "schools/sosh-3"});
}

TEST_CASE("a stat listing on many threads sees a change at any depth") {
  test::TempFolder tmp("sveden-listing");
  fs::path out = small_output(tmp.path);
  std::optional<std::string> before = stat_listing(out.string(), nullptr, 2);
  REQUIRE(before);
  SUBCASE("a deep file rewritten, its time put back") {
    struct stat st{};
    fs::path page = out / "schools/sosh-2/sveden/a-b/index.html";
    REQUIRE(::stat(page.c_str(), &st) == 0);
    std::ofstream(page) << "<p>3";
    struct timespec times[2] = {st.st_atim, st.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, page.c_str(), times, 0) == 0);
  }
  SUBCASE("a file added to a school's empty folder") { put(out / "schools/sosh-3/index.html", "<p>3"); }
  SUBCASE("a school's folder removed") { fs::remove_all(out / "schools/sosh-1"); }
  std::optional<std::string> after = stat_listing(out.string(), nullptr, 2);
  REQUIRE(after);
  CHECK(after != before);
}

TEST_CASE("a stat listing lists a link as a link and never what it leads to") {
  test::TempFolder tmp("sveden-listing");
  fs::path out = small_output(tmp.path);
  put(tmp.path / "elsewhere/secret.txt", "secret");
  fs::remove_all(out / "schools/sosh-3");
  fs::create_directory_symlink(tmp.path / "elsewhere", out / "schools/sosh-3");
  for (int jobs : {1, 2}) {
    std::optional<std::string> listing = stat_listing(out.string(), nullptr, jobs);
    REQUIRE(listing);
    std::vector<std::string> paths = paths_of(*listing);
    CHECK(paths.back() == "schools/sosh-3");
    CHECK(listing->find("secret") == std::string::npos);
  }
}
