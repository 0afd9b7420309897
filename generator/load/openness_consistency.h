// Figures the site shows twice must agree: the teachers a school lists on /sveden/employees
// (data/sveden/teachers.csv) and the number its home page and the department's monitoring give for
// the latest year (data/staff.csv).
#pragma once
#include <string>
#include <vector>

#include "model/municipality.h"

namespace sveden {

struct TeacherCountMismatch {
  size_t school = 0;
  int listed = 0;      // persons in teachers.csv
  int year = 0;        // the latest year of staff.csv for the school
  int reported = 0;    // teachers in staff.csv that year
};

// Schools whose list of teachers has rows and disagrees with staff.csv's latest count.
std::vector<TeacherCountMismatch> teacher_count_mismatches(const Municipality& m);

}  // namespace sveden
