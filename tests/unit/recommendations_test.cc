// Recommendations fit the school they are given to (`only:` kind, locality, size), come strongest first
// (priority, then the number of conditions behind them) and are at most publish.recommendations_per_school.
#include <algorithm>

#include <doctest/doctest.h>

#include "analyse/analyse.h"
#include "load/site_loader.h"

using namespace sveden;

namespace {

Municipality demo() {
  RealDisk disk(SVEDEN_SOURCE_DIR);
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  return std::move(*m);
}

std::optional<int> students(const School& s, int year) {
  for (const auto& c : s.contingent)
    if (c.year == year) return c.students;
  return std::nullopt;
}

}  // namespace

TEST_CASE("recommendations: each fits its school, strongest first, at most the configured number") {
  Municipality m = demo();
  for (int limit : {5, 2}) {
    m.site.recommendations_per_school = limit;
    auto a = analyse(m, 2);
    int year = a->classification.years.back();
    size_t given = 0;
    for (size_t i = 0; i < m.schools.size(); ++i) {
      const auto& list = a->recommendations[i];
      CHECK(list.size() <= static_cast<size_t>(limit));
      given += list.size();
      for (size_t k = 0; k < list.size(); ++k) {
        const Recommendation& r = *list[k].recommendation;
        const School& s = m.schools[i];
        if (!r.only.localities.empty()) CHECK(std::find(r.only.localities.begin(), r.only.localities.end(), s.locality) != r.only.localities.end());
        if (!r.only.kinds.empty()) CHECK(std::find(r.only.kinds.begin(), r.only.kinds.end(), s.kind) != r.only.kinds.end());
        if (r.only.students_min) CHECK(students(s, year).value_or(-1) >= *r.only.students_min);
        if (k > 0) {
          const Recommendation& before = *list[k - 1].recommendation;
          CHECK(before.priority <= r.priority);
          if (before.priority == r.priority) CHECK(list[k - 1].reasons.size() >= list[k].reasons.size());
        }
      }
    }
    CHECK(given > 0);
    MESSAGE("limit ", limit, ": ", given, " recommendations to ", m.schools.size(), " schools");
  }
}

TEST_CASE("recommendations: a recommendation for city schools of 300 pupils or more never reaches a small rural school") {
  Municipality m = demo();
  // Every school's conditions fire: the recommendation is decided by `only:` alone.
  Recommendation r;
  r.id = "platnye";
  r.audience = "администрация";
  r.text = "Рассмотрите введение платных образовательных услуг.";
  r.priority = 1;
  r.only.localities = {"город"};
  r.only.students_min = 300;
  r.when.push_back({"", "", "staff_shortage", "средний"});
  for (const auto& g : m.criteria.groups) r.when.push_back({g.id, "", "", ""});
  m.recommendations.insert(m.recommendations.begin(), r);
  for (size_t k = 0; k < m.recommendations.size(); ++k) m.recommendations[k].order = k;
  auto a = analyse(m, 2);
  int year = a->classification.years.back();
  int rural = 0, city = 0;
  for (size_t i = 0; i < m.schools.size(); ++i) {
    bool given = false;
    for (const auto& sr : a->recommendations[i]) given = given || sr.recommendation->id == "platnye";
    const School& s = m.schools[i];
    bool fits = s.locality == "город" && students(s, year).value_or(0) >= 300;
    if (given) CHECK_MESSAGE(fits, s.short_name);
    rural += s.locality == "село";
    city += given;
  }
  CHECK(rural > 0);
  CHECK(city > 0);  // priority 1 puts it first where it fits and fires
}
