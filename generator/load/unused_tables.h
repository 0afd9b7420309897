// A table that is loaded and read by nothing: no indicator names it in `needs:` (vocab/indicators.yaml) and
// the vocabulary gives it no other reader (`read_by:` in vocab/tables.yaml). Its rows would be checked and
// then dropped in silence, so the build says so, naming the file.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "load/table_loader.h"
#include "load/vocabulary.h"
#include "model/indicators.h"

namespace sveden {

// Whether anything reads `table`: an indicator that needs it, or a reader of the vocabulary.
bool table_is_read(const TableSpec& table, const std::vector<IndicatorSpec>& indicators);

// Warns once per loaded table with rows that nothing reads.
void report_unused_tables(const std::map<std::string, LoadedTable>& tables, const std::vector<IndicatorSpec>& indicators,
                          Diagnostics& diag);

}  // namespace sveden
