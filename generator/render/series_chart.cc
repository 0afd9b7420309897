#include "render/series_chart.h"

#include "render/charts.h"

namespace sveden {

std::string series_chart(const IndicatorSet& set, const IndicatorSpec& spec, const IndicatorSeries& series, size_t school,
                         const std::string& id) {
  Chart c;
  c.id = id;
  c.title = series_title(spec, series.key.param);
  c.unit = spec.unit;
  c.decimals = spec.decimals;  // labels as in the tables
  ChartSeries own{"Школа", {}}, muni{"Муниципалитет", {}}, reg{"Регион", {}};
  bool any = false, any_municipal = false, any_region = false;
  for (size_t y = 0; y < set.years.size(); ++y) {
    c.categories.push_back(std::to_string(set.years[y]));
    const IndicatorValue& v = series.values[school][y];
    own.values.push_back(v.ok() ? std::optional<double>(v.value) : std::nullopt);
    any = any || v.ok();
    muni.values.push_back(series.baseline[y].municipal);
    reg.values.push_back(series.baseline[y].regional);
    any_municipal = any_municipal || series.baseline[y].municipal.has_value();
    any_region = any_region || series.baseline[y].regional.has_value();
  }
  if (!any) return {};
  c.series = {own};
  if (any_municipal) c.series.push_back(muni);  // the composite index has none (docs/CRITERIA.md, 5.4)
  if (any_region) c.series.push_back(reg);
  return line_chart(c);
}

std::string municipal_chart(const IndicatorSet& set, const IndicatorSpec& spec, const IndicatorSeries& series,
                            const std::string& id, const std::string& title) {
  Chart c;
  c.id = id;
  c.title = title;
  c.unit = spec.unit;
  c.decimals = spec.decimals;
  ChartSeries muni{"Муниципалитет", {}}, reg{"Регион", {}};
  bool any = false;
  for (size_t y = 0; y < set.years.size(); ++y) {
    c.categories.push_back(std::to_string(set.years[y]));
    muni.values.push_back(series.baseline[y].municipal);
    reg.values.push_back(series.baseline[y].regional);
    any = any || series.baseline[y].municipal || series.baseline[y].regional;
  }
  c.series = {muni, reg};
  return any ? line_chart(c) : std::string();
}

}  // namespace sveden
