// The analysis stage in one call: overview, indicators, classification, roadmap progress, recommendations
// and similar schools of a municipality, owned together, with the read-only view the renderer takes.
#pragma once
#include <memory>
#include <vector>

#include "analyse/approved_lists.h"
#include "analyse/overview.h"
#include "analyse/roadmap_progress.h"
#include "analyse/site_monitoring.h"
#include "analyse/similar_schools.h"
#include "model/classification.h"
#include "model/indicators.h"
#include "model/monitoring.h"
#include "model/municipality.h"
#include "model/progress.h"

namespace sveden {

// What the renderer reads of an analysis.
struct Analysis {
  const IndicatorSet& indicators;
  const Classification& classification;
  const RoadmapProgress& roadmap;
  const std::vector<std::vector<SchoolRecommendation>>& recommendations;  // for the latest year
  const SimilarSchools& similar;
  const std::vector<PublishedList>& lists;  // every group × year: approved, draft, or computed
  const MonitoringTable* monitoring;        // the ПП № 662 report's table (analyse/monitoring); none in some tests
  const MonitoringComparison* site_monitoring = nullptr;  // the latest round of `sveden monitor` against the earlier
};

struct AnalysisResult {
  Overview overview;
  IndicatorSet indicators;
  Classification classification;
  RoadmapProgress progress;
  std::vector<std::vector<SchoolRecommendation>> recommendations;  // for the last year
  SimilarSchools similar;
  std::vector<PublishedList> lists;
  MonitoringTable monitoring;
  MonitoringComparison site_monitoring;
  std::unique_ptr<Analysis> view;  // refers to the members above: the result is never moved out of its pointer
};

// `whole`: also similar schools and the monitoring tables, which the pages and open data of the reporting
// year show; an earlier year's analysis report (PastAnalysis) prints neither and goes without them.
std::unique_ptr<AnalysisResult> analyse(const Municipality& m, int jobs, bool whole = true);

// Whether the year (an index into c.years) has any decided verdict («да» or «нет») in any group: a year
// with its data, worth an analysis report of its own.
bool has_decisions(const Classification& c, size_t year_index);

// The municipality as it stood when `year` was its last year: every row of a later year left out, the
// site's years ending at `year`. An earlier year's analysis report is made from it, so it keeps the
// figures it had when it was the reporting year.
Municipality up_to_year(const Municipality& m, int year);

}  // namespace sveden
