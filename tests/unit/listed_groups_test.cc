// Groups without rules (docs/CRITERIA.md, 7.1 and 7.2): a group whose members are an order's list by year
// (members: list, decisions.yaml schools:), Rosobrnadzor's list (members: rosobrnadzor) or the years of «500+»
// (members: project500). A school in such a list is in the group wherever the site says so — its own site, the
// support page, the analysis report, open data — with the list's source, and never «не входит в перечни».
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/fixture_copy.h"
#include "../support/test_files.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

fs::path examples() { return fs::path(SVEDEN_SOURCE_DIR) / "examples"; }

// A published file as a reader sees it: a non-breaking space is a space.
std::string readable(const fs::path& file) {
  std::string s = test::read_file(file);
  for (size_t at = 0; (at = s.find("\u00A0", at)) != std::string::npos;) s.replace(at, 2, " ");
  for (size_t at = 0; (at = s.find("&nbsp;", at)) != std::string::npos;) s.replace(at, 6, " ");
  return s;
}

// The rows of opendata/lists.csv for a group and year, as (school_id, status, basis, order_number).
std::vector<std::vector<std::string>> list_rows(const fs::path& out, const std::string& group, const std::string& year) {
  auto rows = test::parse_csv(test::read_file(out / "opendata/lists.csv"));
  REQUIRE(rows.size() > 0);
  const auto& h = rows[0];
  auto col = [&](const char* name) { return static_cast<size_t>(std::find(h.begin(), h.end(), name) - h.begin()); };
  std::vector<std::vector<std::string>> found;
  for (size_t r = 1; r < rows.size(); ++r)
    if (rows[r][col("group")] == group && rows[r][col("year")] == year)
      found.push_back({rows[r][col("school_id")], rows[r][col("status")], rows[r][col("basis")], rows[r][col("order_number")]});
  return found;
}

std::string readable_text(const std::vector<std::string>& row) {
  std::string s;
  for (const auto& cell : row) s += cell + ";";
  for (size_t at = 0; (at = s.find("\u00A0", at)) != std::string::npos;) s.replace(at, 2, " ");
  return s;
}


}  // namespace

TEST_CASE("listed ШНОР (Кежемский район): each listed school is in the group on its own site, the support page and open data") {
  test::BuiltSite site((examples() / "kezhma").string());
  // The order's list of 2025 (T1, T2) and of 2024 (T1, T2, T3), approved, by the list.
  auto rows = list_rows(site.out, "shnor", "2025");
  REQUIRE(rows.size() == 2);
  for (const auto& r : rows) {
    CHECK(r[1] == "утверждён");
    CHECK(r[2] == "перечень");
    CHECK(r[3] == "281");
  }
  CHECK(rows[0][0] == "T1");
  CHECK(rows[1][0] == "T2");
  CHECK(list_rows(site.out, "shnor", "2024").size() == 3);

  // The school's own site: its place in the approved list, never «не входит в перечни».
  std::string t1 = readable(site.out / "schools/sosh-1/kachestvo/index.html");
  CHECK(t1.find("2025 год: Школы с низкими образовательными результатами (ШНОР) — перечень утверждён") != std::string::npos);
  CHECK(t1.find("не входит в перечни") == std::string::npos);
  // The branch left the list in 2025: its site names 2024's order only.
  std::string t3 = readable(site.out / "schools/polevskoy-filial/kachestvo/index.html");
  CHECK(t3.find("2024 год: Школы с низкими образовательными результатами (ШНОР) — перечень утверждён") != std::string::npos);
  CHECK(t3.find("2025 год: Школы с низкими") == std::string::npos);

  // The support page: the approved list with its order; the criteria page says the group has no rules.
  std::string support = readable(site.out / "support/index.html");
  CHECK(support.find("Перечень утверждён приказом управления образования от 29 августа 2025 г. № 281") != std::string::npos);
  CHECK(support.find("Критериев у группы нет: состав на каждый год — перечень, утверждённый приказом.") != std::string::npos);

  // The ДДТ of the example (data/organisations.csv) is in the register, with no verdict and no school pages: its
  // site has «Сведения…» only (organisation_sites_test), no quality page and no profile.
  const std::string ddt = "МБУ ДО «ДДТ» (пример)";
  CHECK(test::read_file(site.out / "schools/index.html").find("Дом детского творчества") != std::string::npos);
  CHECK(test::read_file(site.out / "opendata/organisations.csv").find(ddt) != std::string::npos);
  CHECK(test::read_file(site.out / "opendata/classification.csv").find("ДДТ") == std::string::npos);
  CHECK(test::read_file(site.out / "opendata/lists.csv").find("ДДТ") == std::string::npos);
  CHECK_FALSE(fs::exists(site.out / "schools/ddt/kachestvo"));
  CHECK_FALSE(fs::exists(site.out / "reports/schools/ddt"));

  // Open data: the verdicts by the list, with the order as their ground.
  std::string classification = readable(site.out / "opendata/classification.csv");
  CHECK(classification.find("в перечне приказа от 29 августа 2025") != std::string::npos);
}

TEST_CASE("listed groups of Дагестанские Огни: three groups without rules, each with the order's list, in the analysis report") {
  test::BuiltSite site((examples() / "dagogni").string());
  CHECK(list_rows(site.out, "risk", "2025").size() == 2);
  CHECK(list_rows(site.out, "risk", "2024").size() == 1);
  auto growth = list_rows(site.out, "growth", "2025");
  REQUIRE(growth.size() == 1);
  CHECK(growth[0][0] == "T3");
  // No list for 2024: the group has none that year, in open data and on the support page.
  CHECK(list_rows(site.out, "growth", "2024").empty());
  // Each key the methodologist wrote for a group without rules is published: title and description on the support
  // page, short_title in lists.csv.
  std::string support = readable(site.out / "support/index.html");
  CHECK(support.find("Школы роста") != std::string::npos);
  CHECK(support.find("Школы, которые переходят в эффективный режим работы и делятся опытом") != std::string::npos);
  CHECK(test::read_file(site.out / "opendata/lists.csv").find(";школы-лидеры;2025;") != std::string::npos);
  std::string report = readable(site.out / "reports/analysis-2025/index.html");
  CHECK(report.find("Школы роста: 1") != std::string::npos);
  CHECK(report.find("Школы роста: по расчёту") == std::string::npos);
  // The programme does not track progress: its report never counts an activity as «просрочено».
  size_t line = report.find("Дорожная карта: выполнено");
  REQUIRE(line != std::string::npos);
  CHECK(report.substr(line, report.find("</li>", line) - line).find("просрочено") == std::string::npos);
}

TEST_CASE("groups by Rosobrnadzor's list and by «500+»: members by year from the tables, published with the source") {
  test::FixtureCopy fixture({
      {"content/criteria.yaml", "presets: [yelnya]\n"
                                "groups:\n"
                                "  - id: rosobr_list\n"
                                "    title: Школы из списка Рособрнадзора\n"
                                "    members: rosobrnadzor\n"
                                "    federal_list: низкие образовательные результаты\n"
                                "  - id: p500\n"
                                "    title: Участники проекта «500+»\n"
                                "    members: project500\n"},
      {"data/federal_lists.csv", "Код ОО;Год;Список\nT2;2025;низкие образовательные результаты\nT1;2025;признаки необъективности\n"},
      {"data/project500.csv", "school_id;year\nT2;2024\nT2;2025\n"},
      // A target measured on the «500+» group: of its schools of 2024, the share no longer in it in 2025.
      {"content/roadmap.yaml", "title: План\n"
                               "approved: {document: Приказ отдела образования, number: 1, date: 2024-01-15}\n"
                               "period: {from: 2024, to: 2025}\n"
                               "goal: Цель\n"
                               "coordinator: {position: Начальник отдела}\n"
                               "sections:\n"
                               "  - id: s\n"
                               "    title: Раздел\n"
                               "    activities:\n"
                               "      - {id: a, title: Мероприятие, deadline: 2025-05-01, responsible: Отдел образования}\n"
                               "targets:\n"
                               "  - id: left500\n"
                               "    title: Доля школ, вышедших из проекта «500+»\n"
                               "    unit: \"%\"\n"
                               "    targets: {2025: 50}\n"
                               "    fact: {measure: share_of_group_left, group: p500}\n"
                               "control_points: []\n"},
  });
  test::BuiltSite site(fixture.dir.string());
  auto rosobr = list_rows(site.out, "rosobr_list", "2025");
  REQUIRE(rosobr.size() == 1);  // T1's list is another one
  CHECK(rosobr[0][0] == "T2");
  CHECK(rosobr[0][1] == "по данным Рособрнадзора");
  CHECK(rosobr[0][2] == "Рособрнадзор");
  CHECK(list_rows(site.out, "rosobr_list", "2024").empty());
  CHECK(list_rows(site.out, "p500", "2024").size() == 1);
  CHECK(list_rows(site.out, "p500", "2025").at(0)[2] == "500+");
  std::string support = readable(site.out / "support/index.html");
  CHECK(support.find("Состав группы — по данным Рособрнадзора (data/federal_lists.csv, список «низкие образовательные результаты»): 1") !=
        std::string::npos);
  CHECK(support.find("Состав группы — по данным проекта «500+» (data/project500.csv): 1") != std::string::npos);
  // The «500+» group in a roadmap target measure: T2 stayed in 2025, so none of 2024's schools left.
  bool measured = false;
  for (const auto& row : test::parse_csv(test::read_file(site.out / "opendata/targets.csv")))
    if (row.size() > 7 && row[0] == "left500" && row[2] == "2025") {
      measured = true;
      CHECK(row[4] == "0,0");
      CHECK(readable_text(row).find("0 из 1 школы") != std::string::npos);
    }
  CHECK(measured);
  std::string t2 = readable(site.out / "schools/lesnaya-oosh/kachestvo/index.html");
  CHECK(t2.find("2025 год: Школы из списка Рособрнадзора — по данным Рособрнадзора") != std::string::npos);
}

// The text of a page as a reader reads it: tags dropped, entities of the pages decoded, spaces collapsed.
std::string page_text(const fs::path& file) {
  std::string html = readable(file), out;
  bool tag = false;
  for (char c : html) {
    if (c == '<') tag = true;
    else if (c == '>') tag = false, out += ' ';
    else if (!tag) out += c;
  }
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{{"&laquo;", "«"}, {"&raquo;", "»"}, {"&quot;", "\""}})
    for (size_t at = 0; (at = out.find(from, at)) != std::string::npos;) out.replace(at, from.size(), to);
  std::string collapsed;
  for (char c : out)
    if (!(c == ' ' || c == '\n') || (!collapsed.empty() && collapsed.back() != ' ')) collapsed += (c == '\n' ? ' ' : c);
  return collapsed;
}

TEST_CASE("listed groups (Дагестанские Огни): a year without a list is «перечень не задан», never «не утверждён»") {
  // «Школы роста» and «школы-лидеры» have lists for 2025 only: for 2024 the department gave none, so there is
  // nothing an order could approve. (ШНОР and ШФНСУ go by rules: their lists wait for an order, rightly
  // «не утверждён».)
  test::BuiltSite site((examples() / "dagogni").string());
  std::vector<fs::path> pages = {"support/index.html", "reports/analysis-2025/index.html", "reports/analysis-2024/index.html",
                                 "audit/index.html"};
  for (const auto& e : fs::directory_iterator(site.out / "reports/schools"))
    if (e.is_directory()) pages.push_back(fs::path("reports/schools") / e.path().filename() / "index.html");
  for (const auto& page : pages) {
    std::string file = page.string();
    CAPTURE(file);
    std::string text = page_text(site.out / page);
    for (const char* group : {"Школы роста", "Школы-лидеры со стабильно высокими результатами"}) {
      CAPTURE(group);
      CHECK(text.find(std::string(group) + " 2024 — — — — — перечень не утверждён") == std::string::npos);
      CHECK(text.find(std::string(group) + ": перечень не утверждён") == std::string::npos);
      CHECK(text.find(std::string(group) + ": перечень на 2024 год приказом ещё не утверждён") == std::string::npos);
      if (file.rfind("reports/schools/", 0) == 0 && file != "reports/schools/index.html") continue;
      if (file == "audit/index.html") continue;
      // The movement table says it for the year.
      CHECK(text.find(std::string(group) + " 2024 — — — — — перечень не задан") != std::string::npos);
    }
  }
  std::string support = page_text(site.out / "support/index.html");
  CHECK(support.find("«Перечень не задан» — перечня группы на этот год управление не давало") != std::string::npos);
  // The analysis report of 2024 says the same in its section of the group and in its conclusions.
  std::string report = page_text(site.out / "reports/analysis-2024/index.html");
  CHECK(report.find("Школы роста: перечень не задан") != std::string::npos);
  CHECK(report.find("Школы роста: перечень на 2024 год не задан.") != std::string::npos);
}
