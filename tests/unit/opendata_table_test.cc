// render/opendata_table: a big open-data table made row by row, as its CSV (read for the workbook's columns
// on the way) and as its workbook's cells — the same workbook, byte for byte, as the one read from the CSV.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "base/text_parts.h"
#include "load/xlsx_file.h"
#include "render/opendata_table.h"

using namespace sveden;

namespace {

// A table with what a CSV must quote or guard: «;», quotes and line breaks in a value, formula-like text
// («=», «-», «+7 …»), a text that is already «'=…», empty values, a row of blanks only (the CSV's reader
// skips it, so the workbook must too), numbers with a comma, a code column of digits.
void tricky(TableSink& t, int rows, int* made = nullptr) {
  if (made) ++*made;
  TableRow{t} << "school_id" << "school" << "year" << "value" << "note";
  for (int r = 0; r < rows; ++r) {
    std::string school = r % 5 == 0 ? fmt::format("=HYPERLINK(\"http://x/{}\")", r)
                         : r % 5 == 1 ? fmt::format("Школа; № {}\r\nфилиал", r)
                         : r % 5 == 2 ? "'=1+1"
                         : r % 5 == 3 ? "+7 (495) 000-00-00"
                                      : fmt::format("Гимназия «{}»", r);
    TableRow{t} << fmt::format("{:04}", r % 900) << school << std::to_string(2020 + r % 6)
                << (r % 7 == 0 ? std::string() : fmt::format("{},5", r % 97)) << (r % 3 ? "-" : "");
    if (r == 3) TableRow{t} << " " << "" << "  " << "" << "";
  }
}

std::string bytes_of(const PartsMaker& make) { return whole_text(make); }

}  // namespace

TEST_CASE("table_csv: BOM, «;», CRLF, quoted when a value holds «;», quotes or a line break, formula-like text guarded") {
  std::string csv = whole_text(table_csv([](TableSink& t) {
    TableRow{t} << "id" << "name";
    TableRow{t} << "0102" << "Школа; \"№ 2\"";
    TableRow{t} << "5401" << "=SUM(A1)";
    TableRow{t} << "5402" << "-1,5";
  }));
  CHECK(csv ==
        "\xEF\xBB\xBF"
        "id;name\r\n0102;\"Школа; \"\"№ 2\"\"\"\r\n5401;'=SUM(A1)\r\n5402;-1,5\r\n");
  // Quotes first, last and side by side are each doubled; a guarded text is guarded inside its quotes.
  CHECK(csv_field("\"\"a\"") == "\"\"\"\"\"a\"\"\"");
  CHECK(csv_field("=\"x\";") == "\"'=\"\"x\"\";\"");
}

TEST_CASE("table_xlsx: the workbook of a table's rows is the workbook read from its CSV, byte for byte") {
  int made = 0;
  TableMaker make = [&made](TableSink& t) { tricky(t, 40000, &made); };
  std::shared_ptr<const OpendataColumns> columns;
  std::string csv;
  make_parts(table_csv(make, "t", [&](OpendataColumns c) { columns = std::make_shared<const OpendataColumns>(std::move(c)); }),
             [&](std::string_view part) { csv += part; });
  REQUIRE(columns);
  CHECK(made == 1);
  CHECK(csv == whole_text(table_csv(make)));  // reading the columns changes nothing in the CSV
  made = 0;
  std::string from_rows = bytes_of(table_xlsx(make, "t", "Таблица", 0, columns));
  CHECK(made == 1);  // the columns read with the CSV: the rows made once more
  std::string from_csv = bytes_of(opendata_xlsx([&csv](TextParts& p) { p.text() += csv; }, "t", "Таблица", 0));
  CHECK(from_rows == from_csv);
  made = 0;
  CHECK(bytes_of(table_xlsx(make, "t", "Таблица", 0)) == from_csv);
  CHECK(made == 2);  // without them: once for the columns, once for the cells
  // The sheet holds every row but the blank one, the guard gone from the formula-like text only.
  auto sheet = zip_entry(from_rows, "xl/worksheets/sheet1.xml");
  REQUIRE(sheet.has_value());
  CHECK(sheet->find("<c r=\"A40001\"") != std::string::npos);
  CHECK(sheet->find("<c r=\"A40002\"") == std::string::npos);
}

TEST_CASE("table_xlsx: a workbook that cannot be written fails with the file's name and the reason") {
  std::shared_ptr<const OpendataColumns> columns;
  whole_text(table_csv([](TableSink& t) { TableRow{t} << "a" << "b"; TableRow{t} << "1" << "2"; }, "t",
                       [&](OpendataColumns c) { columns = std::make_shared<const OpendataColumns>(std::move(c)); }));
  REQUIRE(columns);
  TableMaker two_rows = [](TableSink& t) {  // columns of one row, handed a table of two
    TableRow{t} << "a" << "b";
    TableRow{t} << "1" << "2";
    TableRow{t} << "3" << "4";
  };
  std::string message;
  try {
    whole_text(table_xlsx(two_rows, "t", "Таблица", 0, columns));
  } catch (const OutputError& e) {
    message = e.what();
  }
  CHECK(message == "opendata/t.xlsx: книга Excel «Таблица»: ожидалось строк 1, получено 2");
}
