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
#include "write/xlsx_writer.h"

namespace sveden {

// The workbook of one opendata CSV (UTF-8 with BOM, «;», decimal comma) that `csv` makes, part by part;
// `sheet` names its only sheet. `csv` is called twice: for the columns' types and widths here, and for
// the cells when libxlsxwriter takes the sheet's rows (XlsxSheet::fill). It must outlive the workbook.
XlsxWorkbook opendata_workbook(const PartsMaker& csv, const std::string& sheet, const std::string& title, std::time_t created);
// The same of a CSV held whole, which the workbook keeps.
XlsxWorkbook opendata_workbook(std::string csv, const std::string& sheet, const std::string& title, std::time_t created);

// A file of the build that could not be made (a temporary file for libxlsxwriter); the build reports
// it as a write error (exit code 3).
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The bytes of opendata_workbook(…), made now into a temporary file and read from it in parts, as often
// as asked, for as long as the maker is held; throws OutputError when libxlsxwriter fails or the file
// cannot be read. One such workbook is made at a time (the biggest tables hold a cell per value of
// every school), and none is ever whole in memory.
PartsMaker opendata_xlsx(const PartsMaker& csv, const std::string& sheet, const std::string& title, std::time_t created);

}  // namespace sveden
