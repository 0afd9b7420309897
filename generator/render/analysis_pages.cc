// Pages that show the analysis: a school's «Система работы по повышению качества образования», the
// portal's section on supporting low-results schools with the roadmap, and monitoring. Figures
// come from analyse/ already computed; here they are only placed.
#include <fmt/format.h>

#include "analyse/indicators.h"
#include "analyse/roadmap_progress.h"
#include "render/roadmap_text.h"
#include "load/indicator_vocabulary.h"
#include "render/analysis_text.h"
#include "render/site_monitoring_page.h"
#include "render/criteria_table.h"
#include "render/charts.h"
#include "render/series_chart.h"
#include "render/html.h"
#include "render/movement_table.h"
#include "render/openness_page.h"
#include "render/page_types.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using kainjow::mustache::data;

namespace {

data evidence_list(const Evidence& e) {
  data out = tlist();
  for (const auto& r : verdict_reasons(e)) out.push_back(data("text", r));
  return out;
}

}  // namespace

namespace {

const GroupYear& group_year(const Classification& cl, const Group& group, size_t school, size_t year_index) {
  return cl.group(group.id)->by_school[school][year_index];
}

}  // namespace

// «приказом управления образования от 15 сентября 2025 г. № 102-од «Об утверждении перечня…»», with a link to
// the order's file when there is one.
std::string SiteRenderer::Worker::order_text(const ApprovingOrder& o, const std::string& root, bool link) const {
  std::string text = fmt::format("приказом {} от {} №{}{} {}", site_.m_.site.department.words.full_genitive, format_date(o.date),
                                 kNbsp, escape_html(o.number), escape_html(typographic_quotes(quoted(o.title))));
  if (link && !o.file.empty())
    text += fmt::format(" (<a href=\"{}\">текст приказа</a>)", escape_html(root + "documents/" + escape_url_path(o.file)));
  return text;
}

// The support page's lists of a group: the reporting year's with each school's grounds, earlier years' by name.
// An order's list is published as approved; without one, as a draft, or not at all (publish.unapproved_lists).
kainjow::mustache::data SiteRenderer::Worker::published_lists_data(const std::string& root, const Group& group) const {
  const Municipality& m = site_.m_;
  const Analysis& a = site_.analysis_;
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
    if (list->approved()) status = fmt::format("Перечень утверждён {}: {}.", order_text(*list->decision->order, root, true), count);
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
      for (size_t i : site_.schools_by_name_) {
        auto member = std::find_if(list->members.begin(), list->members.end(), [&](const ListMember& lm) { return lm.school == i; });
        if (member == list->members.end()) continue;
        names.push_back(typographic_quotes(m.schools[i].short_name));
        data r;
        r.set("name", typographic_quotes(m.schools[i].short_name));
        r.set("href", site_.href(root, "schools/" + m.schools[i].slug + "/kachestvo/"));
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
      for (size_t i : site_.schools_by_name_)
        if (std::find(list->undecided.begin(), list->undecided.end(), i) != list->undecided.end())
          undecided.push_back(typographic_quotes(m.schools[i].short_name));
      x.set("undecided", fmt::format("Для решения о {} недостаточно данных: {}.", undecided.size() == 1 ? "школе" : "школах",
                                     fmt::join(undecided, ", ")));
    }
    out.push_back(x);
  }
  return out;
}

std::string SiteRenderer::Worker::quality(const PageRef& page) {
  const Municipality& m = site_.m_;
  const Analysis& a = site_.analysis_;
  const Classification& cl = a.classification;
  const School& s = m.schools[page.index];
  const size_t si = page.index;
  std::string root = site_.school_root(page);
  data d;
  d.set("school", typographic_quotes(s.short_name));
  data years = tlist();
  for (int y : cl.years) years.push_back(data("year", std::to_string(y)));
  d.set("years", years);
  // What the school can stand behind: its place in the lists an order approved, with the order. The computed
  // status before approval only where the site asks for it (publish.school_site: draft_status).
  data approved = tlist();
  for (const auto& list : a.lists) {
    bool from_data = members_from_data(*list.group);
    if (!list.approved() && !from_data) continue;
    auto member = std::find_if(list.members.begin(), list.members.end(), [&](const ListMember& lm) { return lm.school == si; });
    if (member == list.members.end()) continue;
    data x;
    x.set("text", list.approved() ? fmt::format("{} год: {} — перечень утверждён {}.", list.year, escape_html(list.group->title),
                                                order_text(*list.decision->order, "", false))
                                  : fmt::format("{} год: {} — {}.", list.year, escape_html(list.group->title), membership_source(*list.group)));
    // A listed group's member is there by the order's list, which the sentence above already names.
    bool by_list = member->included || list.group->members == Membership::list;
    x.set("evidence", by_list ? data(tlist()) : evidence_list(group_year(cl, *list.group, si, list.year_index).evidence));
    if (member->included) x.set("manual", fmt::format("В перечне по решению: {}", typographic_quotes(member->included->reason)));
    approved.push_back(x);
  }
  d.set("approved", approved);
  d.set("has_approved", approved.is_non_empty_list());
  d.set("draft_status", m.site.school_draft_status);
  d.set("has_lists", std::any_of(a.lists.begin(), a.lists.end(), [](const PublishedList& l) { return l.approved(); }));
  data groups = tlist(), reasons = tlist();
  for (const auto& g : cl.groups) {
    data row;
    row.set("title", g.group->title);
    data cells = tlist();
    for (size_t y = 0; y < cl.years.size(); ++y) cells.push_back(data("text", listed_verdict_cell(a.lists, g, si, y, cl.years[y])));
    row.set("cells", cells);
    groups.push_back(row);
    if (!cl.years.empty() && verdicts_shown(a.lists, g.group->id, cl.years.back())) {
      const GroupYear& last = g.by_school[si].back();
      if (last.verdict == Verdict::yes || last.verdict == Verdict::unknown) {
        data r;
        r.set("title", g.group->title);
        r.set("verdict", verdict_name(last.verdict));
        r.set("evidence", evidence_list(last.evidence));
        reasons.push_back(r);
      }
    }
  }
  d.set("groups", groups);
  d.set("reasons", reasons);
  d.set("has_reasons", reasons.is_non_empty_list());
  d.set("last_year", cl.years.empty() ? std::string() : std::to_string(cl.years.back()));
  data risks = tlist();
  for (const auto& r : cl.risks) {
    if (cl.years.empty()) break;
    const RiskFactorYear& ry = r.by_school[si].back();
    data x;
    x.set("title", r.factor->title);
    x.set("level", risk_level_name(ry.level));
    // A raised level is explained in full; a low one by its first figure, as the rest repeat it.
    std::vector<std::string> why;
    bool raised = ry.level == RiskLevel::high || ry.level == RiskLevel::medium;
    for (const auto& e : ry.evidence)
      if (raised ? e.verdict == Verdict::yes : why.empty()) why.push_back(typographic_quotes(level_text(e)));
    x.set("evidence", why.empty() ? std::string("—") : fmt::format("{}", fmt::join(why, "; ")));
    risks.push_back(x);
  }
  d.set("risks", risks);
  d.set("has_risks", m.site.school_risk_profile && risks.is_non_empty_list());
  data recs = tlist();
  if (si < a.recommendations.size())
    for (const auto& r : a.recommendations[si]) {
      data x;
      x.set("text", typographic_quotes(r.recommendation->text));
      x.set("audience", r.recommendation->audience);
      x.set("reasons", fmt::format("{}", fmt::join(r.reasons, "; ")));
      recs.push_back(x);
    }
  d.set("recommendations", recs);
  d.set("has_recommendations", recs.is_non_empty_list());
  d.set("show_recommendations", m.site.school_recommendations);
  if (const School* mentor = m.find(s.mentor_id)) {
    d.set("mentor", typographic_quotes(mentor->short_name));
    d.set("mentor_href", site_.school_base_[m.school_index.at(mentor->id)] + "/");
    if (s.mentor_since) d.set("mentor_since", std::to_string(*s.mentor_since));
  }
  data activities = tlist();
  for (const auto& section : a.roadmap.sections)
    for (const auto& ap : section)
      if (std::find(ap.schools.begin(), ap.schools.end(), si) != ap.schools.end()) {
        data x;
        x.set("title", typographic_quotes(ap.activity->title));
        x.set("timing", timing_text(ap.activity->timing));
        x.set("state", activity_state_name(ap.state));
        x.set("overdue", ap.state == ActivityState::overdue);
        x.set("note", ap.note);
        activities.push_back(x);
      }
  d.set("activities", activities);
  d.set("has_activities", activities.is_non_empty_list());
  std::string charts;
  size_t n = 0;
  for (const char* id : {"oge_mean", "ege_mean", "vpr_share2", "results_index"}) {
    const IndicatorSpec* spec = a.indicators.spec(id);
    if (!spec) continue;
    for (const auto& [key, series] : a.indicators.series)
      if (key.indicator == id) charts += series_chart(a.indicators, *spec, series, si, fmt::format("chart-{}", ++n));
  }
  // Distributions of ОГЭ marks by year; a year of a small group is left out, as its marks would
  // point at persons.
  for (const char* subject : {"русский язык", "математика"}) {
    Chart c;
    c.id = fmt::format("chart-{}", ++n);
    c.title = fmt::format("Отметки ОГЭ ({})", subject);
    c.unit = "чел.";
    c.decimals = 0;  // counts of persons
    c.series = {{"«2»", {}}, {"«3»", {}}, {"«4»", {}}, {"«5»", {}}};
    for (const auto& o : s.oge) {
      if (o.subject != subject || !o.participants || *o.participants < m.site.min_group) continue;
      bool all = true;
      for (const auto& k : o.marks) all = all && k.has_value();
      if (!all) continue;
      c.categories.push_back(std::to_string(o.year));
      for (int k = 0; k < 4; ++k) c.series[k].values.push_back(static_cast<double>(*o.marks[k]));
    }
    if (!c.categories.empty()) charts += stacked_chart(c);
  }
  d.set("charts", charts);
  d.set("has_charts", !charts.empty());
  // The school beside the municipality and the schools like it, in the latest year (analyse/similar_schools).
  data similar = tlist();
  if (!a.indicators.years.empty()) {
    size_t last = a.indicators.years.size() - 1;
    for (const IndicatorSpec& registry : a.indicators.specs)  // in the registry's order
    for (const auto& [key, series] : a.indicators.series) {
      if (key.indicator != registry.id) continue;
      const IndicatorSpec* spec = &registry;
      const IndicatorValue& v = series.values[si][last];
      if (spec->pooling == IndicatorSpec::Pooling::none) continue;  // a relative index has no group value
      if (v.state == ValueState::missing || v.state == ValueState::not_applicable) continue;
      const SimilarValue* sv = a.similar.find(key, si, last);
      const Baseline& b = series.baseline[last];
      data x;
      x.set("title", series_title(*spec, key.param));
      x.set("own", shown_value(*spec, v));
      x.set("municipal", b.municipal ? format_indicator(*spec, *b.municipal) : "—");
      x.set("similar", sv && sv->value ? fmt::format("{} ({})", format_indicator(*spec, *sv->value), count_schools(sv->schools, sv->branches))
                       : a.similar.group[si][last].empty() ? std::string("нет данных о численности обучающихся")
                                                           : std::string("недостаточно похожих школ"));
      similar.push_back(x);
    }
    d.set("similar_group", a.similar.group[si][last]);
  }
  d.set("similar", similar);
  d.set("has_similar", similar.is_non_empty_list());
  d.set("similar_min", count_schools_dative(a.similar.definition.min_schools, 0));
  // The school's latest values against the municipal ones, with their intervals and bands as
  // analyse/ found them.
  data comparisons = tlist();
  int better = 0, level = 0, worse = 0;  // for the summary in words, from the same bands as the table
  if (!a.indicators.years.empty()) {
    size_t last = a.indicators.years.size() - 1;
    for (const char* id : {"oge_mean", "oge_below_min_share", "ege_mean", "ege_below_min_share", "vpr_share2", "continuation_rate"}) {
      const IndicatorSpec* spec = a.indicators.spec(id);
      if (!spec) continue;
      for (const auto& [key, series] : a.indicators.series) {
        if (key.indicator != id) continue;
        const IndicatorValue& v = series.values[si][last];
        if (!v.ok()) continue;
        data x;
        x.set("title", series_title(*spec, key.param));
        x.set("value", format_indicator(*spec, v.value));
        x.set("interval", interval_text(*spec, v));
        const auto& municipal = series.baseline[last].municipal;
        x.set("municipal", municipal ? format_indicator(*spec, *municipal) : std::string("—"));
        x.set("band", band_text(v.band));
        if (v.band == Band::level) ++level;
        else if (v.band != Band::none) ++((v.band == Band::above) == spec->higher_is_better ? better : worse);
        comparisons.push_back(x);
      }
    }
  }
  d.set("comparisons", comparisons);
  d.set("has_comparisons", comparisons.is_non_empty_list());
  // A short summary a parent can read: how many of the school's results are better, at the level or worse
  // than the municipality's, with the margin of error taken into account (the table below gives each).
  if (better + level + worse > 0)
    d.set("summary", fmt::format("В {}{}году результаты школы с учётом погрешности: лучше, чем в среднем по муниципалитету, — {}; "
                                 "на том же уровне — {}; хуже — {} (подробно — в таблице «Сравнение с муниципальным значением»).",
                                 a.indicators.years.back(), std::string(kNbsp),
                                 count_noun(better, "показатель", "показателя", "показателей"),
                                 count_noun(level, "показатель", "показателя", "показателей"),
                                 count_noun(worse, "показатель", "показателя", "показателей")));
  d.set("band_explanation", kBandExplanation);
  d.set("support_href", m.site.base_url + "/support/");
  d.set("min_group", count_noun(m.site.min_group, "человека", "человек", "человек"));
  data crumbs = trail(root, {{"Качество образования", ""}});
  d.set("dep", words(site_.m_.site.department.words));
  return school_layout(page, "Система работы по повышению качества образования", use("quality", d), crumbs);
}

namespace {

// The rules of a combination for a page: each rule's wording with where it comes from and, for a
// combination inside, how its rules combine and the rules themselves.
kainjow::mustache::data rule_items(const Rule& rule, const std::vector<IndicatorSpec>& specs) {
  using kainjow::mustache::data;
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

}  // namespace

std::string SiteRenderer::Worker::support(const PageRef& page) {
  const Municipality& m = site_.m_;
  const Analysis& a = site_.analysis_;
  const Classification& cl = a.classification;
  std::string root = root_prefix(page.path);
  auto school_link = [&](size_t i) {
    return site_.href(root, "schools/" + m.schools[i].slug + "/kachestvo/");
  };
  data d;
  data years = tlist();
  for (int y : cl.years) years.push_back(data("year", std::to_string(y)));
  d.set("years", years);
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
        unanswered.push_back(data("text", fmt::format("{} — {}", quoted(typographic_quotes(w.rule->title)), fmt::join(w.missing, "; "))));
    x.set("has_without_data", unanswered.is_non_empty_list());
    x.set("without_data", unanswered);
    x.set("lists", published_lists_data(root, *g.group));
    groups.push_back(x);
  }
  d.set("groups", groups);
  // The same table as the analytical report's «Движение школ по группам» (render/movement_table).
  MovementTable mt = movement_table(cl, a.lists);
  data movement_headers = tlist(), movement_rows = tlist();
  for (const auto& h : mt.headers) movement_headers.push_back(data("text", h));
  for (const auto& row : mt.rows) {
    data r, cells = tlist();
    r.set("group", row[0]);
    r.set("has_group", !row[0].empty());
    r.set("year", row[1]);
    for (size_t k = 2; k < row.size(); ++k) cells.push_back(data("text", row[k]));
    r.set("cells", cells);
    movement_rows.push_back(r);
  }
  d.set("movement_headers", movement_headers);
  d.set("movement_rows", movement_rows);
  d.set("has_movement", movement_rows.is_non_empty_list());
  d.set("movement_footnote", mt.footnote);
  d.set("last_year", cl.years.empty() ? std::string() : std::to_string(cl.years.back()));
  // Risk profiles of the latest year: schools against factors, levels in words.
  data factors = tlist(), profiles = tlist();
  for (const auto& r : cl.risks) factors.push_back(data("title", r.factor->title));
  for (size_t i : site_.schools_by_name_) {
    if (cl.years.empty() || cl.risks.empty()) break;
    data row;
    row.set("name", typographic_quotes(m.schools[i].short_name));
    row.set("href", school_link(i));
    data cells = tlist();
    int high = 0;
    for (const auto& r : cl.risks) {
      RiskLevel l = r.by_school[i].back().level;
      high += l == RiskLevel::high;
      cells.push_back(data("text", risk_level_name(l)));
    }
    row.set("cells", cells);
    row.set("high", format_count(high));
    profiles.push_back(row);
  }
  d.set("factors", factors);
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
  d.set("factor_rules", factor_rules);
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
    factors_unanswered.push_back(data("text", fmt::format("{} — {}", quoted(typographic_quotes(w.factor->title)), fmt::join(missing, "; "))));
  }
  d.set("has_factors_without_data", factors_unanswered.is_non_empty_list());
  d.set("factors_without_data", factors_unanswered);
  d.set("profiles", profiles);
  d.set("has_profiles", profiles.is_non_empty_list());
  data mentors = tlist();
  for (size_t i : site_.schools_by_name_) {
    const School& s = m.schools[i];
    const School* mentor = m.find(s.mentor_id);
    if (!mentor) continue;
    data x;
    x.set("school", typographic_quotes(s.short_name));
    x.set("school_href", school_link(i));
    x.set("mentor", typographic_quotes(mentor->short_name));
    x.set("mentor_href", site_.href(root, "schools/" + mentor->slug + "/"));
    x.set("since", s.mentor_since ? std::to_string(*s.mentor_since) : std::string("—"));
    mentors.push_back(x);
  }
  d.set("mentors", mentors);
  d.set("has_mentors", mentors.is_non_empty_list());
  // Participation in «500+» and Rosobrnadzor's lists (data/project500.csv, data/federal_lists.csv), by school.
  data federal = tlist();
  for (size_t i : site_.schools_by_name_) {
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
  d.set("federal", federal);
  d.set("has_federal", federal.is_non_empty_list());
  data group = tlist();
  for (const auto& w : m.roadmap.working_group) {
    data x;
    x.set("name", w.name);
    x.set("post", w.position);
    x.set("role", w.role);
    group.push_back(x);
  }
  if (m.roadmap.working_group.empty())
    for (const auto& w : m.department.working_group) {
      data x;
      x.set("name", w.name);
      x.set("post", w.post);
      x.set("role", w.role);
      group.push_back(x);
    }
  d.set("working_group", group);
  d.set("has_working_group", group.is_non_empty_list());
  data docs = tlist();
  for (const auto& doc : m.documents)
    if (doc.page == "support") docs.push_back(document_link(doc, m.files, root + "documents/"));
  d.set("documents", docs);
  d.set("has_documents", docs.is_non_empty_list());
  d.set("roadmap_href", site_.href(root, "support/roadmap/"));
  d.set("roadmap_link", m.roadmap.short_title.empty() ? std::string("Дорожная карта") : typographic_quotes(m.roadmap.short_title));
  d.set("opendata_href", site_.href(root, "opendata/"));
  data crumbs = trail(root, {{"Поддержка школ", ""}});
  return layout(page, "Сопровождение деятельности школ с низкими образовательными результатами", use("support", d), crumbs);
}

// The pages of analysis built in this file, in the registry (render/page_types.def).
const PageType kSupportPage = {"support", PageType::Scope::portal, {"support"}, single_page("support/"),
                               [](SiteRenderer::Worker& w, const PageRef& p) { return w.support(p); }};
const PageType kQualityPage = {"quality", PageType::Scope::school, {"quality"},
                               [](const SiteRenderer& site, size_t school, std::vector<PageRef>& out) {
                                 // An organisation of organisations.csv is not analysed: no quality page.
                                 if (site.municipality().school_site(school))
                                   out.push_back({nullptr, school, 0, school_folder(site, school) + "kachestvo/"});
                               },
                               [](SiteRenderer::Worker& w, const PageRef& p) { return w.quality(p); }};

}  // namespace sveden
