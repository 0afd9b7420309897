// The department's own information under 8-ФЗ: content/department.yaml.
#pragma once
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/municipality.h"

namespace sveden {

void load_department(const Disk& disk, const std::string& display_prefix, Municipality& m, Diagnostics& diag);

}  // namespace sveden
