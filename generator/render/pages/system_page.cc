// The page «Муниципальная система работы со ШНОР»: each component of the management cycle (goals → indicators →
// methods of collecting data → monitoring → analysis and recommendations → measures and decisions → analysis of
// their effectiveness) in the department's own words (content/system.yaml), with what the site already has for it.
#include <fmt/format.h>

#include "analyse/roadmap_progress.h"
#include "render/html.h"
#include "render/markdown.h"
#include "render/roadmap_text.h"
#include "render/page_types.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

namespace {

using data = TemplateValue;

// The keys of templates/system.mustache (docs/THEMES.md).
struct SystemView {
  std::string intro;         // the department's text before the components, in HTML
  data components = tlist(); // id, number, title, text (HTML), has_text, items, has_items

  data to_data() const {
    data d;
    d.set("intro", intro);
    d.set("components", components);
    return d;
  }
};

std::string system_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const Analysis& a = site.analysis();
  const RoadmapProgress& p = a.roadmap;
  std::string root = root_prefix(page.path);
  MarkdownPlace place{"content/", root};
  // What the site has for a component: a line, with a link to where it is published.
  std::map<std::string, data> items;
  for (const auto& c : system_components()) items[c.key] = tlist();
  // `anchor`: a place on that page («targets»).
  auto item = [&](const char* key, const std::string& text, const std::string& path = "", const std::string& anchor = "") {
    items[key].push_back(field(text, "", path.empty() ? "" : site.href(root, path) + (anchor.empty() ? "" : "#" + anchor)));
  };

  // Goals: the roadmap's goals and tasks.
  if (m.roadmap.present) {
    for (const auto& g : m.roadmap.goals) item("goals", "Цель: " + typographic_quotes(g), "support/roadmap/");
    if (!m.roadmap.tasks.empty()) item("goals", fmt::format("Задачи: {}", count_noun(static_cast<long long>(m.roadmap.tasks.size()), "задача", "задачи", "задач")), "support/roadmap/");
  }
  // Indicators and criteria: the groups, whose criteria they are, and the indicators computed for them.
  for (const auto& g : m.criteria.groups) {
    std::string whose = g.preset.empty() ? "критерии управления" : "критерии набора «" + g.preset + "»";
    item("indicators", fmt::format("{}: {}", typographic_quotes(g.title), whose), "support/", "group-" + g.id + "-criteria");
  }
  item("indicators", fmt::format("Показатели школ: {} за {}–{} годы", count_noun(static_cast<long long>(a.indicators.series.size()), "ряд", "ряда", "рядов"),
                                 m.site.years.empty() ? 0 : m.site.years.front(), m.site.years.empty() ? 0 : m.site.years.back()),
       "monitoring/");
  // Methods of collecting data: the tables the site is built from, and the date its data stand at.
  std::vector<std::string> tables;
  for (const auto& [name, cov] : m.coverage)
    if (cov.present) tables.push_back(cov.path);
  if (!tables.empty()) item("methods", fmt::format("Данные: {}", fmt::join(tables, ", ")), "opendata/");
  item("methods", "Данные на " + format_date(m.site.as_of));
  // Monitoring.
  item("monitoring", "Мониторинг показателей школ по годам", "monitoring/");
  for (const auto& r : site.reports())
    if (r.kind == ReportRef::Kind::monitoring) item("monitoring", typographic_quotes(r.title), r.path);
  // Analysis and addressed recommendations.
  for (const auto& r : site.reports())
    if (r.kind == ReportRef::Kind::analysis) item("analysis", typographic_quotes(r.title), r.path);
  // Schools and branches apart: a branch is not called a school.
  long long schools = 0, branches = 0;
  for (size_t i = 0; i < a.recommendations.size() && i < m.schools.size(); ++i)
    if (!a.recommendations[i].empty()) ++(m.schools[i].parent_id.empty() ? schools : branches);
  if (schools + branches > 0)
    item("analysis", fmt::format("Адресные рекомендации: {}", count_schools(schools, branches)), "reports/schools/");
  // Measures and management decisions: the orders on the lists, the roadmap's plan.
  for (const auto& d : m.decisions)
    if (d.order) {
      const Group* g = m.criteria.group(d.group);
      item("measures", fmt::format("Приказ от {} №{}{}{}{}", format_date(d.order->date), kNbsp, d.order->number,
                                   d.order->title.empty() ? "" : " «" + typographic_quotes(d.order->title) + "»",
                                   g ? fmt::format(" — перечень {} {}{}года", g->short_title, d.year, kNbsp) : ""),
           "support/", "lists");
    }
  if (m.roadmap.present) {
    size_t activities = 0;
    for (const auto& s : m.roadmap.sections) activities += s.activities.size();
    std::string approved = approval_text(m.roadmap);
    item("measures", fmt::format("{}: {}{}", m.roadmap.short_title.empty() ? std::string("Дорожная карта") : typographic_quotes(m.roadmap.short_title),
                                 count_noun(static_cast<long long>(activities), "мероприятие", "мероприятия", "мероприятий"),
                                 approved.empty() ? "" : ", " + typographic_quotes(approved)),
         "support/roadmap/");
  }
  // Analysis of effectiveness: the targets' plan and fact, the activities' states.
  for (const auto& tp : p.targets) {
    const TargetYear* last = nullptr;
    for (const auto& y : tp.years)
      if (y.status == TargetStatus::achieved || y.status == TargetStatus::not_achieved) last = &y;
    if (!last) continue;
    item("effectiveness", fmt::format("{}: {} — план {}, факт {}, {}", typographic_quotes(tp.target->title), last->year, plan_text(*last, tp),
                                      fact_text(*last, tp), target_status_name(last->status)),
         "support/roadmap/", "targets");
  }
  if (m.roadmap.present)
    item("effectiveness", fmt::format("Мероприятия: {}", activity_states_text(p, m.roadmap.track_progress, "выполнено")),
         "support/roadmap/", "activities");

  SystemView v;
  v.intro = markdown_to_html(m.system.intro, m.site.trusted_html, place);
  int n = 0;
  for (const auto& c : system_components()) {
    data x;
    x.set("id", c.key);
    x.set("number", std::to_string(++n));
    x.set("title", c.title);
    auto text = m.system.texts.find(c.key);
    bool has_text = text != m.system.texts.end() && !text->second.empty();
    if (has_text) x.set("text", markdown_to_html(text->second, m.site.trusted_html, place));
    x.set("has_text", has_text);
    x.set("items", items[c.key]);
    x.set("has_items", items[c.key].is_non_empty_list());
    v.components.push_back(x);
  }
  data crumbs = w.trail(root, {{"Система работы со ШНОР", ""}});
  return w.layout(page, "Муниципальная система работы со школами с низкими образовательными результатами", w.use("system", v.to_data()), crumbs);
}

}  // namespace

const PageType kSystemPage = {"system", PageType::Scope::portal, {"system"}, single_page("system/"), system_page};

}  // namespace sveden
