// The roadmap's own words as its page, its report and open data say them: the approving order, the period, the
// coordinator and what the plan says of each activity besides its title and term.
#pragma once
#include <string>
#include <vector>

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

}  // namespace sveden
