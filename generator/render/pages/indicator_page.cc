// monitoring/<series>/: one indicator series — every school's values by year (hidden where the group is small),
// the latest year's interval and band, similar schools, and the municipality against the region.
#include <string>
#include <vector>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "analyse/indicators.h"
#include "render/analysis_text.h"
#include "render/charts.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/series_chart.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using data = TemplateValue;

namespace {

std::string indicator_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const IndicatorSet& set = site.analysis().indicators;
  const IndicatorSeries& series = *set.find(site.series_keys()[page.index]);
  const IndicatorSpec& spec = *set.spec(series.key.indicator);
  std::string root = root_prefix(page.path);
  std::string title = series_title(spec, series.key.param);
  data d;
  d.set("title", title);
  d.set("definition", upper_first(spec.definition));  // a sentence of its own here
  d.set("unit", spec.unit);
  d.set("higher_is_better", spec.higher_is_better ? "чем больше, тем лучше" : "чем меньше, тем лучше");
  data years = tlist();
  for (int y : set.years) append(years, data("year", std::to_string(y)));
  put(d, "years", std::move(years));
  size_t last = set.years.empty() ? 0 : set.years.size() - 1;
  data rows = tlist();
  bool hidden = false;
  for (size_t i : site.schools_by_name()) {
    data r;
    r.set("name", typographic_quotes(m.schools[i].short_name));
    r.set("href", site.href(root, "schools/" + m.schools[i].slug + "/kachestvo/"));
    data cells = tlist();
    bool any = false;
    for (size_t y = 0; y < series.values[i].size(); ++y) {
      const IndicatorValue& v = series.values[i][y];
      // «скрыто» alone: the note under the table says why, once, and the column stays narrow.
      data cell("text", v.state == ValueState::suppressed ? std::string("скрыто") : shown_value(spec, v));
      cell.set("year", y < set.years.size() ? std::to_string(set.years[y]) : std::string());
      append(cells, std::move(cell));
      any = any || v.state != ValueState::not_applicable;
      hidden = hidden || v.state == ValueState::suppressed;
    }
    if (!any) continue;
    put(r, "cells", std::move(cells));
    if (!set.years.empty() && !spec.interval.empty()) {
      const IndicatorValue& v = series.values[i][last];
      r.set("band", v.ok() && v.lower ? fmt::format(FMT_COMPILE("{}: {}"), interval_text(spec, v), band_text(v.band)) : std::string("—"));
    }
    // Similar schools: computed once in analyse/similar_schools; shown beside each value instead of a rank.
    const SimilarValue* sv = set.years.empty() ? nullptr : site.analysis().similar.find(series.key, i, last);
    std::string group = set.years.empty() ? std::string() : site.analysis().similar.group[i][last];
    r.set("group", group.empty() ? std::string("—") : group);
    r.set("similar", sv && sv->value ? fmt::format(FMT_COMPILE("{} ({})"), format_indicator(spec, *sv->value), count_schools(sv->schools, sv->branches))
                     : group.empty() || spec.pooling == IndicatorSpec::Pooling::none ? std::string("—")
                                                                                     : std::string("недостаточно похожих школ"));
    append(rows, std::move(r));
  }
  put(d, "rows", std::move(rows));
  d.set("has_hidden", hidden);
  // A column of the latest year's intervals and bands, for indicators that have intervals.
  d.set("has_interval", !spec.interval.empty());
  d.set("band_explanation", kBandExplanation);
  data base = tlist();
  for (size_t y = 0; y < set.years.size(); ++y) {
    data x;
    x.set("year", std::to_string(set.years[y]));
    x.set("municipal", series.baseline[y].municipal ? format_indicator(spec, *series.baseline[y].municipal) : "—");
    x.set("regional", series.baseline[y].regional ? format_indicator(spec, *series.baseline[y].regional) : "—");
    x.set("schools", format_count(series.baseline[y].schools));
    append(base, std::move(x));
  }
  put(d, "baseline", std::move(base));
  put(d, "chart", municipal_chart(set, spec, series, "chart-municipal", title + ": муниципалитет и регион"));  // the composite index has neither
  d.set("last_year", set.years.empty() ? std::string() : std::to_string(set.years.back()));
  d.set("monitoring_href", site.href(root, "monitoring/"));
  d.set("min_group", count_noun(m.site.min_group, "человека", "человек", "человек"));
  data crumbs = w.trail(root, {{"Мониторинг", site.href(root, "monitoring/")}, {title, ""}});
  return w.layout(page, title, w.use("indicator", d), crumbs);
}


}  // namespace

const PageType kIndicatorPage = {"indicator", PageType::Scope::portal, {"indicator"},
                                 [](const SiteRenderer& site, size_t, std::vector<PageRef>& out) {
                                   for (size_t i = 0; i < site.series_slugs().size(); ++i)
                                     out.push_back({nullptr, i, 0, "monitoring/" + site.series_slugs()[i] + "/"});
                                 },
                                 indicator_page};

}  // namespace sveden
