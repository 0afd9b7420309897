// Roadmap targets: «достигнут» is decided on plan and fact as the roadmap page prints them (the
// unit's precision from vocab/indicators.yaml), so the verdict never contradicts the figures.
#include <doctest/doctest.h>

#include "analyse/roadmap_progress.h"
#include "load/indicator_vocabulary.h"
#include "render/roadmap_text.h"
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
  t.plan[2024].number = 60;
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

namespace {

// A roadmap 2021–2024 approved on 1 March 2021, built as of 1 October 2023, with one activity.
ActivityProgress activity_state(const Activity& a, bool tracked) {
  Municipality m;
  m.site.as_of = Date{2023, 10, 1};
  m.roadmap.present = true;
  m.roadmap.from = 2021;
  m.roadmap.to = 2024;
  m.roadmap.approved_date = Date{2021, 3, 1};
  m.roadmap.track_progress = tracked;
  m.roadmap.sections.push_back({"s", "", "Раздел", {a}});
  RoadmapProgress rp = roadmap_progress(m, IndicatorSet{}, Classification{}, {});
  REQUIRE(rp.sections.size() == 1);
  REQUIRE(rp.sections[0].size() == 1);
  ActivityProgress p = rp.sections[0][0];
  p.activity = nullptr;  // points into the local municipality
  return p;
}

Activity with_dues(std::vector<Due> dues) {
  Activity a;
  a.id = "a";
  a.title = "Мероприятие";
  a.timing.kind = Timing::Kind::deadline;
  a.timing.dues = std::move(dues);
  return a;
}

}  // namespace

TEST_CASE("roadmap progress: without a status nothing is invented; «просрочено» only where progress is tracked") {
  Activity a = with_dues({{Due::Grain::month, {2021, 12, 31}, 0}});
  CHECK(activity_state(a, false).state == ActivityState::not_reported);
  CHECK(std::string(activity_state_name(ActivityState::not_reported)) == "сведения о выполнении не представлены");
  ActivityProgress tracked = activity_state(a, true);
  CHECK(tracked.state == ActivityState::overdue);
  CHECK(tracked.note == "срок — декабрь 2021\u00A0г., не выполнено");
  // A declared «в работе» stays «в работе» where the department does not track its terms.
  a.status = ActivityStatus::in_progress;
  CHECK(activity_state(a, false).state == ActivityState::in_progress);
  CHECK(activity_state(a, true).state == ActivityState::overdue);
  a.status = ActivityStatus::done;
  CHECK(activity_state(a, true).state == ActivityState::done);
}

TEST_CASE("roadmap states in one line (analysis report, system page): «просрочено» only where progress is tracked") {
  RoadmapProgress p;
  p.done = 2;
  p.not_reported = 5;
  // Not tracked: no «просрочено» at all, not even «просрочено — 0»; what is not reported is said so.
  CHECK(activity_states_text(p, false) == "выполнено мероприятий — 2, сведения о выполнении не представлены — 5");
  p.not_reported = 0;
  p.in_progress = 3;
  p.overdue = 1;
  CHECK(activity_states_text(p, true) == "выполнено мероприятий — 2, в работе — 3, просрочено — 1");
  p.overdue = 0;
  CHECK(activity_states_text(p, true) == "выполнено мероприятий — 2, в работе — 3, просрочено — 0");
}

TEST_CASE("roadmap progress: several terms and a yearly activity are tracked term by term") {
  Activity a = with_dues({{Due::Grain::quarter, {2022, 6, 30}, 2}, {Due::Grain::half, {2024, 12, 31}, 2}});
  a.status_by_year[2022] = ActivityStatus::done;
  ActivityProgress p = activity_state(a, true);
  REQUIRE(p.terms.size() == 2);
  CHECK(p.terms[0].label == "II\u00A0квартал 2022\u00A0г.");
  CHECK(p.terms[0].state == ActivityState::done);
  CHECK(p.terms[1].label == "2-е\u00A0полугодие 2024\u00A0г.");
  CHECK(p.terms[1].state == ActivityState::not_reported);  // not due yet, nothing reported
  CHECK(p.state == ActivityState::not_reported);

  Activity yearly;
  yearly.id = "y";
  yearly.title = "Отчётная сессия";
  yearly.timing.kind = Timing::Kind::recurrence;
  yearly.timing.every = "ежегодно";
  yearly.timing.months = {12};
  yearly.status_by_year = {{2021, ActivityStatus::done}, {2023, ActivityStatus::in_progress}};
  ActivityProgress y = activity_state(yearly, true);
  REQUIRE(y.terms.size() == 3);  // 2021…2023: the years up to the build's date
  CHECK(y.terms[0].state == ActivityState::done);
  CHECK(y.terms[1].label == "2022");
  CHECK(y.terms[1].state == ActivityState::overdue);  // 2022 has passed with nothing reported
  CHECK(y.terms[2].state == ActivityState::in_progress);
  CHECK(y.state == ActivityState::overdue);
  CHECK(y.note == "2022: не выполнено");
  CHECK(timing_text(yearly.timing) == "ежегодно");
  // Untracked, the same year says what it is: nothing was reported.
  ActivityProgress u = activity_state(yearly, false);
  CHECK(u.terms[1].state == ActivityState::not_reported);
  CHECK(u.state == ActivityState::not_reported);  // the first open year, 2022, has no report
}

TEST_CASE("roadmap progress: a term in the plan's own words is shown as written and not tracked") {
  Activity a;
  a.id = "t";
  a.title = "Мероприятие";
  a.timing.kind = Timing::Kind::text;
  a.timing.words = "Март – апрель 2021";
  CHECK(timing_text(a.timing) == "Март – апрель 2021");
  CHECK(activity_state(a, true).state == ActivityState::not_reported);
  a.timing.kind = Timing::Kind::ongoing;
  a.timing.words = "постоянно";
  CHECK(activity_state(a, true).state == ActivityState::not_reported);  // until the plan ends in 2024
  Activity dated = with_dues({{Due::Grain::day, {2021, 4, 30}, 0}});
  dated.timing.words = "Март – апрель 2021";  // the document's words over a tracked date
  CHECK(timing_text(dated.timing) == "Март – апрель 2021");
  CHECK(activity_state(dated, true).state == ActivityState::overdue);
}

TEST_CASE("roadmap progress: «положительная динамика» is decided on the facts of two years") {
  Municipality m;
  m.site.as_of = Date{2025, 3, 1};
  Target t;
  t.id = "t";
  t.title = "Средний балл";
  t.unit = "балл";
  t.plan[2023].text = kPositiveTrend;
  t.plan[2024].text = kPositiveTrend;
  t.plan[2024].end = true;
  t.fact.entered = {{2022, 3.4}, {2023, 3.6}, {2024, 3.5}};
  t.has_fact = true;
  m.roadmap.present = true;
  m.roadmap.targets.push_back(t);
  RoadmapProgress rp = roadmap_progress(m, IndicatorSet{}, Classification{}, {});
  REQUIRE(rp.targets[0].years.size() == 3);
  const auto& y = rp.targets[0].years;
  CHECK(y[0].status == TargetStatus::no_data);  // 2022: a fact without a plan
  CHECK(y[1].status == TargetStatus::achieved);
  CHECK(y[1].plan_text == kPositiveTrend);
  CHECK(y[2].status == TargetStatus::not_achieved);
  CHECK(y[2].end);
  // Words entered as the fact are compared with the plan's words.
  m.roadmap.targets[0].fact.entered.clear();
  m.roadmap.targets[0].entered_text = {{2023, kPositiveTrend}, {2024, "отрицательная динамика"}};
  rp = roadmap_progress(m, IndicatorSet{}, Classification{}, {});
  CHECK(rp.targets[0].years[0].status == TargetStatus::achieved);
  CHECK(rp.targets[0].years[1].status == TargetStatus::not_achieved);
  CHECK(rp.targets[0].years[1].fact_text == "отрицательная динамика");
}
