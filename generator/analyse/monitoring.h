// The values of the ПП № 662 report's indicator table, once per build: the municipal values the site
// already shows (the same series, the same rounding), figures counted from the contingent and staff
// tables, and what the department entered; a missing value stays missing.
#pragma once
#include "model/indicators.h"
#include "model/monitoring.h"
#include "model/municipality.h"

namespace sveden {

MonitoringTable compute_monitoring(const Municipality& m, const IndicatorSet& set, const Pp662Vocabulary& vocab);

// What the report of `year` lacks: the report's missing list and the build's one warning both read it.
MonitoringGaps monitoring_gaps(const MonitoringTable& t, const MonitoringEntries& entries, const Pp662Vocabulary& vocab,
                               int year);

}  // namespace sveden
