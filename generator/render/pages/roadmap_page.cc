// support/roadmap/: the roadmap as the department wrote it — its passport, each section's activities with
// their timings, terms and what was done as of the build's date — and its targets, plan against fact, with
// a chart each; the progress is analyse/roadmap_progress's, here only placed.
#include <optional>
#include <string>

#include <fmt/format.h>

#include "render/charts.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/typography.h"
#include "render/roadmap_text.h"
#include "analyse/roadmap_progress.h"

namespace sveden {
namespace {

using data = TemplateValue;

// The keys of templates/roadmap.mustache (docs/THEMES.md).
struct RoadmapView {
  std::string title;
  data passport = tlist();        // label, items, list: each line only when the plan gives it
  data summary = tlist();         // how many activities are done, in progress, overdue…
  data sections = tlist();        // title, rows: each activity
  data targets = tlist();         // each target: title, unit, source, rows (year, plan, fact, status), chart
  data control_points = tlist();  // title, dates, responsible, target

  data to_data() const {
    data d;
    d.set("title", title);
    d.set("passport", passport);
    d.set("summary", summary);
    d.set("sections", sections);
    d.set("targets", targets);
    d.set("control_points", control_points);
    d.set("has_control_points", control_points.is_non_empty_list());
    return d;
  }
};

std::string roadmap_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const RoadmapProgress& p = site.analysis().roadmap;
  std::string root = root_prefix(page.path);
  RoadmapView v;
  v.title = m.roadmap.title.empty() ? std::string("Дорожная карта") : typographic_quotes(m.roadmap.title);
  // The passport: what the plan's first page says of itself, each line only when the plan gives it.
  data passport = tlist();
  for (const auto& row : passport_rows(m.roadmap)) {
    data x;
    x.set("label", row.label);
    data items = tlist();
    for (const auto& item : row.items) append(items, data("item", item));
    x.set("items", items);
    x.set("list", row.list);
    passport.push_back(x);
  }
  v.passport = std::move(passport);
  data summary = tlist();
  summary.push_back(field("Выполнено", format_count(p.done)));
  summary.push_back(field("В работе", format_count(p.in_progress)));
  summary.push_back(field("Просрочено", format_count(p.overdue)));
  summary.push_back(field("Не начато", format_count(p.not_started)));
  if (p.not_reported > 0) summary.push_back(field("Сведения не представлены", format_count(p.not_reported)));
  v.summary = std::move(summary);
  data sections = tlist();
  for (size_t s = 0; s < m.roadmap.sections.size(); ++s) {
    data x;
    x.set("title", section_heading(m.roadmap.sections[s]));
    data rows = tlist();
    for (const auto& ap : p.sections[s]) {
      data r;
      r.set("id", activity_number(*ap.activity));
      r.set("title", typographic_quotes(ap.activity->title));
      r.set("timing", typographic_quotes(timing_text(ap.activity->timing)));
      // An empty text is a section that renders in mustache: a key is set only when it has something to say.
      if (!ap.activity->timing.schedule_url.empty()) r.set("timing_href", ap.activity->timing.schedule_url);
      data terms = tlist();
      for (const auto& ts : ap.terms) {
        data tx;
        tx.set("label", ts.label);
        tx.set("state", activity_state_name(ts.state));
        tx.set("overdue", ts.state == ActivityState::overdue);
        terms.push_back(tx);
      }
      r.set("terms", terms);
      r.set("has_terms", terms.is_non_empty_list());
      r.set("responsible", responsible_text(ap.activity->responsible));
      data details = tlist();
      for (const auto& [label, text] : activity_details(*ap.activity)) details.push_back(field(label, text));
      r.set("details", details);
      // What was done, as of the build's date: a note dated later was not written yet.
      data notes = tlist();
      size_t published = 0;
      for (const auto& n : ap.activity->progress) {
        if (m.site.as_of < n.date) continue;
        ++published;
        data x;
        x.set("date", format_date(n.date));
        x.set("text", typographic_quotes(n.text));
        data links = tlist();
        for (const auto& e : n.evidence) links.push_back(field(typographic_quotes(e.title), "", e.url));
        x.set("evidence", links);
        notes.push_back(x);
      }
      r.set("progress_count", std::to_string(published));
      r.set("progress", notes);
      r.set("has_progress", notes.is_non_empty_list());
      r.set("state", activity_state_name(ap.state));
      r.set("overdue", ap.state == ActivityState::overdue);
      if (!ap.note.empty()) r.set("note", ap.note);
      rows.push_back(r);
    }
    x.set("rows", rows);
    sections.push_back(x);
  }
  v.sections = std::move(sections);
  data targets = tlist();
  std::string charts;
  for (size_t t = 0; t < p.targets.size(); ++t) {
    const TargetProgress& tp = p.targets[t];
    data x;
    x.set("title", typographic_quotes(tp.target->title));
    x.set("unit", tp.target->unit);
    if (!tp.target->source.empty()) x.set("source", typographic_quotes(tp.target->source));
    data rows = tlist();
    x.set("id", fmt::format("target-{}", t + 1));
    Chart c;
    c.id = fmt::format("target-chart-{}", t + 1);
    c.title = typographic_quotes(tp.target->title);
    c.unit = tp.target->unit;
    c.decimals = tp.decimals;  // labels as in the table
    c.standalone = false;      // under the target's heading, beside its one table
    ChartSeries plan{"План", {}}, fact{"Факт", {}};
    for (const auto& y : tp.years) {
      data r;
      r.set("year", target_year_text(y));
      r.set("plan", plan_text(y, tp));
      r.set("fact", fact_text(y, tp));
      r.set("status", target_status_name(y.status));
      if (!y.fact_note.empty()) r.set("note", y.fact_note);
      rows.push_back(r);
      c.categories.push_back(std::to_string(y.year));
      plan.values.push_back(y.plan);
      fact.values.push_back(y.fact);
    }
    c.series = {plan, fact};
    x.set("rows", rows);
    x.set("chart", bar_chart(c));
    targets.push_back(x);
  }
  v.targets = std::move(targets);
  data points = tlist();
  for (const auto& cp : m.roadmap.control_points) {
    data x;
    x.set("title", typographic_quotes(cp.title));
    std::vector<std::string> dates;
    for (const auto& dt : cp.dates) dates.push_back(format_date(dt));
    x.set("dates", fmt::format("{}", fmt::join(dates, "; ")));
    x.set("responsible", responsible_text(cp.responsible));
    x.set("target", typographic_quotes(cp.target));
    points.push_back(x);
  }
  v.control_points = std::move(points);
  // A long official title stays the heading; the trail and the window's title take the plan's short one.
  std::string short_title = m.roadmap.short_title.empty() ? std::string("Дорожная карта") : typographic_quotes(m.roadmap.short_title);
  data crumbs = w.trail(root, {{"Поддержка школ", site.href(root, "support/")}, {short_title, ""}});
  return w.layout(page, short_title + ": план и факт", w.use("roadmap", v.to_data()), crumbs);
}

}  // namespace

const PageType kRoadmapPage = {"roadmap", PageType::Scope::portal, {"roadmap"}, single_page("support/roadmap/"), roadmap_page};

}  // namespace sveden
