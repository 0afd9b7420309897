// A branch is a part of its school, never a school: every count of the demo's published output that
// includes its branch says so («9 из 18 организаций: 17 школ и 1 филиал»), opendata/municipal.csv
// counts schools and branches apart, and no page, report or file calls 18 organisations «18 школ».
#include <filesystem>
#include <map>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/test_files.h"
#include "russian/typography.h"

using namespace sveden;
namespace fs = std::filesystem;

TEST_CASE("count_schools_out_of: the whole after «из», a branch named as a branch") {
  const std::string nb = "\u00A0";
  CHECK(count_schools_out_of(17, 0) == "17" + nb + "школ");
  CHECK(count_schools_out_of(1, 0) == "1" + nb + "школы");
  CHECK(count_schools_out_of(21, 0) == "21" + nb + "школы");
  CHECK(count_schools_out_of(17, 1) == "18" + nb + "организаций: 17" + nb + "школ и" + nb + "1" + nb + "филиал");
  CHECK(count_schools_out_of(20, 1) == "21" + nb + "организации: 20" + nb + "школ и" + nb + "1" + nb + "филиал");
  CHECK(count_schools_out_of(0, 2) == "2" + nb + "филиалов");
  CHECK(count_schools_out_of(0, 1) == "1" + nb + "филиала");
}

TEST_CASE("demo: the branch is never counted as a school in pages, reports and open data") {
  const fs::path& out = test::demo_build().out;

  // Which organisations are branches (opendata/organisations.csv), and the published values of each
  // series and year (opendata/indicators.csv), counted apart.
  auto orgs = test::parse_csv(test::read_file(out / "opendata/organisations.csv"));
  std::map<std::string, bool> branch;
  long long schools = 0, branches = 0;
  for (size_t i = 1; i < orgs.size(); ++i) {
    if (orgs[i][0] != "школа" && orgs[i][0] != "филиал") continue;
    branch[orgs[i][1]] = orgs[i][0] == "филиал";
    ++(orgs[i][0] == "филиал" ? branches : schools);
  }
  REQUIRE(schools == 17);
  REQUIRE(branches == 1);
  auto values = test::parse_csv(test::read_file(out / "opendata/indicators.csv"));
  std::map<std::string, std::pair<int, int>> published;  // indicator;subject;year → schools, branches
  for (size_t i = 1; i < values.size(); ++i)
    if (values[i][9] == "опубликовано") {
      auto& [s, b] = published[values[i][2] + ";" + values[i][4] + ";" + values[i][5]];
      ++(branch.at(values[i][0]) ? b : s);
    }
  auto municipal = test::parse_csv(test::read_file(out / "opendata/municipal.csv"));
  REQUIRE(municipal[0] == std::vector<std::string>{"indicator", "indicator_title", "subject", "year", "municipal", "regional",
                                                   "schools", "branches", "unit"});
  int rows_with_branch = 0;
  for (size_t i = 1; i < municipal.size(); ++i) {
    const auto& row = municipal[i];
    auto [s, b] = published[row[0] + ";" + row[2] + ";" + row[3]];
    CHECK_MESSAGE(row[6] == std::to_string(s), row[0], " ", row[2], " ", row[3]);
    CHECK_MESSAGE(row[7] == std::to_string(b), row[0], " ", row[2], " ", row[3]);
    rows_with_branch += b > 0;
  }
  CHECK(rows_with_branch > 0);

  // No «18 школ», «18 школам», «18 школы» anywhere; the percentile evidence names the branch.
  const std::string nb = "\u00A0", all = std::to_string(schools + branches);
  int named = 0;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (!e.is_regular_file()) continue;
    std::string ext = e.path().extension().string();
    if (ext != ".html" && ext != ".csv" && ext != ".json" && ext != ".md") continue;
    std::string text = test::read_file(e.path());
    for (const std::string& space : {nb, std::string(" ")})
      for (size_t at = text.find(all + space + "школ"); at != std::string::npos; at = text.find(all + space + "школ", at + 1)) {
        bool after_digit = at > 0 && std::isdigit(static_cast<unsigned char>(text[at - 1]));  // «118 школ» is not 18
        CHECK_MESSAGE(after_digit, fs::relative(e.path(), out).string(), ": ", text.substr(at > 80 ? at - 80 : 0, 160));
      }
    for (size_t at = text.find(count_schools_out_of(schools, branches)); at != std::string::npos;
         at = text.find(count_schools_out_of(schools, branches), at + 1))
      ++named;
  }
  CHECK(named >= 100);
  // The report's chart of the groups counts the branch with the schools, and says so.
  std::string report = test::read_file(out / "reports/analysis-2025/index.html");
  CHECK(report.find("Число школ и филиалов в группах по годам") != std::string::npos);
}
