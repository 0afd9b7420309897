// The indicator registry (vocab/indicators.yaml, compiled in): titles, units, definitions.
#pragma once
#include <string_view>
#include <vector>

#include "model/indicators.h"

namespace sveden {

const std::vector<IndicatorSpec>& builtin_indicators();
const std::vector<std::string>& builtin_indicator_ids();
// The families of indicators (the `families` section), each indicator in exactly one.
const std::vector<IndicatorFamily>& builtin_indicator_families();
// The definition of similar schools (the `similar` section of the registry).
const SimilarDefinition& builtin_similar_definition();
// Digits after the comma a value in `unit` is shown with (the `units` section: «%» → 1, «балл» → 2);
// a unit not listed there gets the indicators' default, 1.
int unit_decimals(std::string_view unit);

}  // namespace sveden
