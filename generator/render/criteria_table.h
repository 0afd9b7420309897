// The criteria as a table of rules, each with where it comes from (a document's line or a choice), so
// that the support page, the analysis report, opendata/criteria.csv and docs/CRITERIA.md say the same.
#pragma once
#include <string>
#include <vector>

#include "model/criteria.h"
#include "model/indicators.h"
#include "model/municipality.h"

namespace sveden {

struct CriteriaRow {
  std::string group;        // the group's short title or the risk factor's title
  std::string code;         // «shnor.regional_indicators.oge_math_mean_fell2», «equipment_low.high.2»
  int depth = 0;            // 0 — the group or factor itself, 1 — its rules or levels, 2 — inside those…
  std::string title;        // the rule's wording, «высокий уровень», «сочетание правил»
  std::string indicator;    // «Средний балл ОГЭ (математика)»; empty for combinations
  std::string comparison;   // «меньше порога», «входит в долю школ с самыми низкими значениями»
  std::string threshold;    // «60 %», «25 % школ»; empty where there is none
  std::string combination;  // «хотя бы одно из 4», «не менее 2 из 6», «все 2»; empty for a leaf
  Provenance provenance;
};

// Where the members of a group without rules come from, with the table: «по данным Рособрнадзора
// (data/federal_lists.csv, список «низкие образовательные результаты»)», «по данным проекта «500+» (data/project500.csv)».
std::string membership_source(const Group& g);

// Every group (with its combination, rules and nested rules), risk factor (with its levels), and the
// weights and settings the rules rely on, in the order of the criteria.
std::vector<CriteriaRow> criteria_rows(const Criteria& c, const std::vector<IndicatorSpec>& specs);

// The documents the criteria cite, numbered in the order of first citation, so that a report names each
// once in its list of sources and a rule cites «[1], таблица …» instead of the order's full title.
class SourceNumbers {
 public:
  std::string cite(const std::string& document);  // «[1]»
  const std::vector<std::string>& documents() const { return documents_; }

 private:
  std::vector<std::string> documents_;
};

// «Приказ … № 98/1, таблица …: «20% школ…»», «выбор набора: …», «выбор управления образования»; with
// `numbers`, the document is cited by its number: «[1], таблица …».
std::string provenance_text(const Provenance& p, SourceNumbers* numbers = nullptr);
// «источник», «выведено из источника», «выбор набора», «выбор управления образования».
std::string provenance_kind(const Provenance& p);
// A comparison in words with its threshold: «меньше 0,7», «в 25 % школ с самыми низкими значениями».
std::string condition_text(const Rule& r, const std::vector<IndicatorSpec>& specs);
// «Индекс социального благополучия — … с весами: «Неполные семьи»: −1; … Откуда веса: …», the columns named
// as the site's social table titles them.
std::string social_weights_text(const Municipality& m, SourceNumbers* numbers = nullptr);
// What counts as one assessment procedure for the «30 %» sign, with its provenance.
std::string procedure_text(const AssessmentProcedureConfig& config, SourceNumbers* numbers = nullptr);

}  // namespace sveden
