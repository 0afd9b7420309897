// The lists the department publishes: for each group and year, the computed list as the order approved it
// (content/decisions.yaml), with the schools the working group included or excluded by hand, or, without an
// order, the computed list as a draft. A school with «недостаточно данных» is in no list: it is named apart.
#pragma once
#include <string>
#include <vector>

#include "model/classification.h"
#include "model/decisions.h"
#include "model/municipality.h"

namespace sveden {

struct ListMember {
  size_t school = 0;
  const ManualChange* included = nullptr;  // in the list by the working group's decision, not by the criteria
};

struct PublishedList {
  const Group* group = nullptr;
  int year = 0;
  size_t year_index = 0;
  const ListDecision* decision = nullptr;  // the year's decision on this group, if any
  bool approved() const { return decision && decision->order; }
  std::vector<ListMember> members;                         // in the schools' order of the municipality
  std::vector<std::pair<size_t, const ManualChange*>> excluded;  // «да» by the criteria, out by decision
  std::vector<size_t> undecided;                           // «недостаточно данных», not included by hand
  // Manual changes that change nothing: an inclusion of a school already in (`in_list`), an exclusion of
  // one not in.
  struct Idle {
    const ManualChange* change;
    bool in_list;
  };
  std::vector<Idle> idle;
};

// Every group × year of the classification, group by group, years ascending.
std::vector<PublishedList> published_lists(const Municipality& m, const Classification& cl);

// The list of `group` in `year`, or null.
const PublishedList* find_list(const std::vector<PublishedList>& lists, std::string_view group, int year);

}  // namespace sveden
