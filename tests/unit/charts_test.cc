#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "render/charts.h"

using namespace sveden;

namespace {

const std::string nb = "\u00A0";

Chart oge() {
  Chart c;
  c.id = "chart-oge-math";
  c.title = "Средний балл ОГЭ по математике";
  c.unit = "балл";
  c.categories = {"2023", "2024", "2025"};
  c.series = {{"Школа", {3.1, std::nullopt, 3.4}}, {"Муниципалитет", {3.5, 3.6, 3.5}}, {"Регион", {3.6, 3.6, 3.7}}};
  return c;
}

Chart plan_fact() {
  Chart c;
  c.id = "chart-plan";
  c.title = "Доля выпускников, поступивших в вузы";
  c.unit = "%";
  c.categories = {"2024", "2025", "2026"};
  c.series = {{"План", {60, 65, 70}}, {"Факт", {58, 66, std::nullopt}}, {"Прогноз", {std::nullopt, 64, 68}}};
  return c;
}

Chart marks() {
  Chart c;
  c.id = "chart-marks";
  c.title = "Отметки ОГЭ по русскому языку";
  c.unit = "чел.";
  c.categories = {"2024", "2025"};
  c.series = {{"2", {5, 2}}, {"3", {20, 18}}, {"4", {15, 20}}, {"5", {10, std::nullopt}}};
  return c;
}

std::vector<std::string> all_charts(const Chart& c) { return {line_chart(c), bar_chart(c), stacked_chart(c)}; }

// A table row as the chart writes it.
std::string row(const std::string& head, const std::vector<std::string>& cells) {
  std::string out = "<tr><th scope=\"row\">" + head + "</th>";
  for (const auto& cell : cells) out += "<td class=\"num\">" + cell + "</td>";
  return out + "</tr>";
}

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string between(const std::string& s, const std::string& from, const std::string& to) {
  size_t a = s.find(from);
  if (a == std::string::npos) return "";
  a += from.size();
  size_t b = s.find(to, a);
  return b == std::string::npos ? "" : s.substr(a, b - a);
}

// Every attribute value `name="…"` in order.
std::vector<std::string> attributes(const std::string& html, const std::string& name) {
  std::vector<std::string> out;
  std::string key = " " + name + "=\"";
  for (size_t p = html.find(key); p != std::string::npos; p = html.find(key, p + 1)) {
    size_t a = p + key.size();
    out.push_back(html.substr(a, html.find('"', a) - a));
  }
  return out;
}

// Every opened tag is closed in order, «<x …/>» closes itself; the charts use no void HTML elements, and
// attribute values never hold a raw «<» or «>» (they are escaped).
std::string tag_error(const std::string& html) {
  std::vector<std::string> open;
  for (size_t p = html.find('<'); p != std::string::npos; p = html.find('<', p + 1)) {
    size_t end = html.find('>', p);
    if (end == std::string::npos) return "unterminated tag at " + std::to_string(p);
    std::string tag = html.substr(p + 1, end - p - 1);
    if (tag.empty()) return "empty tag";
    if (tag[0] == '/') {
      if (open.empty() || open.back() != tag.substr(1)) return "</" + tag.substr(1) + "> closes nothing open";
      open.pop_back();
    } else if (tag.back() != '/') {
      open.push_back(tag.substr(0, tag.find(' ')));
    }
  }
  return open.empty() ? "" : "<" + open.back() + "> never closed";
}

}  // namespace

TEST_CASE("chart: title and description are in the figure and name the SVG") {
  Chart c = oge();
  c.description = "Балл школы ниже муниципального.";
  std::string html = line_chart(c);
  CHECK(has(html, "<figcaption>Средний балл ОГЭ по математике</figcaption>"));
  CHECK(has(html, R"(<svg role="img" aria-labelledby="chart-oge-math-title chart-oge-math-desc")"));
  CHECK(has(html, R"(<title id="chart-oge-math-title">Средний балл ОГЭ по математике</title>)"));
  // The axis of mean scores leaves zero out, and the description says so after the caller's words.
  std::string desc = "Балл школы ниже муниципального. Шкала начинается с 3,0, а не с нуля.";
  CHECK(has(html, R"(<desc id="chart-oge-math-desc">)" + desc + "</desc>"));
  CHECK(has(html, R"(<p class="chart-desc">)" + desc + "</p>"));
  CHECK(has(html, ">шкала начинается с 3,0, а не с нуля</text>"));
  CHECK(has(html, "viewBox=\"0 0 400 "));
  CHECK(has(html, "width=\"100%\""));
}

TEST_CASE("chart words compare the values as written, with the precision of the labels and the table") {
  Chart c = oge();
  c.series = {{"Школа", {3.66, 3.8, 3.71}}};
  c.decimals = 2;  // mean scores: two decimals show the difference
  std::string html = line_chart(c);
  CHECK(has(between(html, "<p class=\"chart-desc\">", "</p>"), "Значение выросло с 3,66 в 2023" + nb + "г. до 3,71 в 2025" + nb + "г."));
  CHECK(has(html, ">3,66</text>"));
  CHECK(has(html, "<td class=\"num\">3,71</td>"));
  // With one decimal both are «3,7», and the sentence says what the figures say.
  c.decimals = 1;
  CHECK(has(between(line_chart(c), "<p class=\"chart-desc\">", "</p>"),
            "Значение не изменилось: 3,7 в 2023" + nb + "г. и в 2025" + nb + "г."));
  // 3,649 → 3,651 is written 3,6 → 3,7: «выросло», though by two thousandths.
  c.series = {{"Школа", {3.649, std::nullopt, 3.651}}};
  CHECK(has(between(line_chart(c), "<p class=\"chart-desc\">", "</p>"), "Значение выросло с 3,6 в 2023"));
}

TEST_CASE("chart description is generated from the data when the caller gives none") {
  Chart one = oge();
  one.series.resize(1);
  CHECK(between(line_chart(one), "<p class=\"chart-desc\">", "</p>") ==
        "Значение выросло с 3,1 в 2023" + nb + "г. до 3,4 в 2025" + nb + "г. Шкала начинается с 3,1, а не с нуля.");

  std::string desc = between(line_chart(oge()), "<p class=\"chart-desc\">", "</p>");
  CHECK(has(desc, "Школа: значение выросло с 3,1 в 2023" + nb + "г. до 3,4 в 2025" + nb + "г."));
  CHECK(has(desc, "Муниципалитет: значение не изменилось: 3,5 в 2023" + nb + "г. и в 2025" + nb + "г."));
  CHECK(has(desc, "Регион: значение выросло с 3,6"));

  Chart down = plan_fact();
  down.series = {{"Школа", {40.5, 30, std::nullopt}}};
  // «30 %» as format_percent writes it in the tables, not «30,0 %».
  CHECK(between(line_chart(down), "<p class=\"chart-desc\">", "</p>") ==
        "Значение снизилось с 40,5" + nb + "% в 2024" + nb + "г. до 30" + nb + "% в 2025" + nb + "г.");

  // Bars and distributions describe the latest category that has data.
  CHECK(between(bar_chart(plan_fact()), "<p class=\"chart-desc\">", "</p>") ==
        "В 2026" + nb + "г.: План — 70" + nb + "%, Прогноз — 68" + nb + "%.");
  CHECK(between(stacked_chart(marks()), "<p class=\"chart-desc\">", "</p>") ==
        "В 2025" + nb + "г.: «2» — 5" + nb + "%, «3» — 45" + nb + "%, «4» — 50" + nb + "% (всего 40" + nb + "чел.).");
}

TEST_CASE("chart table holds every value written the Russian way, «—» where there is none") {
  std::string html = line_chart(oge());
  std::string table = between(html, "<table class=\"data chart-data\">", "</table>");
  REQUIRE(!table.empty());
  CHECK(has(html, R"(<div class="table-scroll" role="region" aria-labelledby="chart-oge-math-caption" tabindex="0">)"));
  CHECK(
      has(table, R"(<caption id="chart-oge-math-caption">Данные диаграммы: Средний балл ОГЭ по математике</caption>)"));
  CHECK(has(table,
            R"(<th scope="col">Год</th><th scope="col">Школа, балл</th><th scope="col">Муниципалитет, балл</th>)"));
  CHECK(has(table, row("2023", {"3,1", "3,5", "3,6"})));
  CHECK(has(table, row("2024", {"—", "3,6", "3,6"})));
  CHECK(has(table, row("2025", {"3,4", "3,5", "3,7"})));
  // The table is shown, not folded away or hidden: it is what print and screen readers get.
  CHECK(!has(html, "<details"));
  CHECK(!has(html, "hidden"));
  CHECK(!has(html, "display:none"));

  Chart big = oge();
  big.categories = {"Школа № 1", "Школа № 2", "Школа № 3"};
  big.category_title = "Школа";
  big.series = {{"Учащихся", {1234, 980, std::nullopt}}};
  big.unit = "чел.";
  std::string counts = bar_chart(big);
  CHECK(has(counts, "<th scope=\"col\">Школа</th><th scope=\"col\">Учащихся, чел.</th>"));
  CHECK(has(counts, "<td class=\"num\">1" + nb + "234</td>"));
  CHECK(has(counts, ">1" + nb + "234</text>"));
}

TEST_CASE("chart categories keep their order in the picture and in the table") {
  for (const auto& html : all_charts(oge())) {
    std::string svg = between(html, "<svg", "</svg>"), table = between(html, "<tbody>", "</tbody>");
    for (const auto* part : {&svg, &table}) {
      size_t a = part->find(">2023<"), b = part->find(">2024<"), c = part->find(">2025<");
      CHECK(a != std::string::npos);
      CHECK(a < b);
      CHECK(b < c);
      CHECK(c != std::string::npos);
    }
  }
}

TEST_CASE("line chart series differ by marker shape and dash, and the legend repeats both") {
  Chart c = oge();
  c.series.push_back({"Страна", {3.3, 3.4, 3.5}});
  std::string svg = between(line_chart(c), "<svg", "</svg>");
  CHECK(has(svg, "<circle"));                  // «Школа»: circles, solid line
  CHECK(has(svg, R"(width="9" height="9")"));  // «Муниципалитет»: squares
  CHECK(has(svg, R"(stroke-dasharray="7 4")"));
  CHECK(has(svg, R"(stroke-dasharray="2 3")"));  // «Регион»: triangles, dotted
  CHECK(has(svg, R"(stroke-dasharray="9 3 2 3")"));
  std::set<std::string> dashes;
  for (const auto& d : attributes(svg, "stroke-dasharray")) dashes.insert(d);
  CHECK(dashes.size() == 3);  // the first series is solid
  // Each line and each legend sample: 3 dashed series × 2.
  CHECK(attributes(svg, "stroke-dasharray").size() == 6);
  for (const char* name : {">Школа<", ">Муниципалитет<", ">Регион<", ">Страна<"}) CHECK(has(svg, name));
  // Values at the points, a gap where there is none.
  CHECK(has(svg, ">3,1</text>"));
  CHECK(has(svg, ">3,4</text>"));
  std::string school_line = attributes(svg, "d")[0];
  CHECK(std::count(school_line.begin(), school_line.end(), 'M') == 2);
  CHECK(!has(school_line, "L"));
}

TEST_CASE("bar chart series differ by fill pattern and bars start at zero") {
  std::string html = bar_chart(plan_fact());
  std::string svg = between(html, "<svg", "</svg>");
  CHECK(has(svg, R"(fill="#1f4e8c" stroke="#1b1f24")"));  // «План»: solid
  CHECK(has(svg, R"(<pattern id="chart-plan-p1")"));      // «Факт»: hatched
  CHECK(has(svg, R"x(fill="url(#chart-plan-p1)")x"));
  CHECK(has(svg, R"(fill="#fff" stroke="#1b7837" stroke-width="2")"));  // «Прогноз»: outline
  CHECK(!has(svg, "chart-plan-p0"));
  CHECK(has(svg, ">0</text>"));   // the axis starts at 0
  CHECK(has(svg, ">80</text>"));  // 70 % at most: the axis ends at the next round tick
  CHECK(!has(svg, ">100</text>"));
  for (const char* v : {">60</text>", ">65</text>", ">58</text>", ">66</text>", ">—</text>"}) CHECK(has(svg, v));
  CHECK(has(svg, ">%</text>"));  // the unit over the axis
}

TEST_CASE("stacked chart shows shares of counts, with patterns and a table of both") {
  std::string html = stacked_chart(marks());
  std::string svg = between(html, "<svg", "</svg>");
  for (std::string share : {"10", "40", "30", "20"}) CHECK(has(svg, ">" + share + nb + "%</text>"));
  CHECK(has(svg, R"x(fill="url(#chart-marks-p1)")x"));
  CHECK(has(svg, R"x(fill="url(#chart-marks-p3)")x"));
  std::string table = between(html, "<tbody>", "</tbody>");
  CHECK(has(table, row("2024",
                       {"10" + nb + "% (5)", "40" + nb + "% (20)", "30" + nb + "% (15)", "20" + nb + "% (10)", "50"})));
  CHECK(has(table, row("2025", {"5" + nb + "% (2)", "45" + nb + "% (18)", "50" + nb + "% (20)", "—", "40"})));
  CHECK(has(html, "<th scope=\"col\">Всего, чел.</th>"));
}

TEST_CASE("chart text from data is escaped everywhere") {
  Chart c = oge();
  c.id = "x\" onload=\"alert(1)";
  c.title = "<script>alert(1)</script>";
  c.unit = "<b>";
  c.categories[1] = "<script>cat</script>";
  c.series[0].name = "<script>\"s\"</script>";
  c.category_title = "<i>";
  for (bool own_description : {false, true}) {
    c.description = own_description ? "<script>d</script>" : "";
    for (const auto& html : all_charts(c)) {
      CHECK(!has(html, "<script"));
      CHECK(!has(html, "<b>"));
      CHECK(!has(html, "<i>"));
      CHECK(!has(html, "onload=\""));
      CHECK(has(html, "&lt;script&gt;"));
      CHECK(tag_error(html) == "");
    }
  }
}

TEST_CASE("charts are the same byte for byte on every run") {
  for (const Chart& c : {oge(), plan_fact(), marks()}) {
    CHECK(line_chart(c) == line_chart(c));
    CHECK(bar_chart(c) == bar_chart(c));
    CHECK(stacked_chart(c) == stacked_chart(c));
  }
}

TEST_CASE("chart with NaN or infinity treats them as missing") {
  Chart c = oge();
  c.series[0].values = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(), 3.4};
  c.y_max = std::numeric_limits<double>::infinity();
  for (const auto& html : all_charts(c)) {
    CHECK(!has(html, "nan"));
    CHECK(!has(html, "NaN"));
    CHECK(!has(html, "inf"));
    CHECK(has(between(html, "<tbody>", "</tbody>"), "—"));
  }
  // A distribution whose latest row is all zeros is described by the row before it.
  Chart zeros = marks();
  for (auto& s : zeros.series) s.values[1] = 0;
  std::string html = stacked_chart(zeros);
  CHECK(!has(html, "nan"));
  CHECK(has(between(html, "<p class=\"chart-desc\">", "</p>"), "В 2024" + nb + "г.: «2» — 10" + nb + "%"));
}

TEST_CASE("chart ids are unique, start with the chart id, and every reference resolves") {
  Chart a = plan_fact(), b = plan_fact();
  b.id = "chart-plan-2";
  for (const auto& kind : {bar_chart, stacked_chart, line_chart}) {
    std::string ha = kind(a), hb = kind(b);
    std::set<std::string> ids;
    for (const auto& html : {ha, hb})
      for (const auto& id : attributes(html, "id")) {
        CHECK(ids.insert(id).second);  // unique over the two charts on one page
        CHECK((id.rfind("chart-plan-", 0) == 0));
      }
    for (const auto& html : {ha, hb}) {
      std::vector<std::string> own = attributes(html, "id");
      for (const auto& fill : attributes(html, "fill"))
        if (fill.rfind("url(#", 0) == 0)
          CHECK(std::count(own.begin(), own.end(), fill.substr(5, fill.size() - 6)) == 1);
      std::vector<std::string> labelled = attributes(html, "aria-labelledby");
      CHECK(labelled.size() == 2);  // the picture by its title and description, the scrolling table by its caption
      for (std::string refs : labelled)
        for (size_t p = 0; p != std::string::npos;) {
          size_t space = refs.find(' ', p);
          CHECK(std::count(own.begin(), own.end(), refs.substr(p, space - p)) == 1);
          p = space == std::string::npos ? space : space + 1;
        }
    }
  }
}

TEST_CASE("chart without data says so instead of drawing an empty picture") {
  Chart c = oge();
  for (auto& s : c.series) s.values = {std::nullopt, std::nullopt, std::nullopt};
  Chart no_categories = oge();
  no_categories.categories.clear();
  Chart no_series = oge();
  no_series.series.clear();
  Chart zeros = marks();
  for (auto& s : zeros.series) s.values = {0, 0};
  for (const Chart& empty : {c, no_categories, no_series}) {
    for (const auto& html : all_charts(empty)) {
      CHECK(has(html, "<figcaption>Средний балл ОГЭ по математике</figcaption>"));
      CHECK(has(html, "Нет данных для диаграммы."));
      CHECK(!has(html, "<svg"));
      CHECK(tag_error(html) == "");
    }
  }
  CHECK(has(stacked_chart(zeros), "Нет данных для диаграммы."));
  // One row without data in a distribution says so in its place.
  Chart partly = marks();
  for (auto& s : partly.series) s.values[0] = std::nullopt;
  CHECK(has(stacked_chart(partly), ">нет данных</text>"));
}

TEST_CASE("chart axis ticks are round numbers covering the data") {
  using V = std::vector<double>;
  CHECK(nice_ticks(3.1, 3.4) == V{3.1, 3.2, 3.3, 3.4});
  CHECK(nice_ticks(0, 83) == V{0, 20, 40, 60, 80, 100});
  CHECK(nice_ticks(0, 0) == V{0, 0.2, 0.4, 0.6, 0.8, 1});
  CHECK(nice_ticks(2, 5) == V{2, 3, 4, 5});
  CHECK(nice_ticks(2, 4) == V{2, 2.5, 3, 3.5, 4});
  CHECK(nice_ticks(0, 1234) == V{0, 500, 1000, 1500});
  CHECK(nice_ticks(-7, 12) == V{-10, -5, 0, 5, 10, 15});
  for (auto range : std::vector<std::pair<double, double>>{
           {0, 1}, {3.05, 3.92}, {41.3, 78.9}, {0, 7}, {55, 55}, {0.001, 0.004}, {12, 1e6}, {-3.5, -1.2}}) {
    double lo = range.first, hi = range.second;  // not a structured binding: CAPTURE's lambda takes them (clang 14)
    V t = nice_ticks(lo, hi);
    CAPTURE(lo);
    CAPTURE(hi);
    REQUIRE(t.size() >= 3);
    CHECK(t.size() <= 11);
    CHECK(t.front() <= lo);
    CHECK(t.back() >= hi);
    double step = t[1] - t[0], mag = std::pow(10, std::floor(std::log10(step) + 1e-9)), unit = step / mag;
    CHECK((std::fabs(unit - 1) < 1e-6 || std::fabs(unit - 2) < 1e-6 || std::fabs(unit - 5) < 1e-6));
    for (double v : t) CHECK(std::fabs(v / step - std::round(v / step)) < 1e-6);
  }
  // Percentages and counts start at zero; a score does not, unless the caller says so.
  CHECK(has(line_chart(plan_fact()), ">0</text>"));
  CHECK(!has(line_chart(oge()), ">0</text>"));
  Chart fixed = oge();
  fixed.y_min = 2;
  fixed.y_max = 5;
  std::string svg = line_chart(fixed);
  CHECK(has(svg, ">2</text>"));
  CHECK(has(svg, ">3</text>"));
  CHECK(has(svg, ">5</text>"));
}

TEST_CASE("chart markup is well formed for every kind and shape of data") {
  Chart long_names = oge();
  long_names.category_title = "Школа";
  long_names.categories = {"МБОУ «Средняя общеобразовательная школа № 1 имени Героя Советского Союза И. И. Иванова»",
                           "МБОУ «СОШ № 2»", "МБОУ «Основная общеобразовательная школа с. Ивановка»"};
  Chart many = plan_fact();
  for (int i = 0; i < 7; ++i) many.series.push_back({"Ряд " + std::to_string(i), {1, 2, 3}});
  Chart negative = oge();
  negative.series = {{"Изменение", {-0.4, 0.2, 0}}};
  for (const Chart& c : {oge(), plan_fact(), marks(), long_names, many, negative}) {
    for (const auto& html : all_charts(c)) {
      CAPTURE(html);
      CHECK(tag_error(html) == "");
      CHECK(html.rfind("<figure class=\"chart chart-", 0) == 0);
    }
  }
  // Long names are shortened in the picture and whole in the table.
  std::string html = bar_chart(long_names);
  CHECK(has(between(html, "<svg", "</svg>"), "…"));
  CHECK(has(between(html, "<tbody>", "</tbody>"), "имени Героя Советского Союза И. И. Иванова»"));
  CHECK(has(bar_chart(negative), ">−0,4</text>"));
}

TEST_CASE("chart with many years labels every k-th year back from the latest, the table has them all") {
  Chart c = oge();
  c.categories.clear();
  c.series = {{"Школа", {}}};
  for (int y = 2010; y <= 2025; ++y) {
    c.categories.push_back(std::to_string(y));
    c.series[0].values.push_back(3 + (y % 4) * 0.1);
  }
  std::string html = line_chart(c);
  std::string svg = between(html, "<svg", "</svg>"), table = between(html, "<tbody>", "</tbody>");
  CHECK(has(svg, ">2025</text>"));
  CHECK(!has(svg, ">2024</text>"));
  CHECK(!has(svg, "…"));  // years are thinned, never cut
  for (const auto& year : c.categories) CHECK(has(table, "<th scope=\"row\">" + year + "</th>"));
}

TEST_CASE("chart labels print a value as the tables do: «9» for 9 %, «3,80» for a mark") {
  Chart share = plan_fact();
  share.decimals = 1;
  share.series = {{"План", {9.0, 12.5, 60}}};
  for (const std::string& svg : {line_chart(share), bar_chart(share)}) {
    CHECK(svg.find(">9</text>") != std::string::npos);  // format_percent(9, 1) is «9 %»
    CHECK(svg.find(">9,0<") == std::string::npos);
    CHECK(svg.find(">12,5</text>") != std::string::npos);
    CHECK(svg.find("<td class=\"num\">9</td>") != std::string::npos);
  }
  Chart mark = oge();
  mark.decimals = 2;
  mark.series = {{"Школа", {3.8, 3.1, 3.4}}};
  std::string svg = line_chart(mark);
  CHECK(svg.find(">3,80</text>") != std::string::npos);
  CHECK(svg.find("<td class=\"num\">3,80</td>") != std::string::npos);
}
