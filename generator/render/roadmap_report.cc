// The printed report on the roadmap (render/roadmap_report.h).
#include "render/roadmap_report.h"

#include <fmt/format.h>

#include "analyse/indicators.h"
#include "analyse/roadmap_progress.h"
#include "render/analysis_text.h"
#include "render/charts.h"
#include "render/key_series.h"
#include "render/roadmap_text.h"
#include "render/series_chart.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

std::string roadmap_report(const SiteRenderer& site, int& tables, int& figures, ReportSections& sections) {
  const Municipality& m = site.municipality();
  const RoadmapProgress& p = site.analysis().roadmap;
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
  return m.site.municipality;
}

}  // namespace sveden
