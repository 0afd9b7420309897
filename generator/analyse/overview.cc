#include "analyse/overview.h"

namespace sveden {

Overview compute_overview(const Municipality& m) {
  Overview o;
  o.organisations = static_cast<int>(m.organisations.size());
  o.per_school.resize(m.schools.size());
  for (size_t i = 0; i < m.schools.size(); ++i) {
    const School& s = m.schools[i];
    if (!s.parent_id.empty()) {
      ++o.branches;
    } else {
      ++o.schools;
      if (s.locality == "город") ++o.city;
      if (s.locality == "село") ++o.rural;
    }
    SchoolOverview& so = o.per_school[i];
    for (auto it = s.contingent.rbegin(); it != s.contingent.rend(); ++it)
      if (it->students) {
        so.year = it->year;
        so.students = it->students;
        if (!o.year || *o.year < it->year) o.year = it->year;
        break;
      }
    for (auto it = s.staff.rbegin(); it != s.staff.rend(); ++it)
      if (it->teachers) {
        so.teachers = it->teachers;
        break;
      }
  }
  if (o.year)
    for (const School& s : m.schools)
      for (const auto& c : s.contingent)
        if (c.year == *o.year && c.students) {
          o.students += *c.students;
          ++(s.parent_id.empty() ? o.schools_reporting : o.branches_reporting);
        }
  return o;
}

}  // namespace sveden
