#include "analyse/movement.h"

namespace sveden {
namespace {

// A change needs the year just before: after a gap in `years` there is nothing to compare with.
Movement movement(Verdict was, Verdict is) {
  bool in = is == Verdict::yes, was_in = was == Verdict::yes;
  if (in) return was_in ? Movement::stayed : was == Verdict::unknown ? Movement::from_unknown : Movement::entered;
  if (is == Verdict::unknown) return was_in ? Movement::to_unknown : Movement::none;
  if (was_in) return Movement::left;
  // «нет» after «нет»; after «недостаточно данных» it is not known whether the school was out.
  return was == Verdict::no && is == Verdict::no ? Movement::out : Movement::none;
}

}  // namespace

void count_movement(Classification& c, const Municipality& m) {
  size_t years = c.years.size();
  for (auto& g : c.groups) {
    g.flows.assign(years, GroupFlow{});
    for (size_t y = 0; y < years; ++y) {
      GroupFlow& f = g.flows[y];
      f.has_previous = y > 0 && c.years[y - 1] == c.years[y] - 1;
      for (size_t i = 0; i < g.by_school.size(); ++i) {
        GroupYear& gy = g.by_school[i][y];
        bool branch = i < m.schools.size() && !m.schools[i].parent_id.empty();
        if (gy.verdict == Verdict::yes) ++f.current, f.current_branches += branch;
        if (gy.verdict == Verdict::unknown) ++f.unknown, f.unknown_branches += branch;
        gy.movement = f.has_previous ? movement(g.by_school[i][y - 1].verdict, gy.verdict) : Movement::none;
        if (!f.has_previous) continue;
        f.previous += g.by_school[i][y - 1].verdict == Verdict::yes;
        f.entered += gy.movement == Movement::entered;
        f.left += gy.movement == Movement::left;
        f.from_unknown += gy.movement == Movement::from_unknown;
        f.to_unknown += gy.movement == Movement::to_unknown;
      }
    }
  }
}

}  // namespace sveden
