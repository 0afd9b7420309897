// content/monitoring.yaml: the values of the ПП № 662 report's indicators that the department enters
// (by indicator id and year) and its Markdown for the report's analytic sections, checked against
// vocab/pp662.yaml and site.yaml's years.
#pragma once
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/municipality.h"

namespace sveden {

void load_monitoring(const Disk& disk, const std::string& display_prefix, Municipality& m, Diagnostics& diag);

}  // namespace sveden
