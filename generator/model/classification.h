// What the criteria say about each school and year, with the evidence behind every verdict, and
// the «500+» risk profile. Produced by analyse/classify, read by pages, reports and open data.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/criteria.h"

namespace sveden {

enum class Verdict { yes, no, unknown, not_applicable };

class EvidenceWords;

// What an evidence says beyond its verdict: its sentence and the figures the verdict rests on.
struct EvidenceSaid {
  // «Средний балл ОГЭ (математика): 3,80 (2023) → 3,60 (2024) → 3,40 (2025) — снижается 2 года подряд»
  std::string text;
  std::vector<std::pair<int, double>> values;  // year → published value the rule used
  std::optional<double> reference;             // threshold, baseline or percentile cut-off
  std::string reference_label;                 // «порог», «по региону», «граница 20 % школ…»
};

// One rule's result: the verdict, and what it rests on. The sentence and figures are not kept: `said()`
// makes them again when a page, report or open-data file asks, from the same data and cut-offs the
// verdict was decided on (analyse/classify). A build of 2,000 schools has some 370,000 pieces of
// evidence; kept, their sentences and figures were most of the memory the classification held.
struct Evidence {
  const Rule* rule = nullptr;
  const EvidenceWords* words = nullptr;  // the classification's: says the rest
  Verdict verdict = Verdict::unknown;
  std::uint32_t school = 0;      // index into the municipality's schools
  std::uint16_t year_index = 0;  // index into the classification's years
  bool listed = false;           // a listed group's membership (an order, a federal list, «500+»), not a rule's figures
  std::uint16_t note = 0;        // 1 + the index of the words said before the sentence («не рассматривается: …»); 0 — none
  std::vector<Evidence> children;

  EvidenceSaid said() const;
  std::string text() const { return said().text; }
};

// Says an evidence. Made by analyse/classify and owned by the classification whose evidence it says.
class EvidenceWords {
 public:
  virtual ~EvidenceWords() = default;
  virtual EvidenceSaid say(const Evidence& e) const = 0;
};

inline EvidenceSaid Evidence::said() const { return words ? words->say(*this) : EvidenceSaid{}; }

// Against the previous year. `from_unknown`: in the group after a year of «недостаточно данных»;
// `to_unknown`: «недостаточно данных» after a year in the group.
enum class Movement { none, entered, stayed, left, out, from_unknown, to_unknown };

struct GroupYear {
  Verdict verdict = Verdict::unknown;
  Movement movement = Movement::none;
  Evidence evidence;
};

// How a group's list changed from the previous year, so that every row adds up:
// previous + entered − left + from_unknown − to_unknown = current. Branches count as schools here
// and are also counted apart (`*_branches`) for sentences that name them.
struct GroupFlow {
  bool has_previous = false;  // the previous calendar year is among the years
  int previous = 0;           // in the group the year before
  int entered = 0;            // «нет» (or «не применяется») then, in the group now
  int left = 0;               // in the group then, «нет» now
  int from_unknown = 0;       // «недостаточно данных» then, in the group now
  int to_unknown = 0;         // in the group then, «недостаточно данных» now
  int current = 0, current_branches = 0;  // in the group this year
  int unknown = 0, unknown_branches = 0;  // «недостаточно данных» this year
};

struct GroupResult {
  const Group* group = nullptr;
  std::vector<std::vector<GroupYear>> by_school;  // [school][year index]
  std::vector<GroupFlow> flows;                    // [year index]
};

enum class RiskLevel { high, medium, low, no_data };

struct RiskFactorYear {
  RiskLevel level = RiskLevel::no_data;
  std::vector<Evidence> evidence;  // high, then medium
};

struct RiskResult {
  const RiskFactor* factor = nullptr;
  std::vector<std::vector<RiskFactorYear>> by_school;  // [school][year index]
};

// A rule that cannot be evaluated for any school: the site has no table, column or regional value it
// needs. Every school gets «недостаточно данных» for it; the build and the support page say why.
struct RuleWithoutData {
  const Group* group = nullptr;        // the group the rule belongs to, or
  const RiskFactor* factor = nullptr;  // the risk factor whose level it is
  const Rule* rule = nullptr;          // the leaf rule
  std::vector<std::string> missing;    // «нет таблицы data/olympiad.csv»
};

struct Classification {
  std::vector<int> years;
  // Says every evidence of this classification. It reads the municipality and indicators the
  // classification was made from: they must outlive it, unchanged.
  std::shared_ptr<const EvidenceWords> words;
  std::vector<RuleWithoutData> without_data;  // in the order of the criteria
  std::vector<GroupResult> groups;
  std::vector<RiskResult> risks;
  const GroupResult* group(std::string_view id) const {
    for (const auto& g : groups)
      if (g.group->id == id) return &g;
    return nullptr;
  }
};

const char* verdict_name(Verdict v);     // «да», «нет», «недостаточно данных», «не применяется»
const char* movement_name(Movement m);   // «включена впервые», «осталась», «исключена», …
const char* risk_level_name(RiskLevel l);  // «высокий», «средний», «низкий», «нет данных»

}  // namespace sveden
