// Evaluates the criteria over the indicators: for every group, school and year a verdict with the
// evidence of every rule (fired or not, with values, thresholds, baselines and years), the movement
// in and out of each list, and the «500+» risk levels.
#pragma once
#include "model/classification.h"
#include "model/criteria.h"
#include "model/indicators.h"
#include "model/municipality.h"

namespace sveden {

// Schools are independent of each other (percentile cut-offs are computed over all of them once, shared by
// the threads), so they are classified on `jobs` threads; the result does not depend on it.
Classification classify(const Municipality& m, const IndicatorSet& indicators, const Criteria& criteria, int jobs = 1);

}  // namespace sveden
