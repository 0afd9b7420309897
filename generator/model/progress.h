// How the roadmap stands as of the build's date: each activity's state (with «просрочено»), each
// target's plan against fact by year, and the recommendations each school's evidence calls for.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/roadmap.h"

namespace sveden {

// not_reported: the plan gives no status and the department does not track progress.
enum class ActivityState { done, in_progress, overdue, not_started, cancelled, not_reported };

// One of several terms of an activity, or one year of a yearly one: «2022 — выполнено».
struct TermState {
  std::string label;  // «декабрь 2021 г.», «2022»
  ActivityState state = ActivityState::not_reported;
  bool due = false;   // the term has passed as of the build's date
};

struct ActivityProgress {
  const Activity* activity = nullptr;
  ActivityState state = ActivityState::not_started;
  std::string note;                  // «срок — 31 декабря 2024 г.; не выполнено»
  std::vector<TermState> terms;      // several terms, or a yearly activity's years; each with its state
  std::vector<size_t> schools;       // indexes of the schools concerned
};

enum class TargetStatus { achieved, not_achieved, no_data, not_yet };

struct TargetYear {
  int year = 0;
  bool end = false;               // the target is set for the end of the period
  std::optional<double> plan, fact;
  std::string plan_text, fact_text;  // a qualitative target («положительная динамика») and a fact in words
  TargetStatus status = TargetStatus::no_data;
  std::string fact_note;  // how a computed fact was obtained: «2 из 5 школ»
};

struct TargetProgress {
  const Target* target = nullptr;
  // Digits after the comma of the target's unit (vocab/indicators.yaml `units:`): plan and fact are
  // rounded to them once, and «достигнут» is decided on them, so that «59,9 % при цели 60 %» is not.
  int decimals = 1;
  std::vector<TargetYear> years;
};

struct RoadmapProgress {
  std::vector<std::vector<ActivityProgress>> sections;  // parallel to Roadmap::sections
  std::vector<TargetProgress> targets;
  int done = 0, in_progress = 0, overdue = 0, not_started = 0, cancelled = 0, not_reported = 0;
};

struct SchoolRecommendation {
  const Recommendation* recommendation = nullptr;
  std::vector<std::string> reasons;  // the triggers that fired, in words
};

const char* activity_state_name(ActivityState s);  // «выполнено», «в работе», «просрочено», …, «сведения о выполнении не представлены»
const char* target_status_name(TargetStatus s);    // «достигнут», «не достигнут», «нет данных», «ещё не наступил»

}  // namespace sveden
