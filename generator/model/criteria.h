// Identification criteria as plain data (criteria.yaml and the built-in presets): groups of
// schools (ШНОР, ШФНСУ, зона риска…) with their rules, and the «500+» risk factors with levels.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/provenance.h"
#include "base/text_pos.h"

namespace sveden {

enum class Compare {
  less_than, at_most, greater_than, at_least,            // a constant
  below_municipal, above_municipal, below_regional, above_regional,  // a baseline
  bottom_percent, top_percent,                           // a percentile of schools
  fell, rose                                             // its own past
};

enum class Combine { leaf, any, all, at_least };

struct Rule {
  std::string id;     // unique within its group («oge_math_mean_fell2»)
  std::string title;  // as a methodologist says it
  Combine combine = Combine::leaf;
  int at_least = 0;            // for Combine::at_least
  std::vector<Rule> children;  // for combinators
  // Leaf:
  std::string indicator;
  std::string param;           // subject, or «grade / subject»
  Compare compare = Compare::at_least;
  double value = 0;            // constant or percent
  int years = 1;               // fell/rose: consecutive changes required
  int window = 1;              // constant/baseline: years looked at
  bool window_all = true;      // …and whether all of them or any must hold
  std::string source;          // file:line where it was written, for messages
  TextPos pos;
  Provenance provenance;       // the rule itself: indicator, comparison, threshold or base
  Provenance combination;      // for combinators: why any / all / «k из n»
};

// A nested rule's step in a rule's code («shnor.regional_indicators.oge_math_mean_fell2»): its id, or its
// place (from 1) when it has none, as in a risk factor's levels.
inline std::string rule_step(const Rule& child, size_t k) { return child.id.empty() ? std::to_string(k + 1) : child.id; }

// Where a group's members come from: its rules (the computed list, which decisions.yaml may approve and
// amend), the department's lists by year (decisions.yaml `schools:`, an order's list: «школы роста»),
// Rosobrnadzor's list by year (data/federal_lists.csv) or the years of «500+» (data/project500.csv).
enum class Membership { rules, list, rosobrnadzor, project500 };

struct Group {
  std::string id;        // «shnor»
  std::string title;     // «Школы с низкими образовательными результатами (ШНОР)»
  std::string short_title;  // «ШНОР»
  std::string description;
  Rule rule;             // the root: usually a combinator
  std::vector<std::string> exclude;  // groups whose schools are never in this one (defined earlier)
  // `exclude_shnor`: this group also excludes the municipality's own ШНОР list, the group marked
  // `is_shnor` (resolved once the site's file is read, so a preset never names another region's list).
  bool exclude_shnor = false;
  bool is_shnor = false;
  std::string preset;    // where it came from
  Membership members = Membership::rules;
  std::string federal_list;  // rosobrnadzor: the «Список» of data/federal_lists.csv it follows; empty — any
  TextPos pos;
  std::string source;    // file of the definition, for messages
};

// How a member of the group got there, for lists and open data: «критерии», «перечень», «Рособрнадзор», «500+».
inline const char* membership_basis(const Group& g) {
  switch (g.members) {
    case Membership::list: return "перечень";
    case Membership::rosobrnadzor: return "Рособрнадзор";
    case Membership::project500: return "500+";
    case Membership::rules: break;
  }
  return "критерии";
}

// Whether the group's members are a table's (Rosobrnadzor's lists, «500+»): published as data, with no order.
inline bool members_from_data(const Group& g) { return g.members == Membership::rosobrnadzor || g.members == Membership::project500; }

struct RiskFactor {
  std::string id;
  std::string title;
  std::optional<Rule> high;    // «высокий» when it fires
  std::optional<Rule> medium;  // «средний» when it fires (and high does not)
  std::string note;            // e.g. why there is no data
  Provenance provenance;       // the factor itself (its name and indicator)
};

struct SocialIndexConfig {
  std::vector<std::pair<std::string, double>> weights;  // social.csv column → weight
  Provenance provenance;
};

// The composite results index (docs/CRITERIA.md §5.2): the weight of each family of assessments.
// Equal by default, not by participants: ВПР is written by nearly every class and would otherwise
// rank schools almost alone, which it is not meant to do. A family without a weight is left out.
struct ResultsIndexConfig {
  std::vector<std::pair<std::string, double>> weights = {{"ЕГЭ", 1}, {"ОГЭ", 1}, {"ВПР", 1}};
  Provenance provenance;
};

// What counts as one assessment procedure for the Rosobrnadzor «30 %» sign (assessments_below30):
// `subject` — ОГЭ or ЕГЭ in one subject, ВПР in one grade and subject. The only reading computed so far;
// the setting makes it stated rather than implied.
struct AssessmentProcedureConfig {
  std::string counts = "subject";
  Provenance provenance;
};

struct Criteria {
  std::vector<Group> groups;
  std::vector<RiskFactor> risk_factors;
  SocialIndexConfig social_index;
  ResultsIndexConfig results_index;
  AssessmentProcedureConfig procedure;
  std::vector<std::string> presets;  // names of the built-in presets used
  // Whose criteria a built-in preset's are, in words (its `whose:`): «критерии приказа отдела образования … № 98/1».
  std::map<std::string, std::string> whose;
  const Group* group(std::string_view id) const {
    for (const auto& g : groups)
      if (g.id == id) return &g;
    return nullptr;
  }
};

}  // namespace sveden
