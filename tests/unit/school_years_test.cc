// model/school_years: a value per school and year in one block, read as rows of years.
#include <doctest/doctest.h>

#include "model/school_years.h"

using namespace sveden;

TEST_CASE("school years: a row per school, each its years, in school order") {
  SchoolYears<int> t(3, 2);
  CHECK(t.size() == 3);
  t[1][0] = 10;
  t[1][1] = 11;
  t[2][1] = 21;
  int rows = 0, sum = 0;
  for (auto by_year : t) {
    CHECK(by_year.size() == 2);
    for (int& v : by_year) v += 1;  // written through the row
    ++rows;
  }
  CHECK(rows == 3);
  const SchoolYears<int>& read = t;
  for (const auto& by_year : read)
    for (int v : by_year) sum += v;
  CHECK(sum == 10 + 11 + 21 + 6);
  CHECK(read[0][0] == 1);
  CHECK(read[2][1] == 22);
  // No year: every school is there, with nothing in its row.
  t.assign(4, 0);
  CHECK(t.size() == 4);
  CHECK_FALSE(t.empty());
  for (auto by_year : t) CHECK(by_year.empty());
  t.assign(0, 3);
  CHECK(t.empty());
  CHECK(t.begin() == t.end());
}
