#include "analyse/monitoring.h"

#include "russian/typography.h"

namespace sveden {
namespace {

// The schools (without branches) and all pupils (branches included) of the schools that gave their
// contingent for `year`, as the overview counts them for its latest year.
struct YearCounts {
  int schools = 0;
  long long students = 0;
  long long students_with_staff = 0, teachers = 0;  // schools that gave both
};

YearCounts count_year(const Municipality& m, int year) {
  YearCounts c;
  for (const School& s : m.schools) {
    Count students;
    for (const auto& row : s.contingent)
      if (row.year == year) students = row.students;
    if (!students) continue;
    c.students += *students;
    c.schools += s.parent_id.empty();
    for (const auto& row : s.staff)
      if (row.year == year && row.teachers && *row.teachers > 0) {
        c.students_with_staff += *students;
        c.teachers += *row.teachers;
      }
  }
  return c;
}

}  // namespace

MonitoringTable compute_monitoring(const Municipality& m, const IndicatorSet& set, const Pp662Vocabulary& vocab) {
  MonitoringTable t;
  t.years = m.site.years;
  std::vector<YearCounts> counts;
  for (int y : t.years) counts.push_back(count_year(m, y));
  for (const auto& ind : vocab.indicators) {
    std::vector<MonitoringValue> row;
    for (size_t y = 0; y < t.years.size(); ++y) {
      MonitoringValue v;
      v.decimals = ind.decimals;
      const YearCounts& c = counts[y];
      if (!ind.indicator.empty()) {
        // The municipal value exactly as the monitoring pages print it (already rounded by analyse).
        int yi = set.year_index(t.years[y]);
        if (const IndicatorSeries* s = set.find({ind.indicator, ind.subject}); s && yi >= 0)
          v.value = s->baseline[static_cast<size_t>(yi)].municipal;
      } else if (ind.figure == "schools") {
        if (c.schools > 0) v.value = c.schools;
      } else if (ind.figure == "students") {
        if (c.students > 0) v.value = static_cast<double>(c.students);
      } else if (ind.figure == "students_per_teacher") {
        if (c.teachers > 0) v.value = static_cast<double>(c.students_with_staff) / static_cast<double>(c.teachers);
      } else if (ind.figure == "schools_growth") {
        // Against the year before, when the site has it and both years have the schools' contingent.
        bool previous = y > 0 && t.years[y - 1] == t.years[y] - 1;
        v.applicable = previous;
        if (previous && counts[y - 1].schools > 0 && c.schools > 0) v.value = 100.0 * c.schools / counts[y - 1].schools;
      } else {
        auto it = m.monitoring.values.find(ind.id);
        if (it != m.monitoring.values.end())
          if (auto e = it->second.find(t.years[y]); e != it->second.end()) v.value = e->second;
      }
      if (v.value) v.value = round_shown(*v.value, v.decimals);
      row.push_back(v);
    }
    t.values.push_back(std::move(row));
  }
  return t;
}

MonitoringGaps monitoring_gaps(const MonitoringTable& t, const MonitoringEntries& entries, const Pp662Vocabulary& vocab,
                               int year) {
  MonitoringGaps g;
  for (size_t i = 0; i < t.values.size(); ++i) {
    MonitoringGaps::Value v{i, {}};
    for (size_t y = 0; y < t.years.size(); ++y)
      if (t.years[y] <= year && !t.values[i][y].value && t.values[i][y].applicable) v.years.push_back(t.years[y]);
    if (!v.years.empty()) g.values.push_back(std::move(v));
  }
  auto texts = entries.texts.find(year);
  for (size_t s = 0; s < vocab.sections.size(); ++s) {
    if (!vocab.sections[s].text) continue;
    bool written = texts != entries.texts.end() && texts->second.count(vocab.sections[s].id) > 0;
    if (!written) g.texts.push_back(s);
  }
  return g;
}

}  // namespace sveden
