#include <doctest/doctest.h>

#include <string>

#include "load/number_parse.h"

using namespace sveden;

TEST_CASE("numbers as Russian spreadsheets write them") {
  CHECK(parse_number("12,5").value == doctest::Approx(12.5));
  CHECK(parse_number("12.5").value == doctest::Approx(12.5));
  CHECK(parse_number("1 234,5").value == doctest::Approx(1234.5));
  CHECK(parse_number("1\u00A0234").value == doctest::Approx(1234));
  CHECK(parse_number("1\u202F234\u202F567").value == doctest::Approx(1234567));
  CHECK(parse_number(" 45 % ").value == doctest::Approx(45));
  CHECK(parse_number("45%").had_percent);
  CHECK(parse_number("−3").value == doctest::Approx(-3));
  CHECK(parse_number("7").integral);
  CHECK_FALSE(parse_number("7,0").integral);
}

TEST_CASE("missing is not zero") {
  for (const char* s : {"", " ", "-", "—", "–", "н/д", "Н/Д", "нет данных", "Нет данных"}) {
    INFO(s);
    CHECK(parse_number(s).status == NumberStatus::missing);
  }
  CHECK(parse_number("0").status == NumberStatus::ok);
}

TEST_CASE("what is not a number") {
  for (const char* s : {"3,9б", "1,2,3", "12 5", "1 23", "abc", "1e5", "NaN", "inf", ",5", "5,", "1..2", "--1"}) {
    INFO(s);
    CHECK(parse_number(s).status == NumberStatus::invalid);
  }
  CHECK(parse_number(std::string(400, '9')).status == NumberStatus::out_of_range);
}
