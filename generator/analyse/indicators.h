// Computes every indicator of the registry for every school and year, once per build: values with
// the number of persons behind them, suppression of small groups, municipal and regional baselines.
#pragma once
#include "model/criteria.h"
#include "model/indicators.h"
#include "model/municipality.h"

namespace sveden {

IndicatorSet compute_indicators(const Municipality& m, const std::vector<IndicatorSpec>& specs,
                                const SocialIndexConfig& social, const ResultsIndexConfig& results = ResultsIndexConfig{});

// A weight as a share of the total: «1/3», «2/5», «1»; «37,5 %» when the weights are not whole.
std::string weight_fraction(double weight, double total);

// The value of a group of schools in year index `y`, from their published values only: pooled over
// persons (Σ value × n ÷ Σ n — for a share Σ numerators ÷ Σ denominators; if a value lacks its
// persons, the simple mean), over schools, or none, as the spec says. `branch` (by school index),
// if given, counts branches apart.
struct GroupValue {
  std::optional<double> value;
  int schools = 0, branches = 0;  // published values it rests on
};
GroupValue group_value(const IndicatorSpec& spec, const IndicatorSeries& s, size_t y, const std::vector<size_t>& schools,
                       const std::vector<bool>* branch = nullptr);

// «Средний балл ОГЭ (математика)» — the indicator's title with its subject or grade.
std::string series_title(const IndicatorSpec& spec, const std::string& param);
// A value with the indicator's unit and precision: «12,5 %», «3,85», «−0,41».
std::string format_indicator(const IndicatorSpec& spec, double value);
// Every value and baseline rounded to its indicator's precision (vocab/indicators.yaml, `units`),
// after all of them are computed: rules, percentiles, charts and sentences then compare the figures
// as published, and a reader can check every «ниже» and «снижалось» against the tables.
void round_to_shown(IndicatorSet& set);

// 95 % confidence intervals (docs/CRITERIA.md, 5.6), unrounded. The Wilson score interval of the
// share part/whole, in per cent.
std::pair<double, double> wilson_interval(long part, long whole);
// mean ± 1,96·s/√n for an ОГЭ mean on the five-point scale, s the sample standard deviation of the
// marks «2»…«5»; none when the marks are incomplete, do not add up to the participants, or all equal.
std::optional<std::pair<double, double>> marks_interval(const Count (&marks)[4], long participants, double mean);
// Above or below the municipal value only when the (rounded) interval excludes it.
Band band_of(const IndicatorValue& v, const std::optional<double>& municipal);
// Sets every value's band against its year's municipal value; after round_to_shown, so that the
// words agree with the printed bounds.
void place_in_bands(IndicatorSet& set);

// The stages of the olympiad an indicator counts (data/olympiad.csv): «региональный» and
// «заключительный» for olympiad_share, «школьный» for olympiad_school_share, none for the others.
const std::vector<std::string>& olympiad_stages(std::string_view indicator);
// «регионального и заключительного этапов», «школьного этапа».
std::string olympiad_stages_text(const std::vector<std::string>& stages);
// «СОШ», «гимназия» and «лицей» — the kinds an indicator applies to, for messages.
std::string kinds_text(const IndicatorSpec& spec);

}  // namespace sveden
