// The ПП № 662 report of the demo read as the department and an inspector read it: each value marked
// «по данным школ» is the figure the monitoring page prints for the same indicator and year, the
// open data say the same, and the list of what is missing names exactly the empty cells.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "../support/built_site.h"
#include "../support/test_files.h"
#include "analyse/indicators.h"
#include "analyse/monitoring.h"
#include "analyse/overview.h"
#include "audit/html_document.h"
#include "load/indicator_vocabulary.h"
#include "load/pp662_vocabulary.h"
#include "load/site_loader.h"
#include "russian/names.h"
#include "russian/typography.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

struct Demo {
  const test::BuiltSite& site = test::demo_build();
  Municipality m;
  int year = 0;
  Demo() {
    RealDisk disk(SVEDEN_SOURCE_DIR);
    Diagnostics diag;
    m = std::move(*load_municipality(disk, LoadOptions{}, diag));
    year = m.site.years.back();
  }
  fs::path report() const { return site.out / fmt::format("reports/monitoring-{}/index.html", year); }
};

const Demo& demo() {
  static Demo d;
  return d;
}

// Rows of every table of a page as the texts of their cells, by the table's caption.
std::map<std::string, std::vector<std::vector<std::string>>> tables(const HtmlDocument& doc) {
  std::map<std::string, std::vector<std::vector<std::string>>> out;
  for (int t : doc.elements("table")) {
    std::string caption;
    std::vector<std::vector<std::string>> rows;
    for (int n = t + 1; n < doc.nodes[t].end; ++n) {
      const HtmlNode& x = doc.nodes[n];
      if (x.type != HtmlNode::Type::element) continue;
      if (x.tag == "caption") caption = doc.text_content(n);
      if (x.tag == "tr") {
        std::vector<std::string> cells;
        for (int c = n + 1; c < x.end; ++c)
          if (doc.nodes[c].type == HtmlNode::Type::element && (doc.nodes[c].tag == "td" || doc.nodes[c].tag == "th"))
            cells.push_back(doc.text_content(c));
        rows.push_back(cells);
      }
    }
    out[caption.empty() ? "таблица " + std::to_string(out.size() + 1) : caption] = rows;  // tables without a caption by their place
  }
  return out;
}

// The indicator tables of the report (one per group, «Показатели мониторинга: 2.1. …») as one: the
// header row once, then every row.
std::vector<std::vector<std::string>> indicator_table(const HtmlDocument& doc) {
  std::vector<std::vector<std::string>> out;
  for (auto& [caption, rows] : tables(doc))
    if (caption.find("Показатели мониторинга: ") != std::string::npos && !rows.empty())
      out.insert(out.end(), out.empty() ? rows.begin() : rows.begin() + 1, rows.end());
  return out;
}

// «1 234,5» → 1234.5
double as_number(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  std::replace(s.begin(), s.end(), ',', '.');
  return std::stod(s);
}

std::string no_nbsp(std::string s) { return test::plain_spaces(s); }

}  // namespace

TEST_CASE("monitoring report: every value computed from the data is the figure the monitoring page prints") {
  const Demo& d = demo();
  const Pp662Vocabulary& v = builtin_pp662();
  HtmlDocument report = parse_html(test::read_file(d.report()));
  auto rows = indicator_table(report);
  REQUIRE(rows.size() > v.indicators.size());
  const auto& headers = rows.front();
  HtmlDocument page = parse_html(test::read_file(d.site.out / "monitoring/index.html"));
  auto monitoring = tables(page);
  int compared = 0;
  for (const auto& ind : v.indicators) {
    if (ind.indicator.empty()) continue;
    auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.size() > 1 && r[1] == ind.title; });
    REQUIRE_MESSAGE(row != rows.end(), ind.id);
    CHECK(row->back() == "по данным школ");
    const IndicatorSpec* spec = nullptr;
    for (const auto& s : builtin_indicators())
      if (s.id == ind.indicator) spec = &s;
    REQUIRE(spec);
    // The monitoring page's row of the same series, found by its title, and its year columns.
    std::string title = series_title(*spec, ind.subject);
    const std::vector<std::string>* site_row = nullptr;
    const std::vector<std::string>* site_headers = nullptr;
    // A series without a subject is a row of its own; one with subjects is a row under its indicator's
    // heading row («Средний балл ЕГЭ, балл»), named by the subject.
    for (const auto& [caption, trs] : monitoring) {
      std::string heading;
      for (const auto& tr : trs) {
        if (tr.size() == 1) heading = tr[0];
        bool under = !ind.subject.empty() && heading.rfind(spec->title, 0) == 0 && tr.size() > 1 && tr[0] == ind.subject;
        if (!tr.empty() && (tr[0] == title || under)) {
          site_row = &tr;
          site_headers = &trs.front();
        }
      }
    }
    REQUIRE_MESSAGE(site_row, title);
    for (size_t c = 3; c + 1 < headers.size(); ++c) {
      auto col = std::find(site_headers->begin(), site_headers->end(), headers[c]);
      REQUIRE_MESSAGE(col != site_headers->end(), headers[c]);
      std::string shown = no_nbsp((*site_row)[static_cast<size_t>(col - site_headers->begin())]);
      std::string printed = no_nbsp((*row)[c]);
      INFO(ind.id << ", " << headers[c] << ": отчёт «" << printed << "», сайт «" << shown << "»");
      if (shown == "—") CHECK(printed == "нет данных");
      else CHECK((ind.unit == "%" ? printed.append(" %") : printed) == shown);
      ++compared;
    }
  }
  CHECK(compared >= 12);  // seven series over the demo's three years, most with values
}

TEST_CASE("monitoring report: counted figures match the site's overview, and the open data match the report") {
  const Demo& d = demo();
  const Pp662Vocabulary& v = builtin_pp662();
  auto rows = indicator_table(parse_html(test::read_file(d.report())));
  REQUIRE(!rows.empty());
  Overview o = compute_overview(d.m);
  REQUIRE(o.year);
  auto column = std::find(rows.front().begin(), rows.front().end(), std::to_string(*o.year)) - rows.front().begin();
  auto row_of = [&](const std::string& id) {
    const Pp662Indicator* ind = v.find(id);
    REQUIRE(ind);
    for (const auto& r : rows)
      if (r.size() > 1 && r[1] == ind->title) return r;
    FAIL("no row " << id);
    return std::vector<std::string>{};
  };
  CHECK(no_nbsp(row_of("students")[static_cast<size_t>(column)]) == no_nbsp(format_count(o.students)));
  CHECK(no_nbsp(row_of("schools")[static_cast<size_t>(column)]) == no_nbsp(format_count(o.schools_reporting)));
  // opendata/monitoring.csv: the same value in every cell, with the same origin.
  auto csv = test::parse_csv(test::read_file(d.site.out / "opendata/monitoring.csv"));
  REQUIRE(csv.size() == 1 + v.indicators.size() * d.m.site.years.size());
  for (size_t i = 1; i < csv.size(); ++i) {
    const auto& r = csv[i];
    const Pp662Indicator* ind = v.find(r[0]);
    REQUIRE(ind);
    auto tr = row_of(ind->id);
    auto col = std::find(rows.front().begin(), rows.front().end(), r[4]) - rows.front().begin();
    std::string printed = no_nbsp(tr[static_cast<size_t>(col)]);
    std::string value = r[5];
    INFO(r[0] << " " << r[4]);
    if (value.empty()) CHECK((printed == "нет данных" || printed == "—"));
    // The CSV keeps the unit's digits («12,0»), the report drops zeros of a share as the site does («12»).
    else CHECK(as_number(value) == as_number(printed));
    CHECK(r[6] == (ind->entered() ? "entered" : "computed"));
  }
}

TEST_CASE("monitoring report: the missing list names exactly the indicators and years without a value") {
  const Demo& d = demo();
  HtmlDocument doc = parse_html(test::read_file(d.report()));
  auto rows = indicator_table(doc);
  REQUIRE(!rows.empty());
  const auto& headers = rows.front();
  // Expected: every «нет данных» cell of the indicator table, by indicator title and year.
  std::map<std::string, std::vector<int>> empty;
  for (const auto& r : rows)
    for (size_t c = 3; c + 1 < r.size(); ++c)
      if (r[c] == "нет данных") empty[r[1]].push_back(std::stoi(headers[c]));
  REQUIRE(!empty.empty());  // the demo leaves some out on purpose
  std::map<std::string, std::vector<int>> listed;
  bool found = false;
  for (const auto& [caption, trs] : tables(doc)) {
    if (caption.find("Чего не хватает") == std::string::npos) continue;
    found = true;
    for (size_t i = 1; i < trs.size(); ++i) {
      if (trs[i][1].rfind("Раздел «", 0) == 0) continue;
      std::vector<int> years;
      std::string text = no_nbsp(trs[i][2]);
      for (int y : d.m.site.years)
        if (text.find(std::to_string(y)) != std::string::npos) years.push_back(y);
      listed[trs[i][1]] = years;
    }
  }
  REQUIRE(found);
  CHECK(listed == empty);
  // The demo writes no conclusions for its year: the list names that section too.
  std::string text = doc.text_content(0);
  CHECK(text.find("Раздел «Выводы и заключения»") != std::string::npos);
}

TEST_CASE("monitoring gaps: nothing is missing once every value and every section's text is given") {
  Municipality m;
  m.site.years = {2025};
  const Pp662Vocabulary& v = builtin_pp662();
  IndicatorSet set;
  set.years = {2025};
  MonitoringTable t = compute_monitoring(m, set, v);
  MonitoringGaps before = monitoring_gaps(t, m.monitoring, v, 2025);
  // No data: every indicator lacks its value, but for the growth rate, which has no year before 2025.
  size_t applicable = 0;
  for (const auto& row : t.values) applicable += row[0].applicable;
  CHECK(applicable == v.indicators.size() - 1);
  CHECK(before.value_count() == applicable);
  for (auto& row : t.values)
    for (auto& cell : row) cell.value = 1.0;
  for (const auto& s : v.sections)
    if (s.text) m.monitoring.texts[2025][s.id] = "Текст.";
  CHECK(monitoring_gaps(t, m.monitoring, v, 2025).empty());
}

TEST_CASE("monitoring report: docs/REPORTS.md lists every indicator the department enters") {
  std::string docs = test::read_file(fs::path(SVEDEN_SOURCE_DIR) / "docs/REPORTS.md");
  for (const auto& i : builtin_pp662().indicators)
    if (i.entered()) CHECK_MESSAGE(docs.find("| `" + i.id + "` | " + i.number + " |") != std::string::npos, i.id);
}
