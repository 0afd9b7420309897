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

namespace {

// The rows of `t`, split at `d`. `error(offset, length, message, hint)` hears of broken quoting. The row
// handed to `each` is one object, refilled: its fields' strings keep their memory from row to row (unless
// `each` moved them out), and runs of a value are copied whole.
template <class Error>
bool csv_rows(std::string_view t, char d, const Error& error, const std::function<void(CsvRow&)>& each) {
  size_t i = 0;
  const size_t n = t.size();
  bool ok = true;
  CsvRow row;
  auto plain_end = [&](size_t from) {  // the end of an unquoted run: a delimiter or a line break
    while (from < n && t[from] != d && t[from] != '\n' && t[from] != '\r') ++from;
    return from;
  };
  while (i < n) {
    row.offset = i;
    size_t count = 0;
    bool row_done = false;
    while (!row_done) {
      if (count == row.fields.size()) row.fields.emplace_back();
      CsvField& field = row.fields[count++];
      field.value.clear();
      field.offset = i;
      field.sheet_row = field.sheet_column = 0;
      if (i < n && t[i] == '"') {
        size_t open = i++;
        for (;;) {
          size_t quote = t.find('"', i);
          if (quote == std::string_view::npos) {
            error(open, 1, std::string("кавычка открыта, но не закрыта до конца файла"),
                  "закройте значение второй кавычкой; кавычку внутри значения запишите двумя подряд: \"\"");
            return false;
          }
          field.value.append(t.substr(i, quote - i));
          i = quote + 1;
          if (i < n && t[i] == '"') {
            field.value += '"';
            ++i;
            continue;
          }
          break;
        }
        // After the closing quote only a delimiter or the end of the line may follow.
        size_t after = i;
        i = plain_end(i);
        if (i > after) {
          error(after, i - after, fmt::format("после закрывающей кавычки идёт текст «{}»", t.substr(after, i - after)),
                "внутри значения в кавычках кавычку пишут двумя подряд: \"\"; либо поставьте разделитель сразу после кавычки");
          ok = false;
        }
      } else {
        size_t start = i;
        i = plain_end(i);
        field.value.assign(t.substr(start, i - start));
      }
      field.length = i - field.offset;
      if (i < n && t[i] == d) {
        ++i;
        continue;
      }
      if (i < n && t[i] == '\r') ++i;
      if (i < n && t[i] == '\n') ++i;
      row_done = true;
    }
    row.fields.resize(count);
    bool blank = true;
    for (const auto& f : row.fields)
      if (f.value.find_first_not_of(" \t") != std::string::npos) { blank = false; break; }
    if (!blank) each(row);
  }
  return ok;
}

}  // namespace

bool for_each_csv_row(const SourceText& src, char delimiter, Diagnostics& diag, const std::function<void(CsvRow&)>& each) {
  const std::string& t = src.text();
  auto error = [&](size_t offset, size_t length, const std::string& message, const char* hint) {
    diag.add(Severity::error, src, offset, length, message, hint);
  };
  return csv_rows(t, delimiter ? delimiter : detect_delimiter(t), error, each);
}

bool for_each_csv_row(std::string_view text, char delimiter, const std::function<void(CsvRow&)>& each) {
  return csv_rows(text, delimiter ? delimiter : detect_delimiter(text), [](size_t, size_t, const std::string&, const char*) {}, each);
}

}  // namespace sveden
