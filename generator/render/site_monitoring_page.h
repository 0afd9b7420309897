// The publication of the monitoring of schools' own websites: the portal page «Мониторинг официальных
// сайтов образовательных организаций» (or, with `site_monitoring: audit`, a page of the department's
// audit/), its printed report for the коллегия, and opendata/site-monitoring.csv of the findings.
#pragma once
#include <string>

#include "analyse/site_monitoring.h"
#include "model/municipality.h"
#include "render/report_blocks.h"
#include "render/site_renderer.h"

namespace sveden {

// Where the page is: «monitoring/sites/» or «audit/sites/».
std::string site_monitoring_path(const Municipality& m);
ReportRef site_monitoring_report_ref(const Municipality& m, const MonitoringComparison& c);

// Every finding of the latest round, and those fixed since the previous one, one per line.
std::string site_monitoring_csv(const Municipality& m, const MonitoringComparison& c);
// The printed report of the latest round: adds its sections to `sections` and returns its subtitle.
std::string site_monitoring_report(const SiteRenderer& site, int& tables, int& figures, ReportSections& sections);

inline constexpr const char* kSiteMonitoringCsv = "opendata/site-monitoring.csv";

}  // namespace sveden
