// Trend charts of one indicator. A school's trend chart of one indicator over the years against the municipality and the region:
// the same SVG on the school's quality page and in its printed profile.
#pragma once
#include <string>

#include "analyse/indicators.h"

namespace sveden {

// Empty when the school has no published value of the series in any year.
std::string series_chart(const IndicatorSet& set, const IndicatorSpec& spec, const IndicatorSeries& series, size_t school,
                         const std::string& id);

// The municipality's and the region's values of the series over the years: the indicator's monitoring page
// and the analysis report. Empty when neither has a value in any year (the composite index has neither).
std::string municipal_chart(const IndicatorSet& set, const IndicatorSpec& spec, const IndicatorSeries& series,
                            const std::string& id, const std::string& title);

}  // namespace sveden
