#include "analyse/analyse.h"

#include <algorithm>

#include "analyse/classify.h"
#include "analyse/indicators.h"
#include "analyse/monitoring.h"
#include "analyse/site_monitoring.h"
#include "load/indicator_vocabulary.h"
#include "load/pp662_vocabulary.h"

namespace sveden {

std::unique_ptr<AnalysisResult> analyse(const Municipality& m, int jobs, bool whole) {
  auto r = std::make_unique<AnalysisResult>();
  r->overview = compute_overview(m);
  r->indicators = compute_indicators(m, builtin_indicators(), m.criteria.social_index, m.criteria.results_index);
  r->classification = classify(m, r->indicators, m.criteria, std::max(1, jobs));
  r->lists = published_lists(m, r->classification);
  r->progress = roadmap_progress(m, r->indicators, r->classification, r->lists);
  r->recommendations =
      recommend(m, r->classification, r->lists, r->indicators.years.empty() ? 0 : r->indicators.years.size() - 1);
  if (whole) {
    r->similar = compute_similar_schools(m, r->indicators, builtin_similar_definition());
    r->monitoring = compute_monitoring(m, r->indicators, builtin_pp662());
    r->site_monitoring = compare_rounds(m.site_monitoring);
  }
  r->view = std::make_unique<Analysis>(Analysis{r->indicators, r->classification, r->progress, r->recommendations, r->similar, r->lists,
                                                whole ? &r->monitoring : nullptr, whole ? &r->site_monitoring : nullptr});
  return r;
}

bool has_decisions(const Classification& c, size_t year_index) {
  for (const auto& g : c.groups)
    for (const auto& school : g.by_school)
      if (year_index < school.size() && (school[year_index].verdict == Verdict::yes || school[year_index].verdict == Verdict::no))
        return true;
  return false;
}

namespace {

template <typename Rows>
void drop_after(Rows& rows, int year) {
  std::erase_if(rows, [year](const auto& row) { return row.year > year; });
}

}  // namespace

Municipality up_to_year(const Municipality& m, int year) {
  Municipality out = m;
  std::erase_if(out.site.years, [year](int y) { return y > year; });
  out.site.reports.year = year;
  for (auto& s : out.schools) {
    drop_after(s.contingent, year);
    drop_after(s.oge, year);
    drop_after(s.ege, year);
    drop_after(s.vpr, year);
    drop_after(s.olympiad, year);
    drop_after(s.staff, year);
    drop_after(s.conditions, year);
    drop_after(s.social, year);
    drop_after(s.federal_lists, year);
    std::erase_if(s.project500_years, [year](int y) { return y > year; });
  }
  drop_after(out.regional, year);
  return out;
}

}  // namespace sveden
