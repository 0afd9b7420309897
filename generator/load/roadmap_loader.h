// Reads content/roadmap.yaml and content/recommendations.yaml, checking them against the schema and
// against the site: school ids, criteria groups and rules, indicators, dates within the roadmap.
#pragma once
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/municipality.h"

namespace sveden {

// Needs m.schools and m.criteria loaded.
void load_roadmap(const Disk& disk, const std::string& display_prefix, Municipality& m, Diagnostics& diag);
void load_recommendations(const Disk& disk, const std::string& display_prefix, Municipality& m, Diagnostics& diag);

}  // namespace sveden
