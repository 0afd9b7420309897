// opendata/monitoring.csv: the ПП № 662 report's indicator table, one row per indicator and year,
// with the value as the report prints it and where it comes from (computed from the data or entered).
#pragma once
#include <string>

#include "model/monitoring.h"

namespace sveden {

std::string monitoring_csv(const MonitoringTable& t, const Pp662Vocabulary& vocab);

}  // namespace sveden
