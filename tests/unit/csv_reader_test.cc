#include <doctest/doctest.h>

#include "load/csv_reader.h"

using namespace sveden;

namespace {
CsvTable read(const std::string& text, Diagnostics& d, char delimiter = 0) {
  SourceText src("t.csv", text);
  CsvTable t;
  read_csv(src, delimiter, &t, d);
  return t;
}
}  // namespace

TEST_CASE("csv: quoted delimiters, doubled quotes and line breaks inside quotes") {
  Diagnostics d;
  CsvTable t = read("a;b;c\r\n\"x;y\";\"say \"\"hi\"\"\";\"line1\nline2\"\r\n", d);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields[0].value == "x;y");
  CHECK(t.rows[1].fields[1].value == "say \"hi\"");
  CHECK(t.rows[1].fields[2].value == "line1\nline2");
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("csv: blank lines and rows of empty cells are skipped") {
  Diagnostics d;
  CsvTable t = read("a;b\n\n1;2\n;\n\r\n3;4", d);
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[2].fields[0].value == "3");
}

TEST_CASE("csv: the delimiter is detected from the header") {
  CHECK(detect_delimiter("a;b;c\n1,5;2;3") == ';');
  CHECK(detect_delimiter("a,b,c\n\"1,5\",2,3") == ',');
  CHECK(detect_delimiter("a\tb\tc\n1,5\t2\t3") == '\t');
  CHECK(detect_delimiter("\n\n\"a;b\",c,d\n") == ',');
}

TEST_CASE("csv: an unterminated quote is an error at the quote") {
  Diagnostics d;
  read("a;b\n1;\"open\n2;3\n", d);
  REQUIRE(d.errors() == 1);
  auto all = d.sorted();
  CHECK(all[0].pos.line == 2);
  CHECK(all[0].pos.column == 3);
}

TEST_CASE("csv: the row remembers where it starts even after a multi-line field") {
  Diagnostics d;
  SourceText src("t.csv", "a;b\n\"x\ny\";1\nz;2\n");
  CsvTable t;
  read_csv(src, 0, &t, d);
  REQUIRE(t.rows.size() == 3);
  CHECK(src.position(t.rows[2].offset).line == 4);
}
