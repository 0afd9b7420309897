#include <string>
#include <tuple>

#include <doctest/doctest.h>

#include "base/diagnostics.h"

using namespace sveden;

TEST_CASE("a diagnostic shows the line, a caret under the spot and the hint") {
  SourceText src("data/x.csv", "код;год\nТ1;20х4\n");
  Diagnostics d;
  d.add(Severity::error, src, src.text().find("20х4"), std::string("20х4").size(), "«20х4» — не год", "пишите год цифрами");
  CHECK(format_all(d) ==
        "data/x.csv:2:4: ошибка: «20х4» — не год\n"
        "    2 | Т1;20х4\n"
        "      |    ^~~~\n"
        "  подсказка: пишите год цифрами\n");
}

TEST_CASE("a very long line is cut around the spot") {
  std::string line = std::string(300, 'a') + "ОШИБКА" + std::string(300, 'b');
  SourceText src("f", line);
  Diagnostics d;
  d.add(Severity::error, src, 300, 12, "m", "");
  std::string out = format_all(d);
  CHECK(out.find("…") != std::string::npos);
  CHECK(out.size() < 600);
  CHECK(out.find("ОШИБКА") != std::string::npos);
}

TEST_CASE("problems on one very long line each keep only a window of it, caret under the spot") {
  std::string header;
  for (int i = 0; i < 10000; ++i) header += "столбец" + std::to_string(i) + ";";
  SourceText src("data/oge.csv", header + "\n");
  Diagnostics d;
  for (size_t at = header.find("столбец"); at != std::string::npos; at = header.find("столбец", at + 1))
    d.add(Severity::warning, src, at, 10, "неизвестный столбец", "");
  size_t held = 0;
  for (const auto& diag : d.sorted()) held += diag.source_line.size();
  CHECK(held < size_t{10000} * 400);  // not 10 000 copies of a 200 KB line
  std::string last = format_diagnostic(d.sorted().back());
  CHECK(last.find("…бец9997;столбец9998;столбец9999;") != std::string::npos);
  CHECK(last.find("|" + std::string(22, ' ') + "^~~~~\n") != std::string::npos);  // «| », «…» and 20 letters before the spot
}

TEST_CASE("diagnostics are ordered by file, then line") {
  SourceText a("a", "1\n2\n3\n"), b("b", "1\n");
  Diagnostics d;
  d.add(Severity::error, a, TextPos{3, 1}, 1, "third", "");
  d.add(Severity::warning, b, TextPos{1, 1}, 1, "other file", "");
  d.add(Severity::error, a, TextPos{1, 1}, 1, "first", "");
  auto s = d.sorted();
  CHECK(s[0].message == "first");
  CHECK(s[1].message == "third");
  CHECK(s[2].message == "other file");
  CHECK(d.errors() == 2);
  CHECK(d.warnings() == 1);
}

TEST_CASE("a diagnostic in a workbook names the sheet and the cell, and sorts by row and column") {
  Diagnostics d;
  for (auto [row, column, cell] : {std::tuple{7, 4, "D7"}, std::tuple{3, 2, "B3"}}) {
    Diagnostic item;
    item.file = "data/oge.xlsx";
    item.place = std::string("лист «ОГЭ», ячейка ") + cell;
    item.pos = {row, column};
    item.message = "«много» — не число";
    item.hint = "запишите число цифрами";
    d.add_diagnostic(item);
  }
  CHECK(format_all(d) ==
        "data/oge.xlsx, лист «ОГЭ», ячейка B3: ошибка: «много» — не число\n"
        "  подсказка: запишите число цифрами\n"
        "data/oge.xlsx, лист «ОГЭ», ячейка D7: ошибка: «много» — не число\n"
        "  подсказка: запишите число цифрами\n");
}
