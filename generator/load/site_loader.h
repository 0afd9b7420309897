// The load stage: site.yaml, every table of the vocabulary and content/, into one Municipality.
// Everything is reported to `diag`; the result is usable only when diag has no errors.
#pragma once
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/municipality.h"

namespace sveden {

struct LoadOptions {
  std::string display_prefix;        // the --site folder as the user wrote it
  std::optional<Date> as_of;         // --as-of, overrides site.yaml
  int jobs = 1;
};

std::optional<Municipality> load_municipality(const Disk& disk, const LoadOptions& options, Diagnostics& diag);

// «МБОУ СОШ № 2 г. Озёрска» → «mbou-sosh-2-g-ozerska».
std::string slug_from_name(std::string_view name);

}  // namespace sveden
