// Reads content/decisions.yaml: the orders that approved the lists of schools, year by year and group by
// group, and the schools the working group included or excluded by hand, each with its reason.
#pragma once
#include <string>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/municipality.h"

namespace sveden {

// Needs the schools, the site's years and the criteria's groups loaded.
void load_decisions(const Disk& disk, const std::string& display_prefix, Municipality& m, Diagnostics& diag);

}  // namespace sveden
