// Reads the identification criteria: the site's content/criteria.yaml (if any) on top of the
// built-in presets of vocab/criteria/. Every rule is checked against the indicator registry:
// unknown indicator, subject or operator, impossible threshold — an error with file:line:column.
#pragma once
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/criteria.h"
#include "model/site_config.h"

namespace sveden {

// The presets used when the site has no criteria.yaml, in this order.
const std::vector<std::string>& default_presets();

Criteria load_criteria(const Disk& disk, const std::string& display_prefix, Diagnostics& diag);

// Parses one criteria text (a preset or a site file) into `out`; `site_file` allows `presets:`.
void parse_criteria(const SourceText& src, bool site_file, Criteria& out, Diagnostics& diag);

// Parses one built-in preset (vocab/criteria/<name>.yaml): every rule, combination and weight must
// say where it comes from (source: or choice:), else an error.
void parse_preset(const SourceText& src, const std::string& name, Criteria& out, Diagnostics& diag);

const char* compare_name(Compare c);
// Every provenance of the criteria names the department as site.yaml gives its kind: «выбор отдела
// образования», «изменено комитетом по образованию».
void name_department(Criteria& c, const DepartmentWords& words);  // «bottom_percent»…

}  // namespace sveden
