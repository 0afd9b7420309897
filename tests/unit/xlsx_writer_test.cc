// write/xlsx_writer: a generic table as XLSX — sheets, typed cells, frozen header, header notes,
// drop-down lists (inline and, when too long for Excel, on a hidden sheet) and identical bytes.
#include <regex>

#include <doctest/doctest.h>

#include "load/workbook_reader.h"
#include "load/xlsx_file.h"
#include "write/xlsx_writer.h"

using namespace sveden;

namespace {

XlsxWorkbook sample() {
  XlsxWorkbook book;
  book.title = "Проба";
  book.author = "sveden";
  book.created = 1735689600;  // 2025-01-01
  XlsxSheet s;
  s.name = "Школы";
  s.columns = {{"Код ОО", "Код школы без пробелов.", {}, 0, true}, {"Тип ОО", "", {"СОШ", "гимназия", "лицей"}, 0, false},
               {"Вид документа", "", std::vector<std::string>(40, "очень длинное значение списка"), 0, false}, {"Балл", "", {}, 0, false}};
  s.rows = {{XlsxCell::of_text("0101"), XlsxCell::of_text("СОШ"), {}, XlsxCell::of_number(-1.5, 1)},
            {XlsxCell::of_text("=HYPERLINK(\"http://x\")"), {}, {}, XlsxCell::of_number(3)}};
  book.sheets.push_back(s);
  return book;
}

std::string entry(const std::string& bytes, const char* name) {
  auto e = zip_entry(bytes, name);
  REQUIRE_MESSAGE(e, name);
  return *e;
}

}  // namespace

TEST_CASE("xlsx_bytes: a real workbook with typed cells, a frozen header, notes and drop-down lists") {
  auto bytes = xlsx_bytes(sample());
  REQUIRE_MESSAGE(bytes, bytes.message());
  CHECK(check_xlsx(*bytes).ok);
  std::string workbook = entry(*bytes, "xl/workbook.xml");
  CHECK(workbook.find("name=\"Школы\"") != std::string::npos);
  std::string sheet = entry(*bytes, "xl/worksheets/sheet1.xml");
  CHECK(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>") != std::string::npos);
  // Numbers are numbers; texts, the formula-like one too, are shared strings, never <f>.
  CHECK(sheet.find("<c r=\"D2\" s=\"") != std::string::npos);
  CHECK(sheet.find("<v>-1.5</v>") != std::string::npos);
  CHECK(std::regex_search(sheet, std::regex("<c r=\"A3\"[^>]* t=\"s\">")));
  CHECK(sheet.find("<f>") == std::string::npos);
  std::string strings = entry(*bytes, "xl/sharedStrings.xml");
  CHECK(strings.find("<t>=HYPERLINK(\"http://x\")</t>") != std::string::npos);
  CHECK(strings.find("<t>0101</t>") != std::string::npos);
  CHECK(sheet.find("<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" errorTitle=\"Значение не из списка\"") != std::string::npos);
  CHECK(sheet.find("sqref=\"B2:B1001\"><formula1>\"СОШ,гимназия,лицей\"</formula1>") != std::string::npos);
  CHECK(sheet.find("sqref=\"C2:C1001\"") == std::string::npos);  // too long for Excel's inline list
  CHECK(entry(*bytes, "xl/comments1.xml").find("Код школы без пробелов.") != std::string::npos);
  CHECK(entry(*bytes, "docProps/core.xml").find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-01T00:00:00Z</dcterms:created>") !=
        std::string::npos);
}

TEST_CASE("xlsx_bytes: the same workbook gives the same bytes") {
  auto a = xlsx_bytes(sample()), b = xlsx_bytes(sample());
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a == *b);
}

TEST_CASE("xlsx_sheet_name: the preferred name when Excel takes it, the fallback otherwise") {
  CHECK(xlsx_sheet_name("Результаты ОГЭ", "oge") == "Результаты ОГЭ");
  CHECK(xlsx_sheet_name("Места осуществления образовательной деятельности", "sveden_places") == "sveden_places");
  CHECK(xlsx_sheet_name("Код/номер", "codes") == "codes");
  CHECK(xlsx_sheet_name("", "codes") == "codes");
}
