// opendata/*.xlsx: each table of opendata/*.csv as an Excel workbook of one sheet, read from the CSV
// itself so that the two never differ: numbers as numbers (a column whose every value is a number, codes
// excepted), text as text (a formula-like text as a string, without the CSV's guarding apostrophe),
// a frozen header and column widths.
#pragma once
#include <algorithm>
#include <ctime>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/text_parts.h"
#include "write/xlsx_table.h"

namespace sveden {

// The byte order mark every CSV of ours begins with: Russian Excel opens the file as UTF-8 by it.
inline constexpr std::string_view kCsvBom = "\xEF\xBB\xBF";

// Whether a field as the CSV carries it (`guard`, formula_guard_prefix, then `value`) is blank: spaces and
// tabs only, or nothing. The CSV's reader skips a row of blank fields (for_each_csv_row), so its workbook does.
inline bool blank_csv_field(std::string_view guard, std::string_view value) {
  // A loop, not find_first_not_of: that calls memchr for each character, and it is asked of every field.
  return guard.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// What the workbook of an opendata CSV must know before its first row, read from the CSV's parts in
// order: the header, which columns are numbers (every value a number, codes excepted), the widest value
// of each and the number of rows.
class OpendataColumns {
 public:
  explicit OpendataColumns(std::string sheet) : sheet_(std::move(sheet)) {}
  void add(std::string_view part);  // the next part of the CSV: whole rows, the first with its BOM
  // The same row by row, field by field (opendata_table): the field as the CSV carries it is `guard`
  // (formula_guard_prefix) and `value`. A row of blanks only is skipped, as the CSV's reader skips it.
  void field(std::string_view guard, std::string_view value);
  void end_row();

  // The workbook of these columns without its cells (its `fill` is the caller's): title, sheet, columns
  // with their widths, number of rows.
  XlsxTable sheet(const std::string& title, std::time_t created) const;
  // Which columns hold numbers only (codes excepted), the cells of the others being text.
  const std::vector<bool>& numeric() const { return numeric_; }

 private:
  struct Field {
    bool empty, blank, plain;
    size_t chars;  // of the text the workbook shows
  };
  std::string sheet_;
  bool first_ = true, header_ = true;
  std::vector<std::string> headers_;
  std::vector<bool> numeric_, filled_;
  std::vector<size_t> text_chars_;
  size_t rows_ = 0;
  std::vector<Field> row_;           // the row being read
  std::vector<std::string> header_row_;  // its texts while it is the header
};

// The cell of a CSV field, into `cell` (its text keeps its memory from row to row): `guard` and `value` as
// OpendataColumns::field has them; `numeric`: the column holds numbers only (so no guarded text).
void fill_opendata_cell(XlsxCell& cell, std::string_view guard, std::string_view value, bool numeric);

// The workbook of one opendata CSV (UTF-8 with BOM, «;», decimal comma) that `csv` makes, part by part;
// `sheet` names its first sheet. `csv` is called twice: for the columns' types and widths and the number
// of rows here, and for the cells when the workbook is written (XlsxTable::fill).
XlsxTable opendata_workbook(const PartsMaker& csv, const std::string& sheet, const std::string& title, std::time_t created);
// The same with the columns already read: `csv` is read once.
XlsxTable opendata_workbook(const PartsMaker& csv, const OpendataColumns& columns, const std::string& title, std::time_t created);
// The same of a CSV held whole, which the workbook keeps.
XlsxTable opendata_workbook(std::string csv, const std::string& sheet, const std::string& title, std::time_t created);

// A file of the build that could not be made (a workbook over ZIP's 4 GB); the build reports it as a
// write error (exit code 3).
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writes `table`, the workbook opendata/<sheet>.xlsx, into `parts`; throws OutputError naming the file
// and the reason when it cannot be written.
void write_opendata_workbook(const XlsxTable& table, const std::string& sheet, TextParts& parts);

// The bytes of opendata_workbook(…), written in parts each time the maker is called (write_xlsx_table):
// never whole in memory, never a temporary file; throws OutputError when the workbook cannot be written.
PartsMaker opendata_xlsx(const PartsMaker& csv, const std::string& sheet, const std::string& title, std::time_t created);

}  // namespace sveden
