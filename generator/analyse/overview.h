// Site-wide figures computed once: how many schools of which kind, how many students in the latest
// year with data, and each school's latest figures. Missing data is counted as missing, never as 0.
#pragma once
#include <optional>
#include <vector>

#include "model/municipality.h"

namespace sveden {

struct SchoolOverview {
  std::optional<int> year;  // latest year with contingent data
  Count students;
  Count teachers;           // latest year with staff data
};

struct Overview {
  // Schools are organisations; a branch is a part of one and is counted apart, never as a school.
  int schools = 0, branches = 0;
  int city = 0, rural = 0;          // schools (without branches) by their locality
  int organisations = 0;            // subordinate organisations that are not schools
  std::optional<int> year;          // latest site year for which any school reported students
  long long students = 0;           // in `year`, over the schools and branches that reported
  int schools_reporting = 0;        // of `schools`, how many reported students in `year`
  int branches_reporting = 0;       // of `branches`, the same
  std::vector<SchoolOverview> per_school;  // parallel to Municipality::schools
};

Overview compute_overview(const Municipality& m);

}  // namespace sveden
