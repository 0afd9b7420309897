// The demo's pages as a reader meets them (issue 14, «Pages people read»): titles without nested
// parentheses, the monitoring page grouped with no row of dashes only, the «Сведения…» menu folded
// into a <details> on every subsection, school sites in the portal's centred container, and each
// roadmap target said once with the figures of its open data.
#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include <doctest/doctest.h>

#include "load/openness_vocabulary.h"
#include "../support/built_site.h"
#include "../support/test_files.h"
#include "analyse/indicators.h"
#include "audit/html_document.h"
#include "load/indicator_vocabulary.h"
#include "model/openness.h"
#include "russian/names.h"
#include "russian/typography.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

const test::BuiltSite& demo() {
  return test::demo_build();
}

bool has_class(const HtmlDocument& doc, int node, std::string_view cls) {
  const std::string* c = doc.attr(node, "class");
  if (!c) return false;
  std::string padded = " " + *c + " ";
  return padded.find(" " + std::string(cls) + " ") != std::string::npos;
}

std::vector<int> with_class(const HtmlDocument& doc, std::string_view tag, std::string_view cls) {
  std::vector<int> out;
  for (int e : doc.elements(tag))
    if (has_class(doc, e, cls)) out.push_back(e);
  return out;
}

std::vector<int> inside(const HtmlDocument& doc, int ancestor, std::string_view tag) {
  std::vector<int> out;
  for (int e : doc.elements(tag))
    if (doc.contains(ancestor, e) && e != ancestor) out.push_back(e);
  return out;
}

// The first place where a parenthesis opens inside another outside «quotations», or "".
std::string nested_parenthesis(const std::string& text) {
  int quotes = 0, depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "«") == 0) ++quotes;
    else if (text.compare(i, 2, "»") == 0 && quotes > 0) --quotes;
    else if (quotes == 0 && text[i] == '(' && ++depth == 2) return text.substr(i < 80 ? 0 : i - 80, 160);
    else if (quotes == 0 && text[i] == ')' && depth > 0) --depth;
    if (text[i] == '\n') depth = 0;
  }
  return "";
}

std::vector<fs::path> pages(const fs::path& root) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".html") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The page's text as the eye reads it: without the titles and descriptions inside charts, which
// only screen readers announce.
std::string visible_text(const HtmlDocument& doc) {
  std::string out;
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const HtmlNode& n = doc.nodes[i];
    if (n.type == HtmlNode::Type::element && (n.tag == "svg" || n.tag == "script" || n.tag == "style" || n.tag == "title")) {
      i = static_cast<size_t>(n.end) - 1;
      continue;
    }
    if (n.type == HtmlNode::Type::text) out += n.text + " ";
  }
  return out;
}

double figure_value(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "−") == 0) { out += '-'; i += 2; }
    else if (s[i] == ',') out += '.';
    else if ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '-') out += s[i];
  }
  return std::stod(out);
}

}  // namespace

TEST_CASE("parenthetical: inner parentheses become commas, quotations stay as written") {
  CHECK(parenthetical("математика (базовая)") == "(математика, базовая)");
  CHECK(parenthetical("4 класс, математика") == "(4 класс, математика)");
  CHECK(parenthetical("доля (по годам) школ") == "(доля, по годам, школ)");
  CHECK(parenthetical("по цитате «доля по ОГЭ (русский язык)» (основной период)") ==
        "(по цитате «доля по ОГЭ (русский язык)», основной период)");
  CHECK(parenthetical("") == "()");
}

TEST_CASE("series titles: a subject with its own parentheses is not nested in the title's") {
  for (const auto& spec : builtin_indicators())
    for (const std::string subject : {"математика (базовая)", "математика (профильная)", "русский язык"}) {
      std::string title = series_title(spec, spec.param.empty() ? "" : subject);
      CHECK_MESSAGE(nested_parenthesis(title).empty(), title);
    }
  IndicatorSpec ege;
  ege.title = "Средний балл ЕГЭ";
  CHECK(series_title(ege, "математика (базовая)") == "Средний балл ЕГЭ (математика, базовая)");
}

TEST_CASE("demo pages: no parenthesis opens inside another on any page, chart or report") {
  int checked = 0;
  for (const auto& page : pages(demo().out)) {
    HtmlDocument doc = parse_html(test::read_file(page));
    std::string text = doc.text_content(0);
    // SVG titles and descriptions of charts are text too, and text_content reads them.
    CHECK_MESSAGE(nested_parenthesis(text).empty(), page.string(), ": …", nested_parenthesis(text), "…");
    ++checked;
  }
  CHECK(checked > 400);
}

TEST_CASE("demo monitoring: a table per family in the registry's order, no row of dashes, the rest named with why") {
  const fs::path dir = demo().out / "monitoring";
  HtmlDocument doc = parse_html(test::read_file(dir / "index.html"));
  std::vector<std::string> headings;
  for (int h : doc.elements("h2")) headings.push_back(doc.text_content(h));
  std::vector<std::string> order;
  for (const auto& f : builtin_indicator_families())
    if (std::find(headings.begin(), headings.end(), f.title) != headings.end()) order.push_back(f.title);
  CHECK(headings == order);
  CHECK(headings.size() >= 6);
  auto tables = with_class(doc, "table", "monitoring");
  CHECK(tables.size() == headings.size());
  std::set<std::string> linked;
  int rows = 0;
  for (int t : tables)
    for (int tr : inside(doc, t, "tr")) {
      auto th = inside(doc, tr, "th");
      auto tds = inside(doc, tr, "td");
      if (tds.empty()) continue;  // the header and the indicator's heading rows
      ++rows;
      bool any = false;
      for (int td : tds) any = any || doc.text_content(td) != "—";
      CHECK_MESSAGE(any, "строка из одних «—»: ", doc.text_content(tr));
      REQUIRE(th.size() == 1);
      for (int a : inside(doc, th[0], "a")) linked.insert(*doc.attr(a, "href"));
    }
  // Every indicator page is reached: from its row, or from the sentence that says why it has none.
  std::vector<int> dropped = with_class(doc, "div", "dropped");
  REQUIRE(dropped.size() == 1);
  std::string note = doc.text_content(dropped[0]);
  size_t links = inside(doc, dropped[0], "a").size();
  std::string count = count_noun(static_cast<long long>(links), "показатель", "показателя", "показателей");
  if (size_t nbsp = count.find(kNbsp); nbsp != std::string::npos) count.replace(nbsp, kNbsp.size(), " ");  // as text_content reads it
  CHECK(note.find("Не показаны " + count + " без муниципального значения ни за один год") != std::string::npos);
  CHECK(note.find("скрыты") != std::string::npos);
  CHECK(note.find("по определению") != std::string::npos);  // the results index has no municipal value
  for (int a : inside(doc, dropped[0], "a")) linked.insert(*doc.attr(a, "href"));
  size_t series_pages = 0;
  for (const auto& e : fs::directory_iterator(dir)) series_pages += e.is_directory();
  CHECK(linked.size() == series_pages);
  CHECK(static_cast<size_t>(rows) + links == series_pages);
  CHECK(rows > 60);
  CHECK(links > 0);
}

TEST_CASE("demo sveden: the section's menu is a closed <details> naming the subsection, with all 14 links in it") {
  const fs::path schools = demo().out / "schools";
  const OpennessVocabulary& v = builtin_openness();
  int seen = 0;
  for (const auto& school : fs::directory_iterator(schools)) {
    if (!fs::exists(school.path() / v.path)) continue;
    for (const auto& sub : v.subsections) {
      fs::path page = school.path() / v.path / sub.path / "index.html";
      HtmlDocument doc = parse_html(test::read_file(page));
      auto navs = with_class(doc, "nav", "sveden-nav");
      REQUIRE_MESSAGE(navs.size() == 1, page.string());
      auto details = inside(doc, navs[0], "details");
      REQUIRE_MESSAGE(details.size() == 1, page.string());
      CHECK(doc.attr(details[0], "open") == nullptr);  // closed on a phone; the stylesheet opens it on a wide screen
      auto summary = inside(doc, details[0], "summary");
      REQUIRE(summary.size() == 1);
      CHECK(doc.text_content(summary[0]).find(sub.title) != std::string::npos);
      std::set<fs::path> linked;
      for (int a : inside(doc, details[0], "a")) linked.insert((page.parent_path() / *doc.attr(a, "href")).lexically_normal());
      for (const auto& other : v.subsections)
        CHECK_MESSAGE(linked.count(school.path() / v.path / other.path / "index.html"), page.string(), " → ", other.path);
      ++seen;
    }
  }
  CHECK(seen >= 14 * 10);
  // Open from 48rem on, only where the browser can show a closed <details>'s content: never hidden for good.
  std::string css = test::read_file(demo().out / "assets" / "style.css");
  CHECK(css.find("@supports selector(::details-content)") != std::string::npos);
  CHECK(css.find(".sveden-menu::details-content { content-visibility: visible; }") != std::string::npos);
}

TEST_CASE("demo school sites: every page in the portal's centred container, with the portal's width") {
  auto containers = [](const fs::path& page) {
    HtmlDocument doc = parse_html(test::read_file(page));
    std::vector<std::string> out;
    for (int e : with_class(doc, "div", "wrap")) out.push_back(doc.nodes[doc.nodes[e].parent].tag);
    out.insert(out.end(), with_class(doc, "main", "wrap").size(), "main");
    return out;
  };
  std::vector<std::string> portal = containers(demo().out / "index.html");
  CHECK(portal == std::vector<std::string>{"header", "footer", "main"});
  int seen = 0;
  for (const auto& page : pages(demo().out / "schools")) {
    if (page.parent_path() == demo().out / "schools") continue;  // the register is a portal page
    CHECK_MESSAGE(containers(page) == portal, page.string());
    ++seen;
  }
  CHECK(seen > 100);
  // The school sites' stylesheet is the portal's, and no rule widens the container for them.
  std::string css = test::read_file(demo().out / "assets" / "style.css");
  for (const auto& school : fs::directory_iterator(demo().out / "schools"))
    if (fs::exists(school.path() / "assets" / "style.css")) CHECK(test::read_file(school.path() / "assets" / "style.css") == css);
  CHECK(css.find(".wrap { max-width: 72rem; margin: 0 auto;") != std::string::npos);
  std::regex widening(R"(\.wrap[^{}]*\{[^}]*(max-width|margin|width))");
  int rules = 0;
  for (auto it = std::sregex_iterator(css.begin(), css.end(), widening); it != std::sregex_iterator(); ++it) ++rules;
  CHECK(rules == 1);  // the container's own rule only
}

TEST_CASE("demo roadmap: each target's title once, one table, the figures of opendata/targets.csv") {
  HtmlDocument doc = parse_html(test::read_file(demo().out / "support" / "roadmap" / "index.html"));
  auto csv = test::parse_csv(test::read_file(demo().out / "opendata" / "targets.csv"));
  REQUIRE(csv.size() > 1);
  // target id → title, and year → {plan, fact} as opendata gives them.
  std::map<std::string, std::string> titles;
  std::map<std::string, std::map<std::string, std::pair<std::string, std::string>>> figures;
  for (size_t r = 1; r < csv.size(); ++r) {
    if (csv[r].size() < 5) continue;
    titles[csv[r][0]] = csv[r][1];
    figures[csv[r][0]][csv[r][2]] = {csv[r][3], csv[r][4]};
  }
  std::string text = visible_text(doc);
  size_t targets_start = text.find("Целевые показатели: план и факт");
  REQUIRE(targets_start != std::string::npos);
  auto sections = with_class(doc, "section", "target");
  REQUIRE(sections.size() == titles.size());
  for (int s : sections) {
    auto h3 = inside(doc, s, "h3");
    REQUIRE(h3.size() == 1);
    std::string title = doc.text_content(h3[0]);
    // Within the targets' part: the passport's tasks above it may say the same words (the demo's first task is its
    // target «Улучшение материально-технических условий…»).
    size_t first = text.find(title, targets_start);
    CHECK_MESSAGE(first != std::string::npos, title);
    CHECK_MESSAGE(text.find(title, first + 1) == std::string::npos, "дважды: ", title);
    auto tables = inside(doc, s, "table");
    REQUIRE_MESSAGE(tables.size() == 1, title);
    std::string id;
    for (const auto& [k, t] : titles)
      if (typographic_quotes(t) == title) id = k;
    REQUIRE_MESSAGE(!id.empty(), title);
    int rows = 0;
    for (int tr : inside(doc, tables[0], "tr")) {
      auto th = inside(doc, tr, "th");
      auto td = inside(doc, tr, "td");
      if (td.size() < 2) continue;
      std::string year = doc.text_content(th[0]);
      REQUIRE(figures[id].count(year));
      auto [plan, fact] = figures[id][year];
      std::string page_plan = doc.text_content(td[0]), page_fact = doc.text_content(td[1]);
      CHECK((page_plan == "—") == plan.empty());
      CHECK((page_fact == "—") == fact.empty());
      if (!plan.empty()) CHECK_MESSAGE(figure_value(page_plan) == doctest::Approx(figure_value(plan)).epsilon(1e-12), title, " ", year);
      if (!fact.empty()) CHECK_MESSAGE(figure_value(page_fact) == doctest::Approx(figure_value(fact)).epsilon(1e-12), title, " ", year);
      ++rows;
    }
    CHECK(rows == static_cast<int>(figures[id].size()));
  }
}
