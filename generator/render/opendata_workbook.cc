#include "render/opendata_workbook.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <memory>
#include <utility>

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
  char small[64];  // a number of the CSV: a few digits; a longer text in a string
  std::string big;
  char* dotted = small;
  if (s.size() > sizeof small) dotted = (big = std::string(s)).data();
  else s.copy(small, s.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (dotted[i] == ',') dotted[i] = '.';
  double v = 0;
  const char* first = dotted;
  if (!s.empty() && s.front() == '+') ++first;
  std::from_chars(first, dotted + s.size(), v);
  return v;
}

// Each row of one part of an opendata CSV: a part ends at a row's end (TextParts::may_end), so it is
// whole rows; the first part begins with the BOM.
void each_row_of_part(std::string_view part, bool first, const std::function<void(CsvRow&)>& each) {
  if (first && part.substr(0, kCsvBom.size()) == kCsvBom) part.remove_prefix(kCsvBom.size());
  for_each_csv_row(part, ';', each);  // our own CSV: its quoting is right by construction
}

// Each row of the CSV `csv` makes, in order, header included, read part by part.
void each_csv_row(const PartsMaker& csv, const std::function<void(CsvRow&)>& each) {
  bool first = true;
  make_parts(csv, [&](std::string_view part) { each_row_of_part(part, std::exchange(first, false), each); });
}

}  // namespace

void fill_opendata_cell(XlsxCell& cell, std::string_view guard, std::string_view value, bool numeric) {
  cell.text.clear();
  cell.number = 0;
  cell.decimals = -1;
  if (guard.empty() && value.empty()) {
    cell.kind = XlsxCell::Kind::empty;
  } else if (numeric) {
    cell.kind = XlsxCell::Kind::number;
    cell.number = number_of(value);
    cell.decimals = decimals_of(value);
  } else {
    cell.kind = XlsxCell::Kind::text;
    cell.text.assign(guard.empty() ? without_formula_guard(value) : value);
  }
}

void OpendataColumns::add(std::string_view part) {
  each_row_of_part(part, std::exchange(first_, false), [&](CsvRow& row) {
    for (const CsvField& f : row.fields) field({}, f.value);
    end_row();
  });
}

void OpendataColumns::field(std::string_view guard, std::string_view value) {
  // The text as the CSV carries it is guard + value; the workbook shows it without the guard.
  bool unguarded = guard.empty(), plain = unguarded && is_plain_number(value);
  // A plain number is ASCII: its characters are its bytes, not counted again.
  size_t chars = plain ? value.size() : utf8_length(unguarded ? without_formula_guard(value) : value);
  row_.push_back({unguarded && value.empty(), blank_csv_field(guard, value), plain, chars});
  if (header_) header_row_.push_back(std::string(guard) + std::string(value));
}

void OpendataColumns::end_row() {
  bool blank = std::all_of(row_.begin(), row_.end(), [](const Field& f) { return f.blank; });
  if (!blank && std::exchange(header_, false)) {
    headers_ = std::move(header_row_);
    numeric_.clear();
    for (const std::string& h : headers_) numeric_.push_back(!is_code_column(h));
    text_chars_.assign(numeric_.size(), 0);
    filled_.assign(numeric_.size(), false);
  } else if (!blank) {
    ++rows_;
    for (size_t c = 0; c < row_.size() && c < numeric_.size(); ++c) {
      const Field& f = row_[c];
      if (f.empty) continue;
      filled_[c] = true;
      if (!f.plain) numeric_[c] = false;
      text_chars_[c] = std::max(text_chars_[c], f.chars);
    }
  }
  header_row_.clear();
  row_.clear();
}

XlsxTable OpendataColumns::sheet(const std::string& title, std::time_t created) const {
  XlsxTable ws;
  ws.title = title;
  ws.author = "sveden";
  ws.created = created;
  ws.sheet = xlsx_sheet_name(sheet_, "data");
  ws.rows = rows_;
  for (size_t c = 0; c < headers_.size(); ++c) {
    size_t widest = numeric_[c] ? (filled_[c] ? xlsx_cell_chars(XlsxCell::of_number(0)) : 0) : text_chars_[c];
    ws.columns.push_back({headers_[c], {}, {}, xlsx_column_width(std::max(utf8_length(headers_[c]), widest)), false});
  }
  return ws;
}

XlsxTable opendata_workbook(const PartsMaker& csv, const OpendataColumns& columns, const std::string& title, std::time_t created) {
  XlsxTable ws = columns.sheet(title, created);
  ws.fill = [csv, numeric = columns.numeric()](const XlsxRowSink& sink) {
    bool header = true;
    std::vector<XlsxCell> cells;  // one row's, refilled
    each_csv_row(csv, [&](CsvRow& row) {
      if (std::exchange(header, false)) return;
      cells.resize(row.fields.size());
      for (size_t c = 0; c < row.fields.size(); ++c) fill_opendata_cell(cells[c], {}, row.fields[c].value, c < numeric.size() && numeric[c]);
      sink(cells);
    });
  };
  return ws;
}

XlsxTable opendata_workbook(const PartsMaker& csv, const std::string& sheet, const std::string& title, std::time_t created) {
  // The CSV is read twice, part by part, and never held whole: first for the columns' types and widths
  // and the number of rows, then for the cells, written one row at a time (indicators.csv of 2 000
  // schools is about 70 MB of text, of 10 000 schools 370 MB).
  OpendataColumns columns(sheet);
  make_parts(csv, [&](std::string_view part) { columns.add(part); });
  return opendata_workbook(csv, columns, title, created);
}

XlsxTable opendata_workbook(std::string csv, const std::string& sheet, const std::string& title, std::time_t created) {
  auto text = std::make_shared<const std::string>(std::move(csv));
  return opendata_workbook([text](TextParts& p) { p.text() += *text; }, sheet, title, created);
}

void write_opendata_workbook(const XlsxTable& table, const std::string& sheet, TextParts& parts) {
  // The writer names the part or the table; the build's message names the file.
  if (Status written = write_xlsx_table(table, parts); !written.ok())
    throw OutputError(fmt::format("opendata/{}.xlsx: {}", sheet, written.message()));
}

PartsMaker opendata_xlsx(const PartsMaker& csv, const std::string& sheet, const std::string& title, std::time_t created) {
  return [csv, sheet, title, created](TextParts& parts) { write_opendata_workbook(opendata_workbook(csv, sheet, title, created), sheet, parts); };
}

}  // namespace sveden
