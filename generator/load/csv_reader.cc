#include "load/csv_reader.h"

#include <fmt/format.h>

namespace sveden {

char detect_delimiter(std::string_view text) {
  int semicolons = 0, tabs = 0, commas = 0;
  bool quoted = false;
  bool seen_content = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') {
      if (seen_content) break;
      continue;
    }
    if (c != '\r' && c != ' ') seen_content = true;
    if (c == ';') ++semicolons;
    else if (c == '\t') ++tabs;
    else if (c == ',') ++commas;
  }
  if (semicolons >= tabs && semicolons >= commas && semicolons > 0) return ';';
  if (tabs >= commas && tabs > 0) return '\t';
  if (commas > 0) return ',';
  return ';';
}

std::string delimiter_name(char delimiter) {
  switch (delimiter) {
    case ';': return "точка с запятой";
    case ',': return "запятая";
    case '\t': return "табуляция";
  }
  return fmt::format("«{}»", delimiter);
}

bool read_csv(const SourceText& src, char delimiter, CsvTable* out, Diagnostics& diag) {
  out->delimiter = delimiter ? delimiter : detect_delimiter(src.text());
  out->rows.clear();
  return for_each_csv_row(src, out->delimiter, diag, [&](CsvRow& row) { out->rows.push_back(std::move(row)); });
}

bool for_each_csv_row(const SourceText& src, char delimiter, Diagnostics& diag, const std::function<void(CsvRow&)>& each) {
  const std::string& t = src.text();
  const char d = delimiter ? delimiter : detect_delimiter(t);
  size_t i = 0;
  const size_t n = t.size();
  bool ok = true;
  size_t width = 0;  // fields in the previous row: rows are nearly always as wide as the header
  while (i < n) {
    CsvRow row;
    row.offset = i;
    row.fields.reserve(width);
    bool row_done = false;
    while (!row_done) {
      CsvField field;
      field.offset = i;
      if (i < n && t[i] == '"') {
        size_t open = i++;
        for (;;) {
          if (i >= n) {
            diag.add(Severity::error, src, open, 1, "кавычка открыта, но не закрыта до конца файла",
                     "закройте значение второй кавычкой; кавычку внутри значения запишите двумя подряд: \"\"");
            return false;
          }
          if (t[i] == '"') {
            if (i + 1 < n && t[i + 1] == '"') { field.value += '"'; i += 2; continue; }
            ++i;
            break;
          }
          field.value += t[i++];
        }
        // After the closing quote only a delimiter or the end of the line may follow.
        size_t after = i;
        while (i < n && t[i] != d && t[i] != '\n' && t[i] != '\r') ++i;
        if (i > after) {
          diag.add(Severity::error, src, after, i - after,
                   fmt::format("после закрывающей кавычки идёт текст «{}»", t.substr(after, i - after)),
                   "внутри значения в кавычках кавычку пишут двумя подряд: \"\"; либо поставьте разделитель сразу после кавычки");
          ok = false;
        }
      } else {
        size_t start = i;
        while (i < n && t[i] != d && t[i] != '\n' && t[i] != '\r') ++i;
        field.value.assign(t, start, i - start);
      }
      field.length = i - field.offset;
      row.fields.push_back(std::move(field));
      if (i < n && t[i] == d) {
        ++i;
        continue;
      }
      if (i < n && t[i] == '\r') ++i;
      if (i < n && t[i] == '\n') ++i;
      row_done = true;
    }
    bool blank = true;
    for (const auto& f : row.fields)
      if (f.value.find_first_not_of(" \t") != std::string::npos) { blank = false; break; }
    width = row.fields.size();
    if (!blank) each(row);
  }
  return ok;
}

}  // namespace sveden
