// 95 % intervals, bands against the municipal value and «на границе» (docs/CRITERIA.md, 5.5), on
// numbers worked out by hand in the comments, not by the code under test.
#include <doctest/doctest.h>

#include "../support/test_files.h"
#include "analyse/classify.h"
#include "analyse/indicators.h"
#include "analyse/roadmap_progress.h"
#include "analyse/similar_schools.h"
#include "load/criteria_loader.h"
#include "load/indicator_vocabulary.h"
#include "load/site_loader.h"
#include "render/analysis_text.h"
#include "render/opendata.h"
#include "russian/typography.h"

using namespace sveden;

namespace {

IndicatorValue published(double value, std::optional<double> lower, std::optional<double> upper) {
  IndicatorValue v;
  v.state = ValueState::ok;
  v.value = value;
  v.n = 12;
  v.lower = lower;
  v.upper = upper;
  return v;
}

}  // namespace

TEST_CASE("Wilson interval of 3 of 12, to the published precision") {
  // p = 0,25, z² / n = 3,8416 / 12 = 0,320133; centre (0,25 + 0,160067) / 1,320133 = 0,310625;
  // half 1,96 / 1,320133 · √(0,25 · 0,75 / 12 + 3,8416 / 576) = 1,484700 · 0,149313 = 0,221684;
  // 0,088941 … 0,532309 → 8,9 … 53,2 %.
  auto [lo, hi] = wilson_interval(3, 12);
  CHECK(round_shown(lo, 1) == doctest::Approx(8.9));
  CHECK(round_shown(hi, 1) == doctest::Approx(53.2));
  // 0 of 12: the lower bound is 0, not below it; the upper one is 2 · 0,121251 = 24,25 %.
  auto [lo0, hi0] = wilson_interval(0, 12);
  CHECK(lo0 == doctest::Approx(0));
  CHECK(hi0 == doctest::Approx(24.25).epsilon(0.001));
}

TEST_CASE("the ОГЭ mean's interval from the marks: mean ± 1,96 · s / √n") {
  // Marks 2, 3, 3, 3, 3, 4, 4, 4, 4, 5: mean 3,5; Σ(x − 3,5)² = 2,25 + 4 · 0,25 + 4 · 0,25 + 2,25 = 6,5;
  // s = √(6,5 / 9) = 0,849837; half 1,96 · 0,849837 / √10 = 0,526746 → 2,97 … 4,03.
  Count marks[4] = {1, 4, 4, 1};
  auto ci = marks_interval(marks, 10, 3.5);
  REQUIRE(ci);
  CHECK(round_shown(ci->first, 2) == doctest::Approx(2.97));
  CHECK(round_shown(ci->second, 2) == doctest::Approx(4.03));
  // No interval is invented: marks that are not the whole cohort, a missing mark, no spread.
  CHECK_FALSE(marks_interval(marks, 11, 3.5));
  Count partial[4] = {1, 4, std::nullopt, 1};
  CHECK_FALSE(marks_interval(partial, 10, 3.5));
  Count same[4] = {0, 0, 12, 0};
  CHECK_FALSE(marks_interval(same, 12, 4.0));
  // A mean that is not on the five-point scale is not what the marks spread describes.
  CHECK_FALSE(marks_interval(marks, 10, 35.0));
}

TEST_CASE("band: above or below only when the interval excludes the municipal value") {
  IndicatorValue v = published(25.0, 8.9, 53.2);
  CHECK(band_of(v, 5.0) == Band::above);
  CHECK(band_of(v, 60.0) == Band::below);
  CHECK(band_of(v, 20.0) == Band::level);
  CHECK(band_of(v, 8.9) == Band::level);   // a bound equal to the municipal value does not exclude it
  CHECK(band_of(v, 53.2) == Band::level);
  CHECK(band_of(v, std::nullopt) == Band::none);
  CHECK(band_of(published(25.0, std::nullopt, std::nullopt), 5.0) == Band::none);  // no interval: no words
  IndicatorValue hidden = v;
  hidden.state = ValueState::suppressed;
  CHECK(band_of(hidden, 5.0) == Band::none);
  CHECK(band_text(Band::above) == "выше муниципального значения");
  CHECK(band_text(Band::below) == "ниже муниципального значения");
  CHECK(band_text(Band::level) == "на уровне муниципального значения");
  CHECK(band_text(Band::none) == "—");
  const IndicatorSpec* share = nullptr;
  for (const auto& s : builtin_indicators())
    if (s.id == "oge_below_min_share") share = &s;
  REQUIRE(share);
  CHECK(interval_text(*share, v) == "8,9–53,2\u00A0%");
  CHECK(interval_text(*share, hidden) == "—");
}

TEST_CASE("compute_indicators: intervals and bands for published values only") {
  Municipality m;
  m.site.years = {2025};
  m.site.min_group = 10;
  auto school = [&](const std::string& id, int participants, int two, int three, int four, int five, double mean) {
    School s;
    s.id = id;
    s.kind = "СОШ";
    OgeResult o;
    o.year = 2025;
    o.subject = "математика";
    o.participants = participants;
    o.mean_score = mean;
    o.below_min = two;
    o.marks[0] = two, o.marks[1] = three, o.marks[2] = four, o.marks[3] = five;
    s.oge.push_back(o);
    m.school_index[id] = m.schools.size();
    m.schools.push_back(s);
  };
  school("A", 12, 3, 5, 3, 1, 3.17);    // «2»: 3 of 12 = 25 % [8,9; 53,2]
  school("B", 100, 2, 38, 40, 20, 3.78);  // «2»: 2 %
  school("C", 5, 4, 1, 0, 0, 2.2);      // a small group: hidden, no interval
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{});
  const IndicatorSeries* s = ind.find({"oge_below_min_share", "математика"});
  REQUIRE(s);
  // Municipal: (3 + 2) / 112 = 4,5 %, below school A's lower bound 8,9 %.
  CHECK(*s->baseline[0].municipal == doctest::Approx(4.5));
  const IndicatorValue& a = s->values[0][0];
  CHECK(a.value == doctest::Approx(25.0));
  REQUIRE(a.lower);
  CHECK(*a.lower == doctest::Approx(8.9));
  CHECK(*a.upper == doctest::Approx(53.2));
  CHECK(a.band == Band::above);
  const IndicatorValue& c = s->values[2][0];
  CHECK(c.state == ValueState::suppressed);
  CHECK_FALSE(c.lower);
  CHECK_FALSE(c.upper);
  CHECK(c.band == Band::none);
  const IndicatorSeries* mean = ind.find({"oge_mean", "математика"});
  REQUIRE(mean);
  CHECK(mean->values[0][0].lower);           // the ОГЭ mean has one from the marks
  CHECK_FALSE(mean->values[2][0].lower);     // but not for a hidden value
}

TEST_CASE("«на границе»: a value whose interval contains the percentile cut-off; the verdict stands") {
  Municipality m;
  for (const char* id : {"S1", "S2", "S3", "S4", "S5"}) {
    School s;
    s.id = id;
    s.kind = "СОШ";
    m.school_index[id] = m.schools.size();
    m.schools.push_back(s);
  }
  m.site.years = {2025};
  IndicatorSet ind;
  ind.specs = builtin_indicators();
  ind.years = m.site.years;
  IndicatorSeries series;
  series.key = {"continuation_rate", ""};
  // Values 40, 55, 60, 70, 80; the bottom 20 % of 5 schools is 1 school: the cut-off is 40.
  double values[] = {40, 55, 60, 70, 80}, lower[] = {30, 45, 35, 60, 70}, upper[] = {50, 65, 75, 80, 90};
  series.values.assign(5, 1);
  for (size_t i = 0; i < 5; ++i) series.values[i][0] = published(values[i], lower[i], upper[i]);
  series.baseline.resize(1);
  ind.series[series.key] = series;
  Criteria criteria;
  Diagnostics diag;
  parse_criteria(SourceText("criteria.yaml",
                            "groups:\n  - id: g\n    title: Группа\n    any:\n      - id: r\n        title: Правило\n"
                            "        indicator: continuation_rate\n        compare: bottom_percent\n        value: 20\n"),
                 true, criteria, diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  Classification c = classify(m, ind, criteria);
  const std::string border = "на границе: с учётом погрешности значение может быть по обе стороны границы";
  auto text = [&](size_t school) { return c.group("g")->by_school[school][0].evidence.children[0].text(); };
  auto verdict = [&](size_t school) { return c.group("g")->by_school[school][0].verdict; };
  // S1: 40 in [30; 50] — in the 20 %, and on the border.
  CHECK(verdict(0) == Verdict::yes);
  CHECK(text(0).find(border) != std::string::npos);
  // S2: [45; 65] excludes 40 — not in, not on the border.
  CHECK(verdict(1) == Verdict::no);
  CHECK(text(1).find(border) == std::string::npos);
  // S3: 60, [35; 75] contains 40 — not in, but on the border; the verdict is unchanged.
  CHECK(verdict(2) == Verdict::no);
  CHECK(text(2).find(border) != std::string::npos);
  // S4 without an interval: nothing said about the border.
  ind.series[series.key].values[3][0].lower.reset();
  ind.series[series.key].values[3][0].upper.reset();
  c = classify(m, ind, criteria);
  CHECK(text(3).find(border) == std::string::npos);
}

TEST_CASE("demo open data: interval columns, the model's bounds, none for hidden values") {
  RealDisk disk(SVEDEN_SOURCE_DIR);
  Diagnostics diag;
  auto loaded = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  Municipality m = std::move(*loaded);
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), m.criteria.social_index);
  Classification cl = classify(m, ind, m.criteria);
  RoadmapProgress rp = roadmap_progress(m, ind, cl, published_lists(m, cl));
  auto recs = recommend(m, cl, published_lists(m, cl), ind.years.size() - 1);
  SimilarSchools sim = compute_similar_schools(m, ind, builtin_similar_definition());
  std::vector<PublishedList> lists = published_lists(m, cl);
  Analysis a{ind, cl, rp, recs, sim, lists, nullptr};
  std::map<std::string, std::string> files;
  for (const auto& f : opendata_files(m, a)) files[f.path] = f.render();
  auto rows = test::parse_csv(files.at("opendata/indicators.csv"));
  REQUIRE(rows.size() > 1);
  REQUIRE(rows[0].size() == 14);
  CHECK(rows[0][12] == "ci95_lower");
  CHECK(rows[0][13] == "ci95_upper");
  int with = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const IndicatorValue& v =
        ind.find({row[2], row[4]})->values[m.school_index.at(row[0])][static_cast<size_t>(ind.year_index(std::stoi(row[5])))];
    if (!v.ok()) {
      CHECK(row[12].empty());
      CHECK(row[13].empty());
      continue;
    }
    const IndicatorSpec* spec = ind.spec(row[2]);
    CHECK(row[12] == (v.lower ? csv_number(*v.lower, spec->decimals) : ""));
    CHECK(row[13] == (v.upper ? csv_number(*v.upper, spec->decimals) : ""));
    CHECK(v.lower.has_value() == !spec->interval.empty());  // the demo's data give every one of them
    with += v.lower.has_value();
  }
  CHECK(with > 100);
  CHECK(files.at("opendata/indicators.json").find("\"ci95_lower\"") != std::string::npos);
  CHECK(files.at("opendata/indicators.json").find("\"interval\":\"wilson_score\"") != std::string::npos);
  CHECK(files.at("opendata/README.md").find("ci95_lower, ci95_upper") != std::string::npos);
}

TEST_CASE("demo: the results index has an interval from its components, and Yelnya's bottom-20 % rule can say «на границе»") {
  RealDisk disk(SVEDEN_SOURCE_DIR);
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  IndicatorSet ind = compute_indicators(*m, builtin_indicators(), m->criteria.social_index, m->criteria.results_index);
  const IndicatorSeries* index = ind.find({"results_index", ""});
  REQUIRE(index);
  int with = 0;
  for (const auto& by_year : index->values)
    for (const auto& v : by_year) {
      if (!v.ok()) continue;
      REQUIRE(v.lower);
      REQUIRE(v.upper);
      CHECK(*v.lower <= v.value);
      CHECK(v.value <= *v.upper);
      CHECK(*v.upper - *v.lower < 2.0);  // at most a couple of standard deviations of the schools, not the range
      ++with;
    }
  CHECK(with >= 35);
  Classification c = classify(*m, ind, m->criteria, 2);
  int borderline = 0;
  for (const auto& by_year : c.group("shnor")->by_school)
    for (const auto& gy : by_year)
      for (const auto& e : gy.evidence.children)
        if (e.rule->id == "results_bottom20" && e.text().find("на границе") != std::string::npos) ++borderline;
  CHECK(borderline >= 1);
}
