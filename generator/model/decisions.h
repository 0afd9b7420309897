// The department's decisions on its lists (content/decisions.yaml): for a year and a group, the order that
// approved the list, and the schools the working group included or excluded by hand, each with its reason.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "base/text_pos.h"

namespace sveden {

struct ApprovingOrder {
  std::string number;  // «102-од»
  Date date;
  std::string title;   // «Об утверждении перечня школ с низкими образовательными результатами…»
  std::string file;    // under documents/department/ (published in documents/), or empty
};

struct ManualChange {
  std::string school;  // its code
  std::string reason;
  TextPos pos;
};

struct ListDecision {
  int year = 0;
  std::string group;
  std::optional<ApprovingOrder> order;  // none: the working group's changes, not yet approved
  std::vector<ManualChange> include, exclude;
  // A listed group's members as the order lists them (`schools:`), for a group without rules
  // (`members: list` in criteria.yaml); their reason is empty.
  std::vector<ManualChange> schools;
  std::string source;  // «content/decisions.yaml:12», for messages
};

// How a computed list that no order has approved yet is published (site.yaml `publish.unapproved_lists`).
enum class UnapprovedLists { draft, hide };

}  // namespace sveden
