// A table as an XLSX workbook written by sveden itself, row by row, straight into the output's parts
// (ZipStream): opendata/*.xlsx. A sheet has a bold frozen header row, column widths, numbers as numbers
// shown with their decimals, text always as text (a text that looks like a formula is also formatted as
// text), repeated texts once in the shared strings. A table longer than a sheet (1 048 575 rows under the
// header) goes on in further sheets, «имя (2)», «имя (3)», each with the header: no row is lost.
// Workbooks with notes, drop-down lists or merged cells (templates, menus) are libxlsxwriter's (xlsx_writer.h).
#pragma once
#include <cstddef>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/text_parts.h"
#include "write/xlsx_writer.h"

namespace sveden {

// Rows of a sheet under its header row.
inline constexpr size_t kXlsxSheetRows = 1048575;

struct XlsxTable {
  std::string title, author;
  std::time_t created = 0;  // docProps/core.xml and the ZIP entries' time (0 = kXlsxNoDate)
  std::string sheet;        // the first sheet's name (xlsx_sheet_name)
  std::vector<XlsxColumn> columns;  // header, width (0: xlsx_column_width of the header) and as_text
  size_t rows = 0;                  // how many rows `fill` gives
  std::function<void(const XlsxRowSink&)> fill;
  size_t sheet_rows = kXlsxSheetRows;  // rows of a sheet under its header (fewer in tests)
};

// The names of the sheets `rows` rows take, `per_sheet` to a sheet: `first`, then «first (2)»… within
// Excel's 31 characters.
std::vector<std::string> xlsx_table_sheets(const std::string& first, size_t rows, size_t per_sheet = kXlsxSheetRows);

// Writes the workbook into `out`; the failure (in Russian) when `fill` gave another number of rows than
// announced or the workbook outgrew ZIP's 4 GB.
Status write_xlsx_table(const XlsxTable& table, TextParts& out);

}  // namespace sveden
