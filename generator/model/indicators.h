// Indicator values as analysis computes them: for each indicator (and subject or grade where it
// has one), each school and year — the value, how many persons it rests on, and whether it may be
// published. A suppressed value is kept for the rules alone (docs/CRITERIA.md §4): they may decide on
// it, and every publishing path sees it only as hidden.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/optional_number.h"
#include "model/school_years.h"

namespace sveden {

// The alternatives of one entry of an indicator's `needs`: «oge|ege|vpr.mark4» → «oge», «ege», «vpr.mark4».
inline std::vector<std::string> need_alternatives(const std::string& need) {
  std::vector<std::string> out;
  for (size_t from = 0;;) {
    size_t bar = need.find('|', from);
    out.push_back(need.substr(from, bar == std::string::npos ? std::string::npos : bar - from));
    if (bar == std::string::npos) return out;
    from = bar + 1;
  }
}


struct IndicatorSpec {
  std::string id;
  std::string title;        // «Средний балл ОГЭ»
  std::string unit;         // «балл», «%», «»
  std::string definition;   // the formula in words
  std::string data;         // the tables it needs
  std::string param;        // "" | "subject" | "grade_subject"
  std::string subjects;     // tables.yaml enum of the subjects, for parameterised indicators
  bool higher_is_better = true;
  bool respects_min_group = true;
  int window = 1;           // years the value is computed over (3 for composite indicators)
  std::vector<std::string> applies_to_kinds;  // empty: every school
  // The value means something only for the kinds listed (an ООШ «continues» nobody to its own
  // grade 10): a school whose kind is not given gets no value rather than a misleading one.
  bool kind_required = false;
  // The data it rests on: «table» or «table.column», «a|b» — either will do (vocab/indicators.yaml).
  std::vector<std::string> needs;
  int decimals = 1;
  // How the 95 % confidence interval of a school's value is found (docs/CRITERIA.md, 5.6):
  // "wilson" — Wilson score interval of a share of persons; "marks" — mean ± 1,96·s/√n with s from
  // the distribution of ОГЭ marks; "" — none (no spread in the data, or not a cohort's result).
  std::string interval;
  // How the value of a group of schools is pooled from the published values (vocab/indicators.yaml,
  // `municipal`): over persons — Σ value × n ÷ Σ n, a ratio of sums for a share; over schools — the
  // simple mean; none — a relative index has no group value.
  enum class Pooling { persons, schools, none } pooling = Pooling::persons;
};

// A family of indicators (vocab/indicators.yaml, `families`): ОГЭ, ЕГЭ, staff… — the groups of the
// monitoring page, in the registry's order.
struct IndicatorFamily {
  std::string title;                    // «ОГЭ», «Педагогические кадры»
  std::vector<std::string> indicators;  // ids, in the order shown
};

// Which schools are alike (vocab/indicators.yaml, `similar`): the same locality and size band.
struct SimilarDefinition {
  bool same_locality = true;
  std::vector<int> size_bands;  // upper bounds of students: {100, 300, 700} → <100, 100–299, 300–699, ≥700
  int min_schools = 3;          // published values a group value needs (a branch counted apart)
  std::string source;           // where the definition comes from, or «наш выбор»
};

// A school's value against the municipal value, as its 95 % interval allows one to say: above or
// below only when the interval excludes the municipal value (none: no interval or no baseline).
enum class Band : std::uint8_t { none, below, level, above };

// Why there is no publishable value.
enum class ValueState : std::uint8_t { ok, missing, suppressed, not_applicable };

// 40 bytes, the small members first: millions of them at 10,000 schools (docs/PERFORMANCE.md).
struct IndicatorValue {
  ValueState state = ValueState::missing;
  Band band = Band::none;  // against the municipal value of the year
  int n = 0;               // persons the value rests on (0 when it does not rest on persons)
  double value = 0;  // published when state == ok; when suppressed, the hidden value, for the rules only
  // The 95 % confidence interval, rounded as the value is; only for a published value of an
  // indicator that has one (IndicatorSpec::interval) and data that give its spread.
  OptionalNumber lower, upper;
  // For a value counted from parts, some of them hidden (procedures with 30 % «2», counting the
  // small ones), the value the rules decide on; `value` stays the count of the published parts. Never
  // published: readers outside the rules use `value` and `state` only.
  OptionalNumber decision;
  bool ok() const { return state == ValueState::ok; }
};
static_assert(sizeof(IndicatorValue) == 40);

// The key of one series: indicator id and its parameter («oge_mean», «математика»).
struct SeriesKey {
  std::string indicator;
  std::string param;  // subject, or «4 / русский язык» for ВПР
  auto operator<=>(const SeriesKey&) const = default;
};

struct Baseline {
  std::optional<double> municipal;  // over the schools whose value is published
  std::optional<double> regional;   // from data/regional.csv
  int schools = 0;                  // how many schools the municipal value rests on
};

struct IndicatorSeries {
  SeriesKey key;
  // values[school index][year index], parallel to Municipality::schools and site years
  SchoolYears<IndicatorValue> values;
  std::vector<Baseline> baseline;  // by year index
  // Why a missing value is missing, where the data says more than «нет данных за … г.»: a stage of
  // the olympiad absent from the year, the school's kind not given. {school, year index} → phrase.
  std::map<std::pair<size_t, size_t>, std::string> why_missing;
  // How a published value departs from the definition's full form, for its evidence: the results
  // index over fewer years than its window, or without a family of assessments. Same key.
  std::map<std::pair<size_t, size_t>, std::string> remarks;
  // Why the rules cannot decide on a value that is published (a count of procedures whose previous
  // year has none the rules may use). Same key; such a value has a NaN `decision`.
  std::map<std::pair<size_t, size_t>, std::string> undecided;
};

struct IndicatorSet {
  std::vector<IndicatorSpec> specs;
  std::vector<int> years;
  std::map<SeriesKey, IndicatorSeries> series;
  int min_group = 10;
  // The smallest group a rule is evaluated on (analyse/decision_minimum), and whether verdicts that
  // rest on hidden values are withheld (site.yaml, privacy.verdicts_on_hidden: withhold).
  int decision_min = 1;
  bool withhold_hidden = false;

  // Whether a rule may decide on `v`: a published value, or a hidden one of a group of at least
  // decision_min persons unless such verdicts are withheld.
  bool decidable(const IndicatorValue& v) const {
    if (v.decision && *v.decision != *v.decision) return false;  // NaN: see IndicatorSeries::undecided
    if (v.ok()) return true;
    return v.state == ValueState::suppressed && !withhold_hidden && v.n >= decision_min;
  }
  // Whether a verdict on `v` rests on something hidden, so that its evidence must not name the value.
  static bool rests_on_hidden(const IndicatorValue& v) { return v.state == ValueState::suppressed || v.decision.has_value(); }
  // The value a rule decides on (only where decidable).
  static double decision_value(const IndicatorValue& v) { return v.decision.value_or(v.value); }

  // Whether counts of persons out of a group of `n` stay unpublished, as the shares of that group do
  // (docs/CRITERIA.md §4): «2 of 7 graduates went on to grade 10» is the hidden share itself.
  bool small_group(long n) const { return n > 0 && n < min_group; }

  const IndicatorSpec* spec(std::string_view id) const {
    for (const auto& s : specs)
      if (s.id == id) return &s;
    return nullptr;
  }
  const IndicatorSeries* find(const SeriesKey& k) const {
    auto it = series.find(k);
    return it == series.end() ? nullptr : &it->second;
  }
  int year_index(int year) const {
    for (size_t i = 0; i < years.size(); ++i)
      if (years[i] == year) return static_cast<int>(i);
    return -1;
  }
};

}  // namespace sveden
