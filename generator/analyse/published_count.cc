#include "analyse/published_count.h"

namespace sveden {

PublishedCount published_count(const Municipality& m, const IndicatorSeries& s, size_t y) {
  PublishedCount c;
  for (size_t i = 0; i < m.schools.size() && i < s.values.size(); ++i)
    if (s.values[i][y].ok()) ++(m.schools[i].parent_id.empty() ? c.schools : c.branches);
  return c;
}

}  // namespace sveden
