// write/xlsx_table: a table as a workbook written by sveden — read back by the workbook reader cell by
// cell, numbers typed with their decimals, texts never formulas, a table longer than a sheet continued
// on further sheets with its header, and the same bytes for the same table.
#include <regex>
#include <string>

#include <doctest/doctest.h>

#include "base/text_parts.h"
#include "load/workbook_reader.h"
#include "load/xlsx_file.h"
#include "write/xlsx_table.h"

using namespace sveden;

namespace {

XlsxTable sample(std::vector<std::vector<XlsxCell>> rows) {
  XlsxTable t;
  t.title = "Показатели «школ» & <прочее>";
  t.author = "sveden";
  t.created = 1735689600;  // 2025-01-01
  t.sheet = "indicators";
  t.columns = {{"school_id", {}, {}, 11, false}, {"school", {}, {}, 30, false}, {"value", {}, {}, 12, false}};
  t.rows = rows.size();
  t.fill = [rows](const XlsxRowSink& sink) {
    for (auto row : rows) sink(row);
  };
  return t;
}

std::string bytes_of(const XlsxTable& t) {
  std::string bytes;
  TextParts out([&](std::string_view p) { bytes += p; }, 4096);
  Status written = write_xlsx_table(t, out);
  REQUIRE_MESSAGE(written.ok(), written.message());
  out.finish();
  return bytes;
}

std::string entry(const std::string& bytes, const std::string& name) {
  auto e = zip_entry(bytes, name);
  REQUIRE_MESSAGE(e, name);
  return *e;
}

using Cells = std::vector<std::string>;

}  // namespace

TEST_CASE("write_xlsx_table: the workbook reads back cell by cell, the header frozen and bold") {
  std::string bytes = bytes_of(sample({
      {XlsxCell::of_text("0101"), XlsxCell::of_text("СОШ № 1 «Берёзка» & <филиал>"), XlsxCell::of_number(-1.5, 1)},
      {XlsxCell::of_text("0102"), {}, XlsxCell::of_number(12, 0)},
      {XlsxCell::of_text("0103"), XlsxCell::of_text("СОШ № 1 «Берёзка» & <филиал>"), XlsxCell::of_number(0.125)},
  }));
  CHECK(check_xlsx(bytes).ok);
  Workbook book;
  std::string problem;
  REQUIRE_MESSAGE(read_workbook(bytes, &book, &problem), problem);
  REQUIRE(book.sheets.size() == 1);
  CHECK(book.sheets[0].name == "indicators");
  const auto& rows = book.sheets[0].rows;
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].cells == Cells{"school_id", "school", "value"});
  CHECK(rows[1].cells == Cells{"0101", "СОШ № 1 «Берёзка» & <филиал>", "-1.5"});
  CHECK(rows[2].cells == Cells{"0102", "", "12"});
  CHECK(rows[3].cells == Cells{"0103", "СОШ № 1 «Берёзка» & <филиал>", "0.125"});

  std::string sheet = entry(bytes, "xl/worksheets/sheet1.xml");
  CHECK(sheet.find("<dimension ref=\"A1:C4\"/>") != std::string::npos);
  CHECK(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>") != std::string::npos);
  CHECK(sheet.find("<c r=\"A1\" s=\"1\" t=\"s\">") != std::string::npos);  // the header's style: bold, filled, bordered
  CHECK(sheet.find("<c r=\"B3\"") == std::string::npos);                   // an empty cell is no cell
  // Widths as Excel stores them for 11 and 30 characters of Calibri 11.
  CHECK(sheet.find("<col min=\"1\" max=\"1\" width=\"11.7109375\" customWidth=\"1\"/>") != std::string::npos);
  CHECK(sheet.find("<col min=\"2\" max=\"2\" width=\"30.7109375\" customWidth=\"1\"/>") != std::string::npos);
  // A number shows its decimals: style 3 + d is the format «0.0…» with d zeros.
  std::smatch m;
  REQUIRE(std::regex_search(sheet, m, std::regex("<c r=\"C2\" s=\"([0-9]+)\"><v>-1.5</v></c>")));
  std::string styles = entry(bytes, "xl/styles.xml");
  CHECK(styles.find("<numFmt numFmtId=\"164\" formatCode=\"0.0\"/>") != std::string::npos);
  CHECK(m[1] == "4");
  CHECK(sheet.find("<c r=\"C4\"><v>0.125</v></c>") != std::string::npos);  // as many decimals as it has
  // A repeated text is one shared string.
  std::string strings = entry(bytes, "xl/sharedStrings.xml");
  CHECK(strings.find("count=\"8\" uniqueCount=\"7\"") != std::string::npos);
  CHECK(strings.find("<t>СОШ № 1 «Берёзка» &amp; &lt;филиал&gt;</t>") != std::string::npos);
  CHECK(entry(bytes, "docProps/core.xml").find("<dc:title>Показатели «школ» &amp; &lt;прочее&gt;</dc:title>") != std::string::npos);
  CHECK(entry(bytes, "docProps/core.xml").find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-01T00:00:00Z</dcterms:created>") !=
        std::string::npos);
}

TEST_CASE("write_xlsx_table: a text is never a formula, and one that looks like one is formatted as text") {
  std::string bytes = bytes_of(sample({{XlsxCell::of_text("=HYPERLINK(\"http://x\")"), XlsxCell::of_text("+7 999"), {}}}));
  std::string sheet = entry(bytes, "xl/worksheets/sheet1.xml");
  CHECK(sheet.find("<f>") == std::string::npos);
  CHECK(sheet.find("<c r=\"A2\" s=\"2\" t=\"s\">") != std::string::npos);
  CHECK(sheet.find("<c r=\"B2\" s=\"2\" t=\"s\">") != std::string::npos);
  CHECK(entry(bytes, "xl/styles.xml").find("<xf numFmtId=\"49\"") != std::string::npos);  // style 2: «@»
}

TEST_CASE("write_xlsx_table: control characters and a text that reads «_x0041_» are escaped as Excel reads them") {
  std::string bytes = bytes_of(sample({{XlsxCell::of_text("a\x01" "b"), XlsxCell::of_text("_x0041_ \xEF\xBF\xBE"), {}}}));
  std::string strings = entry(bytes, "xl/sharedStrings.xml");
  CHECK(strings.find("<t>a_x0001_b</t>") != std::string::npos);
  CHECK(strings.find("<t>_x005F_x0041_ _xFFFE_</t>") != std::string::npos);
}

TEST_CASE("write_xlsx_table: a table longer than a sheet goes on in further sheets, each with the header") {
  std::vector<std::vector<XlsxCell>> rows;
  for (int r = 0; r < 7; ++r) rows.push_back({XlsxCell::of_text(std::to_string(r)), {}, XlsxCell::of_number(r)});
  XlsxTable t = sample(rows);
  t.sheet = "Очень длинное имя листа таблицы";  // 31 characters: the suffix takes the end of the name
  t.sheet_rows = 3;
  std::string bytes = bytes_of(t);
  Workbook book;
  std::string problem;
  REQUIRE_MESSAGE(read_workbook(bytes, &book, &problem), problem);
  REQUIRE(book.sheets.size() == 3);
  CHECK(book.sheets[0].name == "Очень длинное имя листа таблицы");
  CHECK(book.sheets[1].name == "Очень длинное имя листа таб (2)");
  CHECK(book.sheets[2].name == "Очень длинное имя листа таб (3)");
  std::vector<std::string> values;
  for (const auto& sheet : book.sheets) {
    REQUIRE(!sheet.rows.empty());
    CHECK(sheet.rows[0].cells == Cells{"school_id", "school", "value"});
    for (size_t r = 1; r < sheet.rows.size(); ++r) values.push_back(sheet.rows[r].cells[0]);
  }
  CHECK(values == Cells{"0", "1", "2", "3", "4", "5", "6"});
  CHECK(book.sheets[2].rows.size() == 2);
  CHECK(entry(bytes, "xl/worksheets/sheet3.xml").find("<dimension ref=\"A1:C2\"/>") != std::string::npos);
  CHECK(entry(bytes, "[Content_Types].xml").find("/xl/worksheets/sheet3.xml") != std::string::npos);
  CHECK(xlsx_table_sheets("indicators", kXlsxSheetRows).size() == 1);
  CHECK(xlsx_table_sheets("indicators", kXlsxSheetRows + 1).size() == 2);
}

TEST_CASE("write_xlsx_table: the same table gives the same bytes; a table that gives other rows than announced fails") {
  XlsxTable t = sample({{XlsxCell::of_text("1"), XlsxCell::of_text("a"), XlsxCell::of_number(2.5, 2)}});
  CHECK(bytes_of(t) == bytes_of(t));
  t.rows = 2;
  TextParts out([](std::string_view) {});
  Status written = write_xlsx_table(t, out);
  CHECK_FALSE(written.ok());
  CHECK(written.message() == "книга Excel «Показатели «школ» & <прочее>»: ожидалось строк 2, получено 1");
}

TEST_CASE("write_xlsx_table: a cell over Excel's 32 767 characters is cut and ends with «…»") {
  std::string long_text;
  for (int i = 0; i < 40000; ++i) long_text += "ж";
  std::string bytes = bytes_of(sample({{XlsxCell::of_text("1"), XlsxCell::of_text(long_text), {}}}));
  Workbook book;
  std::string problem;
  REQUIRE_MESSAGE(read_workbook(bytes, &book, &problem), problem);
  const std::string& cell = book.sheets[0].rows[1].cells[1];
  CHECK(cell.size() == 32766 * 2 + 3);
  CHECK(cell.substr(cell.size() - 3) == "…");
}

TEST_CASE("write_xlsx_table: a sheet name with quotes and «&» is read back as given") {
  XlsxTable t = sample({{XlsxCell::of_text("1"), XlsxCell::of_text("\"Берёзка\""), {}}});
  t.sheet = "Школы \"А\" & Б";
  std::string bytes = bytes_of(t);
  CHECK(entry(bytes, "xl/workbook.xml").find("<sheet name=\"Школы &quot;А&quot; &amp; Б\" sheetId=\"1\" r:id=\"rId1\"/>") != std::string::npos);
  Workbook book;
  std::string problem;
  REQUIRE_MESSAGE(read_workbook(bytes, &book, &problem), problem);
  CHECK(book.sheets[0].name == "Школы \"А\" & Б");
  CHECK(book.sheets[0].rows[1].cells[1] == "\"Берёзка\"");
}

TEST_CASE("write_xlsx_table: a text with a blank, tab or line break at either end keeps it (xml:space), shared or in its cell") {
  XlsxTable t = sample({{XlsxCell::of_text("\tотступ"), XlsxCell::of_text("строка\n"), XlsxCell::of_text(" пробел")}});
  std::string strings = entry(bytes_of(t), "xl/sharedStrings.xml");
  CHECK(strings.find("<t xml:space=\"preserve\">\tотступ</t>") != std::string::npos);
  CHECK(strings.find("<t xml:space=\"preserve\">строка\n</t>") != std::string::npos);
  CHECK(strings.find("<t xml:space=\"preserve\"> пробел</t>") != std::string::npos);
  CHECK(strings.find("<t>school_id</t>") != std::string::npos);
}

TEST_CASE("write_xlsx_table: shared strings stay one per text through thousands of texts, repeated down a column or far apart") {
  // Column A repeats a text over consecutive rows (a school's name over its years); column B has 3,000
  // texts, each given twice, a thousand rows apart, so that the index grows while holding them.
  std::vector<std::vector<XlsxCell>> rows;
  for (int pass = 0; pass < 2; ++pass)
    for (int i = 0; i < 3000; ++i)
      rows.push_back({XlsxCell::of_text("школа " + std::to_string(i / 4)), XlsxCell::of_text("объяснение " + std::to_string(i)), XlsxCell::of_number(i)});
  std::string bytes = bytes_of(sample(rows));
  Workbook book;
  std::string problem;
  REQUIRE_MESSAGE(read_workbook(bytes, &book, &problem), problem);
  const auto& read = book.sheets[0].rows;
  REQUIRE(read.size() == rows.size() + 1);
  for (size_t r = 0; r < rows.size(); ++r) REQUIRE(read[r + 1].cells == Cells{rows[r][0].text, rows[r][1].text, std::to_string(r % 3000)});
  // The header's 3 texts, 750 names and 3,000 explanations, each once; every text cell counted.
  std::string strings = entry(bytes, "xl/sharedStrings.xml");
  CHECK(strings.find("count=\"12003\" uniqueCount=\"3753\"") != std::string::npos);
  // The first text of the second pass is the shared string of the first.
  std::string sheet = entry(bytes, "xl/worksheets/sheet1.xml");
  CHECK(sheet.find("<c r=\"B3002\" t=\"s\"><v>4</v></c>") != std::string::npos);
  CHECK(sheet.find("<c r=\"A3002\" t=\"s\"><v>3</v></c>") != std::string::npos);
}
