#include "analyse/similar_schools.h"

#include <fmt/format.h>

#include "analyse/indicators.h"
#include "russian/typography.h"

namespace sveden {

std::string size_band_name(const SimilarDefinition& d, size_t band) {
  const auto& b = d.size_bands;
  if (b.empty()) return "все";
  if (band == 0) return fmt::format("до {} обучающихся", format_count(b[0]));
  if (band >= b.size()) return fmt::format("{} и более обучающихся", format_count(b.back()));
  return fmt::format("{}–{} обучающихся", format_count(b[band - 1]), format_count(b[band] - 1));
}

SimilarSchools compute_similar_schools(const Municipality& m, const IndicatorSet& set, const SimilarDefinition& d) {
  SimilarSchools out;
  out.definition = d;
  const size_t S = m.schools.size(), Y = set.years.size();
  out.group.assign(S, std::vector<std::string>(Y));
  std::vector<bool> branch(S);
  // groups[year index][group name] → school indices
  std::vector<std::map<std::string, std::vector<size_t>>> groups(Y);
  for (size_t i = 0; i < S; ++i) {
    const School& s = m.schools[i];
    branch[i] = !s.parent_id.empty();
    for (size_t y = 0; y < Y; ++y) {
      std::optional<long> students;
      for (const auto& c : s.contingent)
        if (c.year == set.years[y] && c.students) students = *c.students;
      if (!students) continue;  // a school of unknown size is like no other
      size_t band = 0;
      while (band < d.size_bands.size() && *students >= d.size_bands[band]) ++band;
      std::string name = size_band_name(d, band);
      if (d.same_locality) name = fmt::format("{}, {}", s.locality == "город" ? "город" : "село", name);
      out.group[i][y] = name;
      groups[y][name].push_back(i);
    }
  }
  for (const auto& [key, series] : set.series) {
    const IndicatorSpec* spec = set.spec(key.indicator);
    auto& values = out.values[key];
    values.assign(S, Y);
    if (!spec) continue;
    for (size_t y = 0; y < Y; ++y)
      for (const auto& [name, members] : groups[y]) {
        GroupValue g = group_value(*spec, series, y, members, &branch);
        SimilarValue v;
        v.schools = g.schools;
        v.branches = g.branches;
        // Fewer published values than the minimum: with one of them known, the group value would
        // give away another, so it is not published at all.
        if (g.value && g.schools + g.branches >= d.min_schools) v.value = round_shown(*g.value, spec->decimals);
        for (size_t i : members) values[i][y] = v;
      }
  }
  return out;
}

}  // namespace sveden
