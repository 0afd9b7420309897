#include "load/workbook_reader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include <expat.h>
#include <fmt/format.h>

#include "load/xlsx_file.h"

namespace sveden {
namespace {

// The local part of an element or attribute name: expat is run with namespace processing, so
// «x:row» and «row» in any prefix arrive as «uri|row».
std::string_view local_name(const char* name) {
  std::string_view n(name);
  size_t bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

const char* attribute(const char** attrs, std::string_view name) {
  for (size_t i = 0; attrs[i]; i += 2)
    if (local_name(attrs[i]) == name) return attrs[i + 1];
  return nullptr;
}

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view chars) {}
};

bool parse_xml(const std::string& xml, XmlHandler& handler) {
  XML_Parser parser = XML_ParserCreateNS(nullptr, '|');
  if (!parser) return false;
  XML_SetUserData(parser, &handler);
  XML_SetElementHandler(
      parser,
      [](void* h, const XML_Char* name, const XML_Char** attrs) { static_cast<XmlHandler*>(h)->start(local_name(name), attrs); },
      [](void* h, const XML_Char* name) { static_cast<XmlHandler*>(h)->end(local_name(name)); });
  XML_SetCharacterDataHandler(parser, [](void* h, const XML_Char* s, int len) {
    static_cast<XmlHandler*>(h)->text(std::string_view(s, static_cast<size_t>(len)));
  });
  bool ok = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(parser);
  return ok;
}

struct SheetEntry {
  std::string name;
  std::string rel_id;
};

class WorkbookHandler : public XmlHandler {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  void start(std::string_view name, const char** attrs) override {
    if (name == "sheet") {
      const char* n = attribute(attrs, "name");
      const char* id = attribute(attrs, "id");
      sheets.push_back({n ? n : "", id ? id : ""});
    } else if (name == "workbookPr") {
      const char* d = attribute(attrs, "date1904");
      date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
  }
  void end(std::string_view) override {}
};

class RelsHandler : public XmlHandler {
 public:
  std::map<std::string, std::string> target;  // id → target
  std::map<std::string, std::string> by_type;  // last part of the type → target
  void start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = attribute(attrs, "Id");
    const char* t = attribute(attrs, "Target");
    const char* type = attribute(attrs, "Type");
    if (!id || !t) return;
    target[id] = t;
    if (type) {
      std::string_view ty(type);
      by_type[std::string(ty.substr(ty.rfind('/') + 1))] = t;
    }
  }
  void end(std::string_view) override {}
};

// Shared strings: the text of each <si>, rich-text runs joined, phonetic hints (<rPh>) left out.
class SharedStringsHandler : public XmlHandler {
 public:
  std::vector<std::string> strings;
  void start(std::string_view name, const char**) override {
    if (name == "si") { strings.emplace_back(); in_si_ = true; }
    else if (name == "rPh") in_phonetic_ = true;
    else if (name == "t") in_t_ = true;
  }
  void end(std::string_view name) override {
    if (name == "si") in_si_ = false;
    else if (name == "rPh") in_phonetic_ = false;
    else if (name == "t") in_t_ = false;
  }
  void text(std::string_view chars) override {
    if (in_si_ && in_t_ && !in_phonetic_) strings.back().append(chars);
  }

 private:
  bool in_si_ = false, in_t_ = false, in_phonetic_ = false;
};

enum class CellFormat { general, date, percent };

// A number format shows a date when it has day or year parts, or months without hours and seconds
// (which would make «m» minutes); quoted text, escapes and [colour] brackets say nothing.
CellFormat classify_format(std::string_view code) {
  std::string bare;
  bool quoted = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') { quoted = !quoted; continue; }
    if (quoted) continue;
    if (c == '\\' || c == '_' || c == '*') { ++i; continue; }
    if (c == '[') {
      size_t close = code.find(']', i);
      if (close == std::string_view::npos) break;
      i = close;
      continue;
    }
    if (c == ';') break;  // the positive section decides
    bare += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (bare.find('%') != std::string::npos) return CellFormat::percent;
  if (bare == "general") return CellFormat::general;
  bool day_or_year = bare.find_first_of("dy") != std::string::npos;
  bool month = bare.find('m') != std::string::npos && bare.find_first_of("hs") == std::string::npos;
  return day_or_year || month ? CellFormat::date : CellFormat::general;
}

CellFormat builtin_format(int id) {
  if (id == 9 || id == 10) return CellFormat::percent;
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return CellFormat::date;
  return CellFormat::general;
}

class StylesHandler : public XmlHandler {
 public:
  std::vector<CellFormat> formats;  // by cell style index (the `s` of a cell)
  void start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = attribute(attrs, "numFmtId");
      const char* code = attribute(attrs, "formatCode");
      if (id && code) custom_[std::atoi(id)] = classify_format(code);
    } else if (name == "cellXfs") {
      in_xfs_ = true;
    } else if (name == "xf" && in_xfs_) {
      const char* id = attribute(attrs, "numFmtId");
      int n = id ? std::atoi(id) : 0;
      auto it = custom_.find(n);
      formats.push_back(it != custom_.end() ? it->second : builtin_format(n));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_xfs_ = false;
  }

 private:
  std::map<int, CellFormat> custom_;
  bool in_xfs_ = false;
};

// "AB12" → {12, 28}; {0, 0} when it is no reference.
std::pair<int, int> parse_reference(std::string_view ref) {
  int col = 0, row = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9'; ++i) row = row * 10 + (ref[i] - '0');
  if (i != ref.size() || col == 0 || row == 0 || col > 16384 || row > 1048576) return {0, 0};
  return {row, col};
}

std::string format_number(double v) {
  if (std::isnan(v) || std::isinf(v)) return "";
  // Excel keeps 15 significant digits: 0.1+0.2 is shown and meant as 0.3.
  std::string s = fmt::format("{:.15g}", v);
  if (s == "-0") s = "0";
  return s;
}

struct MergedRange {
  int row1, col1, row2, col2;
};

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const std::vector<std::string>& shared, const std::vector<CellFormat>& formats, bool date1904)
      : shared_(shared), formats_(formats), date1904_(date1904) {}
  std::map<int, std::map<int, std::string>> cells;  // row → column → text
  std::vector<MergedRange> merged;

  void start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      const char* r = attribute(attrs, "r");
      row_ = r ? std::atoi(r) : row_ + 1;
      column_ = 0;
    } else if (name == "c") {
      const char* r = attribute(attrs, "r");
      auto [row, col] = r ? parse_reference(r) : std::pair<int, int>{row_, column_ + 1};
      if (row == 0) { row = row_; col = column_ + 1; }
      column_ = col;
      cell_row_ = row;
      const char* t = attribute(attrs, "t");
      type_ = t ? t : "n";
      const char* s = attribute(attrs, "s");
      style_ = s ? std::atoi(s) : 0;
      value_.clear();
      inline_.clear();
    } else if (name == "v") {
      in_v_ = true;
    } else if (name == "is") {
      in_is_ = true;
    } else if (name == "rPh") {
      in_phonetic_ = true;
    } else if (name == "t") {
      in_t_ = true;
    } else if (name == "mergeCell") {
      const char* ref = attribute(attrs, "ref");
      if (!ref) return;
      std::string_view r(ref);
      size_t colon = r.find(':');
      if (colon == std::string_view::npos) return;
      auto [r1, c1] = parse_reference(r.substr(0, colon));
      auto [r2, c2] = parse_reference(r.substr(colon + 1));
      if (r1 && r2) merged.push_back({r1, c1, r2, c2});
    }
  }
  void end(std::string_view name) override {
    if (name == "v") in_v_ = false;
    else if (name == "is") in_is_ = false;
    else if (name == "rPh") in_phonetic_ = false;
    else if (name == "t") in_t_ = false;
    else if (name == "c") finish_cell();
  }
  void text(std::string_view chars) override {
    if (in_v_) value_.append(chars);
    else if (in_is_ && in_t_ && !in_phonetic_) inline_.append(chars);
  }

 private:
  void finish_cell() {
    std::string text;
    if (type_ == "s") {
      size_t i = static_cast<size_t>(std::atoll(value_.c_str()));
      if (!value_.empty() && i < shared_.size()) text = shared_[i];
    } else if (type_ == "inlineStr") {
      text = inline_;
    } else if (type_ == "str" || type_ == "e") {
      text = value_;
    } else if (type_ == "b") {
      text = value_.empty() ? "" : value_ == "1" ? "да" : "нет";
    } else if (type_ == "d") {
      // ISO 8601 (strict Open XML): «2025-09-01T00:00:00».
      if (value_.size() >= 10) text = value_.substr(8, 2) + "." + value_.substr(5, 2) + "." + value_.substr(0, 4);
    } else if (!value_.empty()) {
      char* end = nullptr;
      double v = std::strtod(value_.c_str(), &end);
      CellFormat f = style_ >= 0 && static_cast<size_t>(style_) < formats_.size() ? formats_[static_cast<size_t>(style_)] : CellFormat::general;
      if (end == value_.c_str()) text = value_;
      else if (f == CellFormat::date) text = excel_serial_date(v, date1904_);
      else if (f == CellFormat::percent) text = format_number(std::round(v * 100 * 1e9) / 1e9) + "%";
      else text = format_number(v);
    }
    if (!text.empty() && cell_row_ > 0 && column_ > 0) cells[cell_row_][column_] = std::move(text);
  }

  const std::vector<std::string>& shared_;
  const std::vector<CellFormat>& formats_;
  bool date1904_;
  int row_ = 0, column_ = 0, cell_row_ = 0, style_ = 0;
  std::string type_, value_, inline_;
  bool in_v_ = false, in_is_ = false, in_t_ = false, in_phonetic_ = false;
};

// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml" from the root.
std::string part_path(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

std::string cell_reference(int row, int column) {
  std::string letters;
  for (int c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters + std::to_string(row);
}

std::string excel_serial_date(double serial, bool date1904) {
  long days = static_cast<long>(std::floor(serial));
  // Days from 1970-01-01: the 1900 system counts from 1899-12-30 (Excel's fictitious 29.02.1900
  // shifts the serials before 1 March 1900, which no school data has), the 1904 system from 1904-01-01.
  long z = days + (date1904 ? 1462 : 0) - 25569;
  // Howard Hinnant's civil_from_days.
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  return fmt::format("{:02}.{:02}.{:04}", d, m, y);
}

bool read_workbook(std::string_view bytes, Workbook* out, std::string* problem) {
  XlsxCheck check = check_xlsx(bytes);
  if (!check.ok) {
    *problem = check.problem;
    return false;
  }
  auto part = [&](const std::string& name) { return zip_entry(bytes, name); };
  auto workbook_xml = part("xl/workbook.xml");
  WorkbookHandler wb;
  if (!workbook_xml || !parse_xml(*workbook_xml, wb)) {
    *problem = "книга повреждена: не читается её оглавление (xl/workbook.xml)";
    return false;
  }
  RelsHandler rels;
  if (auto r = part("xl/_rels/workbook.xml.rels")) parse_xml(*r, rels);
  SharedStringsHandler shared;
  auto shared_target = rels.by_type.find("sharedStrings");
  if (auto s = part(shared_target != rels.by_type.end() ? part_path(shared_target->second) : "xl/sharedStrings.xml")) {
    if (!parse_xml(*s, shared)) {
      *problem = "книга повреждена: не читается таблица строк (xl/sharedStrings.xml)";
      return false;
    }
  }
  StylesHandler styles;
  auto styles_target = rels.by_type.find("styles");
  if (auto s = part(styles_target != rels.by_type.end() ? part_path(styles_target->second) : "xl/styles.xml")) parse_xml(*s, styles);

  for (size_t i = 0; i < wb.sheets.size(); ++i) {
    const SheetEntry& entry = wb.sheets[i];
    auto target = rels.target.find(entry.rel_id);
    std::string path = target != rels.target.end() ? part_path(target->second) : fmt::format("xl/worksheets/sheet{}.xml", i + 1);
    auto xml = part(path);
    if (!xml) {
      *problem = fmt::format("не читается лист «{}»: книга повреждена или лист больше 256 МБ в распакованном виде", entry.name);
      return false;
    }
    SheetHandler handler(shared.strings, styles.formats, wb.date1904);
    if (!parse_xml(*xml, handler)) {
      *problem = fmt::format("книга повреждена: не читается лист «{}»", entry.name);
      return false;
    }
    // Filled only down to the last row with a value: «A1:A1048576» merged must not make a million rows.
    int last_row = handler.cells.empty() ? 0 : handler.cells.rbegin()->first;
    for (const auto& m : handler.merged) {
      auto top = handler.cells.find(m.row1);
      if (top == handler.cells.end() || !top->second.count(m.col1)) continue;
      std::string value = top->second.at(m.col1);
      for (int r = m.row1 + 1; r <= std::min(m.row2, last_row); ++r) handler.cells[r][m.col1] = value;
    }
    Sheet sheet;
    sheet.name = entry.name;
    for (auto& [number, columns] : handler.cells) {
      if (columns.empty()) continue;
      SheetRow row;
      row.number = number;
      row.cells.resize(static_cast<size_t>(columns.rbegin()->first));
      for (auto& [c, text] : columns) row.cells[static_cast<size_t>(c - 1)] = std::move(text);
      sheet.rows.push_back(std::move(row));
    }
    out->sheets.push_back(std::move(sheet));
  }
  return true;
}

}  // namespace sveden
