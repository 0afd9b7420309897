#include "render/opendata_workbook.h"

#include <charconv>
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

XlsxWorkbook opendata_workbook(std::string_view csv, const std::string& sheet, const std::string& title, std::time_t created) {
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);
  CsvTable table;
  {
    SourceText src("opendata/" + sheet + ".csv", std::string(csv));
    Diagnostics ignored;  // our own CSV: its quoting is right by construction
    read_csv(src, ';', &table, ignored);
  }

  XlsxWorkbook book;
  book.title = title;
  book.author = "sveden";
  book.created = created;
  XlsxSheet& ws = book.sheets.emplace_back();
  ws.name = xlsx_sheet_name(sheet, "data");
  ws.validated_rows = 0;
  if (table.rows.empty()) return book;
  const auto& header = table.rows.front().fields;
  std::vector<bool> numeric(header.size(), true);
  for (size_t c = 0; c < header.size(); ++c) {
    ws.columns.push_back({header[c].value, {}, {}, 0, false});
    numeric[c] = !is_code_column(header[c].value);
  }
  for (size_t r = 1; r < table.rows.size(); ++r)
    for (size_t c = 0; c < table.rows[r].fields.size() && c < numeric.size(); ++c) {
      const std::string& v = table.rows[r].fields[c].value;
      if (!v.empty() && !is_plain_number(v)) numeric[c] = false;
    }
  ws.rows.reserve(table.rows.size() - 1);
  for (size_t r = 1; r < table.rows.size(); ++r) {
    auto& row = ws.rows.emplace_back();
    for (size_t c = 0; c < table.rows[r].fields.size(); ++c) {
      const std::string& v = table.rows[r].fields[c].value;
      if (v.empty()) row.emplace_back();
      else if (c < numeric.size() && numeric[c]) row.push_back(XlsxCell::of_number(number_of(v), decimals_of(v)));
      else row.push_back(XlsxCell::of_text(std::string(without_formula_guard(v))));
    }
    std::vector<CsvField>().swap(table.rows[r].fields);  // converted: the table and the sheet are not held whole at once
  }
  return book;
}

std::string opendata_xlsx(std::string csv, const std::string& sheet, const std::string& title, std::time_t created) {
  static std::mutex one_at_a_time;
  std::lock_guard lock(one_at_a_time);
  XlsxWorkbook book = opendata_workbook(csv, sheet, title, created);
  std::string().swap(csv);
  auto bytes = xlsx_bytes(std::move(book));
  if (!bytes) throw OutputError(bytes.message());
  return std::move(*bytes);
}

}  // namespace sveden
