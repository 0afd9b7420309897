// The lists the department publishes: for each group and year, the computed list as the order approved it
// (content/decisions.yaml), with the schools the working group included or excluded by hand, or, without an
// order, the computed list as a draft. A school with «недостаточно данных» is in no list: it is named apart.
#pragma once
#include <optional>
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
  // Whether its computation may be published anywhere (pages, reports, open data): approved, or the site
  // publishes unapproved lists as drafts (publish.unapproved_lists: draft).
  bool shown = true;
  std::vector<ListMember> members;                         // in the schools' order of the municipality
  std::vector<bool> in;                                    // by school: a member
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

// Whether the verdicts of `group` in `year` may be published: with publish.unapproved_lists: hide, a list
// that no order approved is published nowhere, neither as a list nor as verdicts, counts or flows.
bool verdicts_shown(const std::vector<PublishedList>& lists, std::string_view group, int year);

// Why the verdicts of `group` in `year` are published nowhere, in the words every page, report and open
// data use: «перечень не задан» for a group given by lists (members: list) whose department gave no list
// for that year — there is nothing to approve —, «перечень не утверждён» for a list waiting for its order.
constexpr const char* kListNotGiven = "перечень не задан";
constexpr const char* kListWithheld = "перечень не утверждён";
bool list_given(const std::vector<PublishedList>& lists, std::string_view group, int year);
const char* withheld_words(const std::vector<PublishedList>& lists, std::string_view group, int year);

// Whether `school` is in the list of `group` in `year` as published — the order's list with the working
// group's inclusions and exclusions, or the draft — which is what the roadmap's activities and measures
// and the recommendations follow; nullopt where no list is published (none computed, or
// publish.unapproved_lists: hide before the order).
std::optional<bool> in_list(const std::vector<PublishedList>& lists, std::string_view group, int year, size_t school);

}  // namespace sveden
