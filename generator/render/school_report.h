// A school's profile in the printed reports (reports/school-<slug>/ and all schools in one): the school, its
// groups by year with their grounds, its results beside the municipality and the region, risk factors and
// recommendations, each a numbered section.
#pragma once
#include <cstddef>

#include "render/report_blocks.h"
#include "render/site_renderer.h"

namespace sveden {

// The profile's sections, each a title and its blocks, their tables and figures numbered from 1. A school's own
// report and the report of all schools (or its volume) show the same profile, numbered on from what comes before.
ProfileParts school_profile(const SiteRenderer& site, size_t school);

// Adds the profile's sections to `sections`, numbering tables and figures on from `tables` and `figures`.
void add_profile(ProfileParts parts, int& tables, int& figures, ReportSections& sections);

}  // namespace sveden
