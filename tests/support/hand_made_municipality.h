// A municipality made by hand for the rule tests: `n` schools S1…Sn, all «СОШ», years 2023–2025, and
// indicator series set value by value, with the municipal value the mean of the published ones.
#pragma once
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "load/indicator_vocabulary.h"
#include "model/indicators.h"
#include "model/municipality.h"

namespace sveden::test {

struct HandMadeMunicipality {
  Municipality m;
  IndicatorSet ind;
  Diagnostics diag;

  explicit HandMadeMunicipality(int n) {
    for (int i = 1; i <= n; ++i) {
      School s;
      s.id = "S" + std::to_string(i);
      s.kind = "СОШ";
      m.school_index[s.id] = m.schools.size();
      m.schools.push_back(s);
    }
    m.site.years = {2023, 2024, 2025};
    ind.specs = builtin_indicators();
    ind.years = m.site.years;
    ind.min_group = 10;
  }

  // Sets a series; NAN leaves a value missing.
  void set(const std::string& id, const std::string& param, const std::vector<std::vector<double>>& by_school,
           std::vector<std::optional<double>> regional = {}, long n = 50) {
    IndicatorSeries s;
    s.key = {id, param};
    s.values.assign(m.schools.size(), 3);
    s.baseline.resize(3);
    for (size_t i = 0; i < by_school.size(); ++i)
      for (size_t y = 0; y < by_school[i].size(); ++y) {
        double v = by_school[i][y];
        if (std::isnan(v)) continue;
        IndicatorValue& value = s.values[i][y];
        value.state = ValueState::ok;
        value.value = v;
        value.n = static_cast<int>(n);
      }
    for (size_t y = 0; y < 3; ++y) {
      double sum = 0;
      int c = 0;
      for (size_t i = 0; i < m.schools.size(); ++i)
        if (s.values[i][y].ok()) sum += s.values[i][y].value, ++c;
      if (c) s.baseline[y].municipal = sum / c;
      if (y < regional.size()) s.baseline[y].regional = regional[y];
    }
    ind.series[s.key] = std::move(s);
  }

  // The same value in each of the three years, one per school.
  void set_every_year(const std::string& id, const std::vector<double>& by_school) {
    std::vector<std::vector<double>> values;
    for (double v : by_school) values.push_back({v, v, v});
    set(id, "", values);
  }

  void suppress(const std::string& id, const std::string& param, size_t school, size_t year) {
    ind.series[{id, param}].values[school][year].state = ValueState::suppressed;
  }
};

}  // namespace sveden::test
