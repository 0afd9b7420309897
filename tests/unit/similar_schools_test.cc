// Group values by hand: similar schools (vocab/indicators.yaml, `similar`) and municipal shares as
// ratios of sums; the expected figures are worked out in the comments.
#include <doctest/doctest.h>

#include "analyse/indicators.h"
#include "analyse/similar_schools.h"
#include "load/indicator_vocabulary.h"
#include "russian/typography.h"

using namespace sveden;

namespace {

// A school of `students` in `locality` with one ОГЭ subject in 2025: `below` of `participants`
// below the minimum.
School school(const std::string& id, const std::string& locality, long students, long participants, long below) {
  School s;
  s.id = id;
  s.kind = "СОШ";
  s.locality = locality;
  ContingentYear c;
  c.year = 2025;
  c.students = students;
  s.contingent.push_back(c);
  OgeResult o;
  o.year = 2025;
  o.subject = "математика";
  o.participants = participants;
  o.below_min = below;
  s.oge.push_back(o);
  return s;
}

Municipality municipality(std::vector<School> schools) {
  Municipality m;
  m.site.years = {2025};
  m.site.min_group = 10;
  for (auto& s : schools) {
    m.school_index[s.id] = m.schools.size();
    m.schools.push_back(std::move(s));
  }
  return m;
}

const SeriesKey kBelow{"oge_below_min_share", "математика"};

}  // namespace

TEST_CASE("the definition of similar schools is data: bands, locality, minimum, source") {
  const SimilarDefinition& d = builtin_similar_definition();
  CHECK(d.size_bands == std::vector<int>{100, 300, 700});
  CHECK(d.same_locality);
  CHECK(d.min_schools == 3);
  CHECK_FALSE(d.source.empty());
  CHECK(size_band_name(d, 0) == "до 100 обучающихся");
  CHECK(size_band_name(d, 1) == "100–299 обучающихся");
  CHECK(size_band_name(d, 3) == "700 и более обучающихся");
}

TEST_CASE("similar schools: a ratio of sums over published values, at least three of them, hidden ones left out") {
  // Village schools of 100–299 students: A 3 of 20, B 6 of 30, C 1 of 50 below the minimum, and D
  // with 8 participants (hidden: 8 < 10). E is a town school of the same size; F a village school of 80.
  Municipality m = municipality({school("A", "село", 150, 20, 3), school("B", "село", 200, 30, 6), school("C", "село", 250, 50, 1),
                                 school("D", "село", 120, 8, 4), school("E", "город", 180, 40, 20), school("F", "село", 80, 25, 5)});
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{});
  REQUIRE(ind.find(kBelow)->values[3][0].state == ValueState::suppressed);
  SimilarSchools sim = compute_similar_schools(m, ind, builtin_similar_definition());
  CHECK(sim.group[0][0] == "село, 100–299 обучающихся");
  CHECK(sim.group[4][0] == "город, 100–299 обучающихся");
  // (3 + 6 + 1) / (20 + 30 + 50) = 10 %, not the mean of 15, 20 and 2 (12,3 %); D is not in it.
  for (size_t i : {0, 1, 2, 3}) {
    const SimilarValue* v = sim.find(kBelow, i, 0);
    REQUIRE(v);
    CHECK(v->schools == 3);
    REQUIRE(v->value);
    CHECK(*v->value == doctest::Approx(10.0));
  }
  // The town school and the small village school are alone in their groups.
  CHECK_FALSE(sim.find(kBelow, 4, 0)->value);
  CHECK(sim.find(kBelow, 4, 0)->schools == 1);
  CHECK_FALSE(sim.find(kBelow, 5, 0)->value);

  // Whatever D's hidden figures, the group value is the same.
  Municipality m2 = municipality({school("A", "село", 150, 20, 3), school("B", "село", 200, 30, 6), school("C", "село", 250, 50, 1),
                                  school("D", "село", 120, 8, 0), school("E", "город", 180, 40, 20), school("F", "село", 80, 25, 5)});
  IndicatorSet ind2 = compute_indicators(m2, builtin_indicators(), SocialIndexConfig{});
  SimilarSchools sim2 = compute_similar_schools(m2, ind2, builtin_similar_definition());
  CHECK(*sim2.find(kBelow, 0, 0)->value == doctest::Approx(10.0));
}

TEST_CASE("similar schools: two published values and a hidden one give no group value") {
  // A and B published, D hidden: a group value over A and B would give B away to whoever knows A.
  Municipality m = municipality({school("A", "село", 150, 20, 3), school("B", "село", 200, 30, 6), school("D", "село", 120, 8, 4)});
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{});
  SimilarSchools sim = compute_similar_schools(m, ind, builtin_similar_definition());
  for (size_t i : {0, 1, 2}) {
    CHECK_FALSE(sim.find(kBelow, i, 0)->value);
    CHECK(sim.find(kBelow, i, 0)->schools == 2);
  }
}

TEST_CASE("municipal shares are ratios of sums; the composite index has no municipal value") {
  Municipality m = municipality({school("A", "село", 150, 20, 3), school("B", "город", 600, 80, 4)});
  // Vacancies ÷ posts: A 1 of (9 + 1), B 2 of (38 + 2): 3 / 50 = 6 %, not the mean of 10 and 5 (7,5 %).
  StaffYear a, b;
  a.year = b.year = 2025;
  a.teachers = 9;
  a.vacancies = 1;
  b.teachers = 38;
  b.vacancies = 2;
  m.schools[0].staff.push_back(a);
  m.schools[1].staff.push_back(b);
  IndicatorSet ind = compute_indicators(m, builtin_indicators(), SocialIndexConfig{});
  const Baseline& vr = ind.find({"vacancy_rate", ""})->baseline[0];
  REQUIRE(vr.municipal);
  CHECK(*vr.municipal == doctest::Approx(6.0));
  CHECK(vr.schools == 2);
  // ОГЭ: (3 + 4) / (20 + 80) = 7 %, not the mean of 15 and 5 (10 %).
  CHECK(*ind.find(kBelow)->baseline[0].municipal == doctest::Approx(7.0));
  // The number of vacancies is a count: the mean over schools, 1,5, published without decimals.
  CHECK(*ind.find({"vacancies", ""})->baseline[0].municipal == doctest::Approx(round_shown(1.5, 0)));
  // The results index is relative to the municipality: no municipal value.
  CHECK_FALSE(ind.find({"results_index", ""})->baseline[0].municipal);
}
