#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "base/disk.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

// A site folder and a secret next to it, removed after the test.
struct TempSite {
  fs::path base = fs::temp_directory_path() / ("sveden-real-disk-" + std::to_string(::getpid()));
  fs::path site = base / "site";
  fs::path secret = base / "secret.txt";
  TempSite() {
    fs::remove_all(base);
    fs::create_directories(site / "documents" / "T1");
    write(secret, "SECRET");
    write(site / "documents" / "T1" / "ustav.pdf", "%PDF устав");
  }
  ~TempSite() {
    std::error_code ec;
    fs::remove_all(base, ec);
  }
  static void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }
};

std::string read_error(const RealDisk& disk, const std::string& path) {
  auto contents = disk.read(path);
  CHECK_FALSE(contents);
  return contents.message();
}

}  // namespace

TEST_CASE("RealDisk reads a regular file of the site") {
  TempSite t;
  RealDisk disk(t.site.string());
  auto ustav = disk.read("documents/T1/ustav.pdf");
  REQUIRE_MESSAGE(ustav, ustav.message());
  CHECK(*ustav == "%PDF устав");
  CHECK(disk.is_file("documents/T1/ustav.pdf"));
  CHECK(disk.list("documents") == std::vector<std::string>{"documents/T1/ustav.pdf"});
  CHECK(read_error(disk, "documents/T1/nothing.pdf") == "файл не найден");
  CHECK_FALSE(disk.exists("documents/T1/nothing.pdf"));
}

TEST_CASE("RealDisk: a document swapped for a symbolic link between list and read is never read") {
  TempSite t;
  RealDisk disk(t.site.string());
  std::vector<std::string> listed = disk.list("documents");
  REQUIRE(listed == std::vector<std::string>{"documents/T1/ustav.pdf"});
  fs::path doc = t.site / "documents" / "T1" / "ustav.pdf";
  fs::remove(doc);
  fs::create_symlink(t.secret, doc);
  auto contents = disk.read(listed[0]);
  CHECK_FALSE(contents);
  CHECK(contents.message() == "путь ведёт за пределы папки сайта: это символическая ссылка на «" + t.secret.string() + "»");
  CHECK_FALSE(disk.is_file(listed[0]));
  CHECK(disk.exists(listed[0]));
}

TEST_CASE("RealDisk: a folder on the way swapped for a link out of the site is not followed") {
  TempSite t;
  RealDisk disk(t.site.string());
  fs::remove_all(t.site / "documents" / "T1");
  fs::create_directories(t.base / "elsewhere");
  TempSite::write(t.base / "elsewhere" / "ustav.pdf", "SECRET");
  fs::create_directory_symlink(t.base / "elsewhere", t.site / "documents" / "T1");
  CHECK(read_error(disk, "documents/T1/ustav.pdf") ==
        "путь ведёт за пределы папки сайта: «documents/T1» — символическая ссылка на «" + (t.base / "elsewhere").string() + "»");
}

TEST_CASE("RealDisk: a link that stays inside the site is refused with where it leads") {
  TempSite t;
  RealDisk disk(t.site.string());
  fs::create_directories(t.site / "data");
  TempSite::write(t.site / "data" / "real.csv", "a;b\n");
  fs::create_symlink("real.csv", t.site / "data" / "staff.csv");
  CHECK(read_error(disk, "data/staff.csv") == "это символическая ссылка на «real.csv», а ссылки не читаются");
  fs::create_symlink("../../secret.txt", t.site / "data" / "oge.csv");
  CHECK(read_error(disk, "data/oge.csv") == "путь ведёт за пределы папки сайта: это символическая ссылка на «../../secret.txt»");
  // Listed, so that loading names it rather than dropping it.
  CHECK(disk.list("data") == std::vector<std::string>{"data/oge.csv", "data/real.csv", "data/staff.csv"});
}

TEST_CASE("RealDisk: a folder, a FIFO and a path out of the site are named, and reading a FIFO does not hang") {
  TempSite t;
  RealDisk disk(t.site.string());
  fs::create_directories(t.site / "data" / "oge.csv");
  CHECK(read_error(disk, "data/oge.csv") == "это папка, а не файл");
  CHECK_FALSE(disk.is_file("data/oge.csv"));
  CHECK(disk.exists("data/oge.csv"));
  REQUIRE(::mkfifo((t.site / "data" / "vpr.csv").c_str(), 0600) == 0);
  CHECK(read_error(disk, "data/vpr.csv") == "это именованный канал (FIFO), а не файл");
  CHECK(read_error(disk, "../secret.txt") == "путь ведёт за пределы папки сайта (через «..» или «/» в начале)");
  CHECK(read_error(disk, "documents/T1/ustav.pdf/x") == "«documents/T1/ustav.pdf» — файл, а не папка");
}

TEST_CASE("listing order: a name and what its folder holds before any longer name, wherever the paths first differ") {
  // The order by its definition, a byte at a time: «/» ends a name and ranks below every byte.
  auto expected = [](std::string_view a, std::string_view b) {
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i)
      if (a[i] != b[i]) return (a[i] == '/' ? 0 : static_cast<unsigned char>(a[i]) + 1) < (b[i] == '/' ? 0 : static_cast<unsigned char>(b[i]) + 1);
    return a.size() < b.size();
  };
  CHECK(listing_before("schools/a/index.html", "schools/a-b/index.html"));  // «/» before «-» although '-' < '/'
  CHECK(listing_before("schools/a", "schools/a/index.html"));
  CHECK_FALSE(listing_before("schools/a/index.html", "schools/a/index.html"));
  CHECK(listing_before("schools/школа/x", "schools/школа/я"));  // bytes above 127 rank above ASCII
  // Two paths alike up to a position, then differing there, at every position across several 8-byte blocks,
  // with every kind of byte on either side, and each path also against its own prefixes.
  const std::string base = "schools/school-1234/sveden/education/index.html";
  const char bytes[] = {'/', '-', '.', '0', 'a', 'z', '\x7f', '\xd1', '\xff'};
  size_t wrong = 0, compared = 0;
  for (size_t at = 0; at < base.size(); ++at) {
    for (char x : bytes)
      for (char y : bytes) {
        std::string a = base, b = base;
        a[at] = x;
        b[at] = y;
        wrong += listing_before(a, b) != expected(a, b);
        wrong += listing_before(b, a) != expected(b, a);
        compared += 2;
      }
    std::string_view prefix(base.data(), at);
    wrong += listing_before(prefix, base) != expected(prefix, base);
    wrong += listing_before(base, prefix) != expected(base, prefix);
    compared += 2;
  }
  CHECK(compared > 7000);
  CHECK(wrong == 0);
}
