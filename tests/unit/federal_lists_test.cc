// data/project500.csv and data/federal_lists.csv are published, not only loaded: the support page lists every
// school of either table with its years in «500+» and each Rosobrnadzor list with its years, and says the source.
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/test_files.h"
#include "russian/names.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

std::string strip_tags(const std::string& html) {
  std::string out;
  bool tag = false;
  for (char c : html) {
    if (c == '<') tag = true;
    else if (c == '>') tag = false, out += ' ';
    else if (!tag) out += c;
  }
  return out;
}

}  // namespace

TEST_CASE("demo support page: participation in «500+» and Rosobrnadzor's lists by school, with the source") {
  const test::BuiltSite& site = test::demo_build();
  std::string page = test::read_file(site.out / "support/index.html");
  size_t from = page.find("<h2 id=\"federal\">");
  REQUIRE(from != std::string::npos);
  std::string section = page.substr(from, page.find("</section>", from) - from);
  CHECK(section.find("по данным Рособрнадзора") != std::string::npos);

  std::map<std::string, std::string> names;  // school id → its name as the page prints it
  for (const auto& row : test::parse_csv(test::read_file(site.out / "opendata/organisations.csv")))
    if (row.size() > 4) names[row[1]] = typographic_quotes(row[4]);
  // A school's row: from its name to the end of the row.
  auto row_of = [&](const std::string& id) {
    size_t at = section.find(">" + names[id] + "<");
    REQUIRE_MESSAGE(at != std::string::npos, "нет строки школы ", id);
    return strip_tags(section.substr(at, section.find("</tr>", at) - at));
  };
  auto p500 = test::parse_csv(test::read_file(fs::path(SVEDEN_SOURCE_DIR) / "data/project500.csv"));
  REQUIRE(p500.size() > 1);
  for (size_t r = 1; r < p500.size(); ++r) {
    CAPTURE(p500[r][0]);
    CHECK(row_of(p500[r][0]).find(p500[r][1]) != std::string::npos);
  }
  auto lists = test::parse_csv(test::read_file(fs::path(SVEDEN_SOURCE_DIR) / "data/federal_lists.csv"));
  REQUIRE(lists.size() > 1);
  for (size_t r = 1; r < lists.size(); ++r) {
    CAPTURE(lists[r][0]);
    std::string row = row_of(lists[r][0]);
    size_t list = row.find(lists[r][2] + ":");
    REQUIRE_MESSAGE(list != std::string::npos, lists[r][2]);
    // The year after the list's name, before the next list.
    std::string years = row.substr(list, row.find(';', list) - list);
    CHECK_MESSAGE(years.find(lists[r][1]) != std::string::npos, years);
  }
}
