// Every key of content/criteria.yaml is published where docs/CRITERIA.md says: the test reads the key tables of
// section 2 of the document (their column «где публикуется»), builds the minimal site with criteria that fill each
// key with a marker of its own, and looks for each marker in each place the document names. (The keys of
// content/decisions.yaml, section 7, are asserted by listed_groups_test and decisions_test.)
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/fixture_copy.h"
#include "../support/key_places.h"
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

// The key tables with a column «где публикуется» of section 2: the heading they stand under gives their prefix.
std::vector<test::DocKey> documented_keys() {
  std::string doc = test::read_file(fs::path(SVEDEN_SOURCE_DIR) / "docs/CRITERIA.md");
  const std::map<std::string, std::string> prefixes = {{"### 2.2.", ""}, {"### 2.4.", "group."}, {"### 2.5.", "rule."},
                                                       {"### 2.12.", "factor."}, {"### 2.15.", "change."}};
  std::vector<test::DocKey> out;
  test::KeyTables tables;
  std::string prefix;
  bool section = false;
  for (const auto& line : test::split(doc, "\n")) {
    if (line.rfind("## 3.", 0) == 0) break;
    if (line.rfind("###", 0) == 0) {
      section = false;
      for (const auto& [heading, p] : prefixes)
        if (line.rfind(heading + " ", 0) == 0) section = true, prefix = p;
    }
    if (!section) continue;
    for (auto& k : tables.add(line, prefix)) out.push_back(std::move(k));
  }
  return out;
}

}  // namespace

TEST_CASE("criteria places: every key of content/criteria.yaml is published where docs/CRITERIA.md says") {
  std::vector<test::DocKey> keys = documented_keys();
  REQUIRE(keys.size() >= 40);  // the tables were read, not skipped
  test::FixtureCopy site({{"content/criteria.yaml", std::string(kCriteria)}});
  test::BuiltSite built(site.dir.string());
  const fs::path& out = built.out;
  const std::map<std::string, std::string> places = {
      {"поддержка школ", test::without_nbsp(test::read_file(out / "support/index.html"))},
      {"отчёт", test::without_nbsp(test::read_file(out / "reports/analysis-2025/index.html"))},
      {"criteria.csv", test::without_nbsp(test::read_file(out / "opendata/criteria.csv"))},
  };
  test::check_key_places(keys, kMarkers, places, "docs/CRITERIA.md");
}
