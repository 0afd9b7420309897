// How many schools and how many branches a figure over the municipality rests on: a branch is a part
// of its school, never counted as one («по 16 школам и 1 филиалу», «5 из 18 организаций: 17 школ и
// 1 филиал»).
#pragma once
#include "model/indicators.h"
#include "model/municipality.h"

namespace sveden {

struct PublishedCount {
  long long schools = 0, branches = 0;
};

// The published values of `s` in year index `y`, branches counted apart: the values a municipal value
// and a percentile cut-off rest on (hidden and missing ones never do).
PublishedCount published_count(const Municipality& m, const IndicatorSeries& s, size_t y);

}  // namespace sveden
