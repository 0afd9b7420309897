// The indicator registry (vocab/indicators.yaml, compiled in): titles, units, definitions.
#pragma once
#include <vector>

#include "model/indicators.h"

namespace sveden {

const std::vector<IndicatorSpec>& builtin_indicators();
const std::vector<std::string>& builtin_indicator_ids();
// The definition of similar schools (the `similar` section of the registry).
const SimilarDefinition& builtin_similar_definition();

}  // namespace sveden
