#include "render/criteria_table.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analyse/indicators.h"
#include "render/analysis_text.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {
namespace {

const IndicatorSpec* find_spec(const std::vector<IndicatorSpec>& specs, const std::string& id) {
  for (const auto& s : specs)
    if (s.id == id) return &s;
  return nullptr;
}

std::string nb(std::string_view a, std::string_view b) { return fmt::format("{}{}{}", a, kNbsp, b); }

std::string combination_text(const Rule& r) {
  size_t n = r.children.size();
  switch (r.combine) {
    case Combine::any: return nb("хотя бы одно из", std::to_string(n));
    case Combine::all: return nb("все", std::to_string(n));
    case Combine::at_least: return fmt::format("не менее {} из {}", r.at_least, n);
    case Combine::leaf: break;
  }
  return {};
}

std::string threshold_text(const Rule& r, const IndicatorSpec* spec) {
  switch (r.compare) {
    case Compare::bottom_percent:
    case Compare::top_percent: return format_percent(r.value, r.value == static_cast<int>(r.value) ? 0 : 1) + " школ";
    case Compare::less_than:
    case Compare::at_most:
    case Compare::greater_than:
    case Compare::at_least: return spec ? format_indicator(*spec, r.value) : format_number(r.value, 2);
    case Compare::fell:
    case Compare::rose: return r.years == 1 ? std::string("за год") : fmt::format("{} подряд", nb(std::to_string(r.years), r.years < 5 ? "года" : "лет"));
    default: return {};
  }
}

std::string comparison_text(Compare c) {
  switch (c) {
    case Compare::less_than: return "меньше порога";
    case Compare::at_most: return "не больше порога";
    case Compare::greater_than: return "больше порога";
    case Compare::at_least: return "не меньше порога";
    case Compare::below_municipal: return "ниже, чем по муниципалитету";
    case Compare::above_municipal: return "выше, чем по муниципалитету";
    case Compare::below_regional: return "ниже, чем по региону";
    case Compare::above_regional: return "выше, чем по региону";
    case Compare::bottom_percent: return "в доле школ с самыми низкими значениями";
    case Compare::top_percent: return "в доле школ с самыми высокими значениями";
    case Compare::fell: return "снижалось";
    case Compare::rose: return "росло";
  }
  return {};
}

class RowWriter {
 public:
  RowWriter(const std::vector<IndicatorSpec>& specs, std::vector<CriteriaRow>& out) : specs_(specs), out_(out) {}

  // A rule and, for a combination, a row for how its rules combine and a row for each of them.
  void rule(const std::string& group, const std::string& code, int depth, const Rule& r, const std::string& title) {
    CriteriaRow row;
    row.group = group;
    row.code = code;
    row.depth = depth;
    row.title = title;
    row.provenance = r.provenance;
    if (r.combine == Combine::leaf) {
      const IndicatorSpec* spec = find_spec(specs_, r.indicator);
      row.indicator = spec ? series_title(*spec, r.param) : r.indicator;
      row.comparison = comparison_text(r.compare);
      // A window of years (docs/CRITERIA.md, 2.9) is part of the comparison, whatever the rule's title says.
      if (r.window > 1)
        row.comparison += fmt::format(" {} из {} последних лет", r.window_all ? "во все годы" : "хотя бы в один год", r.window);
      row.threshold = threshold_text(r, spec);
      out_.push_back(std::move(row));
      return;
    }
    row.combination = combination_text(r);
    out_.push_back(row);
    CriteriaRow how;
    how.group = group;
    how.code = code + ".combination";
    how.depth = depth;
    how.title = fmt::format("сочетание правил: {}", row.combination);
    how.combination = row.combination;
    how.provenance = r.combination;
    out_.push_back(std::move(how));
    for (size_t k = 0; k < r.children.size(); ++k) {
      const Rule& child = r.children[k];
      std::string id = rule_step(child, k);
      this->rule(group, code + "." + id, depth + 1, child, child.title.empty() ? condition_text(child, specs_) : typographic_quotes(child.title));
    }
  }

 private:
  const std::vector<IndicatorSpec>& specs_;
  std::vector<CriteriaRow>& out_;
};

std::string weights_text(const std::vector<std::pair<std::string, double>>& weights) {
  std::vector<std::string> parts;
  for (const auto& [name, w] : weights) {
    int decimals = w == std::round(w) ? 0 : w * 10 == std::round(w * 10) ? 1 : 2;  // −0,5, not −0,50
    parts.push_back(fmt::format("{}: {}", name, format_number(w, decimals)));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

std::string SourceNumbers::cite(const std::string& document) {
  auto it = std::find(documents_.begin(), documents_.end(), document);
  if (it == documents_.end()) it = documents_.insert(it, document);
  return fmt::format("[{}]", it - documents_.begin() + 1);
}

std::string provenance_text(const Provenance& p, SourceNumbers* numbers) {
  std::string where = numbers && !p.document.empty() ? numbers->cite(p.document) : p.document;
  if (!p.item.empty()) where += ", " + p.item;
  if (!p.quote.empty()) where += fmt::format(": «{}»", p.quote);
  std::string text = p.is_source()    ? where
                     : p.is_derived() ? fmt::format("выведено из документа: {}; {}", where, p.choice)
                     : p.is_choice()  ? "выбор набора критериев: " + p.choice
                                      : "выбор " + p.owner_genitive;
  for (const auto& change : p.changes) text += fmt::format("; изменено {} {}", p.owner_instrumental, change);
  return typographic_quotes(text);
}

std::string provenance_kind(const Provenance& p) {
  std::string kind = p.is_source() ? "источник" : p.is_derived() ? "выведено из источника" : p.is_choice() ? "выбор набора" : "выбор " + p.owner_genitive;
  return p.changes.empty() || p.empty() ? kind : kind + ", изменено " + p.owner_instrumental;
}

std::string condition_text(const Rule& r, const std::vector<IndicatorSpec>& specs) {
  if (r.combine != Combine::leaf) {
    std::vector<std::string> parts;
    for (const auto& c : r.children) parts.push_back(condition_text(c, specs));
    std::string glue = r.combine == Combine::all ? " и " : r.combine == Combine::any ? " или " : "; ";
    std::string joined;
    for (size_t k = 0; k < parts.size(); ++k) joined += (k ? glue : std::string()) + parts[k];
    return r.combine == Combine::at_least ? fmt::format("не менее {} из: {}", r.at_least, joined) : joined;
  }
  const IndicatorSpec* spec = find_spec(specs, r.indicator);
  std::string what = spec ? series_title(*spec, r.param) : r.indicator;
  std::string threshold = threshold_text(r, spec);
  switch (r.compare) {
    case Compare::bottom_percent: return fmt::format("{} — в {} с самыми низкими значениями", what, threshold);
    case Compare::top_percent: return fmt::format("{} — в {} с самыми высокими значениями", what, threshold);
    case Compare::less_than: return fmt::format("{} — меньше {}", what, threshold);
    case Compare::at_most: return fmt::format("{} — не больше {}", what, threshold);
    case Compare::greater_than: return fmt::format("{} — больше {}", what, threshold);
    case Compare::at_least: return fmt::format("{} — не меньше {}", what, threshold);
    case Compare::fell:
    case Compare::rose: return fmt::format("{} — {} {}", what, comparison_text(r.compare), threshold);
    default: return fmt::format("{} — {}", what, comparison_text(r.compare));
  }
}

std::string social_weights_text(const Municipality& m, SourceNumbers* numbers) {
  const SocialIndexConfig& config = m.criteria.social_index;
  auto table = m.coverage.find("social");
  std::vector<std::pair<std::string, double>> named;
  for (const auto& [column, w] : config.weights) {
    auto t = table == m.coverage.end() ? std::map<std::string, std::string>::const_iterator{} : table->second.titles.find(column);
    bool titled = table != m.coverage.end() && t != table->second.titles.end();
    named.emplace_back(titled ? "«" + t->second + "»" : column, w);
  }
  return fmt::format("Индекс социального благополучия — сумма долей из социального паспорта школы с весами: {}. Откуда веса: {}.",
                     weights_text(named), provenance_text(config.provenance, numbers));
}

std::string procedure_text(const AssessmentProcedureConfig& config, SourceNumbers* numbers) {
  return fmt::format("Одна оценочная процедура — ОГЭ по одному предмету, ЕГЭ по одному предмету, ВПР одной параллели по одному "
                     "предмету ({}).",
                     provenance_text(config.provenance, numbers));
}

std::string membership_source(const Group& g) {
  if (g.members == Membership::project500) return "по данным проекта «500+» (data/project500.csv)";
  return fmt::format("по данным Рособрнадзора (data/federal_lists.csv{})",
                     g.federal_list.empty() ? "" : fmt::format(", список «{}»", typographic_quotes(g.federal_list)));
}

std::vector<CriteriaRow> criteria_rows(const Criteria& c, const std::vector<IndicatorSpec>& specs) {
  std::vector<CriteriaRow> out;
  RowWriter w(specs, out);
  for (const auto& g : c.groups) {
    if (g.members == Membership::rules) {
      size_t at = out.size();
      w.rule(g.short_title, g.id, 0, g.rule, typographic_quotes(g.title));
      if (std::string excluded = exclusion_text(g, c); !excluded.empty()) out[at].combination += "; " + excluded;
      continue;
    }
    // A group without rules: what decides its members is a list, said where a rule's combination would be.
    CriteriaRow row;
    row.group = g.short_title;
    row.code = g.id;
    row.title = typographic_quotes(g.title);
    row.combination = g.members == Membership::list ? "без правил: состав группы на каждый год — перечень, утверждённый приказом"
                                                    : fmt::format("без правил: состав группы по годам — {}", membership_source(g));
    out.push_back(std::move(row));
  }
  for (const auto& f : c.risk_factors) {
    CriteriaRow row;
    row.group = f.title;
    row.code = f.id;
    row.title = typographic_quotes(f.title);
    row.provenance = f.provenance;
    if (!f.high && !f.medium) row.comparison = typographic_quotes(f.note);
    out.push_back(std::move(row));
    if (f.high) w.rule(f.title, f.id + ".high", 1, *f.high, "высокий уровень: " + condition_text(*f.high, specs));
    if (f.medium) w.rule(f.title, f.id + ".medium", 1, *f.medium, "средний уровень: " + condition_text(*f.medium, specs));
  }
  auto setting = [&](std::string code, std::string title, std::string indicator, std::string threshold, const Provenance& p) {
    CriteriaRow row;
    row.group = "настройки показателей";
    row.code = std::move(code);
    row.title = std::move(title);
    row.indicator = std::move(indicator);
    row.threshold = std::move(threshold);
    row.provenance = p;
    out.push_back(std::move(row));
  };
  const IndicatorSpec* social = find_spec(specs, "social_index");
  if (!c.social_index.weights.empty())
    setting("social_index", "веса индекса социального благополучия", social ? social->title : "social_index",
            weights_text(c.social_index.weights), c.social_index.provenance);
  auto used = [&](std::string_view indicator) {
    for (const auto& g : c.groups)
      if (uses_indicator(g.rule, indicator)) return true;
    for (const auto& f : c.risk_factors)
      if ((f.high && uses_indicator(*f.high, indicator)) || (f.medium && uses_indicator(*f.medium, indicator))) return true;
    return false;
  };
  const IndicatorSpec* results = find_spec(specs, "results_index");
  if (used("results_index"))
    setting("results_index", "веса ЕГЭ, ОГЭ и ВПР в сводном индексе образовательных результатов", results ? results->title : "results_index",
          weights_text(c.results_index.weights), c.results_index.provenance);
  const IndicatorSpec* below30 = find_spec(specs, "assessments_below30");
  if (used("assessments_below30") || used("assessments_below30_repeat"))
    setting("procedure", "что считается одной оценочной процедурой: ОГЭ и ЕГЭ по одному предмету, ВПР одной параллели по одному предмету",
          below30 ? below30->title : "assessments_below30", c.procedure.counts, c.procedure.provenance);
  return out;
}

}  // namespace sveden
