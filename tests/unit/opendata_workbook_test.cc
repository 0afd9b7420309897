// render/opendata_workbook: an opendata CSV as its XLSX — numbers as numbers with their decimals,
// codes and text as text, the CSV's guarding apostrophe gone.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "base/text_parts.h"
#include "load/xlsx_file.h"
#include "render/opendata_workbook.h"

using namespace sveden;

namespace {

// The rows as libxlsxwriter is handed them.
std::vector<std::vector<XlsxCell>> rows_of(const XlsxSheet& s) {
  std::vector<std::vector<XlsxCell>> rows = s.rows;
  if (s.fill) s.fill([&](std::vector<XlsxCell>& row) { rows.push_back(row); });
  return rows;
}

}  // namespace

TEST_CASE("opendata_workbook: typed cells column by column") {
  std::string csv =
      "\xEF\xBB\xBF"
      "school_id;school;year;value;status\r\n"
      "5401;\"'=HYPERLINK(\"\"http://x\"\")\";2025;-1,5;опубликовано\r\n"
      "0102;\"СОШ; № 2\";2024;;скрыто\r\n"
      "5403;Гимназия;2023;12;'-нет-\r\n";
  XlsxWorkbook book = opendata_workbook(csv, "indicators", "Показатели", 0);
  REQUIRE(book.sheets.size() == 1);
  const XlsxSheet& sheet = book.sheets[0];
  CHECK(sheet.name == "indicators");
  REQUIRE(sheet.columns.size() == 5);
  CHECK(sheet.columns[3].header == "value");
  XlsxSheet s;
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
  XlsxWorkbook book = opendata_workbook("a;b\r\n1;2\r\nx;3\r\n", "t", "t", 0);
  XlsxSheet s;
  s.rows = rows_of(book.sheets[0]);
  CHECK(s.rows[0][0].kind == XlsxCell::Kind::text);
  CHECK(s.rows[0][0].text == "1");
  CHECK(s.rows[1][1].kind == XlsxCell::Kind::number);
}

TEST_CASE("opendata_workbook: rows made one at a time give the bytes of the same rows held whole") {
  std::string csv = "school_id;school;year;value\r\n5401;\"'=SUM(1)\";2025;-1,5\r\n"
                    "5402;Средняя общеобразовательная школа № 2 имени героя;2024;\r\n5403;Гимназия;2023;12\r\n";
  XlsxWorkbook streamed = opendata_workbook(csv, "t", "Таблица", 0);
  const XlsxSheet& s = streamed.sheets[0];
  // The widths xlsx_bytes gives held rows: from the header or the widest value, numbers counted as 10.
  CHECK(s.columns[0].width == xlsx_column_width(9));   // «school_id»; codes are text
  CHECK(s.columns[1].width == xlsx_column_width(50));  // the long name
  CHECK(s.columns[3].width == xlsx_column_width(10));  // numbers
  XlsxWorkbook held = streamed;
  held.sheets[0].rows = rows_of(s);
  held.sheets[0].fill = nullptr;
  for (auto& c : held.sheets[0].columns) c.width = 0;  // computed by xlsx_bytes from the rows
  auto a = xlsx_bytes(std::move(streamed));
  auto b = xlsx_bytes(std::move(held));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(*a == *b);
}

TEST_CASE("opendata_workbook: a table of over 8 MB of CSV is written in constant memory, a small one with shared strings") {
  std::string small = "school_id;value\r\n5401;1\r\n";
  CHECK_FALSE(opendata_workbook(small, "t", "t", 0).streamed);
  std::string big = "school_id;value\r\n";
  while (big.size() <= (8u << 20)) big += "5401;Значение показателя школы за год\r\n";
  XlsxWorkbook book = opendata_workbook(big, "t", "t", 0);
  CHECK(book.streamed);
  auto bytes = xlsx_bytes(std::move(book));
  REQUIRE(bytes.ok());
  CHECK(bytes->size() > 0);
}

TEST_CASE("opendata_workbook: a workbook without a date is dated 1 January 1980, never by the clock") {
  // libxlsxwriter dates a workbook whose created time is 0 by the clock, in core.xml and in the ZIP:
  // two builds a second apart then differ (CI saw it in the test above).
  auto bytes = xlsx_bytes(opendata_workbook("a;b\r\n1;2\r\n", "t", "t", 0));
  REQUIRE(bytes.ok());
  auto core = zip_entry(*bytes, "docProps/core.xml");
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
  XlsxWorkbook from_parts = opendata_workbook(PartsMaker(make), "t", "Таблица", 0);
  XlsxWorkbook from_whole = opendata_workbook(whole_text(make), "t", "Таблица", 0);
  CHECK(from_parts.streamed == from_whole.streamed);
  CHECK(from_parts.sheets[0].columns[3].width == from_whole.sheets[0].columns[3].width);
  auto a = xlsx_bytes(std::move(from_parts));
  auto b = xlsx_bytes(std::move(from_whole));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(*a == *b);
  // Both read the whole table: its last row is there.
  auto sheet = zip_entry(*a, "xl/worksheets/sheet1.xml");
  REQUIRE(sheet.has_value());
  CHECK(sheet->find("<c r=\"B75001\"") != std::string::npos);
}
