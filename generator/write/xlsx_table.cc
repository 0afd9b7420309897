#include "write/xlsx_table.h"

#include <algorithm>
#include <charconv>
#include <deque>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/source_text.h"
#include "base/text_index.h"
#include "write/formula_guard.h"
#include "write/zip_stream.h"

namespace sveden {
namespace {

using namespace std::string_view_literals;

constexpr int kMaxDecimals = 15;        // a number's format shows up to 15 digits after the comma
constexpr size_t kCellChars = 32767;    // Excel's limit for the text of a cell
constexpr size_t kSharedBytes = 16u << 20;  // texts kept for the shared strings; later new ones are inline
constexpr size_t kFlushBytes = 256u << 10;

// Cell styles (cellXfs in styles.xml): 0 — general, 1 — header, 2 — text, 3 + d — a number with d decimals.
constexpr int kHeaderStyle = 1, kTextStyle = 2, kFirstNumberStyle = 3;

constexpr std::string_view kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

// Text for XML content (or an attribute value, in quotes), in SpreadsheetML's escaping: control characters
// that XML cannot hold as «_xHHHH_», and a text that already reads «_xHHHH_» with its underscore escaped,
// so that Excel shows exactly the text given.
void append_escaped(std::string& out, std::string_view s, bool attribute = false) {
  size_t run = 0;  // the start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::string_view replacement;
    size_t length = 1;  // the bytes replaced
    char code[8];
    if (c == '&') replacement = "&amp;";
    else if (c == '<') replacement = "&lt;";
    else if (c == '>') replacement = "&gt;";
    else if (c == '"' && attribute) replacement = "&quot;";
    else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      auto end = fmt::format_to_n(code, sizeof code, "_x{:04X}_", c).out;
      replacement = std::string_view(code, static_cast<size_t>(end - code));
    } else if (c == 0xEF && s.substr(i, 3) == "\xEF\xBF\xBE") {  // U+FFFE and U+FFFF are no characters in XML
      replacement = "_xFFFE_";
      length = 3;
    } else if (c == 0xEF && s.substr(i, 3) == "\xEF\xBF\xBF") {
      replacement = "_xFFFF_";
      length = 3;
    } else if (c == '_' && i + 6 < s.size() && s[i + 1] == 'x' && is_hex(s[i + 2]) && is_hex(s[i + 3]) && is_hex(s[i + 4]) &&
               is_hex(s[i + 5]) && s[i + 6] == '_') {
      replacement = "_x005F_";
    } else {
      continue;
    }
    out.append(s.data() + run, i - run);
    out += replacement;
    i += length - 1;
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

// A text whose blanks at either end a reader keeps only when told (xml:space="preserve").
bool keeps_spaces(std::string_view t) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  return !t.empty() && (blank(t.front()) || blank(t.back()));
}

// A cell's text within Excel's 32 767 characters; a longer one ends with «…».
std::string_view within_cell(std::string_view s, std::string& cut) {
  if (s.size() <= kCellChars || utf8_length(s) <= kCellChars) return s;
  size_t at = 0, chars = 0;
  while (at < s.size() && chars < kCellChars - 1) {
    ++chars;
    ++at;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  }
  cut.assign(s.substr(0, at));
  cut += "…";
  return cut;
}

std::string column_letters(size_t c) {
  std::string s;
  for (++c; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}

void append_number(std::string& out, size_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

// The width Excel stores for a column of `chars` characters of its default font (7 pixels a digit, 5 of margin).
double stored_width(double chars) { return static_cast<double>(static_cast<long>((chars * 7 + 5) / 7 * 256)) / 256; }

std::string content_types(size_t sheets) {
  std::string s(kXmlHead);
  s += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>";
  for (size_t i = 1; i <= sheets; ++i)
    s += fmt::format("<Override PartName=\"/xl/worksheets/sheet{}.xml\" "
                     "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
                     i);
  s += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
       "<Override PartName=\"/xl/sharedStrings.xml\" "
       "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
       "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
       "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
       "</Types>";
  return s;
}

std::string package_relationships() {
  std::string s(kXmlHead);
  s += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
       "Target=\"xl/workbook.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
       "Target=\"docProps/core.xml\"/>"
       "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
       "Target=\"docProps/app.xml\"/>"
       "</Relationships>";
  return s;
}

std::string app_properties(const std::vector<std::string>& sheets) {
  std::string s(kXmlHead);
  s += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
       "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>sveden</Application>";
  s += fmt::format("<HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Листы</vt:lpstr></vt:variant>"
                   "<vt:variant><vt:i4>{}</vt:i4></vt:variant></vt:vector></HeadingPairs>"
                   "<TitlesOfParts><vt:vector size=\"{}\" baseType=\"lpstr\">",
                   sheets.size(), sheets.size());
  for (const auto& name : sheets) {
    s += "<vt:lpstr>";
    append_escaped(s, name);
    s += "</vt:lpstr>";
  }
  s += "</vt:vector></TitlesOfParts></Properties>";
  return s;
}

std::string core_properties(const XlsxTable& t) {
  std::time_t when = t.created != 0 ? t.created : kXlsxNoDate;
  std::tm tm{};
  gmtime_r(&when, &tm);
  std::string date = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  std::string s(kXmlHead);
  s += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
       "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>";
  append_escaped(s, t.title);
  s += "</dc:title><dc:creator>";
  append_escaped(s, t.author);
  s += "</dc:creator><cp:lastModifiedBy>";
  append_escaped(s, t.author);
  s += fmt::format("</cp:lastModifiedBy><dcterms:created xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:created>"
                   "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{0}</dcterms:modified></cp:coreProperties>",
                   date);
  return s;
}

std::string workbook_relationships(size_t sheets) {
  std::string s(kXmlHead);
  s += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (size_t i = 1; i <= sheets; ++i)
    s += fmt::format("<Relationship Id=\"rId{0}\" Type=\"{1}/worksheet\" Target=\"worksheets/sheet{0}.xml\"/>", i, kRelationships);
  s += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/styles\" Target=\"styles.xml\"/>", sheets + 1, kRelationships);
  s += fmt::format("<Relationship Id=\"rId{}\" Type=\"{}/sharedStrings\" Target=\"sharedStrings.xml\"/>", sheets + 2, kRelationships);
  s += "</Relationships>";
  return s;
}

std::string workbook(const std::vector<std::string>& sheets) {
  std::string s(kXmlHead);
  s += fmt::format("<workbook xmlns=\"{}\" xmlns:r=\"{}\"><workbookPr/><bookViews><workbookView/></bookViews><sheets>", kMain, kRelationships);
  for (size_t i = 0; i < sheets.size(); ++i) {
    s += "<sheet name=\"";
    append_escaped(s, sheets[i], true);
    s += fmt::format("\" sheetId=\"{0}\" r:id=\"rId{0}\"/>", i + 1);
  }
  s += "</sheets></workbook>";
  return s;
}

std::string styles() {
  std::string s(kXmlHead);
  s += fmt::format("<styleSheet xmlns=\"{}\"><numFmts count=\"{}\">", kMain, kMaxDecimals);
  for (int d = 1; d <= kMaxDecimals; ++d)
    s += fmt::format("<numFmt numFmtId=\"{}\" formatCode=\"0.{}\"/>", 163 + d, std::string(static_cast<size_t>(d), '0'));
  s += "</numFmts>"
       "<fonts count=\"2\"><font><sz val=\"11\"/><color rgb=\"FF000000\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
       "<font><b/><sz val=\"11\"/><color rgb=\"FF000000\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
       "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
       "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFEEEEEE\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
       "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
       "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
       "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
       "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>";
  s += fmt::format("<cellXfs count=\"{}\">", kFirstNumberStyle + kMaxDecimals + 1);
  s += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
       "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" "
       "applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
       "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>";
  for (int d = 0; d <= kMaxDecimals; ++d)
    s += fmt::format("<xf numFmtId=\"{}\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>", d == 0 ? 1 : 163 + d);
  s += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
       "<dxfs count=\"0\"/><tableStyles count=\"0\"/></styleSheet>";
  return s;
}

// The texts of the cells, each once (xl/sharedStrings.xml), as far as kSharedBytes of them.
class SharedStrings {
 public:
  // A column's last shared text: a table repeats a text down its column (a school's name over its years,
  // an indicator's title over all its rows), which is then found without hashing it again.
  struct Recent {
    std::string_view text;  // the kept text (texts_ never moves its strings)
    long index = -1;
  };

  // The index of `s`, or -1 when it is to be written in its cell; `recent`: its column's.
  long index(std::string_view s, Recent& recent) {
    if (recent.index >= 0 && s == recent.text) {
      ++uses_;
      return recent.index;
    }
    const size_t hash = TextIndex::hash_of(s);
    size_t i = index_.find(s, hash);
    if (i == TextIndex::npos) {
      if (bytes_ + s.size() > kSharedBytes) return -1;
      bytes_ += s.size();
      i = index_.add(texts_.emplace_back(s), hash);
    }
    ++uses_;
    recent = {texts_[i], static_cast<long>(i)};
    return recent.index;
  }
  void write(ZipStream& zip) const {
    std::string s(kXmlHead);
    s += fmt::format("<sst xmlns=\"{}\" count=\"{}\" uniqueCount=\"{}\">", kMain, uses_, texts_.size());
    for (const auto& t : texts_) {
      s += keeps_spaces(t) ? "<si><t xml:space=\"preserve\">"sv : "<si><t>"sv;  // views: no strlen at run time
      append_escaped(s, t);
      s += "</t></si>";
      if (s.size() >= kFlushBytes) {
        zip.write(s);
        s.clear();
      }
    }
    s += "</sst>";
    zip.write(s);
  }

 private:
  std::deque<std::string> texts_;  // never moves its strings, which index_ views
  TextIndex index_{512};
  size_t bytes_ = 0, uses_ = 0;
};

class SheetWriter {
 public:
  SheetWriter(const XlsxTable& t, ZipStream& zip, SharedStrings& shared) : t_(t), zip_(zip), shared_(shared) {
    for (size_t c = 0; c < t.columns.size(); ++c) letters_.push_back(column_letters(c));
    recent_.resize(letters_.size());
  }

  void begin(size_t number, size_t rows) {
    zip_.begin(fmt::format("xl/worksheets/sheet{}.xml", number));
    xml_ = kXmlHead;
    xml_ += fmt::format("<worksheet xmlns=\"{}\" xmlns:r=\"{}\">", kMain, kRelationships);
    if (!t_.columns.empty()) xml_ += fmt::format("<dimension ref=\"A1:{}{}\"/>", letters_.back(), rows + 1);
    xml_ += fmt::format("<sheetViews><sheetView{} workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                        "state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
                        "<sheetFormatPr defaultRowHeight=\"15\"/>",
                        number == 1 ? " tabSelected=\"1\"" : "");
    if (!t_.columns.empty()) {
      xml_ += "<cols>";
      for (size_t c = 0; c < t_.columns.size(); ++c) {
        const XlsxColumn& col = t_.columns[c];
        double width = col.width > 0 ? col.width : xlsx_column_width(utf8_length(col.header));
        xml_ += fmt::format("<col min=\"{0}\" max=\"{0}\" width=\"{1}\"{2} customWidth=\"1\"/>", c + 1, stored_width(width),
                            col.as_text ? fmt::format(" style=\"{}\"", kTextStyle) : "");
      }
      xml_ += "</cols>";
    }
    xml_ += "<sheetData>";
    row_ = 0;
    std::vector<XlsxCell> header;
    for (const auto& col : t_.columns) header.push_back(XlsxCell::of_text(col.header));
    add_row(header, kHeaderStyle);
  }

  void add_row(const std::vector<XlsxCell>& cells, int text_style = 0) {
    ++row_;
    char number[24];
    auto [number_end, ec] = std::to_chars(number, number + sizeof number, row_);
    const std::string_view row(number, static_cast<size_t>(number_end - number));
    xml_ += "<row r=\"";
    xml_ += row;
    xml_ += "\">";
    for (size_t c = 0; c < cells.size() && c < letters_.size(); ++c) {
      const XlsxCell& cell = cells[c];
      if (cell.kind == XlsxCell::Kind::empty || (cell.kind == XlsxCell::Kind::text && cell.text.empty())) continue;
      xml_ += "<c r=\"";
      xml_ += letters_[c];
      xml_ += row;
      if (cell.kind == XlsxCell::Kind::number) {
        if (cell.decimals >= 0 && cell.decimals <= kMaxDecimals) {
          xml_ += "\" s=\"";
          append_number(xml_, static_cast<size_t>(kFirstNumberStyle + cell.decimals));
        }
        char value[32];
        auto [value_end, ec2] = std::to_chars(value, value + sizeof value, cell.number);
        xml_ += "\"><v>";
        xml_.append(value, value_end);
        xml_ += "</v></c>";
        continue;
      }
      std::string cut;
      std::string_view text = within_cell(cell.text, cut);
      // A text is never a formula; one that looks like a formula is also formatted as text, so that it
      // stays text when someone edits it in Excel (F2, Enter) rather than becoming a formula.
      int style = text_style != 0 ? text_style : looks_like_formula(cell.text) ? kTextStyle : 0;
      if (style != 0) {
        xml_ += "\" s=\"";
        append_number(xml_, static_cast<size_t>(style));
      }
      long shared = shared_.index(text, recent_[c]);
      if (shared >= 0) {
        xml_ += "\" t=\"s\"><v>";
        append_number(xml_, static_cast<size_t>(shared));
        xml_ += "</v></c>";
      } else {
        xml_ += keeps_spaces(text) ? "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"sv : "\" t=\"inlineStr\"><is><t>"sv;
        append_escaped(xml_, text);
        xml_ += "</t></is></c>";
      }
    }
    xml_ += "</row>";
    if (xml_.size() >= kFlushBytes) {
      zip_.write(xml_);
      xml_.clear();
    }
  }

  void end() {
    xml_ += "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>";
    zip_.write(xml_);
    xml_.clear();
    zip_.end();
  }

 private:
  const XlsxTable& t_;
  ZipStream& zip_;
  SharedStrings& shared_;
  std::vector<std::string> letters_;
  std::vector<SharedStrings::Recent> recent_;  // per column
  std::string xml_;
  size_t row_ = 0;
};

}  // namespace

std::vector<std::string> xlsx_table_sheets(const std::string& first, size_t rows, size_t per_sheet) {
  std::vector<std::string> names{first};
  for (size_t n = 2; (n - 1) * per_sheet < rows; ++n) {
    std::string suffix = fmt::format(" ({})", n);
    std::string base = first;
    while (!base.empty() && utf8_length(base) + suffix.size() > 31) {
      base.pop_back();
      while (!base.empty() && (static_cast<unsigned char>(base.back()) & 0xC0) == 0x80) base.pop_back();
      if (!base.empty() && (static_cast<unsigned char>(base.back()) & 0xC0) == 0xC0) base.pop_back();
    }
    names.push_back(base + suffix);
  }
  return names;
}

Status write_xlsx_table(const XlsxTable& t, TextParts& out) {
  const size_t per_sheet = std::max<size_t>(1, std::min(t.sheet_rows, kXlsxSheetRows));
  const std::vector<std::string> sheets = xlsx_table_sheets(t.sheet, t.rows, per_sheet);
  ZipStream zip(out, t.created != 0 ? t.created : kXlsxNoDate);
  zip.add("[Content_Types].xml", content_types(sheets.size()));
  zip.add("_rels/.rels", package_relationships());
  zip.add("docProps/app.xml", app_properties(sheets));
  zip.add("docProps/core.xml", core_properties(t));
  zip.add("xl/_rels/workbook.xml.rels", workbook_relationships(sheets.size()));
  zip.add("xl/workbook.xml", workbook(sheets));
  zip.add("xl/styles.xml", styles());

  SharedStrings shared;
  SheetWriter sheet(t, zip, shared);
  size_t given = 0, sheet_number = 1;
  auto rows_of_sheet = [&](size_t number) { return std::min(per_sheet, t.rows - std::min(t.rows, (number - 1) * per_sheet)); };
  sheet.begin(sheet_number, rows_of_sheet(sheet_number));
  if (t.fill)
    t.fill([&](std::vector<XlsxCell>& row) {
      if (given > 0 && given % per_sheet == 0) {
        sheet.end();
        ++sheet_number;
        sheet.begin(sheet_number, rows_of_sheet(sheet_number));
      }
      ++given;
      sheet.add_row(row);
    });
  sheet.end();
  if (given != t.rows || sheet_number != sheets.size())
    return io_failure(fmt::format("книга Excel «{}»: ожидалось строк {}, получено {}", t.title, t.rows, given));
  zip.begin("xl/sharedStrings.xml");
  shared.write(zip);
  zip.end();
  return zip.finish();
}

}  // namespace sveden
