// render/opendata_workbook: an opendata CSV as its XLSX — numbers as numbers with their decimals,
// codes and text as text, the CSV's guarding apostrophe gone.
#include <doctest/doctest.h>

#include "render/opendata_workbook.h"

using namespace sveden;

TEST_CASE("opendata_workbook: typed cells column by column") {
  std::string csv =
      "\xEF\xBB\xBF"
      "school_id;school;year;value;status\r\n"
      "5401;\"'=HYPERLINK(\"\"http://x\"\")\";2025;-1,5;опубликовано\r\n"
      "0102;\"СОШ; № 2\";2024;;скрыто\r\n"
      "5403;Гимназия;2023;12;'-нет-\r\n";
  XlsxWorkbook book = opendata_workbook(csv, "indicators", "Показатели", 0);
  REQUIRE(book.sheets.size() == 1);
  const XlsxSheet& s = book.sheets[0];
  CHECK(s.name == "indicators");
  REQUIRE(s.columns.size() == 5);
  CHECK(s.columns[3].header == "value");
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
  const XlsxSheet& s = book.sheets[0];
  CHECK(s.rows[0][0].kind == XlsxCell::Kind::text);
  CHECK(s.rows[0][0].text == "1");
  CHECK(s.rows[1][1].kind == XlsxCell::Kind::number);
}
