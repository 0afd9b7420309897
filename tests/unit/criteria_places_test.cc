// Every key of content/criteria.yaml is published where docs/CRITERIA.md says: the test reads the key tables of
// section 2 of the document (their column «где публикуется»), builds the minimal site with criteria that fill each
// key with a marker of its own, and looks for each marker in each place the document names. (The keys of
// content/decisions.yaml, section 7, are asserted by listed_groups_test and decisions_test.)
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/fixture_copy.h"
#include "../support/test_files.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

// A marker for each key of the fixture below, and the forms it takes once published (the same weights are
// «ОГЭ: 3» in criteria.csv and «3/5» in words on the page).
const std::map<std::string, std::vector<std::string>> kMarkers = {
    {"presets", {"Школы с низкими результатами обучения (ШНОР)"}},
    {"social_index", {"7,25"}},
    {"results_index", {"ZZresultschoiceZZ", "3/5"}},
    {"procedure", {"ZZprocedurechoiceZZ"}},
    {"documents", {"ZZdocumentZZ"}},
    {"group.id", {"zzgroup"}},
    {"group.title", {"ZZgrouptitleZZ"}},
    {"group.short_title", {"ZZgrpZZ"}},
    {"group.description", {"ZZdescZZ"}},
    {"group.exclude", {"«ZZlistshortZZ»"}},
    {"group.is_shnor", {"«ZZshnorZZ» в неё не включаются"}},
    {"group.exclude_shnor", {"«ZZshnorZZ» в неё не включаются"}},
    {"group.source", {"ZZquoteZZ"}},
    {"group.choice", {"ZZshnorchoiceZZ"}},
    {"group.combination", {"ZZcombinationZZ"}},
    {"group.members", {"перечень, утверждённый приказом"}},
    {"group.federal_list", {"низкие образовательные результаты"}},
    {"group.any", {"хотя бы одно из"}},
    {"group.all", {"выполняются все условия", "все 2"}},
    {"group.of", {"не менее 2 из 3"}},
    {"group.at_least", {"не менее 2 из 3"}},
    {"rule.id", {"zzgroup.zzrule"}},
    {"rule.title", {"ZZruletitleZZ"}},
    {"rule.indicator", {"Средний балл ОГЭ"}},
    {"rule.subject", {"ОГЭ (математика)"}},
    {"rule.grade", {"4 класс"}},
    {"rule.compare", {"меньше порога"}},
    {"rule.value", {"3,17"}},
    {"rule.years", {"2 года подряд"}},
    {"rule.window", {"из 2 последних лет"}},
    {"rule.in", {"хотя бы в один год из"}},
    {"rule.source", {"ZZrulequoteZZ"}},
    {"rule.choice", {"ZZrulechoiceZZ"}},
    {"factor.id", {"zzfactor"}},
    {"factor.title", {"ZZfactortitleZZ"}},
    {"factor.indicator", {"Сводный индекс образовательных результатов"}},
    {"factor.high", {"11 %"}},
    {"factor.medium", {"37 %"}},
    {"factor.note", {"ZZnoteZZ"}},
    {"change.rule", {"порог 23 вместо 20"}},
    {"change.value", {"порог 23 вместо 20"}},
    {"change.window", {"окно 2 г. вместо 1"}},
    {"change.in", {"хотя бы в один год окна вместо всех"}},
    {"change.years", {"3 подряд вместо 2"}},
    {"change.at_least", {"не менее 5 из 6 вместо 2"}},
    {"change.title", {"ZZchangedtitleZZ"}},
    {"change.why", {"ZZwhyZZ"}},
};

const char* kCriteria = R"(presets: [yelnya]
documents:
  zzdoc: ZZdocumentZZ
social_index:
  higher_ed_parents: 1,25
  single_parent: -1,5
  unemployed_parents: -1,75
  low_income: -7,25
  non_native_russian: -0,75
  preventive_register: -2,5
  choice: ZZsocialchoiceZZ
results_index:
  weights: {ЕГЭ: 1, ОГЭ: 3, ВПР: 1}
  choice: ZZresultschoiceZZ
procedure:
  counts: subject
  choice: ZZprocedurechoiceZZ
changes:
  - rule: shnor.results_bottom20
    value: 23
    why: ZZwhyZZ
  - rule: shnor.regional_indicators
    at_least: 5
    why: ZZwhyatleastZZ
  - rule: shnor.continuation_below60
    window: 2
    in: any
    why: ZZwhywindowZZ
  - rule: shnor.regional_indicators.oge_russian_mean_fell2
    years: 3
    title: ZZchangedtitleZZ
    why: ZZwhyyearsZZ
groups:
  - id: zzlisted
    title: ZZlistedtitleZZ
    short_title: ZZlistshortZZ
    members: list
  - id: zzshnor
    title: ZZshnortitleZZ
    short_title: ZZshnorZZ
    is_shnor: true
    choice: ZZshnorchoiceZZ
    all:
      - id: zzbelow30
        title: ZZbelow30titleZZ
        indicator: assessments_below30
        compare: at_least
        value: 1
      - id: zzwindow
        title: ZZwindowtitleZZ
        indicator: oge_mean
        subject: математика
        compare: less_than
        value: 3,17
        window: 2
        in: any
  - id: zzgroup
    title: ZZgrouptitleZZ
    short_title: ZZgrpZZ
    description: ZZdescZZ
    exclude: [zzlisted]
    exclude_shnor: true
    source: {document: zzdoc, item: ZZitemZZ, quote: ZZquoteZZ}
    combination: {choice: ZZcombinationZZ}
    of:
      - id: zzrule
        title: ZZruletitleZZ
        indicator: oge_mean
        subject: математика
        compare: less_than
        value: 3,17
        choice: ZZrulechoiceZZ
      - id: zzfell
        title: ZZfelltitleZZ
        indicator: vpr_share2
        subject: русский язык
        grade: 4
        compare: fell
        years: 2
        source: {document: ZZruledocZZ, item: п. 9, quote: ZZrulequoteZZ}
      - id: zzany
        title: ZZanytitleZZ
        any:
          - {id: zza, title: ZZatitleZZ, indicator: continuation_rate, compare: less_than, value: 11}
          - {id: zzb, title: ZZbtitleZZ, indicator: continuation_rate, compare: less_than, value: 12}
    at_least: 2
  - id: zzfederal
    title: ZZfederaltitleZZ
    members: rosobrnadzor
    federal_list: низкие образовательные результаты
risk_factors:
  - id: zzfactor
    title: ZZfactortitleZZ
    indicator: results_index
    high: {compare: bottom_percent, value: 11}
    medium: {compare: bottom_percent, value: 37}
    choice: ZZfactorchoiceZZ
  - id: zznote
    title: ZZnotetitleZZ
    note: ZZnoteZZ
)";

std::string trim(std::string s) {
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::vector<std::string> split(const std::string& s, const std::string& by) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = s.find(by, from)) != std::string::npos; from = at + by.size()) out.push_back(s.substr(from, at - from));
  out.push_back(s.substr(from));
  return out;
}

struct DocKey {
  std::string key;                  // as kMarkers names it: «rule.window»
  std::vector<std::string> places;  // «поддержка школ», «отчёт», «criteria.csv»; empty for a key that holds keys
};

// The key tables with a column «где публикуется» of section 2: the heading they stand under gives their prefix.
std::vector<DocKey> documented_keys() {
  std::string doc = test::read_file(fs::path(SVEDEN_SOURCE_DIR) / "docs/CRITERIA.md");
  const std::map<std::string, std::string> prefixes = {{"### 2.2.", ""}, {"### 2.4.", "group."}, {"### 2.5.", "rule."},
                                                       {"### 2.12.", "factor."}, {"### 2.15.", "change."}};
  std::vector<DocKey> out;
  std::string prefix;
  bool section = false, in_table = false;
  for (const auto& line : split(doc, "\n")) {
    if (line.rfind("## 3.", 0) == 0) break;
    if (line.rfind("###", 0) == 0) {
      section = false;
      for (const auto& [heading, p] : prefixes)
        if (line.rfind(heading + " ", 0) == 0) section = true, prefix = p;
    }
    if (!section) continue;
    if (line.rfind("| ключ", 0) == 0) {
      in_table = line.find("где публикуется") != std::string::npos;
      continue;
    }
    if (line.rfind("|", 0) != 0) {
      in_table = false;
      continue;
    }
    if (!in_table || line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells = split(line.substr(1, line.size() - 2), "|");  // no cell of these tables has «|»
    std::string places = trim(cells.back());
    std::vector<std::string> where;
    if (places.rfind("ключи", 0) != 0)
      for (auto& p : split(places, ", ")) where.push_back(trim(p));
    std::string first = cells[0];
    for (size_t at = 0; (at = first.find('`', at)) != std::string::npos;) {
      size_t end = first.find('`', at + 1);
      out.push_back({prefix + first.substr(at + 1, end - at - 1), where});
      at = end + 1;
    }
  }
  return out;
}

std::string without_nbsp(std::string s) {
  for (size_t at = 0; (at = s.find("\u00A0", at)) != std::string::npos;) s.replace(at, 2, " ");
  for (size_t at = 0; (at = s.find("&nbsp;", at)) != std::string::npos;) s.replace(at, 6, " ");
  return s;
}

}  // namespace

TEST_CASE("criteria places: every key of content/criteria.yaml is published where docs/CRITERIA.md says") {
  std::vector<DocKey> keys = documented_keys();
  REQUIRE(keys.size() >= 40);  // the tables were read, not skipped
  test::FixtureCopy site({{"content/criteria.yaml", std::string(kCriteria)}});
  test::BuiltSite built(site.dir.string());
  const fs::path& out = built.out;
  const std::map<std::string, std::string> places = {
      {"поддержка школ", without_nbsp(test::read_file(out / "support/index.html"))},
      {"отчёт", without_nbsp(test::read_file(out / "reports/analysis-2025/index.html"))},
      {"criteria.csv", without_nbsp(test::read_file(out / "opendata/criteria.csv"))},
  };
  std::set<std::string> seen;
  for (const auto& k : keys) {
    CAPTURE(k.key);
    seen.insert(k.key);
    if (k.places.empty()) continue;  // a key that holds keys: those are checked
    auto marker = kMarkers.find(k.key);
    REQUIRE_MESSAGE(marker != kMarkers.end(), "a key of docs/CRITERIA.md the fixture does not fill");
    for (const auto& place : k.places) {
      CAPTURE(place);
      auto text = places.find(place);
      REQUIRE_MESSAGE(text != places.end(), "docs/CRITERIA.md names a place this test does not know");
      bool found = false;
      for (const auto& form : marker->second) found = found || text->second.find(form) != std::string::npos;
      CHECK_MESSAGE(found, "not published where docs/CRITERIA.md says");
    }
  }
  // And the other way: every key the fixture fills is in the document.
  for (const auto& entry : kMarkers) {
    const std::string& key = entry.first;  // a named variable: clang 14 captures no structured binding
    CAPTURE(key);
    CHECK(seen.count(key));
  }
}
