// schools/<slug>/kachestvo/: a school's «Система работы по повышению качества образования» — its place in the
// approved lists with their grounds, its groups by year, risk profile, recommendations, mentor, roadmap
// activities, charts, the schools like it and the municipality. Figures come from analyse/; here only placed.
#include <algorithm>
#include <optional>
#include <string>

#include <fmt/compile.h>
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
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"
#include "render/group_lists.h"

namespace sveden {
namespace {

using data = TemplateValue;

// The keys of templates/quality.mustache (docs/THEMES.md).
struct QualityView {
  std::string school;
  data years = tlist();
  data approved = tlist();
  bool has_approved = false;
  bool draft_status = false;
  bool has_lists = false;
  data groups = tlist();
  data reasons = tlist();
  bool has_reasons = false;
  std::string last_year;
  data risks = tlist();
  bool has_risks = false;
  data recommendations = tlist();
  bool has_recommendations = false;
  bool show_recommendations = false;
  std::optional<std::string> mentor;
  std::optional<std::string> mentor_href;
  std::optional<std::string> mentor_since;
  data activities = tlist();
  bool has_activities = false;
  std::string charts;
  bool has_charts = false;
  std::optional<std::string> similar_group;
  data similar = tlist();
  bool has_similar = false;
  std::string similar_min;
  data comparisons = tlist();
  bool has_comparisons = false;
  std::optional<std::string> summary;
  std::string band_explanation;
  std::string support_href;
  std::string min_group;
  data dep;

  data to_data() && {
    data d;
    put(d, "school", std::move(school));
    put(d, "years", std::move(years));
    put(d, "approved", std::move(approved));
    d.set("has_approved", has_approved);
    d.set("draft_status", draft_status);
    d.set("has_lists", has_lists);
    put(d, "groups", std::move(groups));
    put(d, "reasons", std::move(reasons));
    d.set("has_reasons", has_reasons);
    put(d, "last_year", std::move(last_year));
    put(d, "risks", std::move(risks));
    d.set("has_risks", has_risks);
    put(d, "recommendations", std::move(recommendations));
    d.set("has_recommendations", has_recommendations);
    d.set("show_recommendations", show_recommendations);
    if (mentor) put(d, "mentor", std::move(*mentor));
    if (mentor_href) put(d, "mentor_href", std::move(*mentor_href));
    if (mentor_since) put(d, "mentor_since", std::move(*mentor_since));
    put(d, "activities", std::move(activities));
    d.set("has_activities", has_activities);
    put(d, "charts", std::move(charts));
    d.set("has_charts", has_charts);
    if (similar_group) put(d, "similar_group", std::move(*similar_group));
    put(d, "similar", std::move(similar));
    d.set("has_similar", has_similar);
    put(d, "similar_min", std::move(similar_min));
    put(d, "comparisons", std::move(comparisons));
    d.set("has_comparisons", has_comparisons);
    if (summary) put(d, "summary", std::move(*summary));
    put(d, "band_explanation", std::move(band_explanation));
    put(d, "support_href", std::move(support_href));
    put(d, "min_group", std::move(min_group));
    put(d, "dep", std::move(dep));
    return d;
  }
};

std::string quality_page(SiteRenderer::Worker& worker, const PageRef& page) {
  const SiteRenderer& site = worker.site();
  const Municipality& m = site.municipality();
  const Analysis& a = site.analysis();
  const Classification& cl = a.classification;
  const School& s = m.schools[page.index];
  const size_t si = page.index;
  std::string root = site.school_root(page);
  QualityView v;
  v.school = typographic_quotes(s.short_name);
  data years = tlist();
  for (int y : cl.years) append(years, data("year", std::to_string(y)));
  v.years = std::move(years);
  // What the school can stand behind: its place in the lists an order approved, with the order. The computed
  // status before approval only where the site asks for it (publish.school_site: draft_status).
  data approved = tlist();
  for (const auto& list : a.lists) {
    bool from_data = members_from_data(*list.group);
    if (!list.approved() && !from_data) continue;
    auto member = std::find_if(list.members.begin(), list.members.end(), [&](const ListMember& lm) { return lm.school == si; });
    if (member == list.members.end()) continue;
    data x;
    x.set("text", list.approved() ? fmt::format(FMT_COMPILE("{} год: {} — перечень утверждён {}."), list.year, escape_html(list.group->title),
                                                order_text(m, *list.decision->order, "", false))
                                  : fmt::format(FMT_COMPILE("{} год: {} — {}."), list.year, escape_html(list.group->title), membership_source(*list.group)));
    // A listed group's member is there by the order's list, which the sentence above already names.
    bool by_list = member->included || list.group->members == Membership::list;
    x.set("evidence", by_list ? data(tlist()) : evidence_list(group_year(cl, *list.group, si, list.year_index).evidence));
    if (member->included) x.set("manual", fmt::format(FMT_COMPILE("В перечне по решению: {}"), typographic_quotes(member->included->reason)));
    approved.push_back(x);
  }
  v.approved = std::move(approved);
  v.has_approved = v.approved.is_non_empty_list();
  v.draft_status = m.site.school_draft_status;
  v.has_lists = std::any_of(a.lists.begin(), a.lists.end(), [](const PublishedList& l) { return l.approved(); });
  data groups = tlist(), reasons = tlist();
  for (const auto& g : cl.groups) {
    data row;
    row.set("title", g.group->title);
    data cells = tlist();
    for (size_t y = 0; y < cl.years.size(); ++y) append(cells, data("text", listed_verdict_cell(a.lists, g, si, y, cl.years[y])));
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
  v.groups = std::move(groups);
  v.reasons = std::move(reasons);
  v.has_reasons = v.reasons.is_non_empty_list();
  v.last_year = cl.years.empty() ? std::string() : std::to_string(cl.years.back());
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
    x.set("evidence", why.empty() ? std::string("—") : fmt::format(FMT_COMPILE("{}"), fmt::join(why, "; ")));
    risks.push_back(x);
  }
  v.risks = std::move(risks);
  v.has_risks = m.site.school_risk_profile && v.risks.is_non_empty_list();
  data recs = tlist();
  if (si < a.recommendations.size())
    for (const auto& r : a.recommendations[si]) {
      data x;
      x.set("text", typographic_quotes(r.recommendation->text));
      x.set("audience", r.recommendation->audience);
      x.set("reasons", fmt::format(FMT_COMPILE("{}"), fmt::join(r.reasons, "; ")));
      recs.push_back(x);
    }
  v.recommendations = std::move(recs);
  v.has_recommendations = v.recommendations.is_non_empty_list();
  v.show_recommendations = m.site.school_recommendations;
  if (const School* mentor = m.find(s.mentor_id)) {
    v.mentor = typographic_quotes(mentor->short_name);
    v.mentor_href = site.school_base(m.school_index.at(mentor->id)) + "/";
    if (s.mentor_since) v.mentor_since = std::to_string(*s.mentor_since);
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
  v.activities = std::move(activities);
  v.has_activities = v.activities.is_non_empty_list();
  std::string charts;
  size_t n = 0;
  for (const char* id : {"oge_mean", "ege_mean", "vpr_share2", "results_index"}) {
    const IndicatorSpec* spec = a.indicators.spec(id);
    if (!spec) continue;
    for (const auto& [key, series] : a.indicators.series)
      if (key.indicator == id) charts += series_chart(a.indicators, *spec, series, si, fmt::format(FMT_COMPILE("chart-{}"), ++n));
  }
  // Distributions of ОГЭ marks by year; a year of a small group is left out, as its marks would
  // point at persons.
  for (const char* subject : {"русский язык", "математика"}) {
    Chart c;
    c.id = fmt::format(FMT_COMPILE("chart-{}"), ++n);
    c.title = fmt::format(FMT_COMPILE("Отметки ОГЭ ({})"), subject);
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
  v.charts = std::move(charts);
  v.has_charts = !v.charts.empty();
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
      x.set("similar", sv && sv->value ? fmt::format(FMT_COMPILE("{} ({})"), format_indicator(*spec, *sv->value), count_schools(sv->schools, sv->branches))
                       : a.similar.group[si][last].empty() ? std::string("нет данных о численности обучающихся")
                                                           : std::string("недостаточно похожих школ"));
      similar.push_back(x);
    }
    v.similar_group = a.similar.group[si][last];
  }
  v.similar = std::move(similar);
  v.has_similar = v.similar.is_non_empty_list();
  v.similar_min = count_schools_dative(a.similar.definition.min_schools, 0);
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
  v.comparisons = std::move(comparisons);
  v.has_comparisons = v.comparisons.is_non_empty_list();
  // A short summary a parent can read: how many of the school's results are better, at the level or worse
  // than the municipality's, with the margin of error taken into account (the table below gives each).
  if (better + level + worse > 0)
    v.summary = fmt::format(FMT_COMPILE("В {}{}году результаты школы с учётом погрешности: лучше, чем в среднем по муниципалитету, — {}; "
                                 "на том же уровне — {}; хуже — {} (подробно — в таблице «Сравнение с муниципальным значением»)."),
                                 a.indicators.years.back(), std::string(kNbsp),
                                 count_noun(better, "показатель", "показателя", "показателей"),
                                 count_noun(level, "показатель", "показателя", "показателей"),
                                 count_noun(worse, "показатель", "показателя", "показателей"));
  v.band_explanation = std::move(kBandExplanation);
  v.support_href = m.site.base_url + "/support/";
  v.min_group = count_noun(m.site.min_group, "человека", "человек", "человек");
  data crumbs = worker.trail(root, {{"Качество образования", ""}});
  v.dep = SiteRenderer::Worker::words(site.municipality().site.department.words);
  return worker.school_layout(page, "Система работы по повышению качества образования", worker.use("quality", std::move(v).to_data()), crumbs);
}
}  // namespace

const PageType kQualityPage = {"quality", PageType::Scope::school, {"quality"},
                               [](const SiteRenderer& site, size_t school, std::vector<PageRef>& out) {
                                 // An organisation of organisations.csv is not analysed: no quality page.
                                 if (site.municipality().school_site(school))
                                   out.push_back({nullptr, school, 0, school_folder(site, school) + "kachestvo/"});
                               },
                               quality_page};

}  // namespace sveden
