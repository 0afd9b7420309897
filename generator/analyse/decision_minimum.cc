#include "analyse/decision_minimum.h"

#include <algorithm>
#include <map>

namespace sveden {

int source_decision_min(std::string_view preset) {
  // Read against the sources (docs/CRITERIA.md §3): приказ № 98/1 (yelnya) and the published wording
  // of Rosobrnadzor's sign (rosobrnadzor30) apply their indicators to every school whatever its size;
  // seed 004 (stavropol-risk-zone) and the «500+» profile (risk500) name no minimum either. A preset
  // whose source sets one is listed here with it.
  static const std::map<std::string, int, std::less<>> kSourceMinimum = {
      {"yelnya", 1}, {"rosobrnadzor30", 1}, {"stavropol-risk-zone", 1}, {"risk500", 1}};
  auto it = kSourceMinimum.find(preset);
  return it == kSourceMinimum.end() ? 1 : it->second;
}

int decision_minimum(const SiteConfig& site, const std::vector<std::string>& presets) {
  if (site.decision_min) return *site.decision_min;
  int minimum = 1;
  for (const auto& p : presets) minimum = std::max(minimum, source_decision_min(p));
  return minimum;
}

}  // namespace sveden
