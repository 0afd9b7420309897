// The teachers a school lists on /sveden/employees and the count of data/staff.csv agree, or the
// build says where they differ.
#include <doctest/doctest.h>

#include "../support/test_files.h"
#include "load/openness_consistency.h"
#include "load/site_loader.h"

using namespace sveden;

TEST_CASE("openness consistency: a list of teachers shorter than staff.csv's latest count is found; a person under two posts counts once") {
  MemoryDisk disk = test::minimal_site();
  disk.put("data/sveden/teachers.csv",
           "Код ОО;ФИО;Должность\nT1;Иванова Анна Петровна;учитель\nT1;Иванова Анна Петровна;педагог-организатор\n"
           "T1;Петров Олег Ильич;учитель\n");
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE(m);
  auto found = teacher_count_mismatches(*m);
  REQUIRE(found.size() == 1);
  CHECK(m->schools[found[0].school].id == "T1");
  CHECK(found[0].listed == 2);
  const StaffYear* latest = nullptr;
  for (const auto& y : m->find("T1")->staff)
    if (y.teachers) latest = &y;
  REQUIRE(latest);
  CHECK(found[0].year == latest->year);
  CHECK(found[0].reported == *latest->teachers);
}

TEST_CASE("openness consistency: no list, nothing to compare") {
  MemoryDisk disk = test::minimal_site();
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE(m);
  CHECK(teacher_count_mismatches(*m).empty());
}
