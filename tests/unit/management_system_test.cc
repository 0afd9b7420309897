// The page «Муниципальная система работы со ШНОР»: every component of the management cycle under its heading, in
// the cycle's order, with the department's own words from content/system.yaml and what the site has for it
// (the roadmap's goal, the criteria groups, the tables, the reports, the targets), linked from the portal's menu.
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/test_files.h"
#include "model/management_system.h"

using namespace sveden;
namespace fs = std::filesystem;

TEST_CASE("management system page: each component of the cycle with the department's words and the site's own") {
  std::string tmpl = (fs::temp_directory_path() / "sveden-system-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()));
  fs::path site = tmpl;
  fs::copy(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal", site, fs::copy_options::recursive);
  std::string yaml = "intro: ZZintroZZ\n";
  for (const auto& c : system_components()) yaml += std::string(c.key) + ": \"**ZZ" + c.key + "ZZ**\"\n";
  std::ofstream(site / "content/system.yaml", std::ios::binary) << yaml;
  std::ofstream(site / "content/roadmap.yaml", std::ios::binary) << R"(title: Программа поддержки школ
approved: {document: Приказ отдела образования, number: б/н}
period: {from: 2024, to: 2025}
goal: [Первая цель программы, Вторая цель программы]
coordinator: {position: Начальник отдела}
sections:
  - id: s1
    title: Раздел
    activities:
      - {id: a1, title: Совещание, term: Март – апрель 2024, responsible: Отдел образования}
targets: []
control_points: []
)";
  {
    test::BuiltSite built(site.string());
    std::string page = test::read_file(built.out / "system/index.html");
    CHECK(page.find("ZZintroZZ") != std::string::npos);
    // In the cycle's order, each with its words rendered as Markdown.
    size_t at = 0;
    for (const auto& c : system_components()) {
      std::string key = c.key;
      CAPTURE(key);
      size_t heading = page.find(std::string(". ") + c.title + "</h2>", at);
      REQUIRE(heading != std::string::npos);
      size_t words = page.find(std::string("<strong>ZZ") + c.key + "ZZ</strong>", heading);
      CHECK(words != std::string::npos);
      at = heading;
    }
    // What the site has: both goals of the roadmap, linked to it; the roadmap's order without a number.
    CHECK(page.find("Цель: Первая цель программы") != std::string::npos);
    CHECK(page.find("Цель: Вторая цель программы") != std::string::npos);
    CHECK(page.find("href=\"../support/roadmap/index.html\"") != std::string::npos);
    CHECK(page.find("№\u00A0б/н") != std::string::npos);
    // Linked from every page of the portal's menu.
    std::string home = test::read_file(built.out / "index.html");
    CHECK(home.find("href=\"./system/index.html\"") != std::string::npos);
  }
  fs::remove_all(site);
}
