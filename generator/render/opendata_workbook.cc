#include "render/opendata_workbook.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <memory>
#include <utility>
#include <mutex>

#include <fmt/format.h>

#include "base/source_text.h"
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

namespace {

// Each row of the CSV `csv` makes, in order, header included, read part by part: a part ends at a row's end
// (TextParts::may_end), so each is whole rows. Gives the bytes of the text after its BOM.
size_t each_csv_row(const PartsMaker& csv, const std::string& sheet, const std::function<void(CsvRow&)>& each) {
  bool first = true;
  size_t bytes = 0;
  Diagnostics ignored;  // our own CSV: its quoting is right by construction
  make_parts(csv, [&](std::string_view part) {
    if (std::exchange(first, false) && part.substr(0, 3) == "\xEF\xBB\xBF") part.remove_prefix(3);
    bytes += part.size();
    for_each_csv_row(SourceText("opendata/" + sheet + ".csv", std::string(part)), ';', ignored, each);
  });
  return bytes;
}

}  // namespace

XlsxWorkbook opendata_workbook(const PartsMaker& csv, const std::string& sheet, const std::string& title, std::time_t created) {
  // The CSV is read twice, part by part, and never held whole: first for the columns' types and widths,
  // then for the cells, handed to libxlsxwriter one row at a time (indicators.csv of 2 000 schools is
  // about 70 MB of text, of 10 000 schools 370 MB).
  // libxlsxwriter keeps a cell in about 60 bytes until the workbook is closed: a table of over 8 MB of CSV
  // (indicators.csv of some 200 schools) goes row by row through a temporary file instead.
  const size_t kStreamedCsvBytes = 8u << 20;
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
  size_t bytes = each_csv_row(csv, sheet, [&](CsvRow& row) {
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
  book.streamed = bytes > kStreamedCsvBytes;
  for (size_t c = 0; c < ws.columns.size(); ++c) {
    size_t widest = numeric[c] ? (filled[c] ? xlsx_cell_chars(XlsxCell::of_number(0)) : 0) : text_chars[c];
    ws.columns[c].width = xlsx_column_width(std::max(utf8_length(ws.columns[c].header), widest));
  }
  ws.fill = [csv, sheet, numeric](const XlsxRowSink& sink) {
    bool header = true;
    each_csv_row(csv, sheet, [&](CsvRow& row) {
      if (std::exchange(header, false)) return;
      std::vector<XlsxCell> cells;
      cells.reserve(row.fields.size());
      for (size_t c = 0; c < row.fields.size(); ++c) cells.push_back(cell_of(row.fields[c].value, c < numeric.size() && numeric[c]));
      sink(cells);
    });
  };
  return book;
}

XlsxWorkbook opendata_workbook(std::string csv, const std::string& sheet, const std::string& title, std::time_t created) {
  auto text = std::make_shared<const std::string>(std::move(csv));
  return opendata_workbook([text](TextParts& p) { p.text() += *text; }, sheet, title, created);
}

PartsMaker opendata_xlsx(const PartsMaker& csv, const std::string& sheet, const std::string& title, std::time_t created) {
  static std::mutex one_at_a_time;
  std::lock_guard lock(one_at_a_time);
  auto file = xlsx_file(opendata_workbook(csv, sheet, title, created));
  if (!file) throw OutputError(file.message());
  return [file = *file, title](TextParts& parts) {
    if (!file->read_parts(parts)) throw OutputError(fmt::format("не удалось прочитать записанную книгу Excel «{}»", title));
  };
}

}  // namespace sveden
