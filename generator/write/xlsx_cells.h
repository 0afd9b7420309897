// What the XLSX writers share (libxlsxwriter's xlsx_writer for templates, sveden's own xlsx_table for open
// data): a typed cell, a column, and how widths and sheet names are chosen.
#pragma once
#include <cstddef>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

namespace sveden {

struct XlsxCell {
  enum class Kind { empty, text, number };
  Kind kind = Kind::empty;
  std::string text;
  double number = 0;
  int decimals = -1;  // for numbers: the digits shown after the comma; -1 — as many as needed

  static XlsxCell of_text(std::string t) { return {Kind::text, std::move(t), 0, -1}; }
  static XlsxCell of_number(double v, int decimals = -1) { return {Kind::number, {}, v, decimals}; }
};

struct XlsxColumn {
  std::string header;
  std::string comment;               // a note on the header cell: what the column holds
  std::vector<std::string> choices;  // a drop-down list for the column's cells (when it fits Excel's 255 characters)
  double width = 0;                  // in characters; 0 — from the header and the values
  bool as_text = false;              // typed values stay text («0101» keeps its zero); for templates
};

// Takes one row of a sheet; XlsxTable::fill calls it for each row in order.
using XlsxRowSink = std::function<void(std::vector<XlsxCell>&)>;

// The time a workbook without one is dated: the ZIP epoch, 1980-01-01 00:00 UTC.
inline constexpr std::time_t kXlsxNoDate = 315532800;

// The characters a cell adds to its column's automatic width, and the width of a column whose header or
// widest cell has `chars` characters.
size_t xlsx_cell_chars(const XlsxCell& cell);
double xlsx_column_width(size_t chars);

// A sheet name Excel accepts: `preferred` when it fits (31 characters, no []:*?/\), otherwise `fallback`.
std::string xlsx_sheet_name(const std::string& preferred, const std::string& fallback);

}  // namespace sveden
