// The roadmap's own words as its page, its report and open data say them: the approving order, the period, the
// coordinator and what the plan says of each activity besides its title and term.
#pragma once
#include <string>
#include <vector>

#include "model/progress.h"
#include "model/roadmap.h"

namespace sveden {

// «Приказ управления образования … от 10 марта 2023 г. № 47-од»; "" when the roadmap names no order.
std::string approval_text(const Roadmap& r);

// «2023–2025 годы», «2024 год».
std::string period_text(const Roadmap& r);

// «Начальник отдела общего образования Гончарова Светлана Игоревна»: the position, then the name if given.
std::string coordinator_text(const Roadmap& r);

struct LabelledText {
  std::string label, text;
};

// An activity's expected result, indicator and report form, those the plan gives, in that order.
std::vector<LabelledText> activity_details(const Activity& a);

// «Управление образования, ИМЦ»: responsible people or bodies as one line.
std::string responsible_text(const std::vector<std::string>& responsible);

// A line of the passport: one text, or a list (goals, tasks, expected results, legal bases, financing).
struct PassportRow {
  std::string label;
  std::vector<std::string> items;
  bool list = false;
};

// The passport as the plan's first page gives it, for the page and the report alike: approval, developer, goals,
// tasks, expected results, legal bases, period, coordinator, financing; each row only when the plan gives it.
std::vector<PassportRow> passport_rows(const Roadmap& r);

// «муниципальный бюджет: 2022 год — 150 тыс. руб., 2023 год — 200 тыс. руб.».
std::string financing_text(const Financing& f);

// «12», «2.3» as the document numbers an activity, else its id.
std::string activity_number(const Activity& a);
// «I. Организационные мероприятия» where the section has a number.
std::string section_heading(const Section& s);

// A target's plan and fact for a year as the page, the report and open data show them: «30 %», «положительная
// динамика»; «—» where there is none (`dash`), else "".
std::string plan_text(const TargetYear& y, const TargetProgress& tp, bool dash = true);
std::string fact_text(const TargetYear& y, const TargetProgress& tp, bool dash = true);
// «2024», «2024 (к концу срока)».
std::string target_year_text(const TargetYear& y);

// The activity's declared status as the plan gives it: «в работе», «2022 — выполнено; 2023 — в работе», or "".
std::string declared_status_text(const Activity& a);
// Each term's or year's state: «декабрь 2021 г. — выполнено; май 2022 г. — просрочено».
std::string terms_text(const ActivityProgress& p);

// The activities by state in one line: «выполнено мероприятий — 5, в работе — 3, просрочено — 1» (`done` names the
// first state: «выполнено мероприятий», or «выполнено» after «Мероприятия:»). «Просрочено» only where the department
// tracks progress (`track_progress`); other states no activity is in are left out.
std::string activity_states_text(const RoadmapProgress& p, bool track_progress, const char* done = "выполнено мероприятий");

}  // namespace sveden
