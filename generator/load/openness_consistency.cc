#include "load/openness_consistency.h"

#include <set>

namespace sveden {

std::vector<TeacherCountMismatch> teacher_count_mismatches(const Municipality& m) {
  std::vector<TeacherCountMismatch> out;
  for (size_t i = 0; i < m.schools.size(); ++i) {
    const School& s = m.schools[i];
    auto list = s.open.find("teachers");
    if (list == s.open.end() || list->second.empty()) continue;  // no list: the page says so, nothing to compare
    const StaffYear* latest = nullptr;
    for (const auto& y : s.staff)
      if (y.teachers) latest = &y;
    if (!latest) continue;
    std::set<std::string> persons;  // one person teaching under two posts is listed twice but counted once
    for (const auto& row : list->second)
      if (auto name = row.find("name"); name != row.end()) persons.insert(name->second);
    int listed = static_cast<int>(persons.size());
    if (listed != *latest->teachers) out.push_back({i, listed, latest->year, *latest->teachers});
  }
  return out;
}

}  // namespace sveden
