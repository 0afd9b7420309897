// Indicators computed from the minimal fixture (tests/fixtures/minimal) and from hand-made schools;
// the expected figures are worked out in the comments.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "analyse/indicators.h"
#include "load/indicator_vocabulary.h"
#include "load/site_loader.h"
#include "russian/typography.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

Municipality minimal() {
  RealDisk disk((fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal").string());
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  return std::move(*m);
}

const IndicatorValue& at(const IndicatorSet& ind, const std::string& id, const std::string& param, size_t school, int year) {
  return ind.find({id, param})->values[school][static_cast<size_t>(ind.year_index(year))];
}

}  // namespace

TEST_CASE("exam shares, suppression of small groups and the municipal value over published schools only") {
  Municipality m = minimal();
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), m.criteria.social_index);
  size_t t1 = m.school_index.at("T1"), t2 = m.school_index.at("T2");
  // T1 2024 ОГЭ математика: 5 of 58 below the minimum = 8,62 %.
  const IndicatorValue& math = at(ind, "oge_below_min_share", "математика", t1, 2024);
  CHECK(math.ok());
  CHECK(math.value == doctest::Approx(8.6));  // as published, to one decimal
  CHECK(math.n == 58);
  // «4» and «5»: (20 + 11) / 58.
  CHECK(at(ind, "oge_good_share", "математика", t1, 2024).value == doctest::Approx(53.4));
  // T2 2024 ОГЭ математика: 7 participants < 10 — suppressed.
  CHECK(at(ind, "oge_below_min_share", "математика", t2, 2024).state == ValueState::suppressed);
  CHECK(at(ind, "oge_mean", "математика", t2, 2024).state == ValueState::suppressed);
  // The municipal value leaves the suppressed school out: it is T1's alone.
  const Baseline& b = ind.find({"oge_below_min_share", "математика"})->baseline[static_cast<size_t>(ind.year_index(2024))];
  CHECK(*b.municipal == doctest::Approx(8.6));
  CHECK(b.schools == 1);
}

TEST_CASE("continuation applies only to schools with a senior level; staff shares; vacancy rate") {
  Municipality m = minimal();
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), m.criteria.social_index);
  size_t t1 = m.school_index.at("T1"), t2 = m.school_index.at("T2"), t3 = m.school_index.at("T3");
  CHECK(at(ind, "continuation_rate", "", t1, 2024).value == doctest::Approx(69.0));  // 68,97 %
  CHECK(at(ind, "continuation_rate", "", t2, 2024).state == ValueState::not_applicable);  // ООШ
  CHECK(at(ind, "continuation_rate", "", t3, 2024).state == ValueState::not_applicable);  // филиал
  CHECK(at(ind, "pension_age_share", "", t1, 2025).value == doctest::Approx(25.0));            // 12 / 48
  CHECK(at(ind, "pension_age_share", "", t2, 2025).value == doctest::Approx(42.9));  // 14 teachers ≥ 10
  CHECK(at(ind, "vacancy_rate", "", t1, 2025).value == doctest::Approx(4.0));                  // 2 / (48 + 2)
  // «н/д» in grade10_continued: missing, not zero.
  CHECK(at(ind, "continuation_rate", "", t2, 2025).state == ValueState::not_applicable);
  CHECK(at(ind, "ovz_share", "", t1, 2025).value == doctest::Approx(3.5));  // 3,51 %
}

TEST_CASE("the composite results index is the participant-weighted mean of z-scores") {
  Municipality m;
  m.site.years = {2023, 2024, 2025};
  m.site.min_group = 10;
  // Three schools, one ОГЭ subject in 2025: means 3, 4, 5 with 20 participants each.
  for (int i = 0; i < 3; ++i) {
    School s;
    s.id = "Z" + std::to_string(i);
    s.kind = "СОШ";
    OgeResult o;
    o.year = 2025;
    o.subject = "математика";
    o.participants = 20;
    o.mean_score = 3.0 + i;
    s.oge.push_back(o);
    m.school_index[s.id] = m.schools.size();
    m.schools.push_back(s);
  }
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{});
  // mean 4, population SD √(2/3) = 0,8165: z = −1,2247, 0, 1,2247.
  double z = 1.0 / std::sqrt(2.0 / 3.0);
  CHECK(at(ind, "results_index", "", 0, 2025).value == doctest::Approx(round_shown(-z, 2)));  // −1,22 as published
  CHECK(at(ind, "results_index", "", 1, 2025).value == doctest::Approx(0.0));
  CHECK(at(ind, "results_index", "", 2, 2025).value == doctest::Approx(round_shown(z, 2)));
  CHECK(at(ind, "results_index", "", 0, 2023).state == ValueState::missing);
}

TEST_CASE("the results index weights ЕГЭ, ОГЭ and ВПР as families, not by participants, and says what it rests on") {
  Municipality m;
  m.site.years = {2023, 2024, 2025};
  m.site.min_group = 10;
  // 2025 only. ОГЭ математика (20 participants): Z0..Z2 means 3, 4, 5. ВПР 4 класс математика
  // (100 participants): Z0..Z3 «4» and «5» 90, 60, 30, 60 %. Z3 is a НОШ: ВПР only. No ЕГЭ anywhere.
  for (int i = 0; i < 4; ++i) {
    School s;
    s.id = "Z" + std::to_string(i);
    s.kind = i < 3 ? "СОШ" : "НОШ";
    if (i < 3) {
      OgeResult o;
      o.year = 2025;
      o.subject = "математика";
      o.participants = 20;
      o.mean_score = 3.0 + i;
      s.oge.push_back(o);
    }
    VprResult v;
    v.year = 2025;
    v.grade = 4;
    v.subject = "математика";
    v.participants = 100;
    long good = i == 0 ? 90 : i == 2 ? 30 : 60;
    v.marks[0] = 0;
    v.marks[1] = 100 - good;
    v.marks[2] = good;
    v.marks[3] = 0;
    s.vpr.push_back(v);
    m.school_index[s.id] = m.schools.size();
    m.schools.push_back(s);
  }
  // ОГЭ z: −1,2247, 0, 1,2247 (mean 4, SD √(2/3)). ВПР z: mean 60, SD √450 = 21,213: 1,4142, 0, −1,4142, 0.
  // Equal families: Z0 (−1,2247 + 1,4142) / 2 = 0,0947 → 0,09; by participants it would be
  // (20 × −1,2247 + 100 × 1,4142) / 120 = 0,97 — ВПР alone.
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{});
  const IndicatorSeries& s = *ind.find({"results_index", ""});
  CHECK(at(ind, "results_index", "", 0, 2025).value == doctest::Approx(0.09));
  CHECK(at(ind, "results_index", "", 1, 2025).value == doctest::Approx(0.0));
  CHECK(at(ind, "results_index", "", 2, 2025).value == doctest::Approx(-0.09));
  CHECK(at(ind, "results_index", "", 3, 2025).value == doctest::Approx(0.0));
  CHECK(at(ind, "results_index", "", 0, 2025).n == 120);
  size_t y25 = static_cast<size_t>(ind.year_index(2025));
  CHECK(s.remarks.at({0, y25}) ==
        "индекс за 1\u00A0год из 3: нет данных за 2023 и 2024\u00A0гг.; нет опубликованных результатов ЕГЭ: ОГЭ и ВПР входят в "
        "индекс с равным весом, по 1/2");
  CHECK(s.remarks.at({3, y25}) ==
        "индекс за 1\u00A0год из 3: нет данных за 2023 и 2024\u00A0гг.; нет опубликованных результатов ЕГЭ и ОГЭ: индекс — только по ВПР");

  // ОГЭ twice as heavy as ВПР: Z0 (2 × −1,2247 + 1,4142) / 3 = −0,3451 → −0,35.
  ResultsIndexConfig heavy;
  heavy.weights = {{"ЕГЭ", 1}, {"ОГЭ", 2}, {"ВПР", 1}};
  ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{}, heavy);
  CHECK(at(ind, "results_index", "", 0, 2025).value == doctest::Approx(-0.35));
  CHECK(ind.find({"results_index", ""})->remarks.at({0, y25}).ends_with("ОГЭ и ВПР входят в индекс с весами 2/3 и 1/3"));
  // ВПР left out (weight 0): Z3 has no index at all; Z0 is its ОГЭ z-score.
  ResultsIndexConfig exams;
  exams.weights = {{"ЕГЭ", 1}, {"ОГЭ", 1}, {"ВПР", 0}};
  ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{}, exams);
  CHECK(at(ind, "results_index", "", 0, 2025).value == doctest::Approx(-1.22));
  CHECK(at(ind, "results_index", "", 3, 2025).state == ValueState::missing);
}

TEST_CASE("olympiad share needs all three years of the window, and every stage it counts in each") {
  Municipality m;
  m.site.years = {2023, 2024, 2025};
  School s;
  s.id = "O";
  s.kind = "СОШ";
  for (int y : {2023, 2024, 2025}) {
    s.contingent.push_back({y, 400, 10, 40, 30});
    s.olympiad.push_back({y, "региональный", 1, 0, {}});
    s.olympiad.push_back({y, "заключительный", y == 2025 ? 1 : 0, 0, {}});
  }
  m.school_index["O"] = 0;
  m.schools.push_back(s);
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{});
  // 2025: (1 + 0) + (1 + 0) + (1 + 1) participants over 2023–2025 / 400 students = 1 %.
  CHECK(at(ind, "olympiad_share", "", 0, 2025).value == doctest::Approx(1.0));
  CHECK(at(ind, "olympiad_share", "", 0, 2024).state == ValueState::missing);  // 2022 is not in the data
  // Without the final stage of 2024 the sum is unknown, not 3 participants: no row is not 0.
  m.schools[0].olympiad.erase(m.schools[0].olympiad.begin() + 3);
  ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{});
  CHECK(at(ind, "olympiad_share", "", 0, 2025).state == ValueState::missing);
  CHECK(ind.find({"olympiad_share", ""})->why_missing.at({0, 2}) ==
        "в data/olympiad.csv за 2024 г. нет данных заключительного этапа (показатель считается за 3 года)");
  // A row with an empty number of participants is no better than no row.
  m.schools[0].olympiad.push_back({2024, "заключительный", std::nullopt, std::nullopt, std::nullopt});
  ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{});
  CHECK(at(ind, "olympiad_share", "", 0, 2025).state == ValueState::missing);
}

TEST_CASE("a school without its kind: no value for the indicators that need it, the others as the data says") {
  Municipality m;
  m.site.years = {2025};
  School s;
  s.id = "K";
  s.line = 7;
  s.contingent.push_back({2025, 120, 2, 12, 0});
  s.oge.push_back({2025, "математика", 12, 3.5, 1, {1, 5, 4, 2}});
  m.school_index["K"] = 0;
  m.schools.push_back(s);
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{});
  // 0 of 12 «continue» — for an ООШ that has no grade 10 of its own; unknown without the kind.
  CHECK(at(ind, "continuation_rate", "", 0, 2025).state == ValueState::missing);
  CHECK(ind.find({"continuation_rate", ""})->why_missing.at({0, 0}) ==
        "не указан тип ОО (data/schools.csv, строка 7), а показатель считается только для школ вида «СОШ», «СОШ с УИОП», "
        "«гимназия», «лицей» и «центр образования»");
  // ОГЭ was written: the value is the data's, whatever the kind.
  CHECK(at(ind, "oge_mean", "математика", 0, 2025).value == doctest::Approx(3.5));
  // ОВЗ applies to every kind.
  CHECK(at(ind, "ovz_share", "", 0, 2025).ok());
}
