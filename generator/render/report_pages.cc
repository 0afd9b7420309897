// Printed reports from the same model as the site: the year's analytical report, every school's
// profile (one by one and all in one), the roadmap's progress and the department's own reports in
// Markdown. One print layout for all: cover with the approving block, contents, numbered sections,
// tables and figures; the theme's report.css says how they fall on A4.
#include <cstring>
#include <map>

#include <fmt/format.h>

#include "analyse/indicators.h"
#include "analyse/roadmap_progress.h"
#include "render/roadmap_text.h"
#include "render/analysis_text.h"
#include "render/criteria_table.h"
#include "render/charts.h"
#include "render/html.h"
#include "render/markdown.h"
#include "render/movement_table.h"
#include "render/report_blocks.h"
#include "render/series_chart.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using kainjow::mustache::data;

namespace {

std::string value_or_dash(const std::optional<double>& v, const IndicatorSpec& spec) {
  return v ? format_indicator(spec, *v) : "—";
}

// The series that tell a school's results, in this order.
const char* const kKeySeries[] = {"oge_mean", "ege_mean", "oge_below_min_share", "vpr_share2", "continuation_rate",
                                  "results_index", "olympiad_share"};

}  // namespace

std::string SiteRenderer::Worker::reports(const PageRef& page) {
  std::string root = root_prefix(page.path);
  data items = tlist(), schools = tlist();
  for (const auto& r : site_.reports_) {
    if (r.path.rfind("reports/", 0) != 0) continue;  // a report of the department's audit pages
    data x;
    x.set("title", r.title);
    x.set("href", site_.href(root, r.path));
    x.set("has_pdf", site_.with_pdf_);
    x.set("pdf_href", root + r.path + r.file_stem + ".pdf");
    (r.kind == ReportRef::Kind::school ? schools : items).push_back(x);
  }
  data d;
  d.set("items", items);
  d.set("schools", schools);
  d.set("with_pdf", site_.with_pdf_);
  data crumbs = trail(root, {{"Отчёты", ""}});
  return layout(page, "Отчёты", use("reports", d), crumbs);
}

std::string SiteRenderer::Worker::report(const PageRef& page) {
  const Municipality& m = site_.m_;
  const ReportRef& r = site_.reports_[page.index];
  std::string root = root_prefix(page.path);
  int tables = 0, figures = 0;
  ReportSections sections([this](const data& s) { return use("report_section", s); },
                          r.kind == ReportRef::Kind::all_schools);
  data d;
  switch (r.kind) {
    case ReportRef::Kind::analysis: d = analysis_report(root, r.index, tables, figures, sections); break;
    case ReportRef::Kind::roadmap: d = roadmap_report(root, tables, figures, sections); break;
    case ReportRef::Kind::monitoring: d = monitoring_report(static_cast<int>(r.index), tables, figures, sections); break;
    case ReportRef::Kind::site_monitoring: d = site_monitoring_report(tables, figures, sections); break;
    case ReportRef::Kind::school:
      school_report(r.index, tables, figures, sections);
      d.set("subtitle", typographic_quotes(m.schools[r.index].name));
      break;
    case ReportRef::Kind::all_schools: {
      // Every profile in one file, each from a new page, its parts under their headings.
      for (size_t i : site_.schools_by_name_) {
        sections.open_group(typographic_quotes(m.schools[i].short_name));
        school_report(i, tables, figures, sections);
        sections.close_group();
      }
      d.set("subtitle", fmt::format("{}: {}", m.site.municipality, count_schools(site_.overview_.schools, site_.overview_.branches)));
      break;
    }
    case ReportRef::Kind::custom: {
      const ContentPage& p = m.reports[r.index];
      // Sections are the Markdown's level-2 headings, numbered like the other reports.
      auto parts = markdown_sections(p.markdown);
      for (size_t k = 1; k < parts.size(); ++k) {
        Blocks b(tables, figures);
        sections.add(parts[k].first, b.html(parts[k].second).take());
      }
      d.set("intro", bind_units(parts.front().second));
      d.set("subtitle", p.description);
      break;
    }
  }
  data list = sections.take();
  // A note of a page or two (a справка of three sections) needs no contents page.
  d.set("has_toc", list.list_value().size() >= 4);
  d.set("sections", std::move(list));
  d.set("title", r.title);
  d.set("organisation", m.site.department.name);
  d.set("municipality", m.site.municipality);
  d.set("place", m.site.reports.place);
  d.set("has_place", !m.site.reports.place.empty());
  d.set("has_intro", d.get("intro") != nullptr);
  d.set("year", std::to_string(m.site.as_of.year));
  d.set("date", format_date(m.site.as_of));
  d.set("has_approver", !m.site.reports.approver.name.empty());
  d.set("approver_position", m.site.reports.approver.position);
  d.set("approver_name", m.site.reports.approver.name);
  d.set("css_href", root + "assets/report.css");
  d.set("style_href", root + "assets/style.css");
  d.set("reports_href", site_.href(root, "reports/"));
  d.set("home_href", site_.href(root, ""));
  d.set("has_pdf", site_.with_pdf_);
  d.set("pdf_href", r.file_stem + ".pdf");
  d.set("as_of", format_date(m.site.as_of));
  return use("report", d);
}

std::vector<std::pair<std::string, std::string>> SiteRenderer::Worker::markdown_sections(const std::string& markdown) const {
  std::string html = markdown_to_html(markdown, site_.m_.site.trusted_html, {"content/reports/", kReportRoot});
  std::vector<std::pair<std::string, std::string>> out;
  size_t pos = 0;
  std::string title;
  while (true) {
    size_t h = html.find("<h2>", pos);
    out.emplace_back(title, html.substr(pos, h == std::string::npos ? std::string::npos : h - pos));
    if (h == std::string::npos) break;
    size_t end = html.find("</h2>", h);
    title = decode_title(html.substr(h + 4, end - h - 4));
    pos = end + 5;
  }
  return out;
}

// HTML of a heading back to text (cmark escapes & < > "), for the contents.
std::string SiteRenderer::Worker::decode_title(const std::string& html) {
  std::string out;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      i = html.find('>', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (html[i] == '&') {
      static const std::pair<const char*, char> kEntities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool done = false;
      for (const auto& [e, c] : kEntities)
        if (html.compare(i, std::strlen(e), e) == 0) {
          out += c;
          i += std::strlen(e) - 1;
          done = true;
          break;
        }
      if (done) continue;
    }
    out += html[i];
  }
  return out;
}

kainjow::mustache::data SiteRenderer::Worker::analysis_report(const std::string& root, size_t which, int& tables, int& figures,
                                                              ReportSections& sections) {
  // 0: the reporting year; k: an earlier year, from the municipality as it was then.
  const Municipality& m = which == 0 ? site_.m_ : site_.past_[which - 1].m;
  const Analysis& a = which == 0 ? site_.analysis_ : site_.past_[which - 1].analysis;
  const Classification& cl = a.classification;
  const IndicatorSet& set = a.indicators;
  const Overview& o = which == 0 ? site_.overview_ : site_.past_[which - 1].overview;
  std::string year = cl.years.empty() ? std::string("—") : std::to_string(cl.years.back());
  {
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
  // The criteria in words here; where each rule comes from, with the documents numbered once, in the
  // appendix (cited in full after every rule they filled ten pages ahead of the results).
  Blocks sources(tables, figures);
  SourceNumbers numbers;
  {
    Blocks b(tables, figures);
    for (const auto& g : cl.groups) {
      b.heading(g.group->title);
      sources.heading(g.group->title);
      if (!g.group->description.empty()) b.text(g.group->description);
      b.text(fmt::format("Критерий: {}{}", combine_text(g.group->rule), g.group->rule.children.empty() ? "." : ":"));
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
  {
    Blocks b(tables, figures);
    for (const auto& g : cl.groups) {
      std::vector<std::vector<std::string>> rows;
      long long branches = 0;
      for (size_t i : site_.schools_by_name_) {
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
        b.heading(fmt::format("{}: {}", g.group->title, kListWithheld));
        b.text(fmt::format("Перечень на {}{}год приказом ещё не утверждён; до утверждения школы и их число не публикуются.", year, kNbsp));
        continue;
      }
      std::string computed = count_schools(static_cast<long long>(rows.size()) - branches, branches);
      b.heading(list && list->approved() ? fmt::format("{}: по расчёту — {}", g.group->title, computed)
                                         : fmt::format("{}: {}", g.group->title, computed));
      if (list) {
        if (list->approved()) {
          long long in_schools = 0, in_branches = 0;
          for (const auto& member : list->members) ++(m.schools[member.school].parent_id.empty() ? in_schools : in_branches);
          std::string text = fmt::format("Перечень утверждён {}; в утверждённом перечне — {}.", order_text(*list->decision->order, "", false),
                                         count_schools(in_schools, in_branches));
          for (const auto& [i, change] : list->excluded)
            text += fmt::format(" Исключение из перечня — {}: {}.", escape_html(typographic_quotes(m.schools[i].short_name)),
                                escape_html(typographic_quotes(change->reason)));
          for (const auto& member : list->members)
            if (member.included)
              text += fmt::format(" Включение в перечень — {}: {}.", escape_html(typographic_quotes(m.schools[member.school].short_name)),
                                  escape_html(typographic_quotes(member.included->reason)));
          b.html("<p>" + text + "</p>");
        } else {
          b.text("Перечень приказом пока не утверждён: ниже — расчёт по критериям, проект перечня.");
        }
      }
      if (rows.empty()) b.text(fmt::format("В {} году школ, отвечающих критерию, нет.", year));
      else b.table(fmt::format("{} в {}{}году и основания", g.group->title, year, std::string(kNbsp)),
                   {"Школа", "Решение", "Основания"}, rows);
    }
    sections.add(fmt::format("Школы, отнесённые к группам в {}{}году", year, std::string(kNbsp)), b.take());
  }
  {
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
  {
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
          Chart c;
          c.id = fmt::format("report-trend-{}", ++chart);
          c.title = series_title(*spec, key.param);
          c.unit = spec->unit;
          c.decimals = spec->decimals;
          ChartSeries muni{"Муниципалитет", {}}, reg{"Регион", {}};
          for (size_t y = 0; y < set.years.size(); ++y) {
            c.categories.push_back(std::to_string(set.years[y]));
            muni.values.push_back(series.baseline[y].municipal);
            reg.values.push_back(series.baseline[y].regional);
          }
          c.series = {muni, reg};
          b.figure(c.title + ": муниципалитет и регион", line_chart(c));
        }
      }
    }
    b.table("Результаты обучения по муниципалитету", headers, rows);
    sections.add("Результаты и их динамика", b.take());
  }
  {
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
  {
    Blocks b(tables, figures);
    std::vector<std::string> conclusions;
    for (const auto& g : cl.groups) {
      if (g.flows.empty()) break;
      if (!verdicts_shown(a.lists, g.group->id, cl.years.back())) {
        conclusions.push_back(fmt::format("{}: перечень на {}{}год приказом ещё не утверждён.", g.group->title, year, kNbsp));
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
    conclusions.push_back(fmt::format("Дорожная карта: выполнено мероприятий — {}, в работе — {}, просрочено — {}.", p.done,
                                      p.in_progress, p.overdue));
    b.items(conclusions);
    // Recommendations and the schools each is addressed to, by short name in the register's order.
    struct Addressees {
      std::vector<std::string> names;
      long long branches = 0;
    };
    std::map<const Recommendation*, Addressees> schools;
    for (size_t i : site_.schools_by_name_)
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
    if (!rows.empty()) b.table("Адресные рекомендации", {"Рекомендация", "Кому", "Школы"}, rows);
    // The department's own conclusions and proposals (content/reports/analysis-<year>.md): its opening
    // text closes this section, its level-2 headings follow as sections of their own.
    const ContentPage* own = nullptr;
    for (const auto& p : m.reports)
      if (p.slug == "analysis-" + year) own = &p;
    auto parts = own ? markdown_sections(own->markdown) : std::vector<std::pair<std::string, std::string>>{};
    if (!parts.empty() && parts.front().second.find_first_not_of(" \n") != std::string::npos)
      b.heading(own->title.empty() ? "Выводы " + m.site.department.words.full_genitive : own->title).html(parts.front().second);
    sections.add("Выводы и рекомендации", b.take());
    for (size_t k = 1; k < parts.size(); ++k) {
      Blocks more(tables, figures);
      sections.add(parts[k].first, more.html(parts[k].second).take());
    }
  }
  {
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
  data d;
  d.set("subtitle", m.site.municipality);
  return d;
}

void SiteRenderer::Worker::school_report(size_t si, int& tables, int& figures, ReportSections& sections) {
  const Municipality& m = site_.m_;
  const Analysis& a = site_.analysis_;
  const Classification& cl = a.classification;
  const IndicatorSet& set = a.indicators;
  const School& s = m.schools[si];
  {
    Blocks b(tables, figures);
    std::vector<std::vector<std::string>> rows = {{"Полное наименование", typographic_quotes(s.name)}};
    if (!s.kind.empty()) rows.push_back({"Тип", s.kind});
    if (!s.locality.empty()) rows.push_back({"Местность", s.locality == "город" ? "городская" : "сельская"});
    if (!s.address.empty()) rows.push_back({"Адрес", s.address});
    if (!s.director.empty()) rows.push_back({"Руководитель", s.director});
    if (const auto& so = site_.overview_.per_school[si]; so.students) rows.push_back({"Обучающихся", format_count(*so.students)});
    if (const School* mentor = m.find(s.mentor_id))
      rows.push_back({"Школа-наставник", typographic_quotes(mentor->short_name) +
                                             (s.mentor_since ? fmt::format(" (с {}{}г.)", *s.mentor_since, std::string(kNbsp)) : "")});
    b.table("Сведения о школе", {"Сведение", "Значение"}, rows);
    sections.add("Школа", b.take());
  }
  {
    Blocks b(tables, figures);
    std::vector<std::string> headers = {"Группа"};
    for (int y : cl.years) headers.push_back(std::to_string(y));
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : cl.groups) {
      std::vector<std::string> row = {g.group->title};
      for (size_t y = 0; y < cl.years.size(); ++y) row.push_back(listed_verdict_cell(a.lists, g, si, y, cl.years[y]));
      rows.push_back(row);
    }
    b.table("Отнесение школы к группам по годам", headers, rows);
    for (const auto& g : cl.groups) {
      if (cl.years.empty()) break;
      if (!verdicts_shown(a.lists, g.group->id, cl.years.back())) continue;
      const GroupYear& gy = g.by_school[si].back();
      if (gy.verdict != Verdict::yes && gy.verdict != Verdict::unknown) continue;
      b.heading(fmt::format("{}: {}", g.group->title, verdict_name(gy.verdict)));
      b.items(verdict_reasons(gy.evidence));
    }
    sections.add("Статус по годам и основания", b.take());
  }
  {
    Blocks b(tables, figures);
    // How many of the school's values are published and how many hidden: a small school whose values
    // are mostly hidden gets its published ones only and one sentence on why, not rows of dashes.
    int shown = 0, hidden = 0;
    for (const char* id : kKeySeries)
      for (const auto& [key, series] : set.series)
        if (key.indicator == id)
          for (const auto& v : series.values[si]) shown += v.ok(), hidden += v.state == ValueState::suppressed;
    bool mostly_hidden = hidden > shown;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::pair<std::string, std::string>> trends, points;  // caption, SVG
    for (const char* id : kKeySeries) {
      const IndicatorSpec* spec = set.spec(id);
      if (!spec) continue;
      for (const auto& [key, series] : set.series) {
        if (key.indicator != id) continue;
        // Only the subjects with a published value: a series hidden every year says nothing.
        bool any = false;
        for (const auto& v : series.values[si]) any = any || v.ok();
        if (!any) continue;
        // One row per indicator, the school's years side by side, the comparison for the last year (a row
        // per year made 120 rows of narrow columns: «202/3», «Муниципалит/ет»).
        std::vector<std::string> row = {series_title(*spec, key.param)};
        for (size_t y = 0; y < set.years.size(); ++y) {
          const IndicatorValue& v = series.values[si][y];
          row.push_back(mostly_hidden && !v.ok()                ? std::string("—")
                        : v.state == ValueState::suppressed ? std::string("скрыто")  // explained above the table
                                                            : shown_value(*spec, v));
        }
        size_t last = set.years.size() - 1;
        const IndicatorValue& now = series.values[si][last];
        row.push_back(value_or_dash(series.baseline[last].municipal, *spec));
        row.push_back(value_or_dash(series.baseline[last].regional, *spec));
        std::string interval = interval_text(*spec, now);
        // «3,13–3,83» is not broken at its dash in a narrow column (word joiners around it).
        if (size_t dash = interval.find("–"); dash != std::string::npos) interval.replace(dash, std::string("–").size(), "\u2060–\u2060");
        // The column's heading says «с муниципальным»: «выше», «на уровне», «ниже» and the interval.
        std::string band = band_word(now.band);
        row.push_back(now.ok() && interval != "—" ? fmt::format("{}, интервал {}", band, interval) : band);
        rows.push_back(std::move(row));
        // The series' trend chart, as on the school's quality page: those with two published years or
        // more; a school with none (a small one) gets those of its single published values.
        int published = 0;
        for (const auto& v : series.values[si]) published += v.ok();
        (published >= 2 ? trends : points)
            .emplace_back(series_title(*spec, key.param) + ": школа, муниципалитет и регион",
                          series_chart(set, *spec, series, si, fmt::format("profile-{}-trend-{}", si + 1, trends.size() + points.size() + 1)));
      }
    }
    std::string min_group = count_noun(m.site.min_group, "человека", "человек", "человек");
    if (mostly_hidden)
      b.text(fmt::format("Школа небольшая, и большинство её значений не публикуется: из {} показателей за {} "
                         "опубликовано {}. Значение, рассчитанное по группе меньше {}, скрывается, чтобы по нему нельзя было "
                         "узнать результаты отдельных учеников, и не входит в значение по муниципалитету; ниже — только "
                         "опубликованные значения.",
                         count_noun(shown + hidden, "значения", "значений", "значений"), years_text(set.years), shown, min_group));
    if (!rows.empty()) {
      b.text(kBandExplanation);
      if (hidden > 0 && !mostly_hidden)
        b.text(fmt::format("«Скрыто» — значение группы меньше {}: оно не публикуется и не входит в значение по муниципалитету, "
                           "которое считается по школам с опубликованными значениями.",
                           min_group));
      std::vector<std::string> headers = {"Показатель"};
      for (int y : set.years) headers.push_back(std::to_string(y));
      std::string last = std::to_string(set.years.back());
      // Soft hyphens let the long headings break so that the indicator's name keeps its room.
      for (const char* h : {"Муници\u00ADпалитет, ", "Регион, ", "Сравнение с муници\u00ADпальным, "}) headers.push_back(h + last);
      b.table("Результаты школы, муниципалитета и региона", headers, rows, "by-year");
    } else if (!mostly_hidden) {
      b.text("Опубликованных значений показателей у школы нет.");
    }
    for (const auto& [caption, chart] : trends.empty() ? points : trends) b.figure(caption, chart);
    sections.add("Результаты по годам", b.take());
  }
  {
    Blocks b(tables, figures);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> no_data;  // named in a sentence, not as rows of «нет данных»
    for (const auto& r : cl.risks) {
      if (cl.years.empty()) break;
      const RiskFactorYear& ry = r.by_school[si].back();
      if (ry.level == RiskLevel::no_data) {
        no_data.push_back("«" + typographic_quotes(r.factor->title) + "»");
        continue;
      }
      bool raised = ry.level == RiskLevel::high || ry.level == RiskLevel::medium;
      std::vector<std::string> why;
      for (const auto& e : ry.evidence)
        if (raised && e.verdict == Verdict::yes) why.push_back(typographic_quotes(level_text(e)));
      rows.push_back({r.factor->title, risk_level_name(ry.level), why.empty() ? "—" : fmt::format("{}", fmt::join(why, ";\n"))});
    }
    if (!rows.empty()) b.table("Факторы риска", {"Фактор риска", "Уровень", "Основание"}, rows);
    if (!no_data.empty())
      b.text(rows.empty() ? std::string("По всем факторам риска данных для оценки недостаточно.")
                          : fmt::format("{} {} данных для оценки недостаточно.", no_data.size() == 1 ? "По фактору" : "По факторам",
                                        and_list(no_data)));
    sections.add("Факторы риска", b.take());
  }
  {
    Blocks b(tables, figures);
    std::vector<std::string> recs;
    if (si < a.recommendations.size())
      for (const auto& r : a.recommendations[si])
        recs.push_back(fmt::format("{} (кому: {}; основание: {})", typographic_quotes(r.recommendation->text),
                                   r.recommendation->audience, fmt::join(r.reasons, "; ")));
    if (recs.empty()) b.text("Адресных рекомендаций нет.");
    b.items(recs);
    sections.add("Адресные рекомендации", b.take());
  }
}

kainjow::mustache::data SiteRenderer::Worker::roadmap_report(const std::string& root, int& tables, int& figures,
                                                             ReportSections& sections) {
  const Municipality& m = site_.m_;
  const RoadmapProgress& p = site_.analysis_.roadmap;
  {
    Blocks b(tables, figures);
    if (!m.roadmap.title.empty()) b.text(typographic_quotes(m.roadmap.title) + ".");
    // The passport, as the plan's first page gives it.
    const Roadmap& r = m.roadmap;
    if (std::string approved = approval_text(r); !approved.empty()) b.text("Утверждена: " + typographic_quotes(approved) + ".");
    if (std::string period = period_text(r); !period.empty()) b.text("Срок реализации: " + period + ".");
    if (!r.goal.empty()) b.text("Цель: " + typographic_quotes(r.goal));
    if (!r.tasks.empty()) {
      b.text("Задачи:");
      std::vector<std::string> tasks;
      for (const auto& t : r.tasks) tasks.push_back(typographic_quotes(t));
      b.items(tasks);
    }
    if (std::string coordinator = coordinator_text(r); !coordinator.empty()) b.text("Координатор: " + typographic_quotes(coordinator) + ".");
    if (!r.working_group.empty()) {
      b.text("Рабочая группа:");
      std::vector<std::string> members;
      for (const auto& w : r.working_group)
        members.push_back(w.name + " — " + typographic_quotes(w.position) + (w.role.empty() ? "" : " (" + w.role + ")"));
      b.items(members);
    }
    b.table("Состояние мероприятий", {"Состояние", "Мероприятий"},
            {{"выполнено", format_count(p.done)}, {"в работе", format_count(p.in_progress)},
             {"просрочено", format_count(p.overdue)}, {"не начато", format_count(p.not_started)},
             {"отменено", format_count(p.cancelled)}});
    sections.add("Общие сведения", b.take());
  }
  {
    Blocks b(tables, figures);
    for (size_t t = 0; t < p.targets.size(); ++t) {
      const TargetProgress& tp = p.targets[t];
      std::vector<std::vector<std::string>> rows;
      Chart c;
      c.id = fmt::format("report-target-{}", t + 1);
      c.title = typographic_quotes(tp.target->title);
      c.unit = tp.target->unit;
      c.decimals = tp.decimals;  // labels as in the table
      ChartSeries plan{"План", {}}, fact{"Факт", {}};
      for (const auto& y : tp.years) {
        rows.push_back({std::to_string(y.year), y.plan ? format_figure(*y.plan, tp.decimals, tp.target->unit) : "—",
                        y.fact ? format_figure(*y.fact, tp.decimals, tp.target->unit) : "—",
                        std::string(target_status_name(y.status)) + (y.fact_note.empty() ? "" : " (" + y.fact_note + ")")});
        c.categories.push_back(std::to_string(y.year));
        plan.values.push_back(y.plan);
        fact.values.push_back(y.fact);
      }
      c.series = {plan, fact};
      b.heading(typographic_quotes(tp.target->title) + (tp.target->unit.empty() ? "" : ", " + tp.target->unit));
      if (!tp.target->source.empty()) b.text("Источник: " + typographic_quotes(tp.target->source) + ".");
      b.table(typographic_quotes(tp.target->title) + ": план и факт", {"Год", "План", "Факт", "Итог"}, rows);
      b.figure(typographic_quotes(tp.target->title) + ": план и факт", bar_chart(c));
    }
    sections.add("Целевые показатели: план и факт", b.take());
  }
  for (size_t s = 0; s < m.roadmap.sections.size(); ++s) {
    Blocks b(tables, figures);
    std::vector<std::vector<std::string>> rows;
    for (const auto& ap : p.sections[s]) {
      std::string evidence;
      for (const auto& note : ap.activity->progress)
        for (const auto& e : note.evidence) evidence += (evidence.empty() ? "" : "; ") + e.title;
      // The activity's cell carries what the plan says of it besides the title, a line each (cells keep line breaks).
      std::string activity = ap.activity->id + ". " + typographic_quotes(ap.activity->title);
      for (const auto& [label, text] : activity_details(*ap.activity)) activity += "\n" + label + ": " + text;
      // The evidence under the state: a column of its own left the activity a fifth of the page, as the term and
      // the state hold unbroken dates («30 сентября 2024 г.») and take their width whatever the widths say.
      rows.push_back({activity, timing_text(ap.activity->timing), responsible_text(ap.activity->responsible),
                      std::string(activity_state_name(ap.state)) + (ap.note.empty() ? "" : ": " + ap.note) +
                          (evidence.empty() ? "" : "\nПодтверждение: " + evidence)});
    }
    // A soft hyphen: the long heading may break rather than widen its narrow column.
    b.table(typographic_quotes(m.roadmap.sections[s].title), {"Мероприятие", "Срок", "Ответ\u00ADственные", "Состояние"}, rows, "plan");
    sections.add(typographic_quotes(m.roadmap.sections[s].title), b.take());
  }
  {
    Blocks b(tables, figures);
    std::vector<std::vector<std::string>> rows;
    for (const auto& cp : m.roadmap.control_points) {
      std::vector<std::string> dates;
      for (const auto& dt : cp.dates) dates.push_back(format_date(dt));
      rows.push_back({typographic_quotes(cp.title), typographic_quotes(cp.target), fmt::format("{}", fmt::join(dates, "; ")),
                      responsible_text(cp.responsible)});
    }
    if (rows.empty()) b.text("Контрольные точки не заданы.");
    else b.table("Контрольные точки", {"Контрольная точка", "Целевое значение", "Сроки", "Ответственные"}, rows);
    sections.add("Контрольные точки", b.take());
  }
  data d;
  d.set("subtitle", m.site.municipality);
  return d;
}

}  // namespace sveden
