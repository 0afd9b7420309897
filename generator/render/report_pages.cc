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
#include "render/analysis_report.h"
#include "render/analysis_text.h"
#include "render/key_series.h"
#include "render/criteria_table.h"
#include "render/group_lists.h"
#include "render/charts.h"
#include "render/html.h"
#include "render/markdown.h"
#include "render/movement_table.h"
#include "render/report_blocks.h"
#include "render/series_chart.h"
#include "render/page_types.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using kainjow::mustache::data;

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
  put(d, "sections", std::move(list));
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
  d.set("reports_href", site_.href(root, "reports/"));
  d.set("home_href", site_.href(root, ""));
  d.set("has_pdf", site_.with_pdf_);
  d.set("pdf_href", r.file_stem + ".pdf");
  d.set("as_of", format_date(m.site.as_of));
  d.set("invented_data", site_.m_.site.invented_data);
  return sections.splice(use("report", d));
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

kainjow::mustache::data SiteRenderer::Worker::analysis_report(const std::string& /*root*/, size_t which, int& tables, int& figures,
                                                              ReportSections& sections) {
  // 0: the reporting year; k: an earlier year, from the municipality as it was then.
  const Municipality& m = which == 0 ? site_.m_ : site_.past_[which - 1].m;
  AnalysisReport report({m, which == 0 ? site_.analysis_ : site_.past_[which - 1].analysis,
                         which == 0 ? site_.overview_ : site_.past_[which - 1].overview, site_.schools_by_name_,
                         [this](const ApprovingOrder& order) { return order_text(site_.m_, order, "", false); },
                         [this](const std::string& markdown) { return markdown_sections(markdown); }},
                        tables, figures, sections);
  report.build();
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
    for (const auto& row : passport_rows(r)) {
      if (!row.list) {
        b.text(row.label + ": " + row.items[0] + (row.items[0].ends_with(".") ? "" : "."));
        continue;
      }
      b.text(row.label + ":");
      b.items(row.items);
    }
    if (!r.working_group.empty()) {
      b.text("Рабочая группа:");
      std::vector<std::string> members;
      for (const auto& w : r.working_group)
        members.push_back(w.name + " — " + typographic_quotes(w.position) + (w.role.empty() ? "" : " (" + w.role + ")"));
      b.items(members);
    }
    std::vector<std::vector<std::string>> states = {{"выполнено", format_count(p.done)}, {"в работе", format_count(p.in_progress)}};
    if (r.track_progress) states.push_back({"просрочено", format_count(p.overdue)});  // not a state where progress is not tracked
    states.push_back({"не начато", format_count(p.not_started)});
    states.push_back({"отменено", format_count(p.cancelled)});
    if (p.not_reported > 0) states.push_back({"сведения о выполнении не представлены", format_count(p.not_reported)});
    b.table("Состояние мероприятий", {"Состояние", "Мероприятий"}, states);
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
        rows.push_back({target_year_text(y), plan_text(y, tp), fact_text(y, tp),
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
      std::string activity = activity_number(*ap.activity) + ". " + typographic_quotes(ap.activity->title);
      for (const auto& [label, text] : activity_details(*ap.activity)) activity += "\n" + label + ": " + text;
      // The evidence under the state: a column of its own left the activity a fifth of the page, as the term and
      // the state hold unbroken dates («30 сентября 2024 г.») and take their width whatever the widths say.
      std::string terms = terms_text(ap);
      const Timing& timing = ap.activity->timing;
      rows.push_back({activity, typographic_quotes(timing_text(timing)) + (timing.schedule_url.empty() ? "" : "\n" + timing.schedule_url),
                      responsible_text(ap.activity->responsible),
                      std::string(activity_state_name(ap.state)) + (ap.note.empty() ? "" : ": " + ap.note) +
                          (terms.empty() ? "" : "\n" + terms) +
                          (evidence.empty() ? "" : "\nПодтверждение: " + evidence)});
    }
    // A soft hyphen: the long heading may break rather than widen its narrow column.
    b.table(section_heading(m.roadmap.sections[s]), {"Мероприятие", "Срок", "Ответ\u00ADственные", "Состояние"}, rows, "plan");
    sections.add(section_heading(m.roadmap.sections[s]), b.take());
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

// The pages of printed reports, in the registry (render/page_types.def).
const PageType kReportPage = {
    "report", PageType::Scope::portal, {"report", "report_section"},
    [](const SiteRenderer& site, size_t, std::vector<PageRef>& out) {
      for (size_t i = 0; i < site.reports().size(); ++i) out.push_back({nullptr, i, 0, site.reports()[i].path});
    },
    [](SiteRenderer::Worker& w, const PageRef& p) { return w.report(p); },
    [](const SiteRenderer& site, const PageRef& p) {
      const ReportRef& r = site.reports()[p.index];
      return r.kind == ReportRef::Kind::custom ? "content/reports/" + site.municipality().reports[r.index].slug + ".md" : std::string();
    }};

}  // namespace sveden
