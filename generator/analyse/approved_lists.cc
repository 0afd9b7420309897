#include "analyse/approved_lists.h"

#include <algorithm>

namespace sveden {

std::vector<PublishedList> published_lists(const Municipality& m, const Classification& cl) {
  std::vector<PublishedList> out;
  for (const auto& g : cl.groups) {
    for (size_t y = 0; y < cl.years.size(); ++y) {
      PublishedList list;
      list.group = g.group;
      list.year = cl.years[y];
      list.year_index = y;
      for (const auto& d : m.decisions)
        if (d.year == list.year && d.group == g.group->id) list.decision = &d;
      auto manual = [&](const std::vector<ManualChange>& changes, const std::string& id) -> const ManualChange* {
        for (const auto& c : changes)
          if (c.school == id) return &c;
        return nullptr;
      };
      for (size_t i = 0; i < m.schools.size(); ++i) {
        const std::string& id = m.schools[i].id;
        Verdict v = i < g.by_school.size() && y < g.by_school[i].size() ? g.by_school[i][y].verdict : Verdict::unknown;
        const ManualChange* in = list.decision ? manual(list.decision->include, id) : nullptr;
        const ManualChange* out_of = list.decision ? manual(list.decision->exclude, id) : nullptr;
        if (v == Verdict::yes) {
          if (in) list.idle.push_back({in, true});
          if (out_of) list.excluded.emplace_back(i, out_of);
          else list.members.push_back({i, nullptr});
        } else {
          if (out_of) list.idle.push_back({out_of, false});
          if (in) list.members.push_back({i, in});
          else if (v == Verdict::unknown) list.undecided.push_back(i);
        }
      }
      // A listed group has a list only for the years the department gave one; Rosobrnadzor's list is data.
      Membership by = g.group->members;
      list.shown = members_from_data(*g.group) || ((by == Membership::rules || list.decision) && (list.approved() || m.site.draft_lists));
      list.in.assign(m.schools.size(), false);
      for (const auto& member : list.members) list.in[member.school] = true;
      out.push_back(std::move(list));
    }
  }
  return out;
}

const PublishedList* find_list(const std::vector<PublishedList>& lists, std::string_view group, int year) {
  for (const auto& l : lists)
    if (l.group->id == group && l.year == year) return &l;
  return nullptr;
}

std::optional<bool> in_list(const std::vector<PublishedList>& lists, std::string_view group, int year, size_t school) {
  const PublishedList* list = find_list(lists, group, year);
  if (!list || !list->shown || school >= list->in.size()) return std::nullopt;
  return list->in[school];
}

bool verdicts_shown(const std::vector<PublishedList>& lists, std::string_view group, int year) {
  const PublishedList* list = find_list(lists, group, year);
  return !list || list->shown;
}

bool list_given(const std::vector<PublishedList>& lists, std::string_view group, int year) {
  const PublishedList* list = find_list(lists, group, year);
  return !list || list->group->members != Membership::list || list->decision;
}

const char* withheld_words(const std::vector<PublishedList>& lists, std::string_view group, int year) {
  return list_given(lists, group, year) ? kListWithheld : kListNotGiven;
}

}  // namespace sveden
