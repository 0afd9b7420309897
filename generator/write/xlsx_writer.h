// A plain table as an XLSX workbook, written with libxlsxwriter: a sheet per table, a bold frozen header
// row with optional comments and drop-down lists, typed cells (numbers as numbers, text always as text,
// so a text that starts with «=» is never a formula) and column widths. Used for opendata/*.xlsx and
// the templates of `sveden init`. The bytes depend only on the input: the creation time is given.
#pragma once
#include <ctime>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "write/temp_file.h"

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

// Takes one row of a sheet; XlsxSheet::fill calls it for each row in order.
using XlsxRowSink = std::function<void(std::vector<XlsxCell>&)>;

struct XlsxSheet {
  std::string name;  // at most 31 characters, none of []:*?/\ (xlsx_sheet_name makes one)
  std::vector<XlsxColumn> columns;
  std::vector<std::vector<XlsxCell>> rows;
  int validated_rows = 1000;  // how many rows under the header get the drop-down lists
  // Rows made one at a time, after `rows`, for a table too big to hold twice: the sheet is then never
  // whole in memory beside libxlsxwriter's copy. Their widths come from XlsxColumn::width (xlsx_column_width).
  std::function<void(const XlsxRowSink&)> fill;
};

// The time a workbook without one is dated: the ZIP epoch, 1980-01-01 00:00 UTC.
inline constexpr std::time_t kXlsxNoDate = 315532800;

struct XlsxWorkbook {
  std::string title, author;
  // docProps/core.xml and the ZIP entries' times: a fixed time makes byte-identical files (0 = kXlsxNoDate).
  std::time_t created = 0;
  // libxlsxwriter's constant_memory mode: each row goes to a temporary file as soon as the next one starts,
  // and text is written in its cell (inline) instead of a table of shared strings. For a table too big to
  // hold; the file is a little bigger and opens the same.
  bool streamed = false;
  std::vector<XlsxSheet> sheets;
};

// The workbook's bytes, or the failure in Russian. Takes the workbook by value and frees each row once
// libxlsxwriter has it: a big opendata table is then held once, by libxlsxwriter, not twice.
Result<std::string> xlsx_bytes(XlsxWorkbook book);
// The same workbook in a temporary file of its own, removed when the last holder lets it go.
Result<std::shared_ptr<const TempFile>> xlsx_file(XlsxWorkbook book);

// The characters a cell adds to its column's automatic width, and the width of a column whose header or
// widest cell has `chars` characters: what xlsx_bytes computes for the rows a sheet holds.
size_t xlsx_cell_chars(const XlsxCell& cell);
double xlsx_column_width(size_t chars);

// A sheet name Excel accepts: `preferred` when it fits (31 characters, no []:*?/\), otherwise `fallback`.
std::string xlsx_sheet_name(const std::string& preferred, const std::string& fallback);

// libxlsxwriter 1.1 does not promise to be thread-safe: every workbook of a build is written under this lock.
std::mutex& xlsxwriter_mutex();

}  // namespace sveden
