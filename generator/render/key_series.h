// The indicator series that tell a school's or the municipality's results in a report, in this order,
// and a value of one of them as printed: «—» where there is none.
#pragma once
#include <optional>
#include <string>

#include "analyse/indicators.h"

namespace sveden {

inline constexpr const char* kKeySeries[] = {"oge_mean", "ege_mean", "oge_below_min_share", "vpr_share2", "continuation_rate",
                                             "results_index", "olympiad_share"};

inline std::string value_or_dash(const std::optional<double>& v, const IndicatorSpec& spec) {
  return v ? format_indicator(spec, *v) : "—";
}

}  // namespace sveden
