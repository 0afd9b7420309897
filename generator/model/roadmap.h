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

struct Timing {
  enum class Kind { deadline, recurrence, period } kind = Kind::deadline;
  Date deadline;             // Kind::deadline
  std::vector<int> months;   // Kind::recurrence: months of every year; empty = all year round
  Date from, to;             // Kind::period
};

struct Activity {
  std::string id, title;
  Timing timing;
  std::vector<std::string> responsible;
  std::string expected_result, indicator, report_form;
  ActivityStatus status = ActivityStatus::not_started;
  std::vector<std::string> schools;  // school ids
  std::string group;                 // or a criteria group: all its schools
  std::vector<ProgressNote> progress;
  TextPos pos;
};

struct Section {
  std::string id, title;
  std::vector<Activity> activities;
};

struct TargetFact {
  std::map<int, double> entered;  // year → value entered by the department
  std::string measure;            // or computed: share_of_group_left, share_of_group_improved, …
  std::string group, indicator;
  Compare compare = Compare::at_least;
  double value = 0;
};

struct Target {
  std::string id, title, unit, source;
  bool higher_is_better = true;
  std::map<int, double> plan;  // year → target value
  TargetFact fact;
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

struct Roadmap {
  bool present = false;
  std::string title;
  std::string approved_document, approved_number;
  Date approved_date;
  int from = 0, to = 0;
  std::string goal;
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
