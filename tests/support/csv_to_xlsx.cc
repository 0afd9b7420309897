// Test helper: writes CSV tables into an Excel workbook the way a department's Excel would hold
// them, to prove that a site given in .xlsx builds exactly like the same site in CSV.
//   sveden_csv_to_xlsx OUT.xlsx SHEET=FILE.csv [SHEET=FILE.csv …]
// Numbers become number cells (some through a formula with its cached value), dates date cells with
// a date format, shares with «%» percent cells; «1 234» stays a number stored as text. With one table
// the strings are inline (libxlsxwriter's constant-memory mode), with several they are shared and
// repeated first-column values (a school's code over its subjects) are merged cells.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "load/csv_reader.h"
#include "load/number_parse.h"
#include "load/text_encoding.h"
#include "model/date.h"

using namespace sveden;

namespace {

bool read_table(const std::string& path, CsvTable* table) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buf;
  buf << in.rdbuf();
  DecodeResult text = decode_text(buf.str(), Encoding::automatic);
  if (!text.ok) return false;
  Diagnostics diag;
  return read_csv(SourceText(path, text.text), 0, table, diag) && !diag.has_errors();
}

// A value that Excel would hold as a number: it reads back to the same spelling.
bool plain_number(std::string_view v, double* out) {
  ParsedNumber n = parse_number(v);
  if (n.status != NumberStatus::ok || n.had_percent) return false;
  std::string back = fmt::format("{:.15g}", n.value);
  std::string written(v);
  for (char& c : written)
    if (c == ',') c = '.';
  if (back != written) return false;
  *out = n.value;
  return true;
}

struct Formats {
  lxw_format* date = nullptr;
  lxw_format* percent = nullptr;
};

void write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& raw, const Formats& f, bool formula) {
  std::string v(trim(raw));
  if (v.empty()) return;
  double number = 0;
  if (plain_number(v, &number)) {
    if (formula) worksheet_write_formula_num(ws, r, c, fmt::format("={:.15g}", number).c_str(), nullptr, number);
    else worksheet_write_number(ws, r, c, number, nullptr);
    return;
  }
  ParsedNumber n = parse_number(v);
  if (n.status == NumberStatus::ok && n.had_percent) {
    worksheet_write_number(ws, r, c, n.value / 100, f.percent);
    return;
  }
  if (v.size() == 10 && v[2] == '.' && v[5] == '.')
    if (auto d = parse_date_ru(v)) {
      lxw_datetime dt = {d->year, d->month, d->day, 0, 0, 0};
      worksheet_write_datetime(ws, r, c, &dt, f.date);
      return;
    }
  worksheet_write_string(ws, r, c, raw.c_str(), nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: sveden_csv_to_xlsx OUT.xlsx SHEET=FILE.csv [SHEET=FILE.csv …]\n";
    return 2;
  }
  bool single = argc == 3;
  lxw_workbook_options options = {};
  options.constant_memory = single ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(argv[1], &options);
  if (!wb) return 1;
  Formats formats;
  formats.date = workbook_add_format(wb);
  format_set_num_format(formats.date, "dd.mm.yyyy");
  formats.percent = workbook_add_format(wb);
  format_set_num_format(formats.percent, "0.0%");
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    size_t eq = arg.find('=');
    if (eq == std::string::npos) return 2;
    CsvTable table;
    if (!read_table(arg.substr(eq + 1), &table)) {
      std::cerr << "cannot read " << arg.substr(eq + 1) << "\n";
      return 1;
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb, arg.substr(0, eq).c_str());
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const auto& fields = table.rows[r].fields;
      for (size_t c = 0; c < fields.size(); ++c)
        write_cell(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), fields[c].value, formats, single && c % 2 == 1);
    }
    if (single) continue;
    // Runs of the same first-column value under the header become one merged cell.
    for (size_t r = 1; r < table.rows.size();) {
      size_t end = r;
      auto first = [&](size_t k) { return table.rows[k].fields.empty() ? std::string() : table.rows[k].fields[0].value; };
      while (end + 1 < table.rows.size() && !first(r).empty() && first(end + 1) == first(r)) ++end;
      if (end > r) {
        double number = 0;
        if (!plain_number(first(r), &number))
          worksheet_merge_range(ws, static_cast<lxw_row_t>(r), 0, static_cast<lxw_row_t>(end), 0, first(r).c_str(), nullptr);
      }
      r = end + 1;
    }
  }
  lxw_error status = workbook_close(wb);
  if (status != LXW_NO_ERROR) {
    std::cerr << lxw_strerror(status) << "\n";
    return 1;
  }
  return 0;
}
