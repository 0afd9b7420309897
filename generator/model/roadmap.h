// The roadmap (content/roadmap.yaml) and the addressed recommendations (content/recommendations.yaml)
// as plain data.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/criteria.h"
#include "model/date.h"
#include "model/site_config.h"
#include "base/text_pos.h"

namespace sveden {

struct EvidenceLink {
  std::string title;
  std::string url;
};

struct ProgressNote {
  Date date;
  std::string text;
  std::vector<EvidenceLink> evidence;
};

enum class ActivityStatus { done, in_progress, not_started, cancelled };

// One term of an activity as the plan writes it: a day, a month («декабрь 2021»), a quarter or a half-year;
// it falls due on its last day.
struct Due {
  enum class Grain { day, month, quarter, half } grain = Grain::day;
  Date date;      // the last day of the term
  int index = 0;  // the quarter (1…4) or the half-year (1, 2)
};

struct Timing {
  // deadline: one or several terms, each tracked; recurrence: every year (in some months); period: from … to;
  // ongoing: «постоянно», «в течение всего срока» (until the plan ends); schedule: «по графику» with a link;
  // text: the plan's own words, shown as written and not tracked.
  enum class Kind { deadline, recurrence, period, ongoing, schedule, text } kind = Kind::deadline;
  std::vector<Due> dues;     // Kind::deadline
  std::vector<int> months;   // Kind::recurrence: months of every year; empty = all year round
  std::string every;         // Kind::recurrence written as a word: «ежегодно», «ежеквартально», «ежемесячно»
  Date from, to;             // Kind::period
  std::string words;         // `term`: the plan's own words, shown instead of the computed ones; Kind::ongoing's words
  std::string schedule_title, schedule_url;  // Kind::schedule
};

struct Activity {
  std::string id, number, title;  // number: as the document numbers it («12», «2.3»); shown instead of the id
  Timing timing;
  std::vector<std::string> responsible;
  std::string expected_result, indicator, report_form;
  std::optional<ActivityStatus> status;        // none: the department reported nothing
  std::map<int, ActivityStatus> status_by_year;  // «ежегодно»: a status per year
  std::vector<std::string> schools;  // school ids
  std::string group;                 // or a criteria group: all its schools
  std::vector<ProgressNote> progress;
  TextPos pos;
};

struct Section {
  std::string id, number, title;
  std::vector<Activity> activities;
};

struct TargetFact {
  std::map<int, double> entered;  // year → value entered by the department
  std::string measure;            // or computed: share_of_group_left, share_of_group_improved, …
  std::string group, indicator;
  Compare compare = Compare::at_least;
  double value = 0;
};

// A target for a year: a figure, or words («положительная динамика»); `end`: set for the end of the period.
struct PlanValue {
  std::optional<double> number;
  std::string text;
  bool end = false;
};

inline constexpr const char* kPositiveTrend = "положительная динамика";

struct Target {
  std::string id, title, unit, source;
  bool higher_is_better = true;
  std::map<int, PlanValue> plan;  // year → target value
  std::map<int, std::string> entered_text;  // year → a fact in words, as the department entered it
  TargetFact fact;
  bool has_fact = false;  // `fact` given
  TextPos pos;
};

struct ControlPoint {
  std::string id, title, target, target_id;
  std::vector<std::string> responsible;
  std::vector<Date> dates;
};

struct WorkingGroupMember {
  std::string name, position, role;
};

// A source of the programme's money and its amounts by year.
struct Financing {
  std::string source, unit, text;     // text: a source without figures («в рамках текущего финансирования»)
  std::map<int, double> amounts;
};

struct Roadmap {
  bool present = false;
  std::string title, short_title;  // short_title: the menu's words for a long official title
  std::string approved_document, approved_number;  // the number may be «б/н»
  Date approved_date;  // year 0: the order gives no date
  int from = 0, to = 0;
  std::vector<std::string> goals, expected_results, legal_bases;
  std::string developer;
  std::vector<Financing> financing;
  bool track_progress = false;  // the department reports progress: a passed term without «выполнено» is «просрочено»
  std::vector<std::string> tasks;
  Person coordinator;
  std::vector<WorkingGroupMember> working_group;
  std::vector<Section> sections;
  std::vector<Target> targets;
  std::vector<ControlPoint> control_points;
};

struct RecommendationTrigger {
  std::string group;        // the school is in this group
  std::string rule;         // «shnor.oge_math_mean_fell2»: this rule fired
  std::string risk_factor;  // this «500+» factor is at `level` or higher
  std::string level;        // «высокий» | «средний»
};

// Where a recommendation fits (`only:`): the school's kind, locality and size. Empty: any.
struct RecommendationScope {
  std::vector<std::string> kinds;       // «СОШ», «ООШ»…
  std::vector<std::string> localities;  // «город», «село»
  std::optional<int> students_min, students_max;  // students in the year of the recommendations
};

struct Recommendation {
  std::string id, audience, text, source;
  std::vector<RecommendationTrigger> when;
  RecommendationScope only;
  int priority = 2;  // 1 — first, 2 — usual, 3 — if there is room
  size_t order = 0;  // in recommendations.yaml, the last tie-breaker
};

const char* activity_status_name(ActivityStatus s);  // «выполнено», «в работе», …

}  // namespace sveden
