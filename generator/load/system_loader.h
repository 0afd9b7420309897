// Reads content/system.yaml: the department's Markdown text for each component of the municipal system of
// work with low-results schools (model/management_system.h).
#pragma once
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/municipality.h"

namespace sveden {

void load_system(const Disk& disk, const std::string& display_prefix, Municipality& m, Diagnostics& diag);

}  // namespace sveden
