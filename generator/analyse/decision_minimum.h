// The smallest group a rule is evaluated on (docs/CRITERIA.md §4): not the privacy minimum, which
// decides what is published, but what the criteria's own sources say, or the site's choice.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/site_config.h"

namespace sveden {

// What a built-in preset's source says about the smallest group its rules apply to: 1 (any group)
// where the source sets no minimum, which is the case for all four presets today.
int source_decision_min(std::string_view preset);

// privacy.decision_min of site.yaml if given; otherwise the largest minimum among the presets used.
int decision_minimum(const SiteConfig& site, const std::vector<std::string>& presets);

}  // namespace sveden
