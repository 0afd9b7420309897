// render/opendata_workbook: an opendata CSV as its XLSX — numbers as numbers with their decimals,
// codes and text as text, the CSV's guarding apostrophe gone.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "base/text_parts.h"
#include "load/workbook_reader.h"
#include "load/xlsx_file.h"
#include "render/opendata_workbook.h"

using namespace sveden;

namespace {

// The rows as the workbook is written from them.
std::vector<std::vector<XlsxCell>> rows_of(const XlsxTable& t) {
  std::vector<std::vector<XlsxCell>> rows;
  if (t.fill) t.fill([&](std::vector<XlsxCell>& row) { rows.push_back(row); });
  return rows;
}

std::string bytes_of(const XlsxTable& t) {
  std::string bytes;
  TextParts out([&](std::string_view p) { bytes += p; });
  Status written = write_xlsx_table(t, out);
  REQUIRE_MESSAGE(written.ok(), written.message());
  out.finish();
  return bytes;
}

}  // namespace

TEST_CASE("opendata_workbook: typed cells column by column") {
  std::string csv =
      "\xEF\xBB\xBF"
      "school_id;school;year;value;status\r\n"
      "5401;\"'=HYPERLINK(\"\"http://x\"\")\";2025;-1,5;опубликовано\r\n"
      "0102;\"СОШ; № 2\";2024;;скрыто\r\n"
      "5403;Гимназия;2023;12;'-нет-\r\n";
  XlsxTable sheet = opendata_workbook(csv, "indicators", "Показатели", 0);
  CHECK(sheet.sheet == "indicators");
  CHECK(sheet.rows == 3);
  REQUIRE(sheet.columns.size() == 5);
  CHECK(sheet.columns[3].header == "value");
  struct {
    std::vector<std::vector<XlsxCell>> rows;
  } s;
  s.rows = rows_of(sheet);
  REQUIRE(s.rows.size() == 3);
  using K = XlsxCell::Kind;
  // school_id is a code: text, even when all its values are digits; «0102» keeps its zero.
  CHECK(s.rows[0][0].kind == K::text);
  CHECK(s.rows[1][0].text == "0102");
  CHECK(s.rows[0][1].kind == K::text);
  CHECK(s.rows[0][1].text == "=HYPERLINK(\"http://x\")");
  CHECK(s.rows[1][1].text == "СОШ; № 2");
  CHECK(s.rows[0][2].kind == K::number);
  CHECK(s.rows[0][2].number == 2025);
  CHECK(s.rows[0][3].kind == K::number);
  CHECK(s.rows[0][3].number == -1.5);
  CHECK(s.rows[0][3].decimals == 1);
  CHECK(s.rows[1][3].kind == K::empty);
  CHECK(s.rows[2][3].decimals == 0);
  CHECK(s.rows[2][4].text == "-нет-");
}

TEST_CASE("opendata_workbook: a column with one text value is text throughout") {
  auto rows = rows_of(opendata_workbook("a;b\r\n1;2\r\nx;3\r\n", "t", "t", 0));
  CHECK(rows[0][0].kind == XlsxCell::Kind::text);
  CHECK(rows[0][0].text == "1");
  CHECK(rows[1][1].kind == XlsxCell::Kind::number);
}

TEST_CASE("opendata_workbook: widths from the header or the widest value, numbers counted as 10") {
  std::string csv = "school_id;school;year;value\r\n5401;\"'=SUM(1)\";2025;-1,5\r\n"
                    "5402;Средняя общеобразовательная школа № 2 имени героя;2024;\r\n5403;Гимназия;2023;12\r\n";
  XlsxTable t = opendata_workbook(csv, "t", "Таблица", 0);
  CHECK(t.columns[0].width == xlsx_column_width(9));   // «school_id»; codes are text
  CHECK(t.columns[1].width == xlsx_column_width(50));  // the long name
  CHECK(t.columns[3].width == xlsx_column_width(10));  // numbers
}

TEST_CASE("opendata_workbook: the workbook holds the CSV's cells, the guarding apostrophe gone") {
  std::string csv = "\xEF\xBB\xBFschool_id;school;year;value\r\n5401;\"'=SUM(1)\";2025;-1,5\r\n5402;\"Школа; № 2\";2024;\r\n";
  std::string bytes = bytes_of(opendata_workbook(csv, "indicators", "Таблица", 0));
  Workbook book;
  std::string problem;
  REQUIRE_MESSAGE(read_workbook(bytes, &book, &problem), problem);
  REQUIRE(book.sheets.size() == 1);
  const auto& rows = book.sheets[0].rows;
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].cells == std::vector<std::string>{"school_id", "school", "year", "value"});
  CHECK(rows[1].cells == std::vector<std::string>{"5401", "=SUM(1)", "2025", "-1.5"});
  CHECK(rows[2].cells == std::vector<std::string>{"5402", "Школа; № 2", "2024"});
}

TEST_CASE("opendata_workbook: a workbook without a date is dated 1 January 1980, never by the clock") {
  auto bytes = bytes_of(opendata_workbook("a;b\r\n1;2\r\n", "t", "t", 0));
  auto core = zip_entry(bytes, "docProps/core.xml");
  REQUIRE(core.has_value());
  CHECK(core->find("1980-01-01T00:00:00Z") != std::string::npos);
}

TEST_CASE("opendata_workbook: a table read part by part is the workbook of the same table held whole") {
  // About 3 MB in parts of 1 MB, each ending at a row's end; a quoted value holds a line break and «;».
  auto make = [](TextParts& parts) {
    parts.text() += "\xEF\xBB\xBFschool_id;school;year;value\r\n";
    for (int r = 0; r < 75000; ++r) {
      parts.text() += fmt::format("{};\"Школа № {};\r\nфилиал\";{};{},5\r\n", 5400 + r % 900, r, 2020 + r % 6, r % 97);
      parts.may_end();
    }
  };
  size_t parts = 0;
  make_parts(make, [&](std::string_view) { ++parts; });
  CHECK(parts >= 3);
  XlsxTable from_parts = opendata_workbook(PartsMaker(make), "t", "Таблица", 0);
  XlsxTable from_whole = opendata_workbook(whole_text(make), "t", "Таблица", 0);
  CHECK(from_parts.rows == 75000);
  CHECK(from_parts.columns[3].width == from_whole.columns[3].width);
  std::string a = bytes_of(from_parts);
  CHECK(a == bytes_of(from_whole));
  // Both read the whole table: its last row is there.
  auto sheet = zip_entry(a, "xl/worksheets/sheet1.xml");
  REQUIRE(sheet.has_value());
  CHECK(sheet->find("<c r=\"B75001\"") != std::string::npos);
}
