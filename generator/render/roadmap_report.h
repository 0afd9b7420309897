// The printed report on the roadmap (reports/roadmap/): its passport and the state of its activities, the
// targets' plan and fact with a chart each, every section's activities and the control points.
#pragma once
#include <string>

#include "render/report_blocks.h"
#include "render/site_renderer.h"

namespace sveden {

// Adds the report's sections to `sections`; returns the report's subtitle.
std::string roadmap_report(const SiteRenderer& site, int& tables, int& figures, ReportSections& sections);

}  // namespace sveden
