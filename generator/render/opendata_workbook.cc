#include "render/opendata_workbook.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <utility>
#include <mutex>

#include "load/csv_reader.h"
#include "write/formula_guard.h"

namespace sveden {
namespace {

// Codes look like numbers («5403») but are names: a code column stays text.
bool is_code_column(std::string_view header) {
  return header == "id" || (header.size() > 3 && header.substr(header.size() - 3) == "_id");
}

// The digits after the decimal comma of a number as the CSV shows it; numbers keep their precision.
int decimals_of(std::string_view s) {
  size_t comma = s.find(',');
  return comma == std::string_view::npos ? 0 : static_cast<int>(s.size() - comma - 1);
}

double number_of(std::string_view s) {
  std::string dotted(s);
  for (auto& c : dotted)
    if (c == ',') c = '.';
  double v = 0;
  const char* first = dotted.data();
  if (!dotted.empty() && dotted.front() == '+') ++first;
  std::from_chars(first, dotted.data() + dotted.size(), v);
  return v;
}

}  // namespace

XlsxCell cell_of(const std::string& value, bool numeric) {
  if (value.empty()) return {};
  if (numeric) return XlsxCell::of_number(number_of(value), decimals_of(value));
  return XlsxCell::of_text(std::string(without_formula_guard(value)));
}

XlsxWorkbook opendata_workbook(std::string csv, const std::string& sheet, const std::string& title, std::time_t created) {
  if (csv.compare(0, 3, "\xEF\xBB\xBF") == 0) csv.erase(0, 3);
  // Our own CSV: its quoting is right by construction. It is read twice, row by row, and never held as a
  // table: first for the columns' types and widths, then for the cells, handed to libxlsxwriter one row
  // at a time (indicators.csv of 2 000 schools is about 70 MB of text).
  auto src = std::make_shared<const SourceText>("opendata/" + sheet + ".csv", std::move(csv));
  XlsxWorkbook book;
  book.title = title;
  book.author = "sveden";
  book.created = created;
  XlsxSheet& ws = book.sheets.emplace_back();
  ws.name = xlsx_sheet_name(sheet, "data");
  ws.validated_rows = 0;

  std::vector<bool> numeric;       // every value of the column is a number (codes excepted)
  std::vector<size_t> text_chars;  // the widest value as text
  std::vector<bool> filled;        // the column has a value
  bool header = true;
  Diagnostics ignored;
  for_each_csv_row(*src, ';', ignored, [&](CsvRow& row) {
    if (header) {
      for (const CsvField& f : row.fields) {
        ws.columns.push_back({f.value, {}, {}, 0, false});
        numeric.push_back(!is_code_column(f.value));
      }
      text_chars.assign(numeric.size(), 0);
      filled.assign(numeric.size(), false);
      header = false;
      return;
    }
    for (size_t c = 0; c < row.fields.size() && c < numeric.size(); ++c) {
      const std::string& v = row.fields[c].value;
      if (v.empty()) continue;
      filled[c] = true;
      if (!is_plain_number(v)) numeric[c] = false;
      text_chars[c] = std::max(text_chars[c], xlsx_cell_chars(XlsxCell::of_text(std::string(without_formula_guard(v)))));
    }
  });
  for (size_t c = 0; c < ws.columns.size(); ++c) {
    size_t widest = numeric[c] ? (filled[c] ? xlsx_cell_chars(XlsxCell::of_number(0)) : 0) : text_chars[c];
    ws.columns[c].width = xlsx_column_width(std::max(utf8_length(ws.columns[c].header), widest));
  }
  ws.fill = [src, numeric](const XlsxRowSink& sink) {
    bool header = true;
    Diagnostics ignored;
    for_each_csv_row(*src, ';', ignored, [&](CsvRow& row) {
      if (std::exchange(header, false)) return;
      std::vector<XlsxCell> cells;
      cells.reserve(row.fields.size());
      for (size_t c = 0; c < row.fields.size(); ++c) cells.push_back(cell_of(row.fields[c].value, c < numeric.size() && numeric[c]));
      sink(cells);
    });
  };
  return book;
}

std::string opendata_xlsx(std::string csv, const std::string& sheet, const std::string& title, std::time_t created) {
  static std::mutex one_at_a_time;
  std::lock_guard lock(one_at_a_time);
  XlsxWorkbook book = opendata_workbook(std::move(csv), sheet, title, created);
  auto bytes = xlsx_bytes(std::move(book));
  if (!bytes) throw OutputError(bytes.message());
  return std::move(*bytes);
}

}  // namespace sveden
