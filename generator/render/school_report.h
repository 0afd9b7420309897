// A school's profile in the printed reports (reports/school-<slug>/ and all schools in one): the school, its
// groups by year with their grounds, its results beside the municipality and the region, risk factors and
// recommendations, each a numbered section.
#pragma once
#include <cstddef>

#include "render/report_blocks.h"
#include "render/site_renderer.h"

namespace sveden {

// Adds the profile's sections to `sections`, numbering tables and figures on from `tables` and `figures`.
void school_report(const SiteRenderer& site, size_t school, int& tables, int& figures, ReportSections& sections);

}  // namespace sveden
