// A workbook of tables written with libxlsxwriter: a sheet per table, a bold frozen header row with
// optional notes and drop-down lists, typed cells (numbers as numbers, text always as text, so a text
// that starts with «=» is never a formula) and column widths. Used for the templates of `sveden init`,
// whose notes and lists need it; opendata/*.xlsx, plain and big, are xlsx_table's. The bytes depend only
// on the input: the creation time is given.
#pragma once
#include <ctime>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "write/xlsx_cells.h"

namespace sveden {

struct XlsxSheet {
  std::string name;  // at most 31 characters, none of []:*?/\ (xlsx_sheet_name makes one)
  std::vector<XlsxColumn> columns;
  std::vector<std::vector<XlsxCell>> rows;
  int validated_rows = 1000;  // how many rows under the header get the drop-down lists
};

struct XlsxWorkbook {
  std::string title, author;
  // docProps/core.xml and the ZIP entries' times: a fixed time makes byte-identical files (0 = kXlsxNoDate).
  std::time_t created = 0;
  std::vector<XlsxSheet> sheets;
};

// The workbook's bytes, or the failure in Russian.
Result<std::string> xlsx_bytes(const XlsxWorkbook& book);

// libxlsxwriter 1.1 does not promise to be thread-safe: every workbook of a build is written under this lock.
std::mutex& xlsxwriter_mutex();

}  // namespace sveden
