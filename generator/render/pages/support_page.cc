// support/: «Сопровождение деятельности школ с низкими образовательными результатами» — each group's criteria
// with where every rule comes from, its lists by year as published, the movement between groups, risk profiles,
// mentors, «500+» and federal lists, the working group and documents. Figures come from analyse/; here only placed.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "analyse/indicators.h"
#include "analyse/roadmap_progress.h"
#include "render/roadmap_text.h"
#include "load/indicator_vocabulary.h"
#include "render/analysis_text.h"
#include "render/criteria_table.h"
#include "render/charts.h"
#include "render/series_chart.h"
#include "render/html.h"
#include "render/movement_table.h"
#include "render/openness_page.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"
#include "render/group_lists.h"

namespace sveden {
namespace {

using data = TemplateValue;

// The support page's lists of a group: the reporting year's with each school's grounds, earlier years' by name.
// An order's list is published as approved; without one, as a draft, or not at all (publish.unapproved_lists).
data published_lists_data(const SiteRenderer& site, const std::string& root, const Group& group) {
  const Municipality& m = site.municipality();
  const Analysis& a = site.analysis();
  const Classification& cl = a.classification;
  data out = tlist();
  for (size_t y = cl.years.size(); y > 0; --y) {
    const PublishedList* list = find_list(a.lists, group.id, cl.years[y - 1]);
    if (!list) continue;
    bool latest = y == cl.years.size();
    if (!list->approved() && !m.site.draft_lists && !latest && !members_from_data(group)) continue;
    if (group.members == Membership::list && !list->decision) continue;  // no list given for that year
    data x;
    x.set("year", std::to_string(list->year));
    long long schools = 0, branches = 0;
    for (const auto& member : list->members) ++(m.schools[member.school].parent_id.empty() ? schools : branches);
    std::string count = count_schools(schools, branches);
    std::string status;
    bool show = true;
    if (list->approved()) status = fmt::format("Перечень утверждён {}: {}.", order_text(m, *list->decision->order, root, true), count);
    else if (members_from_data(group))
      status = fmt::format("Состав группы — {}: {}.", membership_source(group), list->members.empty() ? std::string("школ нет") : count);
    else if (!m.site.draft_lists) status = "Перечень ещё не утверждён приказом: школы будут названы после его утверждения.", show = false;
    else if (group.members == Membership::list) status = fmt::format("Перечень рабочей группы, приказом пока не утверждён: {}.", count);
    else if (latest) status = fmt::format("Проект перечня — расчёт по критериям, приказом пока не утверждён: {}.", count);
    else status = fmt::format("Перечень по критериям (приказом не утверждался): {}.", count);
    x.set("status", status);
    data rows = tlist();
    std::vector<std::string> names;
    if (show)
      for (size_t i : site.schools_by_name()) {
        auto member = std::find_if(list->members.begin(), list->members.end(), [&](const ListMember& lm) { return lm.school == i; });
        if (member == list->members.end()) continue;
        names.push_back(typographic_quotes(m.schools[i].short_name));
        data r;
        r.set("name", typographic_quotes(m.schools[i].short_name));
        r.set("href", site.href(root, "schools/" + m.schools[i].slug + "/kachestvo/"));
        if (member->included) {
          r.set("evidence", tlist());
          r.set("manual", fmt::format("в перечне по решению: {}", typographic_quotes(member->included->reason)));
        } else {
          r.set("evidence", evidence_list(group_year(cl, group, i, y - 1).evidence));
        }
        rows.push_back(r);
      }
    x.set("detailed", latest && rows.is_non_empty_list());
    x.set("rows", rows);
    x.set("names", names.empty() ? std::string() : fmt::format("{}.", fmt::join(names, ", ")));
    x.set("has_names", !latest && !names.empty());
    // A school the criteria could not decide is said once, in words, for the reporting year only.
    if (latest && !list->undecided.empty()) {
      std::vector<std::string> undecided;
      for (size_t i : site.schools_by_name())
        if (std::find(list->undecided.begin(), list->undecided.end(), i) != list->undecided.end())
          undecided.push_back(typographic_quotes(m.schools[i].short_name));
      x.set("undecided", fmt::format("Для решения о {} недостаточно данных: {}.", undecided.size() == 1 ? "школе" : "школах",
                                     fmt::join(undecided, ", ")));
    }
    out.push_back(x);
  }
  return out;
}
// The rules of a combination for a page: each rule's wording with where it comes from and, for a
// combination inside, how its rules combine and the rules themselves.
data rule_items(const Rule& rule, const std::vector<IndicatorSpec>& specs) {
  data items = tlist();
  for (const auto& r : rule.children) {
    data x;
    x.set("text", r.title.empty() ? condition_text(r, specs) : typographic_quotes(r.title));
    x.set("provenance", provenance_text(r.provenance));
    bool nested = !r.children.empty();
    x.set("has_children", nested);
    x.set("children", nested ? rule_items(r, specs) : tlist());
    x.set("combination", nested ? fmt::format("{}; {}", combine_text(r), provenance_text(r.combination)) : std::string());
    items.push_back(x);
  }
  return items;
}


// The keys of templates/support.mustache (docs/THEMES.md).
struct SupportView {
  data years = tlist();
  data groups = tlist();
  data movement_headers = tlist();
  data movement_rows = tlist();
  bool has_movement = false;
  std::string movement_footnote;
  std::string last_year;
  data factors = tlist();
  data factor_rules = tlist();
  bool has_factors_without_data = false;
  data factors_without_data = tlist();
  data profiles = tlist();
  bool has_profiles = false;
  data mentors = tlist();
  bool has_mentors = false;
  data federal = tlist();
  bool has_federal = false;
  data working_group = tlist();
  bool has_working_group = false;
  data documents = tlist();
  bool has_documents = false;
  std::string roadmap_href;
  std::string roadmap_link;
  std::string opendata_href;

  data to_data() && {
    data d;
    put(d, "years", std::move(years));
    put(d, "groups", std::move(groups));
    put(d, "movement_headers", std::move(movement_headers));
    put(d, "movement_rows", std::move(movement_rows));
    d.set("has_movement", has_movement);
    put(d, "movement_footnote", std::move(movement_footnote));
    put(d, "last_year", std::move(last_year));
    put(d, "factors", std::move(factors));
    put(d, "factor_rules", std::move(factor_rules));
    d.set("has_factors_without_data", has_factors_without_data);
    put(d, "factors_without_data", std::move(factors_without_data));
    put(d, "profiles", std::move(profiles));
    d.set("has_profiles", has_profiles);
    put(d, "mentors", std::move(mentors));
    d.set("has_mentors", has_mentors);
    put(d, "federal", std::move(federal));
    d.set("has_federal", has_federal);
    put(d, "working_group", std::move(working_group));
    d.set("has_working_group", has_working_group);
    put(d, "documents", std::move(documents));
    d.set("has_documents", has_documents);
    put(d, "roadmap_href", std::move(roadmap_href));
    put(d, "roadmap_link", std::move(roadmap_link));
    put(d, "opendata_href", std::move(opendata_href));
    return d;
  }
};

std::string support_page(SiteRenderer::Worker& worker, const PageRef& page) {
  const SiteRenderer& site = worker.site();
  const Municipality& m = site.municipality();
  const Analysis& a = site.analysis();
  const Classification& cl = a.classification;
  std::string root = root_prefix(page.path);
  auto school_link = [&](size_t i) {
    return site.href(root, "schools/" + m.schools[i].slug + "/kachestvo/");
  };
  SupportView v;
  data years = tlist();
  for (int y : cl.years) append(years, data("year", std::to_string(y)));
  v.years = std::move(years);
  data groups = tlist();
  for (const auto& g : cl.groups) {
    data x;
    x.set("id", g.group->id);
    x.set("title", g.group->title);
    x.set("description", g.group->description);
    std::string excluded = exclusion_text(*g.group, m.criteria);
    x.set("rule", combine_text(g.group->rule) + (excluded.empty() ? "" : "; " + excluded));
    x.set("provenance", provenance_text(g.group->rule.provenance));
    // A group without rules says where its members come from instead of how rules combine.
    Membership by = g.group->members;
    x.set("listed", by != Membership::rules);
    x.set("by_list", by == Membership::rules ? std::string()
                     : by == Membership::list ? std::string("состав на каждый год — перечень, утверждённый приказом")
                                              : "состав по годам — " + membership_source(*g.group));
    // Another municipality's criteria, or sveden's, are never published as the department's own without saying so.
    if (auto whose = m.criteria.whose.find(g.group->preset); !g.group->preset.empty() && whose != m.criteria.whose.end())
      x.set("whose", fmt::format("Чьи критерии: {} (встроенный набор «{}»), а не собственные критерии {}.", typographic_quotes(whose->second),
                                 g.group->preset, m.site.department.words.full_genitive));
    x.set("combination_provenance", provenance_text(g.group->rule.combination));
    x.set("rules", rule_items(g.group->rule, a.indicators.specs));
    x.set("has_rules", !g.group->rule.children.empty());
    x.set("procedure", uses_indicator(g.group->rule, "assessments_below30") || uses_indicator(g.group->rule, "assessments_below30_repeat")
                           ? procedure_text(m.criteria.procedure) : std::string());
    x.set("social_weights", uses_indicator(g.group->rule, "social_index") ? social_weights_text(m) : std::string());
    x.set("index_weights", uses_indicator(g.group->rule, "results_index") ? "Сводный индекс образовательных результатов: " + results_index_text(m.criteria.results_index) : std::string());
    // Rules the site's data cannot answer for any school, and why: not a silent «недостаточно данных».
    data unanswered = tlist();
    for (const auto& w : cl.without_data)
      if (w.group == g.group)
        append(unanswered, data("text", fmt::format("{} — {}", quoted(typographic_quotes(w.rule->title)), fmt::join(w.missing, "; "))));
    x.set("has_without_data", unanswered.is_non_empty_list());
    x.set("without_data", unanswered);
    x.set("lists", published_lists_data(site, root, *g.group));
    groups.push_back(x);
  }
  v.groups = std::move(groups);
  // The same table as the analytical report's «Движение школ по группам» (render/movement_table).
  MovementTable mt = movement_table(cl, a.lists);
  data movement_headers = tlist(), movement_rows = tlist();
  for (const auto& h : mt.headers) append(movement_headers, data("text", h));
  for (const auto& row : mt.rows) {
    data r, cells = tlist();
    r.set("group", row[0]);
    r.set("has_group", !row[0].empty());
    r.set("year", row[1]);
    for (size_t k = 2; k < row.size(); ++k) append(cells, data("text", row[k]));
    r.set("cells", cells);
    movement_rows.push_back(r);
  }
  v.movement_headers = std::move(movement_headers);
  v.movement_rows = std::move(movement_rows);
  v.has_movement = v.movement_rows.is_non_empty_list();
  v.movement_footnote = mt.footnote;
  v.last_year = cl.years.empty() ? std::string() : std::to_string(cl.years.back());
  // Risk profiles of the latest year: schools against factors, levels in words.
  data factors = tlist(), profiles = tlist();
  for (const auto& r : cl.risks) append(factors, data("title", r.factor->title));
  for (size_t i : site.schools_by_name()) {
    if (cl.years.empty() || cl.risks.empty()) break;
    data row;
    row.set("name", typographic_quotes(m.schools[i].short_name));
    row.set("href", school_link(i));
    data cells = tlist();
    int high = 0;
    for (const auto& r : cl.risks) {
      RiskLevel l = r.by_school[i].back().level;
      high += l == RiskLevel::high;
      append(cells, data("text", risk_level_name(l)));
    }
    row.set("cells", cells);
    row.set("high", format_count(high));
    profiles.push_back(row);
  }
  v.factors = std::move(factors);
  // How each factor's levels are set, and where each condition comes from.
  data factor_rules = tlist();
  for (const auto& r : cl.risks) {
    const RiskFactor& f = *r.factor;
    data x;
    x.set("title", typographic_quotes(f.title));
    x.set("provenance", provenance_text(f.provenance));
    data levels = tlist();
    for (const auto& [name, level] : {std::pair{"высокий", &f.high}, std::pair{"средний", &f.medium}}) {
      if (!*level) continue;
      data l;
      l.set("text", fmt::format("{} — {}", name, condition_text(**level, a.indicators.specs)));
      const Rule& rule = **level;
      l.set("provenance", rule.children.empty() ? provenance_text(rule.provenance)
                                                : fmt::format("{}; сочетание условий — {}", provenance_text(rule.provenance),
                                                              provenance_text(rule.combination)));
      l.set("conditions", rule_items(rule, a.indicators.specs));
      levels.push_back(l);
    }
    if (!f.high && !f.medium) {
      data l("text", "уровень не определяется: " + typographic_quotes(f.note));
      l.set("provenance", std::string());
      l.set("conditions", tlist());
      levels.push_back(l);
    }
    x.set("levels", levels);
    factor_rules.push_back(x);
  }
  v.factor_rules = std::move(factor_rules);
  data factors_unanswered = tlist();
  for (size_t k = 0; k < cl.without_data.size(); ++k) {
    const RuleWithoutData& w = cl.without_data[k];
    if (!w.factor) continue;
    bool said = false;
    for (size_t j = 0; j < k; ++j) said = said || cl.without_data[j].factor == w.factor;
    if (said) continue;
    std::vector<std::string> missing = w.missing;
    for (size_t j = k + 1; j < cl.without_data.size(); ++j)
      if (cl.without_data[j].factor == w.factor)
        for (const auto& x : cl.without_data[j].missing)
          if (std::find(missing.begin(), missing.end(), x) == missing.end()) missing.push_back(x);
    append(factors_unanswered, data("text", fmt::format("{} — {}", quoted(typographic_quotes(w.factor->title)), fmt::join(missing, "; "))));
  }
  v.has_factors_without_data = factors_unanswered.is_non_empty_list();
  v.factors_without_data = std::move(factors_unanswered);
  v.profiles = std::move(profiles);
  v.has_profiles = v.profiles.is_non_empty_list();
  data mentors = tlist();
  for (size_t i : site.schools_by_name()) {
    const School& s = m.schools[i];
    const School* mentor = m.find(s.mentor_id);
    if (!mentor) continue;
    data x;
    x.set("school", typographic_quotes(s.short_name));
    x.set("school_href", school_link(i));
    x.set("mentor", typographic_quotes(mentor->short_name));
    x.set("mentor_href", site.href(root, "schools/" + mentor->slug + "/"));
    x.set("since", s.mentor_since ? std::to_string(*s.mentor_since) : std::string("—"));
    mentors.push_back(x);
  }
  v.mentors = std::move(mentors);
  v.has_mentors = v.mentors.is_non_empty_list();
  // Participation in «500+» and Rosobrnadzor's lists (data/project500.csv, data/federal_lists.csv), by school.
  data federal = tlist();
  for (size_t i : site.schools_by_name()) {
    const School& s = m.schools[i];
    if (s.project500_years.empty() && s.federal_lists.empty()) continue;
    std::vector<std::string> years500, lists;
    for (int y : s.project500_years) years500.push_back(std::to_string(y));
    // «низкие образовательные результаты: 2023, 2024», a list once with its years, in the order they came.
    std::vector<std::pair<std::string, std::vector<std::string>>> by_list;
    for (const auto& f : s.federal_lists) {
      auto it = std::find_if(by_list.begin(), by_list.end(), [&](const auto& l) { return l.first == f.list; });
      if (it == by_list.end()) it = by_list.insert(by_list.end(), {f.list, {}});
      it->second.push_back(std::to_string(f.year));
    }
    for (const auto& l : by_list) lists.push_back(fmt::format("{}: {}", l.first, fmt::join(l.second, ", ")));
    data x;
    x.set("school", typographic_quotes(s.short_name));
    x.set("school_href", school_link(i));
    x.set("project500", years500.empty() ? std::string("—") : fmt::format("{}", fmt::join(years500, ", ")));
    x.set("federal", lists.empty() ? std::string("—") : fmt::format("{}", fmt::join(lists, "; ")));
    federal.push_back(x);
  }
  v.federal = std::move(federal);
  v.has_federal = v.federal.is_non_empty_list();
  data group = tlist();
  auto member = [&](const std::string& name, const std::string& post, const std::string& role) {
    data x;
    x.set("name", name);
    x.set("post", post);
    x.set("role", role);
    group.push_back(x);
  };
  for (const auto& w : m.roadmap.working_group) member(w.name, w.position, w.role);
  if (m.roadmap.working_group.empty())
    for (const auto& w : m.department.working_group) member(w.name, w.post, w.role);
  v.working_group = std::move(group);
  v.has_working_group = v.working_group.is_non_empty_list();
  data docs = tlist();
  for (const auto& doc : m.documents)
    if (doc.page == "support") docs.push_back(document_link(doc, m.files, root + "documents/"));
  v.documents = std::move(docs);
  v.has_documents = v.documents.is_non_empty_list();
  v.roadmap_href = site.href(root, "support/roadmap/");
  v.roadmap_link = m.roadmap.short_title.empty() ? std::string("Дорожная карта") : typographic_quotes(m.roadmap.short_title);
  v.opendata_href = site.href(root, "opendata/");
  data crumbs = worker.trail(root, {{"Поддержка школ", ""}});
  return worker.layout(page, "Сопровождение деятельности школ с низкими образовательными результатами", worker.use("support", std::move(v).to_data()), crumbs);
}
}  // namespace

const PageType kSupportPage = {"support", PageType::Scope::portal, {"support"}, single_page("support/"), support_page};

}  // namespace sveden
