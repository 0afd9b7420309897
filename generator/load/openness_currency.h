// What a school publishes that the as-of date has overtaken: a curriculum, calendar or plan of a past
// school year, a financial plan of a past year, a self-examination report older than the previous
// year, professional development older than three years in the column «за последние 3 года».
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/municipality.h"

namespace sveden {

struct OutdatedItem {
  size_t school = 0;  // a site: Municipality::site_owner
  const Document* document = nullptr;  // null for a teacher's course
  std::string what;                    // «учебный план на 2024/2025 учебный год, а идёт 2025/2026»
  std::string table = "documents";     // where to fix it: «documents» or «teachers»
};

std::vector<OutdatedItem> outdated_items(const Municipality& m, const Date& as_of);

// The school year a date falls in, by its first calendar year: 1 October 2025 → 2025 (2025/2026).
int school_year_of(const Date& d);

}  // namespace sveden
