// Inputs that cannot be read are reported, never skipped: a table or a page that is a symbolic link
// leading out of the site folder (a real folder on disk: links do not exist in MemoryDisk).
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "../support/test_files.h"
#include "base/diagnostics.h"
#include "load/site_loader.h"

namespace fs = std::filesystem;
using namespace sveden;

TEST_CASE("unread inputs: a table and a page linked from outside the site folder are errors") {
  fs::path root = fs::temp_directory_path() / fs::path("sveden-unread-" + std::to_string(std::rand()));
  fs::path site = root / "site";
  for (const auto& [rel, contents] : test::read_tree(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal")) {
    fs::create_directories((site / rel).parent_path());
    std::ofstream(site / rel, std::ios::binary) << contents;
  }
  std::ofstream(root / "oge.csv") << "school_id;year;subject;participants\nT1;2024;математика;3\n";
  std::ofstream(root / "about.md") << "---\ntitle: О нас\n---\n";
  fs::remove(site / "data/oge.csv");
  fs::create_symlink(root / "oge.csv", site / "data/oge.csv");
  fs::create_symlink(root / "about.md", site / "content/about.md");

  RealDisk disk(site.string());
  Diagnostics diag;
  load_municipality(disk, LoadOptions{}, diag);
  std::string all = format_all(diag);
  INFO(all);
  CHECK(all.find("data/oge.csv: ошибка: файл не читается: путь ведёт за пределы папки сайта: это символическая ссылка на «" +
                 (root / "oge.csv").string() + "»\n"
                 "  подсказка: положите на это место сам файл — не ссылку, не папку и не устройство\n") != std::string::npos);
  CHECK(all.find("content/about.md: ошибка: файл не читается: путь ведёт за пределы папки сайта: это символическая ссылка на «" +
                 (root / "about.md").string() + "»\n") != std::string::npos);
  CHECK(diag.errors() == 2);  // each once, under its own name
  fs::remove_all(root);
}
