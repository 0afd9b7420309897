// write/formula_guard: which texts Excel would run as formulas, and the apostrophe the opendata CSV puts
// before them while numbers, negative ones included, stay numbers.
#include <doctest/doctest.h>

#include "render/opendata.h"
#include "write/formula_guard.h"

using namespace sveden;

TEST_CASE("is_plain_number: the numbers we and Excel write, nothing else") {
  for (const char* s : {"0", "12", "-1,5", "-1.5", "+2", "3,85", "1045"}) CHECK_MESSAGE(is_plain_number(s), s);
  for (const char* s : {"", "-", "+", "1,", "1 045", "1e5", "-1,5,2", "=1", "−1,5", "12%"}) CHECK_MESSAGE(!is_plain_number(s), s);
}

TEST_CASE("looks_like_formula: =, +, -, @, tab and CR at the start of a text") {
  for (const char* s : {"=HYPERLINK(\"http://x\";\"нажмите\")", "+7 (495) 000", "-нет-", "@SUM(A1)", "\tтекст", "\rтекст", "-", "=1+1"})
    CHECK_MESSAGE(looks_like_formula(s), s);
  for (const char* s : {"", "-1,5", "+2", "МБОУ СОШ № 1", "−1,5", "a=b", " =1", "'=1"}) CHECK_MESSAGE(!looks_like_formula(s), s);
}

TEST_CASE("csv_field: a formula-like text gets a leading apostrophe, quoted with it when it needs quotes") {
  CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_field("=1+1") == "'=1+1");
  CHECK(csv_field("@cmd") == "'@cmd");
  CHECK(csv_field("+7 (495) 000-00-00") == "'+7 (495) 000-00-00");
  CHECK(csv_field("-1,5") == "-1,5");
  CHECK(csv_field(csv_number(-1.5, 1)) == "-1,5");
  CHECK(csv_field("−1,5") == "−1,5");
  CHECK(csv_field("МБОУ «СОШ № 1»") == "МБОУ «СОШ № 1»");
}

TEST_CASE("without_formula_guard: the XLSX gets the original text back") {
  CHECK(without_formula_guard("'=1+1") == "=1+1");
  CHECK(without_formula_guard("'-нет-") == "-нет-");
  CHECK(without_formula_guard("'слово") == "'слово");
  CHECK(without_formula_guard("'-1,5") == "'-1,5");  // a number was never guarded
  CHECK(without_formula_guard("=1") == "=1");
}
