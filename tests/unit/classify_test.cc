// Every rule type and combination, on indicator values set by hand: the expected verdicts are worked
// out in the comments, not computed by the code under test.
#include <array>
#include <cmath>
#include <limits>

#include <doctest/doctest.h>

#include "analyse/classify.h"
#include "analyse/indicators.h"
#include "load/criteria_loader.h"
#include "load/indicator_vocabulary.h"
#include "render/analysis_text.h"
#include "../support/hand_made_municipality.h"

using namespace sveden;

namespace {

// A municipality of `n` schools with ids S1…Sn, all «СОШ», years 2023–2025, and criteria from a site file.
struct Fixture : test::HandMadeMunicipality {
  Criteria criteria;

  explicit Fixture(int n) : HandMadeMunicipality(n) {}
  // Hides a value as a small group of `n` persons: the rules still decide on it (decision_min 1).
  void suppress(const std::string& id, const std::string& param, size_t school, size_t year, long n = 6) {
    IndicatorValue& v = ind.series[{id, param}].values[school][year];
    v.state = ValueState::suppressed;
    v.n = n;
  }

  Classification run(const std::string& yaml) {
    criteria = Criteria{};
    parse_criteria(SourceText("criteria.yaml", yaml), true, criteria, diag);
    REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
    return classify(m, ind, criteria);
  }
};

constexpr double NA = std::numeric_limits<double>::quiet_NaN();

Verdict verdict(const Classification& c, const char* group, size_t school, size_t year = 2) {
  return c.group(group)->by_school[school][year].verdict;
}

std::string one_rule(const std::string& rule) {
  return "groups:\n  - id: g\n    title: Группа\n    any:\n      - id: r\n        title: Правило\n" + rule;
}

}  // namespace

TEST_CASE("constant thresholds: less_than, at_most, greater_than, at_least at and around the border") {
  Fixture f(3);
  f.set("continuation_rate", "", {{0, 0, 59.9}, {0, 0, 60}, {0, 0, 60.1}});
  auto c = f.run(one_rule("        indicator: continuation_rate\n        compare: less_than\n        value: 60\n"));
  CHECK(verdict(c, "g", 0) == Verdict::yes);  // 59,9 < 60
  CHECK(verdict(c, "g", 1) == Verdict::no);   // 60 is not < 60
  c = f.run(one_rule("        indicator: continuation_rate\n        compare: at_most\n        value: 60\n"));
  CHECK(verdict(c, "g", 1) == Verdict::yes);  // 60 ≤ 60
  CHECK(verdict(c, "g", 2) == Verdict::no);
  c = f.run(one_rule("        indicator: continuation_rate\n        compare: greater_than\n        value: 60\n"));
  CHECK(verdict(c, "g", 1) == Verdict::no);
  CHECK(verdict(c, "g", 2) == Verdict::yes);
  c = f.run(one_rule("        indicator: continuation_rate\n        compare: at_least\n        value: 60\n"));
  CHECK(verdict(c, "g", 0) == Verdict::no);
  CHECK(verdict(c, "g", 1) == Verdict::yes);
  CHECK(c.group("g")->by_school[0][2].evidence.children[0].text() ==
        "Доля выпускников 9 класса, продолживших обучение в 10 классе: 59,9\u00A0% (2025) — меньше порога 60\u00A0%");
}

TEST_CASE("baselines: municipal and regional; a missing regional value is «недостаточно данных»") {
  Fixture f(3);
  // Municipal mean in 2025: (10 + 20 + 30) / 3 = 20.
  f.set("oge_below_min_share", "математика", {{0, 0, 10}, {0, 0, 20}, {0, 0, 30}}, {std::nullopt, std::nullopt, 25.0});
  auto c = f.run(one_rule("        indicator: oge_below_min_share\n        subject: математика\n        compare: above_municipal\n"));
  CHECK(verdict(c, "g", 0) == Verdict::no);
  CHECK(verdict(c, "g", 1) == Verdict::no);  // equal is not above
  CHECK(verdict(c, "g", 2) == Verdict::yes);
  c = f.run(one_rule("        indicator: oge_below_min_share\n        subject: математика\n        compare: below_municipal\n"));
  CHECK(verdict(c, "g", 0) == Verdict::yes);
  c = f.run(one_rule("        indicator: oge_below_min_share\n        subject: математика\n        compare: above_regional\n"));
  CHECK(verdict(c, "g", 1) == Verdict::no);   // 20 < 25
  CHECK(verdict(c, "g", 2) == Verdict::yes);  // 30 > 25
  CHECK(verdict(c, "g", 2, 1) == Verdict::unknown);  // no regional value for 2024
  c = f.run(one_rule("        indicator: oge_below_min_share\n        subject: математика\n        compare: below_regional\n"));
  CHECK(verdict(c, "g", 0) == Verdict::yes);
}

TEST_CASE("percentiles: bottom and top X % of schools, ties at the border all in or all out") {
  Fixture f(10);
  std::vector<std::vector<double>> values;
  for (int i = 1; i <= 10; ++i) values.push_back({0, 0, static_cast<double>(i)});
  f.set("results_index", "", values);
  // 20 % of 10 schools = 2: the values 1 and 2.
  auto c = f.run(one_rule("        indicator: results_index\n        compare: bottom_percent\n        value: 20\n"));
  for (size_t i = 0; i < 10; ++i) CHECK(verdict(c, "g", i) == (i < 2 ? Verdict::yes : Verdict::no));
  c = f.run(one_rule("        indicator: results_index\n        compare: top_percent\n        value: 20\n"));
  for (size_t i = 0; i < 10; ++i) CHECK(verdict(c, "g", i) == (i >= 8 ? Verdict::yes : Verdict::no));
  // 25 % of 10 = 2,5 → 3 schools (rounded half up).
  c = f.run(one_rule("        indicator: results_index\n        compare: bottom_percent\n        value: 25\n"));
  for (size_t i = 0; i < 10; ++i) CHECK(verdict(c, "g", i) == (i < 3 ? Verdict::yes : Verdict::no));
  // Ties: three schools share the lowest value; 20 % = 2 cannot hold them, so none is in.
  values[0][2] = values[1][2] = values[2][2] = 1;
  f.set("results_index", "", values);
  c = f.run(one_rule("        indicator: results_index\n        compare: bottom_percent\n        value: 20\n"));
  for (size_t i = 0; i < 10; ++i) CHECK(verdict(c, "g", i) == Verdict::no);
  // With 30 % = 3 they fit, all three are in.
  c = f.run(one_rule("        indicator: results_index\n        compare: bottom_percent\n        value: 30\n"));
  for (size_t i = 0; i < 10; ++i) CHECK(verdict(c, "g", i) == (i < 3 ? Verdict::yes : Verdict::no));
}

TEST_CASE("results_index weights: equal by default, replaced whole by the site's file, checked") {
  Criteria c;
  Diagnostics diag;
  parse_criteria(SourceText("criteria.yaml", "groups: []\n"), true, c, diag);
  using W = std::vector<std::pair<std::string, double>>;
  CHECK(c.results_index.weights == W{{"ЕГЭ", 1}, {"ОГЭ", 1}, {"ВПР", 1}});
  // A family left out does not enter the index, as with social_index.
  parse_criteria(SourceText("criteria.yaml", "results_index:\n  weights:\n    ЕГЭ: 2\n    ОГЭ: 1,5\n"), true, c, diag);
  CHECK_FALSE(diag.has_errors());
  CHECK(c.results_index.weights == W{{"ЕГЭ", 2}, {"ОГЭ", 1.5}});
  // Nothing weighs anything: an error, and the weights stay as they were.
  Diagnostics bad;
  parse_criteria(SourceText("criteria.yaml", "results_index:\n  weights: {ЕГЭ: 0, ОГЭ: 0}\n"), true, c, bad);
  CHECK(format_all(bad).find("в индексе результатов нет ни одного вида оценки с весом больше 0") != std::string::npos);
  CHECK(c.results_index.weights == W{{"ЕГЭ", 2}, {"ОГЭ", 1.5}});
  Diagnostics word;
  parse_criteria(SourceText("criteria.yaml", "results_index:\n  weights: {ВПР: много}\n"), true, c, word);
  CHECK(format_all(word).find("вес «много» — не число") != std::string::npos);
  Diagnostics none;
  parse_criteria(SourceText("criteria.yaml", "results_index: {}\n"), true, c, none);
  CHECK(format_all(none).find("нет обязательного ключа «weights»") != std::string::npos);
}

TEST_CASE("the evidence says what a value rests on where it is less than the definition: the results index") {
  Fixture f(5);
  f.set("results_index", "", {{0, 0, -1.5}, {0, 0, -0.5}, {0, 0, 0}, {0, 0, 0.5}, {0, 0, 1}});
  f.ind.series[{"results_index", ""}].remarks[{0, 2}] = "индекс за 2\u00A0года из 3: нет данных за 2023\u00A0г.";
  auto c = f.run(one_rule("        indicator: results_index\n        compare: bottom_percent\n        value: 20\n"));
  const Evidence& e = c.group("g")->by_school[0][2].evidence.children.at(0);
  CHECK(e.verdict == Verdict::yes);
  CHECK(e.text() ==
        "Сводный индекс образовательных результатов за 3 года: −1,50 (2025; индекс за 2\u00A0года из 3: нет данных за "
        "2023\u00A0г.) — входит в 20 % школ с самыми низкими значениями (граница — −1,50, 1 из 5\u00A0школ)");
  // Without a remark the year stands alone.
  CHECK(c.group("g")->by_school[1][2].evidence.children.at(0).text().find("(2025) — не входит") != std::string::npos);
}

TEST_CASE("its own past: fell and rose N years in a row, with a suppressed year") {
  Fixture f(4);
  f.set("oge_mean", "математика", {{3.8, 3.6, 3.4}, {3.8, 3.9, 3.4}, {3.4, 3.6, 3.8}, {3.8, 3.6, 3.4}});
  f.suppress("oge_mean", "математика", 3, 1);
  auto c = f.run(one_rule("        indicator: oge_mean\n        subject: математика\n        compare: fell\n        years: 2\n"));
  CHECK(verdict(c, "g", 0) == Verdict::yes);      // 3,8 → 3,6 → 3,4
  CHECK(verdict(c, "g", 1) == Verdict::no);       // rose in 2024
  CHECK(verdict(c, "g", 2) == Verdict::no);
  // 2024 hidden (6 participants): decided on, 3,8 → 3,6 → 3,4, and published without the figure.
  CHECK(verdict(c, "g", 3) == Verdict::yes);
  CHECK(verdict(c, "g", 0, 1) == Verdict::unknown);  // 2024 needs 2022
  CHECK(c.group("g")->by_school[0][2].evidence.children[0].text() ==
        "Средний балл ОГЭ (математика): 3,80 (2023) → 3,60 (2024) → 3,40 (2025) — значение снижалось 2\u00A0года подряд");
  const Evidence& hidden = c.group("g")->by_school[3][2].evidence.children[0];
  CHECK(hidden.text() ==
        "Средний балл ОГЭ (математика): 3,80 (2023) → не публикуется (2024) → 3,40 (2025) — значение снижалось 2\u00A0года подряд; "
        "значение за 2024\u00A0г. не публикуется (в группе меньше 10\u00A0человек); решение принято с учётом скрытого значения");
  CHECK(hidden.said().values == std::vector<std::pair<int, double>>{{2023, 3.8}, {2025, 3.4}});  // the hidden 3,6 is not among them
  // The stricter choice: a verdict resting on a hidden value is withheld.
  f.ind.withhold_hidden = true;
  c = f.run(one_rule("        indicator: oge_mean\n        subject: математика\n        compare: fell\n        years: 2\n"));
  CHECK(verdict(c, "g", 3) == Verdict::unknown);  // 2024 hidden: not zero, not «no»
  CHECK(c.group("g")->by_school[3][2].evidence.children[0].text().find("не публикуется") != std::string::npos);
  f.ind.withhold_hidden = false;
  c = f.run(one_rule("        indicator: oge_mean\n        subject: математика\n        compare: rose\n        years: 1\n"));
  CHECK(verdict(c, "g", 2) == Verdict::yes);  // 3,6 → 3,8
  CHECK(verdict(c, "g", 1) == Verdict::no);   // 3,9 → 3,4
}

TEST_CASE("windows: every year or any year of the last N") {
  Fixture f(3);
  f.set("pension_age_share", "", {{0, 35, 40}, {0, 20, 40}, {0, NA, 40}});
  auto c = f.run(one_rule("        indicator: pension_age_share\n        compare: greater_than\n        value: 30\n        window: 2\n        in: all\n"));
  CHECK(verdict(c, "g", 0) == Verdict::yes);      // 35 and 40
  CHECK(verdict(c, "g", 1) == Verdict::no);       // 20 fails
  CHECK(verdict(c, "g", 2) == Verdict::unknown);  // 2024 missing, 2025 holds
  c = f.run(one_rule("        indicator: pension_age_share\n        compare: greater_than\n        value: 30\n        window: 2\n        in: any\n"));
  CHECK(verdict(c, "g", 1) == Verdict::yes);
  CHECK(verdict(c, "g", 2) == Verdict::yes);
}

TEST_CASE("combinations: any, all, at least k — with «недостаточно данных» as a third value") {
  Fixture f(6);
  // a, b, c per school in 2025: 1 = holds (≥ 1), 0 = fails, NA = missing.
  std::vector<std::array<double, 3>> rows = {{1, 1, 1}, {1, 0, 0}, {0, 0, 0}, {0, 0, NA}, {1, 1, NA}, {1, NA, NA}};
  std::vector<std::vector<double>> a, b, cc;
  for (const auto& r : rows) {
    a.push_back({0, 0, r[0]});
    b.push_back({0, 0, r[1]});
    cc.push_back({0, 0, r[2]});
  }
  f.set("vacancies", "", a);
  f.set("assessments_below30", "", b);
  f.set("assessments_below30_repeat", "", cc);
  std::string rules =
      "      - {id: a, title: A, indicator: vacancies, compare: at_least, value: 1}\n"
      "      - {id: b, title: B, indicator: assessments_below30, compare: at_least, value: 1}\n"
      "      - {id: c, title: C, indicator: assessments_below30_repeat, compare: at_least, value: 1}\n";
  auto c = f.run("groups:\n  - id: any\n    title: Любой\n    any:\n" + rules + "  - id: all\n    title: Все\n    all:\n" + rules +
                 "  - id: two\n    title: Два\n    at_least: 2\n    of:\n" + rules);
  Verdict Y = Verdict::yes, N = Verdict::no, U = Verdict::unknown;
  std::vector<std::array<Verdict, 3>> expected = {
      // any  all  two
      {Y, Y, Y},  // 1 1 1
      {Y, N, N},  // 1 0 0
      {N, N, N},  // 0 0 0
      {U, N, N},  // 0 0 ?: any could still hold; all and two cannot
      {Y, U, Y},  // 1 1 ?
      {Y, U, U},  // 1 ? ?
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    INFO("school " << i);
    CHECK(verdict(c, "any", i) == expected[i][0]);
    CHECK(verdict(c, "all", i) == expected[i][1]);
    CHECK(verdict(c, "two", i) == expected[i][2]);
  }
}

TEST_CASE("nested combinations and «не применяется» counting as not met") {
  Fixture f(2);
  f.set("continuation_rate", "", {{0, 0, 50}, {0, 0, 50}});
  f.ind.series[{"continuation_rate", ""}].values[1][2].state = ValueState::not_applicable;
  f.set("vacancies", "", {{0, 0, 2}, {0, 0, 2}});
  auto c = f.run(
      "groups:\n  - id: g\n    title: Г\n    all:\n"
      "      - {id: v, title: V, indicator: vacancies, compare: at_least, value: 1}\n"
      "      - id: inner\n        title: Вложенное\n        any:\n"
      "          - {id: c, title: C, indicator: continuation_rate, compare: less_than, value: 60}\n");
  CHECK(verdict(c, "g", 0) == Verdict::yes);
  CHECK(verdict(c, "g", 1) == Verdict::no);
  CHECK(c.group("g")->by_school[1][2].evidence.children[1].children[0].verdict == Verdict::not_applicable);
}

TEST_CASE("a group excludes the schools of an earlier one; movement in and out of the list") {
  Fixture f(3);
  // vacancies by year: school 0 in list 2024–2025, school 1 only 2024, school 2 only 2025.
  f.set("vacancies", "", {{0, 1, 1}, {0, 1, 0}, {0, 0, 1}});
  f.set("pension_age_share", "", {{40, 40, 40}, {40, 40, 40}, {40, 40, 40}});
  auto c = f.run(
      "groups:\n"
      "  - {id: a, title: А, any: [{id: v, title: V, indicator: vacancies, compare: at_least, value: 1}]}\n"
      "  - {id: b, title: Б, exclude: [a], any: [{id: p, title: P, indicator: pension_age_share, compare: greater_than, value: 30}]}\n");
  const GroupResult* a = c.group("a");
  CHECK(a->by_school[0][1].movement == Movement::entered);
  CHECK(a->by_school[0][2].movement == Movement::stayed);
  CHECK(a->by_school[1][2].movement == Movement::left);
  CHECK(a->by_school[2][2].movement == Movement::entered);
  CHECK(a->by_school[2][1].movement == Movement::out);
  CHECK(a->by_school[0][0].movement == Movement::none);  // no previous year to compare with
  CHECK(verdict(c, "b", 0, 2) == Verdict::no);           // excluded: in «А»
  CHECK(verdict(c, "b", 1, 2) == Verdict::yes);
  CHECK(c.group("b")->by_school[0][2].evidence.text().rfind("не рассматривается: школа входит в группу «А»", 0) == 0);
}

TEST_CASE("risk factors: high, medium, low, and no data") {
  Fixture f(8);
  std::vector<std::vector<double>> v;
  for (int i = 1; i <= 8; ++i) v.push_back({0, 0, static_cast<double>(i) / 10});
  v[7][2] = NA;
  f.set("mto_coefficient", "", v);
  auto c = f.run(
      "risk_factors:\n"
      "  - id: eq\n    title: Оснащение\n    indicator: mto_coefficient\n"
      "    high: {compare: bottom_percent, value: 25}\n    medium: {compare: bottom_percent, value: 50}\n"
      "  - id: none\n    title: Без данных\n    note: показателя нет\n");
  // 7 schools with values: 25 % → 2 (0,1 and 0,2); 50 % → 4 (up to 0,4).
  const RiskResult& r = c.risks[0];
  CHECK(r.by_school[0][2].level == RiskLevel::high);
  CHECK(r.by_school[1][2].level == RiskLevel::high);
  CHECK(r.by_school[2][2].level == RiskLevel::medium);
  CHECK(r.by_school[3][2].level == RiskLevel::medium);
  CHECK(r.by_school[4][2].level == RiskLevel::low);
  CHECK(r.by_school[7][2].level == RiskLevel::no_data);
  CHECK(c.risks[1].by_school[0][2].level == RiskLevel::no_data);
}

TEST_CASE("the weights of the results index in words") {
  ResultsIndexConfig c;
  CHECK(results_index_text(c).starts_with("ЕГЭ, ОГЭ и ВПР входят в индекс с равным весом, по 1/3. Так индекс следует приказу"));
  c.weights = {{"ЕГЭ", 0}, {"ОГЭ", 1}, {"ВПР", 1}};
  CHECK(results_index_text(c).starts_with("ОГЭ и ВПР входят в индекс с равным весом, по 1/2. Результаты ЕГЭ в индекс не входят."));
  c.weights = {{"ЕГЭ", 2}, {"ОГЭ", 1}, {"ВПР", 1}};
  CHECK(results_index_text(c).starts_with("ЕГЭ, ОГЭ и ВПР входят в индекс с весами 1/2, 1/4 и 1/4 соответственно."));
  c.weights = {{"ВПР", 1}};
  CHECK(results_index_text(c) == "в индекс входят только результаты ВПР. Результаты ЕГЭ и ОГЭ в индекс не входят.");
  CHECK(weight_fraction(0.5, 1.5) == "33,3\u00A0%");
}

TEST_CASE("percentiles with hidden values: they are ranked, and the printed border is never a hidden value") {
  Fixture f(5);
  f.set("results_index", "", {{0, 0, -2}, {0, 0, -1.5}, {0, 0, -0.5}, {0, 0, 0}, {0, 0, 1}});
  f.suppress("results_index", "", 0, 2);  // the lowest, −2, of a small group
  // 20 % of 5 → 1 school: the hidden one is in, and the border is its value — not printed.
  auto c = f.run(one_rule("        indicator: results_index\n        compare: bottom_percent\n        value: 20\n"));
  CHECK(verdict(c, "g", 0) == Verdict::yes);
  CHECK(verdict(c, "g", 1) == Verdict::no);
  const Evidence& out = c.group("g")->by_school[1][2].evidence.children.at(0);
  CHECK(out.text() ==
        "Сводный индекс образовательных результатов за 3 года: −1,50 (2025) — не входит в 20 % школ с самыми низкими значениями "
        "(граница — не публикуется: в эти школы входят только значения малых групп, 1 из 5\u00A0школ)");
  CHECK_FALSE(out.said().reference.has_value());
  const Evidence& in = c.group("g")->by_school[0][2].evidence.children.at(0);
  CHECK(in.text().find("2,00") == std::string::npos);
  CHECK(in.said().values.empty());
  // 40 % → 2 schools, −2 (hidden) and −1,5: the border printed is the published value inside, «не ниже».
  c = f.run(one_rule("        indicator: results_index\n        compare: bottom_percent\n        value: 40\n"));
  CHECK(verdict(c, "g", 1) == Verdict::yes);
  CHECK(verdict(c, "g", 2) == Verdict::no);
  CHECK(c.group("g")->by_school[2][2].evidence.children.at(0).text() ==
        "Сводный индекс образовательных результатов за 3 года: −0,50 (2025) — не входит в 40 % школ с самыми низкими значениями "
        "(граница — не ниже −1,50: наибольшее опубликованное значение среди этих школ; в ранжировании участвуют и значения малых "
        "групп, они не публикуются, 2 из 5\u00A0школ)");
  // Withheld, the hidden value is not ranked: 20 % of the 4 published → 1 school, −1,5, printed exactly.
  f.ind.withhold_hidden = true;
  c = f.run(one_rule("        indicator: results_index\n        compare: bottom_percent\n        value: 20\n"));
  CHECK(verdict(c, "g", 0) == Verdict::unknown);
  CHECK(verdict(c, "g", 1) == Verdict::yes);
  CHECK(c.group("g")->by_school[1][2].evidence.children.at(0).text().find("(граница — −1,50, 1 из 4\u00A0школ)") != std::string::npos);
}
