// Every value label of every chart of the demo is written as the tables write the same value: the
// chart's own data table holds exactly the labels, and where a page table prints the same figure (a
// school's latest value and the municipal value on its quality page, plan and fact of a roadmap
// target) the two strings are equal. The comparisons are counted, so the test cannot pass by
// finding nothing.
#include <filesystem>
#include <regex>
#include <set>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/test_files.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

std::string strip_tags(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (char ch : html) {
    if (ch == '<') in_tag = true;
    else if (ch == '>') in_tag = false;
    else if (!in_tag) out += ch;
  }
  for (auto [from, to] : {std::pair<std::string, std::string>{"&nbsp;", " "}, {"\u00A0", " "}, {"&quot;", "\""},
                          {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}})
    for (size_t p = out.find(from); p != std::string::npos; p = out.find(from, p + to.size())) out.replace(p, from.size(), to);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}

struct Table {
  std::string caption;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;  // the row header first
};

Table parse_table(const std::string& html) {
  static const std::regex caption(R"(<caption[^>]*>([\s\S]*?)</caption>)");
  static const std::regex header(R"(<th scope="col"[^>]*>([\s\S]*?)</th>)");
  static const std::regex row(R"(<tr>([\s\S]*?)</tr>)");
  static const std::regex cell(R"(<t[hd][^>]*>([\s\S]*?)</t[hd]>)");
  Table t;
  std::smatch m;
  if (std::regex_search(html, m, caption)) t.caption = strip_tags(m[1]);
  size_t body = html.find("<tbody>");
  std::string head = html.substr(0, body), rows = body == std::string::npos ? "" : html.substr(body);
  for (std::sregex_iterator h(head.begin(), head.end(), header), end; h != end; ++h) t.headers.push_back(strip_tags((*h)[1]));
  for (std::sregex_iterator r(rows.begin(), rows.end(), row), end; r != end; ++r) {
    std::string cells = (*r)[1];
    std::vector<std::string> out;
    for (std::sregex_iterator c(cells.begin(), cells.end(), cell); c != end; ++c) out.push_back(strip_tags((*c)[1]));
    t.rows.push_back(out);
  }
  return t;
}

// «9 %», «3,38», «3,50 (5 школ)» → the figure without unit and note; empty if the cell is no figure.
std::string figure_of(const std::string& cell) {
  std::string s = cell.substr(0, cell.find(" ("));
  if (s.ends_with(" %")) s.resize(s.size() - 2);
  if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s[0])) || s.starts_with("−"))) return {};
  for (char ch : s)
    if (!(std::isdigit(static_cast<unsigned char>(ch)) || ch == ',' || ch == ' ' || ch < 0)) return {};
  return s;
}

int column(const Table& t, const std::string& name) {
  for (size_t k = 0; k < t.headers.size(); ++k)
    if (t.headers[k] == name) return static_cast<int>(k);
  return -1;
}

struct Counts {
  int charts = 0, labels = 0, page_cells = 0;
};

void check_page(const std::string& html, const std::string& where, Counts& n) {
  static const std::regex chip(R"re(rx="2" fill="#fff"/><text [^>]*>([^<]*)</text>)re");
  std::vector<std::string> figures;
  std::string rest;
  size_t at = 0;
  for (size_t f = html.find("<figure class=\"chart"); f != std::string::npos; f = html.find("<figure class=\"chart", at)) {
    rest += html.substr(at, f - at);
    at = html.find("</figure>", f) + 9;
    figures.push_back(html.substr(f, at - f));
  }
  rest += html.substr(at);
  std::vector<Table> page;
  for (size_t t = rest.find("<table"); t != std::string::npos; t = rest.find("<table", t + 1))
    page.push_back(parse_table(rest.substr(t, rest.find("</table>", t) - t)));
  for (const auto& fig : figures) {
    if (fig.find("chart-empty") != std::string::npos) continue;
    ++n.charts;
    // A chart beside its table (a roadmap target) has none of its own: its labels are that table's figures.
    bool beside = fig.find("chart-beside") != std::string::npos;
    size_t t = beside ? std::string::npos : fig.find("<table");
    size_t own = beside ? html.rfind("<table", html.find(fig)) : std::string::npos;
    REQUIRE_MESSAGE((t != std::string::npos || own != std::string::npos), where);
    Table data = beside ? parse_table(html.substr(own, html.find("</table>", own) - own)) : parse_table(fig.substr(t));
    if (beside)  // the figures without units and notes, as the labels print them
      for (auto& r : data.rows)
        for (size_t k = 1; k < r.size(); ++k) r[k] = figure_of(r[k]).empty() ? "—" : figure_of(r[k]);
    bool stacked = fig.find("chart-stacked") != std::string::npos;
    std::multiset<std::string> cells;
    for (const auto& r : data.rows)
      for (size_t k = 1; k < r.size(); ++k)
        if (r[k] != "—") cells.insert(stacked ? r[k].substr(0, r[k].find(" (")) : r[k]);
    std::multiset<std::string> labels;
    for (std::sregex_iterator c(fig.begin(), fig.end(), chip), end; c != end; ++c) labels.insert(strip_tags((*c)[1]));
    // A line chart labels every value; bars and segments too narrow for their label go without one.
    if (fig.find("chart-line") != std::string::npos) CHECK_MESSAGE(labels == cells, where, ": ", data.caption);
    for (const auto& l : labels) {
      CHECK_MESSAGE(cells.count(l) > 0, where, ": ", data.caption, ": the label «", l, "» is not in the chart's table");
      ++n.labels;
    }
    if (stacked || beside) continue;
    // The same figures in the page's own tables; the report of all school profiles in one file is the
    // profiles one after another, each checked on its own page, and its tables share their titles.
    if (where == "reports/schools/index.html") continue;
    std::string title = data.caption.substr(data.caption.find(": ") + 2);
    for (size_t k = 1; k < data.headers.size(); ++k) {
      std::string series = data.headers[k].substr(0, data.headers[k].rfind(", "));
      for (const auto& tab : page) {
        int col = column(tab, series);
        if (col < 0) continue;
        for (const auto& row : tab.rows) {
          if (row.empty() || static_cast<size_t>(col) >= row.size()) continue;
          const std::vector<std::string>* chart_row = nullptr;
          int year = column(tab, "Год");  // a printed profile's table: the series' years in a column
          if (row[0] == title && year >= 0 && static_cast<size_t>(year) < row.size()) {
            for (const auto& r : data.rows)
              if (!r.empty() && r[0] == row[year]) chart_row = &r;
          } else if (row[0] == title) {
            chart_row = &data.rows.back();  // the latest year, beside the other indicators
          } else if (tab.caption.starts_with(title))             // a table of this chart's own series, by year
            for (const auto& r : data.rows)
              if (!r.empty() && r[0] == row[0]) chart_row = &r;
          if (!chart_row || k >= chart_row->size()) continue;
          std::string printed = figure_of(row[col]), charted = (*chart_row)[k];
          if (printed.empty() || charted == "—") continue;
          CHECK_MESSAGE(printed == charted, where, ": ", title, ", ", series, ", ", (*chart_row)[0], ": the page prints «",
                        row[col], "», the chart «", charted, "»");
          ++n.page_cells;
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("chart labels: every value label of the demo's charts is the figure its tables print") {
  const fs::path& out = test::demo_build().out;
  Counts n;
  for (const auto& e : fs::recursive_directory_iterator(out))
    if (e.is_regular_file() && e.path().extension() == ".html") {
      std::string html = test::read_file(e.path());
      if (html.find("<figure class=\"chart") != std::string::npos) check_page(html, fs::relative(e.path(), out).string(), n);
    }
  MESSAGE("charts ", n.charts, ", labels ", n.labels, ", figures also in page tables ", n.page_cells);
  CHECK(n.charts >= 100);
  CHECK(n.labels >= 1000);
  CHECK(n.page_cells >= 100);
}
