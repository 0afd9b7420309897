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

TEST_CASE("for_each_csv_row: one row object refilled, wide and narrow rows, fields moved out, a text sveden made") {
  const std::string text = "a;b;c\r\nlong value one;\"q\"\"x\";\"l1\nl2\"\r\n1\r\n;;\r\n\"p;q\";2;3;4\r\n";
  std::vector<std::vector<std::string>> rows;
  std::string moved;
  bool ok = for_each_csv_row(std::string_view(text), ';', [&](CsvRow& row) {
    std::vector<std::string> values;
    for (const auto& f : row.fields) values.push_back(f.value);
    rows.push_back(values);
    if (rows.size() == 2) moved = std::move(row.fields[0].value);  // the next row must not miss it
  });
  CHECK(ok);
  CHECK(moved == "long value one");
  REQUIRE(rows.size() == 4);  // «;;» is blank
  CHECK(rows[1] == std::vector<std::string>{"long value one", "q\"x", "l1\nl2"});
  CHECK(rows[2] == std::vector<std::string>{"1"});
  CHECK(rows[3] == std::vector<std::string>{"p;q", "2", "3", "4"});
  // The same rows as the reader of the user's files gives.
  Diagnostics d;
  CsvTable t = read(text, d, ';');
  REQUIRE(t.rows.size() == rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    REQUIRE(t.rows[r].fields.size() == rows[r].size());
    for (size_t c = 0; c < rows[r].size(); ++c) CHECK(t.rows[r].fields[c].value == rows[r][c]);
  }
  CHECK_FALSE(for_each_csv_row(std::string_view("a;\"open\n"), ';', [](CsvRow&) {}));
}
