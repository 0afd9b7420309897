// opendata/*.xlsx: each table of opendata/*.csv as an Excel workbook of one sheet, read from the CSV
// itself so that the two never differ: numbers as numbers (a column whose every value is a number, codes
// excepted), text as text (a formula-like text as a string, without the CSV's guarding apostrophe),
// a frozen header and column widths.
#pragma once
#include <ctime>
#include <stdexcept>
#include <string>
#include <string_view>

#include "base/text_parts.h"
#include "write/xlsx_table.h"

namespace sveden {

// The workbook of one opendata CSV (UTF-8 with BOM, «;», decimal comma) that `csv` makes, part by part;
// `sheet` names its first sheet. `csv` is called twice: for the columns' types and widths and the number
// of rows here, and for the cells when the workbook is written (XlsxTable::fill).
XlsxTable opendata_workbook(const PartsMaker& csv, const std::string& sheet, const std::string& title, std::time_t created);
// The same of a CSV held whole, which the workbook keeps.
XlsxTable opendata_workbook(std::string csv, const std::string& sheet, const std::string& title, std::time_t created);

// A file of the build that could not be made (a workbook over ZIP's 4 GB); the build reports it as a
// write error (exit code 3).
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The bytes of opendata_workbook(…), written in parts each time the maker is called (write_xlsx_table):
// never whole in memory, never a temporary file; throws OutputError when the workbook cannot be written.
PartsMaker opendata_xlsx(const PartsMaker& csv, const std::string& sheet, const std::string& title, std::time_t created);

}  // namespace sveden
