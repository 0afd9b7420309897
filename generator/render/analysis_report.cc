#include "render/analysis_report.h"

#include <map>

#include <fmt/format.h>

#include "analyse/indicators.h"
#include "render/charts.h"
#include "render/criteria_table.h"
#include "render/html.h"
#include "render/key_series.h"
#include "render/movement_table.h"
#include "render/roadmap_text.h"
#include "render/series_chart.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using data = TemplateValue;

void AnalysisReport::build() {
  in_figures();
  criteria();
  groups();
  movement();
  results();
  risks();
  conclusions();
  appendix();
}

void AnalysisReport::in_figures() {
  Blocks b(tables, figures);
  std::vector<std::vector<std::string>> rows = {
      {"Общеобразовательных организаций", format_count(o.schools)},
      {"из них в городе", format_count(o.city)},
      {"в сельской местности", format_count(o.rural)},
      {"Филиалов школ", format_count(o.branches)}};
  if (o.organisations > 0) rows.push_back({"Иных подведомственных организаций", format_count(o.organisations)});
  if (o.year) rows.push_back({fmt::format("Обучающихся в {}{}году", *o.year, std::string(kNbsp)), format_count(o.students)});
  std::string period = cl.years.empty() ? std::string("—")
                       : cl.years.front() == cl.years.back() ? fmt::format("{}{}год", cl.years.front(), kNbsp)
                                                             : fmt::format("{}–{}{}годы", cl.years.front(), cl.years.back(), kNbsp);
  b.text(fmt::format("Отчёт подготовлен по данным мониторинга за {} по состоянию на {} Значения групп меньше {} "
                     "не приводятся и не входят в значения по муниципалитету: те считаются по школам с опубликованными значениями.",
                     period, format_date(m.site.as_of), count_noun(m.site.min_group, "человека", "человек", "человек")));
  b.table(fmt::format("{} в цифрах", m.site.municipality), {"Показатель", "Значение"}, rows);
  sections.add("Муниципальная система образования в цифрах", b.take());
}

void AnalysisReport::criteria() {
  Blocks b(tables, figures);
  for (const auto& g : cl.groups) {
    b.heading(g.group->title);
    sources.heading(g.group->title);
    if (!g.group->description.empty()) b.text(g.group->description);
    std::string excluded = exclusion_text(*g.group, m.criteria);
    b.text(fmt::format("Критерий: {}{}{}", combine_text(g.group->rule), excluded.empty() ? "" : "; " + excluded,
                       g.group->rule.children.empty() ? "." : ":"));
    std::vector<Blocks::ListItem> rules, origins = {
        {"группа — " + provenance_text(g.group->rule.provenance, &numbers), {}},
        {"сочетание условий — " + provenance_text(g.group->rule.combination, &numbers), {}}};
    for (const auto& r : g.group->rule.children) {
      rules.push_back({typographic_quotes(r.title), {}});
      origins.push_back({typographic_quotes(r.title) + " — " + provenance_text(r.provenance, &numbers), {}});
      if (r.children.empty()) continue;
      rules.back().text += fmt::format("; {}:", combine_text(r));
      origins.back().text += fmt::format("; сочетание — {}", provenance_text(r.combination, &numbers));
      for (const auto& c : r.children) {
        rules.back().sub.push_back(typographic_quotes(c.title));
        origins.back().sub.push_back(typographic_quotes(c.title) + " — " + provenance_text(c.provenance, &numbers));
      }
    }
    b.items(rules);
    sources.items(origins);
    if (uses_indicator(g.group->rule, "assessments_below30") || uses_indicator(g.group->rule, "assessments_below30_repeat"))
      sources.text(procedure_text(m.criteria.procedure, &numbers));
    if (uses_indicator(g.group->rule, "results_index")) b.text("Сводный индекс образовательных результатов: " + results_index_text(m.criteria.results_index));
    if (uses_indicator(g.group->rule, "social_index")) sources.text(social_weights_text(m, &numbers));
  }
  if (!cl.risks.empty()) {
    b.heading("Факторы риска «500+»");
    sources.heading("Факторы риска «500+»");
    b.text("Высокий уровень — школа среди худших в муниципалитете по показателю и показатель хуже порога, заданного в наборе "
           "критериев; средний — школа в худшей половине школ муниципалитета (уровень относительный); иначе — низкий.");
    std::vector<std::string> factors, origins;
    for (const auto& r : cl.risks) {
      const RiskFactor& f = *r.factor;
      std::string text = typographic_quotes(f.title), origin = text + " — " + provenance_text(f.provenance, &numbers);
      for (const auto& [name, level] : {std::pair{"высокий", &f.high}, std::pair{"средний", &f.medium}})
        if (*level) {
          std::vector<std::string> why = {provenance_text((*level)->provenance, &numbers)};
          if (!(*level)->children.empty()) why.push_back("сочетание условий — " + provenance_text((*level)->combination, &numbers));
          for (const auto& c : (*level)->children) why.push_back(provenance_text(c.provenance, &numbers));
          text += fmt::format("; {} — {}", name, condition_text(**level, set.specs));
          origin += fmt::format("; {} уровень — {}", name, fmt::join(why, "; "));
        }
      if (!f.high && !f.medium) text += "; уровень не определяется: " + typographic_quotes(f.note);
      factors.push_back(text);
      origins.push_back(origin);
    }
    b.items(factors);
    sources.items(origins);
  }
  b.text("Откуда каждое условие — из документа (строка и цитата) или выбор, сделанный при составлении критериев, и почему, — "
         "сказано в приложении 1.");
  sections.add("Критерии отнесения школ к группам", b.take());
}

void AnalysisReport::groups() {
  Blocks b(tables, figures);
  for (const auto& g : cl.groups) {
    std::vector<std::vector<std::string>> rows;
    long long branches = 0;
    for (size_t i : by_name) {
      if (cl.years.empty()) break;
      const GroupYear& gy = g.by_school[i].back();
      if (gy.verdict != Verdict::yes) continue;
      branches += !m.schools[i].parent_id.empty();
      std::vector<std::string> why = verdict_reasons(gy.evidence);
      rows.push_back({typographic_quotes(m.schools[i].short_name), verdict_cell(gy), fmt::format("— {}", fmt::join(why, ";\n— "))});
    }
    // Whether an order approved the list, and what it changed: the table below is the computation.
    const PublishedList* list = cl.years.empty() ? nullptr : find_list(a.lists, g.group->id, cl.years.back());
    if (list && !list->shown) {
      b.heading(fmt::format("{}: {}", g.group->title, withheld_words(a.lists, g.group->id, list->year)));
      if (list_given(a.lists, g.group->id, list->year))
        b.text(fmt::format("Перечень на {}{}год приказом ещё не утверждён; до утверждения школы и их число не публикуются.", year, kNbsp));
      else
        b.text(fmt::format("Перечня на {}{}год управление не давало: утверждать было нечего, школ в группе в этом году нет.", year, kNbsp));
      continue;
    }
    std::string computed = count_schools(static_cast<long long>(rows.size()) - branches, branches);
    Membership by = g.group->members;
    b.heading(list && list->approved() && by == Membership::rules ? fmt::format("{}: по расчёту — {}", g.group->title, computed)
                                                                  : fmt::format("{}: {}", g.group->title, computed));
    if (list) {
      if (list->approved()) {
        long long in_schools = 0, in_branches = 0;
        for (const auto& member : list->members) ++(m.schools[member.school].parent_id.empty() ? in_schools : in_branches);
        std::string text = fmt::format("Перечень утверждён {}; в утверждённом перечне — {}.", order(*list->decision->order),
                                       count_schools(in_schools, in_branches));
        for (const auto& [i, change] : list->excluded)
          text += fmt::format(" Исключение из перечня — {}: {}.", escape_html(typographic_quotes(m.schools[i].short_name)),
                              escape_html(typographic_quotes(change->reason)));
        for (const auto& member : list->members)
          if (member.included)
            text += fmt::format(" Включение в перечень — {}: {}.", escape_html(typographic_quotes(m.schools[member.school].short_name)),
                                escape_html(typographic_quotes(member.included->reason)));
        b.html("<p>" + text + "</p>");
      } else if (members_from_data(*g.group)) {
        b.text(fmt::format("Состав группы — {}.", membership_source(*g.group)));
      } else if (by == Membership::list) {
        b.text("Перечень рабочей группы, приказом пока не утверждён.");
      } else {
        b.text("Перечень приказом пока не утверждён: ниже — расчёт по критериям, проект перечня.");
      }
    }
    if (rows.empty()) b.text(by == Membership::rules ? fmt::format("В {} году школ, отвечающих критерию, нет.", year)
                                                     : fmt::format("В перечне на {} год школ нет.", year));
    else b.table(fmt::format("{} в {}{}году и основания", g.group->title, year, std::string(kNbsp)),
                 {"Школа", "Решение", "Основания"}, rows);
  }
  sections.add(fmt::format("Школы, отнесённые к группам в {}{}году", year, std::string(kNbsp)), b.take());
}

void AnalysisReport::movement() {
  Blocks b(tables, figures);
  Chart c;
  c.id = "report-movement";
  // The flows count a branch with the schools; the chart says so rather than call it a school.
  c.title = m.branch_count() > 0 ? "Число школ и филиалов в группах по годам" : "Число школ в группах по годам";
  c.decimals = 0;
  for (int y : cl.years) c.categories.push_back(std::to_string(y));
  for (const auto& g : cl.groups) {
    ChartSeries s{g.group->short_title.empty() ? g.group->title : g.group->short_title, {}};
    for (size_t y = 0; y < cl.years.size() && y < g.flows.size(); ++y)
      s.values.push_back(verdicts_shown(a.lists, g.group->id, cl.years[y]) ? std::optional<double>(g.flows[y].current) : std::nullopt);
    c.series.push_back(s);
  }
  MovementTable t = movement_table(cl, a.lists);
  b.text(t.footnote);
  b.table("Движение школ по группам", t.headers, t.rows);
  b.figure(c.title, bar_chart(c));
  sections.add("Движение школ по годам", b.take());
}

void AnalysisReport::results() {
  Blocks b(tables, figures);
  std::vector<std::string> headers = {"Показатель"};
  for (int y : set.years) headers.push_back(std::to_string(y));
  headers.push_back("Регион");
  std::vector<std::vector<std::string>> rows;
  int chart = 0;
  for (const char* id : kKeySeries) {
    const IndicatorSpec* spec = set.spec(id);
    if (!spec || spec->pooling == IndicatorSpec::Pooling::none) continue;  // no municipal value (docs/CRITERIA.md, 5.4)
    for (const auto& [key, series] : set.series) {
      if (key.indicator != id) continue;
      std::vector<std::string> row = {series_title(*spec, key.param)};
      for (const auto& bl : series.baseline) row.push_back(value_or_dash(bl.municipal, *spec));
      row.push_back(series.baseline.empty() ? "—" : value_or_dash(series.baseline.back().regional, *spec));
      rows.push_back(row);
      if (std::string(id) == "oge_mean" && (key.param == "математика" || key.param == "русский язык")) {
        std::string title = series_title(*spec, key.param);
        std::string svg = municipal_chart(set, *spec, series, fmt::format("report-trend-{}", ++chart), title);
        if (!svg.empty()) b.figure(title + ": муниципалитет и регион", svg);  // no figure without a value
      }
    }
  }
  b.table("Результаты обучения по муниципалитету", headers, rows);
  sections.add("Результаты и их динамика", b.take());
}

void AnalysisReport::risks() {
  Blocks b(tables, figures);
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : cl.risks) {
    int counts[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < m.schools.size() && !cl.years.empty(); ++i) ++counts[static_cast<int>(r.by_school[i].back().level)];
    rows.push_back({r.factor->title, format_count(counts[0]), format_count(counts[1]), format_count(counts[2]), format_count(counts[3])});
  }
  if (!rows.empty()) b.table(fmt::format("Уровни факторов риска «500+» в {}{}году, число школ", year, std::string(kNbsp)),
                             {"Фактор риска", "Высокий", "Средний", "Низкий", "Нет данных"}, rows);
  else b.text("Факторы риска не рассчитывались.");
  sections.add("Факторы риска по школам", b.take());
}

void AnalysisReport::conclusions() {
  Blocks b(tables, figures);
  std::vector<std::string> conclusions;
  for (const auto& g : cl.groups) {
    if (g.flows.empty()) break;
    if (!verdicts_shown(a.lists, g.group->id, cl.years.back())) {
      conclusions.push_back(list_given(a.lists, g.group->id, cl.years.back())
                                ? fmt::format("{}: перечень на {}{}год приказом ещё не утверждён.", g.group->title, year, kNbsp)
                                : fmt::format("{}: перечень на {}{}год не задан.", g.group->title, year, kNbsp));
      continue;
    }
    const GroupFlow& f = g.flows.back();
    int in_branches = f.current_branches, in = f.current - in_branches;
    int unknown_branches = f.unknown_branches, unknown = f.unknown - unknown_branches;
    std::string text = fmt::format("{}: в {}{}году — {}", g.group->title, year, std::string(kNbsp),
                                   count_schools(in, in_branches));
    if (f.has_previous) {
      text += fmt::format(" (годом раньше — {}; вошли — {}, вышли — {}", f.previous, f.entered, f.left);
      if (f.from_unknown > 0) text += fmt::format(", вошли после «недостаточно данных» — {}", f.from_unknown);
      if (f.to_unknown > 0) text += fmt::format(", перешли в «недостаточно данных» — {}", f.to_unknown);
      text += ")";
    }
    if (unknown + unknown_branches > 0)
      text += fmt::format("; по {} данных для решения недостаточно", count_schools_dative(unknown, unknown_branches));
    conclusions.push_back(text + ".");
  }
  const RoadmapProgress& p = a.roadmap;
  conclusions.push_back(fmt::format("Дорожная карта: {}.", activity_states_text(p, m.roadmap.track_progress)));
  b.items(conclusions);
  std::vector<std::vector<std::string>> rows = recommendation_rows();
  if (!rows.empty()) b.table("Адресные рекомендации", {"Рекомендация", "Кому", "Школы"}, rows);
  // The department's own conclusions and proposals (content/reports/analysis-<year>.md): its opening
  // text closes this section, its level-2 headings follow as sections of their own.
  const ContentPage* own = nullptr;
  for (const auto& p : m.reports)
    if (p.slug == "analysis-" + year) own = &p;
  auto parts = own ? markdown(own->markdown) : std::vector<std::pair<std::string, std::string>>{};
  if (!parts.empty() && parts.front().second.find_first_not_of(" \n") != std::string::npos)
    b.heading(own->title.empty() ? "Выводы " + m.site.department.words.full_genitive : own->title).html(parts.front().second);
  sections.add("Выводы и рекомендации", b.take());
  for (size_t k = 1; k < parts.size(); ++k) {
    Blocks more(tables, figures);
    sections.add(parts[k].first, more.html(parts[k].second).take());
  }
}

// Recommendations and the schools each is addressed to, by short name in the register's order.
std::vector<std::vector<std::string>> AnalysisReport::recommendation_rows() const {
  struct Addressees {
    std::vector<std::string> names;
    long long branches = 0;
  };
  std::map<const Recommendation*, Addressees> schools;
  for (size_t i : by_name)
    if (i < a.recommendations.size())
      for (const auto& r : a.recommendations[i]) {
        Addressees& to = schools[r.recommendation];
        to.names.push_back(typographic_quotes(m.schools[i].short_name));
        to.branches += !m.schools[i].parent_id.empty();
      }
  std::vector<std::vector<std::string>> rows;
  for (const auto& rec : m.recommendations)
    if (auto it = schools.find(&rec); it != schools.end()) {
      const Addressees& to = it->second;
      rows.push_back({typographic_quotes(rec.text), rec.audience,
                      fmt::format("{}: {}", count_schools(static_cast<long long>(to.names.size()) - to.branches, to.branches),
                                  fmt::join(to.names, ", "))});
    }
  return rows;
}

void AnalysisReport::appendix() {
  Blocks b(tables, figures);
  std::vector<std::string> documents;
  for (size_t k = 0; k < numbers.documents().size(); ++k)
    documents.push_back(fmt::format("[{}] {}", k + 1, typographic_quotes(numbers.documents()[k])));
  if (!documents.empty()) b.text("Документы, на которые ссылаются критерии:").items(documents);
  b.text(fmt::format("«Выбор набора критериев» — правило, которого в документе нет или которое документ не уточняет: его выбрали "
                     "при составлении набора, причина названа; «изменено» — изменение, внесённое {} в набор критериев.",
                     m.site.department.words.full_instrumental));
  data blocks = b.take(), origins = sources.take();
  for (const auto& x : origins.list_value()) blocks.push_back(x);
  sections.add_appendix("Критерии и их источники", std::move(blocks));
}

}  // namespace sveden
