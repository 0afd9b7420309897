// Roadmap targets: «достигнут» is decided on plan and fact as the roadmap page prints them (the
// unit's precision from vocab/indicators.yaml), so the verdict never contradicts the figures.
#include <doctest/doctest.h>

#include "analyse/roadmap_progress.h"
#include "load/indicator_vocabulary.h"
#include "russian/typography.h"

using namespace sveden;

namespace {

// One target «%», plan 60 in 2024, the entered fact `fact`; the build is dated after 2024.
TargetYear target_year(double fact, bool higher_is_better = true, const std::string& unit = "%") {
  Municipality m;
  m.site.as_of = Date{2025, 3, 1};
  Target t;
  t.id = "t";
  t.title = "Доля";
  t.unit = unit;
  t.higher_is_better = higher_is_better;
  t.plan[2024] = 60;
  t.fact.entered[2024] = fact;
  m.roadmap.present = true;
  m.roadmap.targets.push_back(t);
  RoadmapProgress rp = roadmap_progress(m, IndicatorSet{}, Classification{}, {});
  REQUIRE(rp.targets.size() == 1);
  REQUIRE(rp.targets[0].years.size() == 1);
  CHECK(rp.targets[0].decimals == unit_decimals(unit));
  return rp.targets[0].years[0];
}

}  // namespace

TEST_CASE("roadmap progress: «достигнут» is decided on the fact as printed") {
  REQUIRE(unit_decimals("%") == 1);
  // 59,94 is printed «59,9» against 60: not achieved.
  TargetYear below = target_year(59.94);
  CHECK(below.status == TargetStatus::not_achieved);
  REQUIRE(below.fact);
  CHECK(format_number(*below.fact, 1) == "59,9");
  // 59,96 is printed «60,0»: the page must not say «не достигнут» beside «60,0» against «60,0».
  TargetYear at = target_year(59.96);
  CHECK(at.status == TargetStatus::achieved);
  REQUIRE(at.fact);
  CHECK(*at.fact == 60.0);  // rounded once, in analyse
  CHECK(format_number(*at.fact, 1) == "60,0");
  // Lower is better: 60,04 is printed «60,0», at the target.
  CHECK(target_year(60.04, false).status == TargetStatus::achieved);
  CHECK(target_year(60.06, false).status == TargetStatus::not_achieved);
}

TEST_CASE("roadmap progress: a unit's precision comes from vocab/indicators.yaml") {
  CHECK(unit_decimals("балл") == 2);
  // 59,996 баллов is «60,00»; 59,994 is «59,99».
  CHECK(target_year(59.996, true, "балл").status == TargetStatus::achieved);
  CHECK(target_year(59.994, true, "балл").status == TargetStatus::not_achieved);
}
