// The analysis in words, shared by the site's pages and the printed reports, so that both say the
// same thing: a value as shown, a verdict with its movement, its reasons, a rule's combination.
#pragma once
#include <string>
#include <vector>

#include "analyse/approved_lists.h"
#include "model/classification.h"
#include "model/criteria.h"
#include "model/indicators.h"

namespace sveden {

// «3,29», «—» when there is none, «скрыто (меньше порога)» for a small group.
std::string shown_value(const IndicatorSpec& spec, const IndicatorValue& v);
// «8,9–53,2 %» — the value's 95 % interval as published; «—» when it has none.
std::string interval_text(const IndicatorSpec& spec, const IndicatorValue& v);
// «выше муниципального значения», «ниже …», «на уровне …»; «—» without an interval or baseline.
std::string band_text(Band b);
// The same under a heading that names the municipal value: «выше», «ниже», «на уровне»; «—» without one.
std::string band_word(Band b);
// What the band means, said once on a page that shows bands.
extern const char* const kBandExplanation;
// «да (осталась)».
std::string verdict_cell(const GroupYear& g);
// The cell of a group's year as published: verdict_cell, or «перечень не утверждён» where the list of
// that year is published nowhere before its order (publish.unapproved_lists: hide), «перечень не задан»
// where a group given by lists has no list that year (withheld_words).
std::string listed_verdict_cell(const std::vector<PublishedList>& lists, const GroupResult& g, size_t school, size_t year_index,
                                int year);
// The rules that gave the same answer as the whole («да», or «недостаточно данных» and why).
std::vector<std::string> verdict_reasons(const Evidence& e);
// What a risk level rests on: a single rule's sentence, or for a level of several conditions each of
// them («…— входит в 25 % школ…; …— меньше порога 0,7»), not a count of conditions met.
std::string level_text(const Evidence& e);
// «школа относится к группе, если выполняются не менее 3 из 7 условий».
std::string combine_text(const Rule& r);
// The groups whose schools a group never takes (`exclude`, and with `exclude_shnor` the group marked
// `is_shnor`): «школы группы «ШНОР» в неё не включаются»; empty when there are none.
std::string exclusion_text(const Group& g, const Criteria& c);
// Whether the rule, or a rule inside it, compares `indicator`.
bool uses_indicator(const Rule& r, std::string_view indicator);
// The weights of the composite results index in words and why (docs/CRITERIA.md §5.2), to follow
// «Сводный индекс образовательных результатов: »: «ЕГЭ, ОГЭ и ВПР входят в индекс с равным весом, по 1/3…».
std::string results_index_text(const ResultsIndexConfig& config);

}  // namespace sveden
