// Reading and checking site.yaml into a SiteConfig.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "load/text_encoding.h"
#include "model/site_config.h"

namespace sveden {

// Reads `site.yaml` from `disk`; reports every problem to `diag`. `display_prefix` is prepended to
// paths in messages (the --site folder as the user wrote it).
std::optional<SiteConfig> load_site_config(const Disk& disk, const std::string& display_prefix, Diagnostics& diag,
                                           std::optional<SourceText>* source_out = nullptr);

}  // namespace sveden
