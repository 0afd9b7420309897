// Markdown pages of content/: the home page text (index.md), standalone pages (<slug>.md) and a
// school's own text (schools/<school_id>.md), each with optional YAML front matter.
#pragma once
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/municipality.h"

namespace sveden {

void load_content(const Disk& disk, const std::string& display_prefix, Municipality& m, Diagnostics& diag);

}  // namespace sveden
