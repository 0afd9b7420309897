#include "load/table_loader.h"

#include "base/control_chars.h"
#include "load/input_limits.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <optional>

#include <fmt/format.h>
#include <unicode/unistr.h>

#include "load/csv_reader.h"
#include "load/number_parse.h"
#include "load/text_encoding.h"
#include "load/yaml_reader.h"
#include "base/disk.h"
#include "model/date.h"
#include "model/links.h"
#include "russian/typography.h"

namespace sveden {
namespace {

std::string fold(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  u.findAndReplace(icu::UnicodeString::fromUTF8("ё"), icu::UnicodeString::fromUTF8("е"));
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::vector<std::string> q;
  for (const auto& i : items) q.push_back("«" + i + "»");
  return fmt::format("{}", fmt::join(q, ", "));
}

std::string years_text(const std::vector<int>& years) {
  if (years.empty()) return "не заданы";
  bool contiguous = years.back() - years.front() + 1 == static_cast<int>(years.size());
  if (contiguous && years.size() > 2) return fmt::format("{}–{}", years.front(), years.back());
  return fmt::format("{}", fmt::join(years, ", "));
}

std::string values_count(size_t n) { return count_noun(static_cast<long long>(n), "значение", "значения", "значений"); }
std::string columns_count(size_t n) { return count_noun(static_cast<long long>(n), "столбец", "столбца", "столбцов"); }

bool is_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-' || s.size() > 100) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return s.find("--") == std::string_view::npos;
}

class TableReader {
 public:
  TableReader(const TableSpec& spec, const TableContext& ctx, Diagnostics& diag) : spec_(spec), ctx_(ctx), diag_(diag) {}

  LoadedTable run();

 private:
  bool map_headers(const CsvRow& header);
  void read_row(const CsvRow& row, size_t header_size);
  void parse_cell(const ColumnSpec& col, const CsvField& field, Cell& cell);
  // The cell's trimmed value, or nothing when it is empty, missing («н/д») or unreadable as text.
  std::optional<std::string> present_value(const ColumnSpec& col, const CsvField& field);
  std::optional<std::string> parse_id(const std::string& v, const CsvField& field);
  std::optional<std::string> parse_school_ref(const std::string& v, const CsvField& field);
  std::optional<std::string> parse_indicator_ref(const std::string& v, const CsvField& field);
  std::optional<std::string> parse_slug(const std::string& v, const CsvField& field);
  std::optional<std::string> parse_enumeration(const ColumnSpec& col, const std::string& v, const CsvField& field);
  std::optional<std::string> parse_date_value(const std::string& v, const CsvField& field);
  std::optional<std::string> parse_link(const std::string& v, const CsvField& field);
  std::optional<std::string> parse_website(const std::string& v, const CsvField& field);
  std::optional<double> parse_boolean(const std::string& v, const CsvField& field);
  std::optional<double> parse_numeric(const ColumnSpec& col, const std::string& v, const CsvField& field);
  void check_key(const CsvRow& row, const Record& rec);
  bool check_files(const CsvRow& row, const Record& rec);
  void run_checks(const CsvRow& row, const Record& rec);
  void report_check(const CheckSpec& check, const CsvRow& row, const Record& rec, double sum);
  bool read_csv_file(const std::string& path, const TableOverride* override, CsvTable* csv);
  void read_sheet(const Sheet& sheet, CsvTable* csv);
  void error(const CsvField& f, std::string message, std::string hint) { report(Severity::error, f, std::move(message), std::move(hint)); }
  void report(Severity severity, const CsvField& f, std::string message, std::string hint) {
    if (sheet_) {
      report_at_cell(severity, f.sheet_row, f.sheet_column, std::move(message), std::move(hint));
      return;
    }
    diag_.add(severity, src_, f.offset, f.length, std::move(message), std::move(hint));
  }
  // In a workbook: «data/oge.xlsx, лист «ОГЭ», ячейка D7»; column 0 names the whole row.
  void report_at_cell(Severity severity, int row, int column, std::string message, std::string hint) {
    Diagnostic d;
    d.severity = severity;
    d.file = src_.path();
    d.place = column > 0 ? fmt::format("{}, ячейка {}", sheet_place(*sheet_), cell_reference(row, column))
                         : fmt::format("{}, строка {}", sheet_place(*sheet_), row);
    d.pos = {row, column};
    d.message = std::move(message);
    d.hint = std::move(hint);
    diag_.add_diagnostic(std::move(d));
  }
  int row_line(const CsvRow& row) const {
    return sheet_ ? (row.fields.empty() ? 0 : row.fields.front().sheet_row) : src_.position(row.offset).line;
  }
  std::string cell_text(const Cell& c, const ColumnSpec& col) const {
    if (c.missing) return "пусто";
    if (col.type == ColumnType::count || col.type == ColumnType::number || col.type == ColumnType::percent ||
        col.type == ColumnType::integer || col.type == ColumnType::year)
      return col.type == ColumnType::year ? std::to_string(static_cast<int>(c.number)) : format_decimal(c.number, 4);
    return "«" + c.text + "»";
  }

  const TableSpec& spec_;
  const TableContext& ctx_;
  Diagnostics& diag_;
  SourceText src_;
  const Sheet* sheet_ = nullptr;  // the table is this sheet of a workbook
  LoadedTable out_;
  std::vector<int> field_column_;  // header field index → column index, -1 for skipped
  std::vector<int> column_field_;  // column index → header field index, -1 when absent
  std::unordered_map<std::string, int> seen_keys_;  // key → line
  std::vector<std::map<std::string, std::string>> enum_lookup_;  // per column: folded → canonical
  struct PendingRef {
    std::string id;
    CsvField field;
  };
  std::vector<PendingRef> pending_refs_;
  std::map<std::string, int> own_ids_;  // with ctx_.taken_ids: code → its first line

  template <typename Ids>
  void unknown_school(const std::string& v, const CsvField& field, const Ids& known) {
    std::vector<std::string> ids(known.begin(), known.end());
    std::sort(ids.begin(), ids.end());  // the suggestion must not depend on hash order
    std::string guess = closest_word(v, ids);
    error(field, fmt::format("неизвестный код школы «{}»", v),
          guess.empty() ? "такой школы нет в data/schools.csv: добавьте её туда или исправьте код"
                        : fmt::format("такой школы нет в data/schools.csv; возможно, имелось в виду «{}»", guess));
  }
};

LoadedTable TableReader::run() {
  out_.spec = &spec_;
  auto ov = ctx_.site.tables.find(spec_.name);
  const TableOverride* override = ov == ctx_.site.tables.end() ? nullptr : &ov->second;
  const TableSource* source = nullptr;
  if (ctx_.sources)
    if (auto it = ctx_.sources->by_table.find(spec_.name); it != ctx_.sources->by_table.end()) source = &it->second;
  std::string path = source ? source->path : override && override->file ? *override->file : spec_.file;
  out_.path = display_path(ctx_.display_prefix, path);
  CsvTable csv;
  if (source) {
    out_.present = true;
    if (source->unreadable) return std::move(out_);  // already reported
    src_ = SourceText(out_.path, "");
    sheet_ = source->sheet;
    read_sheet(*sheet_, &csv);
  } else if (!read_csv_file(path, override, &csv)) {
    return std::move(out_);
  }
  if (csv.rows.empty()) {
    diag_.add_file(Severity::error, sheet_ ? fmt::format("{}, {}", out_.path, sheet_place(*sheet_)) : out_.path,
                   sheet_ ? "лист пуст: нет даже строки заголовков" : "файл пуст: нет даже строки заголовков",
                   "первая строка — заголовки столбцов, далее по строке на запись (см. docs/DATA.md)");
    return std::move(out_);
  }
  enum_lookup_.resize(spec_.columns.size());
  for (size_t i = 0; i < spec_.columns.size(); ++i)
    if (spec_.columns[i].enum_values)
      for (const auto& v : *spec_.columns[i].enum_values) enum_lookup_[i][normalize_header(v)] = v;
  if (!map_headers(csv.rows[0])) return std::move(out_);
  for (size_t c = 0; c < spec_.columns.size(); ++c)
    if (column_field_[c] >= 0) out_.columns.insert(spec_.columns[c].name);
  size_t header_size = field_column_.size();
  out_.records.reserve(csv.rows.size() - 1);
  // A file that is wrong in every row (a shifted column, the wrong table) would bury the user in
  // messages: after the first ones, one note says how many rows were not checked.
  const int kMaxErrors = 50;
  int errors_before = diag_.errors();
  for (size_t r = 1; r < csv.rows.size(); ++r) {
    if (diag_.errors() - errors_before >= kMaxErrors) {
      diag_.add_file(Severity::error, src_.path(),
                     fmt::format("в файле больше {} ошибок; ещё {} не проверено", kMaxErrors,
                                 count_noun(static_cast<long long>(csv.rows.size() - r), "строка", "строки", "строк")),
                     "исправьте показанные ошибки (часто у всех строк одна причина) и запустите проверку снова");
      break;
    }
    read_row(csv.rows[r], header_size);
  }
  if (!pending_refs_.empty() && !spec_.key.empty()) {
    std::set<std::string, std::less<>> own;
    for (const auto& rec : out_.records) own.insert(rec.cells[spec_.key[0]].text);
    for (const auto& ref : pending_refs_)
      if (!own.count(ref.id)) unknown_school(ref.id, ref.field, own);
  }
  return std::move(out_);
}

bool TableReader::read_csv_file(const std::string& path, const TableOverride* override, CsvTable* csv) {
  if (!ctx_.disk.is_file(path) && ctx_.disk.exists(path)) {
    // A link or a device in data/ was reported when data/ was listed, a folder with files in it too;
    // an empty folder named like the table is said here.
    if (ctx_.disk.read(path).message() == kFolderNotFile && ctx_.disk.list(path).empty())
      diag_.add_file(Severity::error, out_.path, "это папка, а не файл таблицы: таблица не читается",
                     fmt::format("положите на место папки сам файл {}", path));
    return false;
  }
  if (!ctx_.disk.is_file(path)) {
    if (spec_.required || (override && override->file))
      diag_.add_file(Severity::error, out_.path, fmt::format("нет файла таблицы {}", quoted(spec_.title)),
                     fmt::format("создайте {} (описание столбцов — в docs/DATA.md) или укажите другой файл в site.yaml: tables: {}: file: …",
                                 path, spec_.name));
    return false;
  }
  auto bytes = ctx_.disk.read(path);
  if (!bytes) {
    diag_.add_file(Severity::error, out_.path, fmt::format("не удалось прочитать: {}", bytes.message()), "проверьте файл и права доступа");
    return false;
  }
  out_.present = true;
  Encoding requested = override ? override->encoding : Encoding::automatic;
  DecodeResult decoded = decode_text(*bytes, requested);
  src_ = SourceText(out_.path, decoded.text);
  if (!decoded.ok) {
    bool renamed_file = bytes->rfind("PK\x03\x04", 0) == 0 || bytes->find('\0') != std::string::npos;
    if (decoded.binary && !renamed_file) {
      diag_.add(Severity::error, src_, decoded.text.size(), 1, forbidden_char_problem(decoded.bad_char), forbidden_char_hint(decoded.bad_char));
      return false;
    }
    if (decoded.binary) {
      diag_.add(Severity::error, src_, decoded.text.size(), 1,
                fmt::format("файл не похож на текст CSV: в нём управляющий байт {}", decoded.bad_bytes),
                "возможно, это книга Excel (.xlsx), переименованная в .csv: откройте её в Excel и сохраните как «CSV UTF-8»");
      return false;
    }
    if (!decoded.likely.empty()) {
      diag_.add(Severity::error, src_, decoded.text.size(), 1,
                fmt::format("текст файла, похоже, в кодировке {}, а читаются только UTF-8, UTF-16 и Windows-1251", decoded.likely),
                fmt::format("откройте файл в LibreOffice Calc, выбрав при открытии кодировку {}, и сохраните как «Текст CSV» "
                            "в кодировке UTF-8",
                            decoded.likely));
      return false;
    }
    std::string hint = decoded.used == Encoding::windows1251
                           ? "в файле есть байт, которого нет в кодировке Windows-1251; сохраните файл заново из Excel как «CSV UTF-8»"
                           : fmt::format("сохраните файл из Excel как «CSV UTF-8» или, если он в Windows-1251, укажите в site.yaml: tables: {}: encoding: windows-1251",
                                         spec_.name);
    diag_.add(Severity::error, src_, decoded.text.size(), 1,
              decoded.bad_bytes.find(' ') == std::string::npos
                  ? fmt::format("байт {} не читается в кодировке {}", decoded.bad_bytes, decoded.label)
                  : fmt::format("байты {} не читаются в кодировке {}", decoded.bad_bytes, decoded.label),
              hint);
    return false;
  }
  char delimiter = override ? override->delimiter : 0;
  bool ok = read_csv(src_, delimiter, csv, diag_);
  if (!ok || (csv->rows.empty() && diag_.has_errors())) return false;
  return true;
}

// A sheet as the rows of a CSV: the first row with anything in it is the header; every row is as
// wide as the header, and a value beyond the header's last column is kept to be reported.
void TableReader::read_sheet(const Sheet& sheet, CsvTable* csv) {
  size_t width = sheet.rows.empty() ? 0 : sheet.rows.front().cells.size();
  // A column with neither a header nor a value (the rest of a merged header cell, a spacer) is no column.
  std::vector<bool> empty_column(width, true);
  for (const auto& r : sheet.rows)
    for (size_t c = 0; c < width && c < r.cells.size(); ++c)
      if (!trim(r.cells[c]).empty()) empty_column[c] = false;
  for (const auto& r : sheet.rows) {
    CsvRow row;
    size_t n = std::max(width, r.cells.size());
    for (size_t c = 0; c < n; ++c) {
      if (c < width && empty_column[c]) continue;
      CsvField f;
      if (c < r.cells.size()) f.value = r.cells[c];
      f.sheet_row = r.number;
      f.sheet_column = static_cast<int>(c) + 1;
      row.fields.push_back(std::move(f));
    }
    csv->rows.push_back(std::move(row));
  }
}

bool TableReader::map_headers(const CsvRow& header) {
  std::map<std::string, int> by_name;  // folded name/alias/title → column
  for (size_t i = 0; i < spec_.columns.size(); ++i) {
    const auto& c = spec_.columns[i];
    by_name[fold(c.name)] = static_cast<int>(i);
    by_name[normalize_header(c.title)] = static_cast<int>(i);
    for (const auto& a : c.aliases) by_name[normalize_header(a)] = static_cast<int>(i);
  }
  std::map<std::string, std::string> custom;
  auto ov = ctx_.site.tables.find(spec_.name);
  if (ov != ctx_.site.tables.end())
    for (const auto& [h, canonical] : ov->second.columns) custom[normalize_header(h)] = canonical;

  std::vector<std::string> candidates;
  for (const auto& c : spec_.columns) candidates.push_back(c.title);

  if (!sheet_ && !header.fields.empty() && trim(header.fields[0].value).rfind('#', 0) == 0) {
    error(header.fields[0], "строка-комментарий на месте заголовков: первая строка таблицы CSV — заголовки столбцов",
          fmt::format("удалите эту строку; заголовки: {}", quoted_list(candidates)));
    return false;
  }
  std::vector<CsvField> fields = header.fields;
  // An empty last header is the trailing delimiter Excel sometimes leaves.
  while (!fields.empty() && trim(fields.back().value).empty()) fields.pop_back();
  field_column_.assign(fields.size(), -1);
  column_field_.assign(spec_.columns.size(), -1);
  bool ok = true;
  const size_t kShownUnknownColumns = 20;
  size_t unknown_columns = 0;
  for (size_t f = 0; f < fields.size(); ++f) {
    std::string key = normalize_header(fields[f].value);
    int col = -1;
    if (auto it = custom.find(key); it != custom.end()) {
      col = spec_.column_index(it->second);
    } else if (auto it2 = by_name.find(key); it2 != by_name.end()) {
      col = it2->second;
    }
    if (col < 0) {
      if (key.empty()) {
        report(Severity::warning, fields[f], "столбец без заголовка будет пропущен",
                  "впишите заголовок столбца или удалите пустой столбец");
        continue;
      }
      // A header of thousands of unknown columns (a broken export) is named by its first few.
      if (++unknown_columns > kShownUnknownColumns) continue;
      std::string guess = closest_word(trim(fields[f].value), candidates);
      report(Severity::warning, fields[f],
                fmt::format("неизвестный столбец «{}» будет пропущен", trim(fields[f].value)),
                guess.empty() ? fmt::format("столбцы таблицы: {}", quoted_list(candidates))
                              : fmt::format("возможно, имелось в виду «{}»; или задайте соответствие в site.yaml: tables: {}: columns", guess, spec_.name));
      continue;
    }
    if (column_field_[col] >= 0) {
      error(fields[f], fmt::format("столбец {} встречается дважды (уже был столбцом {})", quoted(spec_.columns[col].title), column_field_[col] + 1),
            "оставьте один из столбцов или переименуйте лишний");
      ok = false;
      continue;
    }
    column_field_[col] = static_cast<int>(f);
    field_column_[f] = col;
  }
  if (unknown_columns > kShownUnknownColumns) {
    CsvField at;
    at.offset = header.offset;
    at.sheet_row = header.fields.empty() ? 1 : header.fields.front().sheet_row;
    report(Severity::warning, at,
           fmt::format("и ещё {}: они тоже будут пропущены", count_noun(static_cast<long long>(unknown_columns - kShownUnknownColumns), "неизвестный столбец",
                                                      "неизвестных столбца", "неизвестных столбцов")),
           fmt::format("столбцы таблицы: {}; уберите лишние столбцы из файла", quoted_list(candidates)));
  }
  for (size_t c = 0; c < spec_.columns.size(); ++c) {
    const auto& col = spec_.columns[c];
    if (col.required && column_field_[c] < 0) {
      std::vector<std::string> names = {col.name, col.title};
      CsvField at;
      at.offset = header.offset;
      at.sheet_row = header.fields.empty() ? 1 : header.fields.front().sheet_row;
      report(Severity::error, at,
                fmt::format("нет обязательного столбца {} ({})", quoted(col.title), col.name),
                fmt::format("добавьте столбец с заголовком {} (или {}) либо задайте соответствие в site.yaml: tables: {}: columns",
                            quoted(col.title), col.name, spec_.name));
      ok = false;
    }
  }
  return ok;
}

void TableReader::read_row(const CsvRow& row, size_t header_size) {
  // A line a person wrote as a note («# данные за 2024 год»): said as such, at its own line, not as a row short of values.
  if (!sheet_ && !row.fields.empty() && trim(row.fields[0].value).rfind('#', 0) == 0) {
    error(row.fields[0], "строка-комментарий: в таблице CSV комментариев нет, каждая строка после заголовка — запись",
          "удалите эту строку; пояснение к данным напишите в отдельном документе");
    return;
  }
  if (row.fields.size() > header_size) {
    bool extra_empty = true;
    for (size_t i = header_size; i < row.fields.size(); ++i)
      if (!trim(row.fields[i].value).empty()) extra_empty = false;
    if (!extra_empty && sheet_) {
      for (size_t i = header_size; i < row.fields.size(); ++i)
        if (!trim(row.fields[i].value).empty()) {
          error(row.fields[i], fmt::format("значение «{}» в столбце без заголовка", trim(row.fields[i].value)),
                "впишите заголовок столбца в первую строку листа или перенесите значение в нужный столбец");
          return;
        }
    }
    if (!extra_empty) {
      error(row.fields[header_size],
            fmt::format("в этой строке {}, а в заголовке {}", values_count(row.fields.size()), columns_count(header_size)),
            "лишний разделитель? значение с разделителем внутри возьмите в кавычки: \"1;2\"");
      return;
    }
  } else if (row.fields.size() < header_size) {
    const CsvField& last = row.fields.back();
    diag_.add(Severity::error, src_, last.offset + last.length, 1,
              fmt::format("в этой строке {}, а в заголовке {}", values_count(row.fields.size()), columns_count(header_size)),
              "допишите недостающие значения (пустое значение — два разделителя подряд)");
    return;
  }
  Record rec;
  rec.cells.resize(spec_.columns.size());
  rec.line = row_line(row);
  int errors_before = diag_.errors();
  for (size_t f = 0; f < header_size; ++f)
    if (field_column_[f] >= 0) parse_cell(spec_.columns[field_column_[f]], row.fields[f], rec.cells[field_column_[f]]);
  if (diag_.errors() > errors_before) return;  // checks on broken values would only repeat the error
  if (!check_files(row, rec)) return;
  check_key(row, rec);
  run_checks(row, rec);
  out_.records.push_back(std::move(rec));
}

// A cell is read in named steps: the raw value is checked as text (length, control characters,
// emptiness), then parsed by its column's type. Each parser fills the cell or reports why it cannot.
void TableReader::parse_cell(const ColumnSpec& col, const CsvField& field, Cell& cell) {
  std::optional<std::string> value = present_value(col, field);
  if (!value) return;
  const std::string& v = *value;
  std::optional<std::string> text;
  switch (col.type) {
    case ColumnType::text: text = v; break;
    case ColumnType::id: text = parse_id(v, field); break;
    case ColumnType::school: text = parse_school_ref(v, field); break;
    case ColumnType::indicator: text = parse_indicator_ref(v, field); break;
    case ColumnType::slug: text = parse_slug(v, field); break;
    case ColumnType::enumeration: text = parse_enumeration(col, v, field); break;
    case ColumnType::date: text = parse_date_value(v, field); break;
    case ColumnType::link: text = parse_link(v, field); break;
    case ColumnType::website: text = parse_website(v, field); break;
    case ColumnType::boolean: {
      std::optional<double> b = parse_boolean(v, field);
      if (!b) return;
      cell.missing = false;
      cell.number = *b;
      return;
    }
    default: {
      std::optional<double> n = parse_numeric(col, v, field);
      if (!n) return;
      cell.missing = false;
      cell.number = *n;
      return;
    }
  }
  if (!text) return;
  cell.missing = false;
  cell.text = std::move(*text);
}

std::optional<std::string> TableReader::present_value(const ColumnSpec& col, const CsvField& field) {
  std::string_view raw = trim(field.value);
  // No cell of a school's data is a book: a huge value is a broken export, not text to publish.
  const size_t kMaxCell = kMaxValueChars;
  if (raw.size() > kMaxCell && utf8_length(raw) > kMaxCell) {
    error(field, fmt::format("значение длиной {} знаков — слишком длинное для ячейки", format_count(static_cast<long long>(utf8_length(raw)))),
          fmt::format("в ячейке не больше {} знаков; проверьте кавычки: незакрытая кавычка склеивает строки в одно значение",
                      format_count(static_cast<long long>(kMaxCell))));
    return std::nullopt;
  }
  if (col.max_length && raw.size() > col.max_length && utf8_length(raw) > col.max_length) {
    error(field, fmt::format("значение в столбце {} длиной {} — слишком длинное", quoted(col.title), count_noun(static_cast<long long>(utf8_length(raw)), "знак", "знака", "знаков")),
          fmt::format("в столбце {} не больше {}: сократите значение", quoted(col.title),
                      count_noun(static_cast<long long>(col.max_length), "знака", "знаков", "знаков")));
    return std::nullopt;
  }
  // The CSV's text was checked when decoded; a workbook's cell can still carry a control character.
  if (auto bad = find_forbidden_char(raw)) {
    error(field, forbidden_char_problem(bad->code), forbidden_char_hint(bad->code));
    return std::nullopt;
  }
  if (auto bidi = find_bidi_control(raw)) report(Severity::warning, field, bidi_control_problem(bidi->code), bidi_control_hint());
  if (raw.empty() || (is_missing_value(raw) && col.type != ColumnType::text)) {
    if (col.value_required)
      error(field, fmt::format("не заполнено значение {}", quoted(col.title)), "у каждой строки это значение должно быть заполнено");
    return std::nullopt;
  }
  return std::string(raw);
}

std::optional<std::string> TableReader::parse_id(const std::string& v, const CsvField& field) {
  if (v.find_first_of(" \t\"<>\\") != std::string::npos) {
    error(field, fmt::format("код «{}» содержит пробел или недопустимый знак", v), "код — буквы, цифры, «-», «_», «.» без пробелов");
    return std::nullopt;
  }
  if (ctx_.taken_ids) {
    const char* hint = "у каждой организации свой код ОО, не совпадающий с кодами школ: по нему её строки в data/sveden/*.csv "
                       "и data/documents.csv отличаются от строк школ; исправьте код";
    if (ctx_.taken_ids->count(v)) {
      error(field, fmt::format("код «{}» уже занят школой из data/schools.csv", v), hint);
      return std::nullopt;
    }
    auto [it, added] = own_ids_.emplace(v, sheet_ ? field.sheet_row : src_.position(field.offset).line);
    if (!added) {
      error(field, fmt::format("код «{}» уже задан организации в строке {}", v, it->second), hint);
      return std::nullopt;
    }
  }
  return v;
}

std::optional<std::string> TableReader::parse_school_ref(const std::string& v, const CsvField& field) {
  if (!ctx_.check_school_refs) {
    // schools.csv itself is broken: every reference would be reported again.
  } else if (!ctx_.school_ids) {
    pending_refs_.push_back({v, field});  // schools.csv referring to itself: checked after all rows
  } else if (!ctx_.school_ids->count(v) && ctx_.organisation_ids && ctx_.organisation_ids->count(v)) {
    error(field, fmt::format("«{}» — код организации из data/organisations.csv, а не школы", v),
          "организация, которая не школа, в анализ не входит: её строк в этой таблице быть не должно; её сведения — в "
          "data/sveden/*.csv и data/documents.csv");
    return std::nullopt;
  } else if (!ctx_.school_ids->count(v)) {
    unknown_school(v, field, *ctx_.school_ids);
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> TableReader::parse_indicator_ref(const std::string& v, const CsvField& field) {
  if (ctx_.indicator_ids && std::find(ctx_.indicator_ids->begin(), ctx_.indicator_ids->end(), v) == ctx_.indicator_ids->end()) {
    std::string guess = closest_word(v, *ctx_.indicator_ids);
    error(field, fmt::format("неизвестный показатель «{}»", v),
          guess.empty() ? "показатели перечислены в docs/CRITERIA.md"
                        : fmt::format("возможно, имелось в виду «{}»; показатели перечислены в docs/CRITERIA.md", guess));
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> TableReader::parse_slug(const std::string& v, const CsvField& field) {
  if (!is_slug(v)) {
    error(field, fmt::format("«{}» не годится для адреса страницы", v),
          "используйте строчные латинские буквы, цифры и дефис, например sosh-2-ozersk");
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> TableReader::parse_enumeration(const ColumnSpec& col, const std::string& v, const CsvField& field) {
  // Values are nearly always written exactly as listed: look that up before folding case.
  if (std::find(col.enum_values->begin(), col.enum_values->end(), v) != col.enum_values->end()) return v;
  size_t index = static_cast<size_t>(&col - spec_.columns.data());
  auto it = enum_lookup_[index].find(normalize_header(v));
  if (it != enum_lookup_[index].end()) return it->second;
  // A value that names what another table holds: say where it goes rather than guess a near value.
  if (auto elsewhere = builtin_vocabulary().elsewhere.find(col.enum_name); elsewhere != builtin_vocabulary().elsewhere.end())
    for (const auto& other : elsewhere->second.values)
      if (normalize_header(other) == normalize_header(v)) {
        error(field, fmt::format("«{}» — недопустимое значение столбца {}", v, quoted(col.title)), elsewhere->second.hint);
        return std::nullopt;
      }
  std::string guess = closest_word(v, *col.enum_values);
  error(field, fmt::format("«{}» — недопустимое значение столбца {}", v, quoted(col.title)),
        guess.empty() ? fmt::format("допустимо: {}", quoted_list(*col.enum_values))
                      : fmt::format("возможно, имелось в виду «{}»; допустимо: {}", guess, quoted_list(*col.enum_values)));
  return std::nullopt;
}

std::optional<std::string> TableReader::parse_date_value(const std::string& v, const CsvField& field) {
  auto d = parse_date_ru(v);
  if (!d) {
    error(field, fmt::format("«{}» — не дата", v), "запишите дату как ДД.ММ.ГГГГ, например 01.09.2025");
    return std::nullopt;
  }
  return d->iso();
}

std::optional<std::string> TableReader::parse_link(const std::string& v, const CsvField& field) {
  for (const auto& part : split_list(v))
    if (!is_web_address(part) && !is_safe_relative_path(part)) {
      error(field, fmt::format("«{}» — не адрес и не путь к файлу", part),
            "запишите адрес целиком (https://…) или путь к файлу внутри папки documents без «..», например "
            "ustav.pdf; несколько — через «;»");
      return std::nullopt;
    }
  return v;
}

std::optional<std::string> TableReader::parse_website(const std::string& v, const CsvField& field) {
  if (is_web_address(v)) return v;
  // «school5.ru», «www.school5.ru/»: a host name without the scheme would be a broken relative link.
  bool host = v.find_first_of(" \t\"'<>`\\@") == std::string::npos && v.find('.') != std::string::npos &&
              v.find("://") == std::string::npos && v.front() != '.' && v.front() != '/';
  if (!host) {
    // Kept as text, as it was written: the pages show it, but never as a link.
    report(Severity::warning, field, fmt::format("«{}» — не адрес сайта: на сайте он будет текстом, а не ссылкой", v),
           "запишите адрес целиком, например https://school5.ru");
    return v;
  }
  report(Severity::warning, field, fmt::format("адрес сайта «{}» записан без https://; на сайте будет ссылка https://{}", v, v),
         "допишите https:// в начало адреса (или http://, если сайт открывается только так)");
  return "https://" + v;
}

std::optional<double> TableReader::parse_boolean(const std::string& v, const CsvField& field) {
  std::string f = fold(v);
  if (f == "да" || f == "yes" || f == "true" || f == "1" || f == "есть") return 1;
  if (f == "нет" || f == "no" || f == "false" || f == "0") return 0;
  error(field, fmt::format("«{}» — ожидалось «да» или «нет»", v), "запишите да или нет");
  return std::nullopt;
}

std::optional<double> TableReader::parse_numeric(const ColumnSpec& col, const std::string& v, const CsvField& field) {
  ParsedNumber n = parse_number(v);
  if (n.status == NumberStatus::out_of_range) {
    error(field, fmt::format("«{}» — слишком большое число", v), "проверьте значение: так много не бывает");
    return std::nullopt;
  }
  if (n.status != NumberStatus::ok) {
    error(field, fmt::format("«{}» в столбце {} — не число", v, quoted(col.title)),
          "запишите число цифрами, дробную часть — через запятую, например 12,5; нет данных — оставьте пусто или «н/д»");
    return std::nullopt;
  }
  if (n.had_percent && col.type != ColumnType::percent) {
    error(field, fmt::format("«{}»: в столбце {} знак % не ставится", v, quoted(col.title)), "уберите знак %");
    return std::nullopt;
  }
  const bool whole = col.type == ColumnType::count || col.type == ColumnType::integer || col.type == ColumnType::year;
  if (whole && !n.integral) {
    error(field, fmt::format("«{}» в столбце {} — должно быть целое число", v, quoted(col.title)), "запишите целое число без дробной части");
    return std::nullopt;
  }
  if (col.type == ColumnType::count && n.value < 0) {
    error(field, fmt::format("«{}» — отрицательное количество в столбце {}", v, quoted(col.title)), "количество не может быть меньше 0");
    return std::nullopt;
  }
  if (col.type == ColumnType::percent && (n.value < 0 || n.value > 100)) {
    error(field, fmt::format("доля {} в столбце {} вне пределов 0–100 %", format_percent(n.value, 4), quoted(col.title)),
          "доля записывается в процентах от 0 до 100; проверьте, не перепутаны ли числитель и знаменатель");
    return std::nullopt;
  }
  if (col.type == ColumnType::year) {
    int y = static_cast<int>(n.value);
    const auto& years = ctx_.site.years;
    if (!years.empty() && std::find(years.begin(), years.end(), y) == years.end()) {
      error(field, fmt::format("год {} вне годов сайта ({})", y, years_text(years)), "исправьте год или добавьте его в site.yaml: years");
      return std::nullopt;
    }
  }
  if ((col.min && n.value < *col.min) || (col.max && n.value > *col.max)) {
    error(field, fmt::format("«{}» в столбце {} вне допустимых пределов {}–{}", v, quoted(col.title),
                             format_decimal(col.min.value_or(0), 2), format_decimal(col.max.value_or(0), 2)),
          "проверьте значение и шкалу, в которой оно записано");
    return std::nullopt;
  }
  return n.value;
}

// A file named in a link column must exist in the owner's folder: documents/<Код ОО>/, or
// documents/department/ for rows without a school.
bool TableReader::check_files(const CsvRow& row, const Record& rec) {
  bool ok = true;
  int school = spec_.column_index("school_id");
  std::string owner = school >= 0 && !rec.cells[school].missing ? rec.cells[school].text : "department";
  for (size_t f = 0; f < row.fields.size() && f < field_column_.size(); ++f) {
    int c = field_column_[f];
    if (c < 0 || spec_.columns[c].type != ColumnType::link || rec.cells[c].missing) continue;
    for (const auto& part : split_list(rec.cells[c].text)) {
      if (is_web_address(part)) continue;
      std::string path = "documents/" + owner + "/" + part;
      if (!ctx_.disk.is_file(path)) {
        ok = false;
        std::string why = ctx_.disk.exists(path) ? ctx_.disk.read(path).message() : std::string();
        if (why.empty())
          error(row.fields[f], fmt::format("файл «{}» не найден", display_path(ctx_.display_prefix, path)),
                fmt::format("положите файл в папку documents/{}/ или исправьте имя (регистр букв важен)", owner));
        else
          error(row.fields[f], fmt::format("файл «{}» не читается: {}", display_path(ctx_.display_prefix, path), why),
                fmt::format("положите в папку documents/{}/ сам файл документа", owner));
      }
    }
  }
  return ok;
}

void TableReader::check_key(const CsvRow& row, const Record& rec) {
  std::string key;
  for (int k : spec_.key) {
    const Cell& c = rec.cells[k];
    if (c.missing) key += '\x01';
    key += c.text;
    key += '\x1f';
    if (!c.missing && c.text.empty()) key.append(reinterpret_cast<const char*>(&c.number), sizeof c.number);
    key += '\x1e';
  }
  auto [it, inserted] = seen_keys_.emplace(std::move(key), rec.line);
  if (inserted) return;
  std::vector<std::string> parts;
  for (int k : spec_.key) parts.push_back(fmt::format("{} {}", spec_.columns[k].title, cell_text(rec.cells[k], spec_.columns[k])));
  int first_col = column_field_[spec_.key[0]];
  error(row.fields[first_col >= 0 ? first_col : 0],
        fmt::format("повтор: строка с теми же значениями ({}) уже есть в строке {}", fmt::join(parts, ", "), it->second),
        "удалите повторяющуюся строку или исправьте в ней значения");
}

void TableReader::run_checks(const CsvRow& row, const Record& rec) {
  for (const auto& check : spec_.checks) {
    const Cell& total = rec.cells[check.total];
    bool any_missing = total.missing;
    double sum = 0;
    for (int p : check.parts) {
      any_missing = any_missing || rec.cells[p].missing;
      sum += rec.cells[p].number;
    }
    if (any_missing) continue;  // missing is not zero: nothing to compare
    bool bad = false;
    switch (check.kind) {
      case CheckSpec::Kind::not_greater:
      case CheckSpec::Kind::sum_not_greater: bad = sum > total.number + 1e-9; break;
      case CheckSpec::Kind::sum_equals: bad = std::fabs(sum - total.number) > 1e-9; break;
      case CheckSpec::Kind::different: bad = rec.cells[check.parts[0]].text == total.text; break;
    }
    if (bad) report_check(check, row, rec, sum);
  }
}

void TableReader::report_check(const CheckSpec& check, const CsvRow& row, const Record& rec, double sum) {
  const Cell& total = rec.cells[check.total];
  std::vector<std::string> values, titles;
  for (int p : check.parts) {
    values.push_back(format_decimal(rec.cells[p].number, 4));
    titles.push_back(quoted(spec_.columns[p].title));
  }
  const ColumnSpec& tc = spec_.columns[check.total];
  int field_index = column_field_[check.total];
  const CsvField& at = row.fields[field_index];
  switch (check.kind) {
    case CheckSpec::Kind::not_greater:
      error(at, fmt::format("{} ({}) больше, чем {} ({})", titles[0], values[0], quoted(tc.title), format_decimal(total.number, 4)),
            fmt::format("значение {} не может превышать {}: проверьте оба числа", titles[0], quoted(tc.title)));
      break;
    case CheckSpec::Kind::sum_equals:
    case CheckSpec::Kind::sum_not_greater:
      error(at, fmt::format("сумма {} ({} = {}) {} {} ({})", fmt::join(titles, ", "), fmt::join(values, " + "),
                            format_decimal(sum, 4), check.kind == CheckSpec::Kind::sum_equals ? "не равна" : "больше, чем",
                            quoted(tc.title), format_decimal(total.number, 4)),
            check.kind == CheckSpec::Kind::sum_equals
                ? fmt::format("сумма этих столбцов должна равняться {}: проверьте, не пропущено ли значение и не учтено ли дважды",
                              quoted(tc.title))
                : fmt::format("вместе {} не могут превышать {}", fmt::join(titles, ", "), quoted(tc.title)));
      break;
    case CheckSpec::Kind::different: {
      int pf = column_field_[check.parts[0]];
      error(row.fields[pf >= 0 ? pf : field_index], fmt::format("{} совпадает с {} ({})", titles[0], quoted(tc.title), cell_text(total, tc)),
            "школа не может ссылаться сама на себя: укажите другую школу");
      break;
    }
  }
}

}  // namespace

std::string normalize_header(std::string_view header) {
  std::string folded = fold(trim(header));
  std::string out;
  bool space = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    bool is_space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!is_space && folded.compare(i, 2, "\xC2\xA0") == 0) { is_space = true; ++i; }
    if (is_space) { space = !out.empty(); continue; }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

LoadedTable load_table(const TableSpec& spec, const TableContext& ctx, Diagnostics& diag) {
  return TableReader(spec, ctx, diag).run();
}

}  // namespace sveden
