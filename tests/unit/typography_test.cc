#include <doctest/doctest.h>

#include "russian/typography.h"

using namespace sveden;

TEST_CASE("numbers: non-breaking thousands, decimal comma") {
  CHECK(format_number(1234.5, 1) == "1\u00A0234,5");
  CHECK(format_number(1234567, 0) == "1\u00A0234\u00A0567");
  CHECK(format_number(999, 0) == "999");
  CHECK(format_number(-12.25, 2) == "−12,25");
  CHECK(format_decimal(12.0) == "12");
  CHECK(format_decimal(12.5) == "12,5");
  CHECK(format_percent(45.25, 1) == "45,3\u00A0%");
}

TEST_CASE("dates") {
  CHECK(format_date(Date{2023, 3, 10}) == "10\u00A0марта\u00A02023\u00A0г.");
  CHECK(format_date(Date{2025, 10, 1}) == "1\u00A0октября\u00A02025\u00A0г.");
}

TEST_CASE("plural forms") {
  const std::string one = "школа", few = "школы", many = "школ";
  CHECK(plural(1, one, few, many) == one);
  CHECK(plural(2, one, few, many) == few);
  CHECK(plural(5, one, few, many) == many);
  CHECK(plural(11, one, few, many) == many);
  CHECK(plural(21, one, few, many) == one);
  CHECK(plural(22, one, few, many) == few);
  CHECK(plural(111, one, few, many) == many);
  CHECK(count_noun(2000, one, few, many) == "2\u00A0000\u00A0школ");
}

TEST_CASE("schools and branches are counted apart") {
  CHECK(count_schools(17, 1) == "17\u00A0школ и\u00A01\u00A0филиал");
  CHECK(count_schools(21, 3) == "21\u00A0школа и\u00A03\u00A0филиала");
  CHECK(count_schools(3, 0) == "3\u00A0школы");
  CHECK(count_schools(0, 5) == "5\u00A0филиалов");
  CHECK(count_schools(0, 0) == "0\u00A0школ");
  CHECK(count_schools_dative(4, 1) == "4\u00A0школам и\u00A01\u00A0филиалу");
  CHECK(count_schools_dative(1, 0) == "1\u00A0школе");
  CHECK(count_schools_dative(0, 2) == "2\u00A0филиалам");
}

TEST_CASE("bind_units keeps a number on one line with its unit") {
  const std::string nb(kNbsp);
  CHECK(bind_units("входит в 20 % школ") == "входит в 20" + nb + "% школ");
  CHECK(bind_units("на 1 февраля 2023 г. и в 2024 гг.") == "на 1 февраля 2023" + nb + "г. и в 2024" + nb + "гг.");
  CHECK(bind_units("5 чел., 3 тыс. руб., 2 млн") == "5" + nb + "чел., 3" + nb + "тыс. руб., 2" + nb + "млн");
  CHECK(bind_units("3 гостя, 4 млнX, 25 школ") == "3 гостя, 4 млнX, 25 школ");  // words, not units
  CHECK(bind_units("5 %") == "5" + nb + "%");
  CHECK(bind_units(" % 7 ") == " % 7 ");
  CHECK(bind_units("") == "");
  CHECK(bind_units("% 20 и 20%") == "% 20 и 20%");
}
