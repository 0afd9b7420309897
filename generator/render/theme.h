// A theme: Mustache templates and static assets. The default theme is compiled into the binary; a
// site's themes/<name>/ overrides any of its files by the same path.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/disk.h"

namespace sveden {

struct Theme {
  std::string name;
  std::map<std::string, std::string> templates;  // "school" → template text
  std::map<std::string, std::string> assets;     // "style.css" → contents (copied to assets/)
};

// Reports missing templates and template syntax errors.
std::optional<Theme> load_theme(const Disk& disk, const std::string& name, const std::string& display_prefix,
                                Diagnostics& diag);

// Templates every theme must have.
const std::vector<std::string>& required_templates();

}  // namespace sveden
