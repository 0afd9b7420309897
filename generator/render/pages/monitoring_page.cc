// monitoring/: the municipal values of every indicator by year, family by family, each row linking to
// the indicator's own page; rows without any municipal value are named in words with the reason.
#include <optional>
#include <string>

#include <fmt/format.h>

#include "render/charts.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/typography.h"
#include "analyse/indicators.h"
#include "load/indicator_vocabulary.h"
#include "render/analysis_text.h"
#include "render/site_monitoring_page.h"
#include "russian/names.h"

namespace sveden {
namespace {

using data = TemplateValue;

// The keys of templates/monitoring.mustache (docs/THEMES.md).
struct MonitoringView {
  bool has_sites = false;                 // the monitoring of schools' websites is published below
  std::optional<std::string> sites_href;  // and where, and of which date (when there is a round)
  std::optional<std::string> sites_date;
  data years = tlist();
  std::string columns;                    // of the table: the years, the title and the region
  data families = tlist();                // title, id, groups: heading, rows (title, href, cells, region)
  data dropped_reasons = tlist();         // reason, links: the rows left out, by why
  std::optional<std::string> dropped;     // the sentence before them, when any
  std::string last_year;
  std::string min_group;

  data to_data() const {
    data d;
    d.set("has_sites", has_sites);
    if (sites_href) d.set("sites_href", *sites_href);
    if (sites_date) d.set("sites_date", *sites_date);
    d.set("years", years);
    d.set("columns", columns);
    d.set("families", families);
    d.set("dropped_reasons", dropped_reasons);
    if (dropped) d.set("dropped", *dropped);
    d.set("last_year", last_year);
    d.set("min_group", min_group);
    return d;
  }
};

std::string monitoring_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const IndicatorSet& set = site.analysis().indicators;
  std::string root = root_prefix(page.path);
  MonitoringView v;
  // The monitoring of schools' own websites has its page below this one (render/site_monitoring_page.cc).
  const MonitoringComparison* sites = site.analysis().site_monitoring;
  v.has_sites = sites && !sites->empty() && m.site.site_monitoring_public;
  if (sites && !sites->empty()) {
    v.sites_href = site.href(root, site_monitoring_path(m));
    v.sites_date = format_date(*parse_iso_date(sites->date));
  }
  data years = tlist();
  for (int y : set.years) append(years, data("year", std::to_string(y)));
  v.years = std::move(years);
  v.columns = std::to_string(set.years.size() + 2);
  // Rows without a municipal or regional value in any year are left out and said in words, by why:
  // a relative index has none by definition; otherwise every school's value is hidden or missing.
  enum Why { by_definition, all_hidden, no_data };
  std::vector<std::string> dropped[3];
  data families = tlist();
  int shown_families = 0;
  for (const IndicatorFamily& family : builtin_indicator_families()) {
    data groups = tlist();
    data loose = tlist();  // indicators without a subject, one row each under no heading of their own
    auto flush_loose = [&] {
      if (!loose.is_non_empty_list()) return;
      data g;
      g.set("rows", loose);
      groups.push_back(g);
      loose = tlist();
    };
    for (const std::string& id : family.indicators) {
      const IndicatorSpec* spec = set.spec(id);
      if (!spec) continue;
      std::vector<data> rows;
      for (size_t i = 0; i < site.series_keys().size(); ++i) {
        if (site.series_keys()[i].indicator != id) continue;
        const IndicatorSeries& series = *set.find(site.series_keys()[i]);
        std::string href = site.href(root, "monitoring/" + site.series_slugs()[i] + "/");
        bool any = false, hidden = false;
        for (const auto& b : series.baseline) any = any || b.municipal || b.regional;
        if (!any) {
          for (const auto& by_year : series.values)
            for (const auto& v : by_year) hidden = hidden || v.state == ValueState::suppressed;
          Why why = spec->pooling == IndicatorSpec::Pooling::none ? by_definition : hidden ? all_hidden : no_data;
          dropped[why].push_back(fmt::format("<a href=\"{}\">{}</a>", escape_html(href), escape_html(series_title(*spec, series.key.param))));
          continue;
        }
        data r;
        r.set("title", spec->param.empty() ? spec->title : series.key.param);
        r.set("href", href);
        data cells = tlist();
        for (const auto& b : series.baseline) append(cells, data("text", b.municipal ? format_indicator(*spec, *b.municipal) : "—"));
        r.set("cells", cells);
        const Baseline& last = series.baseline.empty() ? Baseline() : series.baseline.back();
        r.set("region", last.regional ? format_indicator(*spec, *last.regional) : std::string("—"));
        rows.push_back(r);
      }
      if (rows.empty()) continue;
      if (spec->param.empty()) {
        for (const auto& r : rows) loose.push_back(r);
        continue;
      }
      flush_loose();
      data g, list = tlist();
      for (const auto& r : rows) list.push_back(r);
      g.set("heading", spec->unit.empty() ? spec->title : fmt::format("{}, {}", spec->title, spec->unit));
      g.set("rows", list);
      groups.push_back(g);
    }
    flush_loose();
    if (!groups.is_non_empty_list()) continue;
    data f;
    f.set("title", family.title);
    f.set("id", fmt::format("family-{}", ++shown_families));
    f.set("groups", groups);
    families.push_back(f);
  }
  v.families = std::move(families);
  size_t total = dropped[0].size() + dropped[1].size() + dropped[2].size();
  data reasons = tlist();
  auto reason = [&](Why why, const std::string& text) {
    if (dropped[why].empty()) return;
    data x;
    x.set("reason", text);
    x.set("links", fmt::format("{}", fmt::join(dropped[why], ", ")));  // escaped above
    reasons.push_back(x);
  };
  reason(all_hidden, fmt::format("значения школ скрыты: в каждой школе меньше {}",
                                 count_noun(m.site.min_group, "участника", "участников", "участников")));
  reason(no_data, "нет данных ни за один год");
  reason(by_definition, "муниципального значения нет по определению: показатель сравнивает школу со средним по муниципалитету");
  v.dropped_reasons = std::move(reasons);
  if (total > 0)
    v.dropped = fmt::format("Не показаны {} без муниципального значения ни за один год; значения школ — на страницах "
                                 "показателей:",
                                 count_noun(static_cast<long long>(total), "показатель", "показателя", "показателей"));
  v.last_year = set.years.empty() ? std::string() : std::to_string(set.years.back());
  v.min_group = format_count(m.site.min_group);
  data crumbs = w.trail(root, {{"Мониторинг", ""}});
  return w.layout(page, "Мониторинг муниципальной системы образования", w.use("monitoring", v.to_data()), crumbs);
}

}  // namespace

const PageType kMonitoringPage = {"monitoring", PageType::Scope::portal, {"monitoring"}, single_page("monitoring/"), monitoring_page};

}  // namespace sveden
