// What the as-of date has overtaken is found: a curriculum of a past school year, a financial plan of
// a past year, a self-examination report older than the previous year, courses older than three years.
#include <doctest/doctest.h>

#include "../support/test_files.h"
#include "load/openness_currency.h"
#include "load/site_loader.h"

using namespace sveden;

namespace {

std::vector<std::string> found(const std::string& documents, const std::string& teachers, Date as_of) {
  MemoryDisk disk = test::minimal_site();
  disk.put("data/documents.csv", "school_id;kind;title;file;date\n" + documents);
  disk.put("documents/T1/a.pdf", "%PDF-1.4 a");
  if (!teachers.empty()) disk.put("data/sveden/teachers.csv", "Код ОО;ФИО;Должность;Повышение квалификации\n" + teachers);
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE(m);
  std::vector<std::string> out;
  for (const auto& x : outdated_items(*m, as_of)) out.push_back(x.what);
  return out;
}

}  // namespace

TEST_CASE("openness currency: the school year of a date") {
  CHECK(school_year_of(Date{2025, 10, 1}) == 2025);
  CHECK(school_year_of(Date{2026, 3, 1}) == 2025);
  CHECK(school_year_of(Date{2025, 8, 31}) == 2024);
}

TEST_CASE("openness currency: a curriculum of last school year is outdated, this year's is not") {
  auto f = found("T1;учебный план;Учебный план на 2024/2025 учебный год;a.pdf;2024-08-30\n"
                 "T1;календарный учебный график;Календарный учебный график;kug-2025-2026.pdf;2025-08-29\n",
                 "", Date{2025, 10, 1});
  CHECK(f == std::vector<std::string>{"учебный план на 2024/2025 учебный год, а идёт 2025/2026"});
}

TEST_CASE("openness currency: a financial plan of a past year and an old self-examination report") {
  auto f = found("T1;план ФХД;План финансово-хозяйственной деятельности на 2024 год;a.pdf;2023-12-27\n"
                 "T1;план ФХД;План финансово-хозяйственной деятельности на 2025 год;a.pdf;2024-12-27\n"
                 "T1;отчёт о самообследовании;Отчёт о результатах самообследования за 2023 год;a.pdf;2024-04-15\n"
                 "T1;отчёт о самообследовании;Отчёт о результатах самообследования за 2024 год;a.pdf;2025-04-15\n",
                 "", Date{2025, 10, 1});
  CHECK(f == std::vector<std::string>{"план финансово-хозяйственной деятельности на 2024 год, а идёт 2025",
                                      "отчёт о самообследовании за 2023 год, а к 2025-10-01 публикуется отчёт за 2024 год"});
  // Before 20 April the report for the year before last is still the latest one due.
  CHECK(found("T1;отчёт о самообследовании;Отчёт о результатах самообследования за 2023 год;a.pdf;2024-04-15\n", "",
              Date{2025, 3, 1})
            .empty());
}

TEST_CASE("openness currency: courses older than three years in the column «за последние 3 года»") {
  auto f = found("", "T1;Иванова Анна Петровна;учитель;\"2024 — «ФГОС», 36 ч.; 2019 — «ИКТ», 72 ч.\"\nT1;Петров Олег Ильич;учитель;2023 — «ГИА», 36 ч.\n",
                 Date{2025, 10, 1});
  CHECK(f == std::vector<std::string>{"Иванова Анна Петровна: повышение квалификации 2019 года в столбце «за последние 3 года»"});
}
