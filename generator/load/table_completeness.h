// Rows that are not there: in a table keyed by school and year (`complete:` in vocab/tables.yaml),
// a school without rows for a year the table has, or without any rows where the other schools have
// them, would silently shrink the municipality's totals. Each gap is one warning per table and school.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "load/table_loader.h"
#include "model/municipality.h"

namespace sveden {

// Warns about each gap and returns the matrix of the `complete:` tables (school × year) for the audit page.
std::vector<TableCompleteness> report_table_gaps(const Vocabulary& vocab, const std::vector<School>& schools,
                                                 const std::map<std::string, LoadedTable>& tables, Diagnostics& diag);

}  // namespace sveden
