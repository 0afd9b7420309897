// What the criteria and indicators need from data/ that the site's tables lack: rules that no school
// can be judged by (a table, a column or the regional values are missing), and years of
// data/olympiad.csv with rows for some stages only. Build and check report them; classification says
// so in the evidence, and the support page names the rules.
#pragma once
#include <string>
#include <vector>

#include "model/classification.h"
#include "model/criteria.h"
#include "model/indicators.h"
#include "model/municipality.h"

namespace sveden {

// Leaf rules of the groups, then of the risk factors, in the order of the criteria. A table the
// municipality does not describe (no entry in `coverage`, as in hand-made test data) counts as present.
std::vector<RuleWithoutData> rules_without_data(const Municipality& m, const Criteria& criteria,
                                                const std::vector<IndicatorSpec>& specs);

// A year of data/olympiad.csv whose rows lack stages an indicator counts. Stages missing at the same
// schools are one part; `every_school` — no school (of at least two with rows that year) has them.
struct OlympiadGap {
  struct Part {
    std::vector<std::string> stages;  // in the order of the stages: «региональный», «заключительный»
    std::vector<size_t> schools;      // indexes into Municipality::schools
    bool every_school = false;
  };
  int year = 0;
  std::vector<Part> parts;
};

std::vector<OlympiadGap> olympiad_gaps(const Municipality& m, const std::vector<IndicatorSpec>& specs);

}  // namespace sveden
