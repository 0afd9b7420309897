// Similar schools, once per build: for each indicator series, school and year, the value of the
// schools like it (vocab/indicators.yaml, `similar`) and how many published values it rests on.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/indicators.h"
#include "model/school_years.h"
#include "model/municipality.h"

namespace sveden {

struct SimilarValue {
  std::optional<double> value;    // absent below the minimum of schools, or for a relative index
  int schools = 0, branches = 0;  // published values in the group (a branch counted apart)
};

struct SimilarSchools {
  SimilarDefinition definition;
  // group[school][year index]: «город, 100–299 обучающихся»; empty when the size is unknown.
  std::vector<std::vector<std::string>> group;
  // values[series][school][year index], parallel to IndicatorSeries::values.
  std::map<SeriesKey, SchoolYears<SimilarValue>> values;

  const SimilarValue* find(const SeriesKey& k, size_t school, size_t y) const {
    auto it = values.find(k);
    return it == values.end() ? nullptr : &it->second[school][y];
  }
};

// A school's size band by students: «до 100 обучающихся», «100–299 обучающихся», «700 и более обучающихся».
std::string size_band_name(const SimilarDefinition& d, size_t band);

SimilarSchools compute_similar_schools(const Municipality& m, const IndicatorSet& set, const SimilarDefinition& d);

}  // namespace sveden
