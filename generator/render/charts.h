// Charts drawn at build time as inline SVG, no JavaScript: trends over years, plan against fact,
// distributions of marks. Each is a <figure> with its title, a text description and its data as a table.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace sveden {

struct ChartSeries {
  std::string name;  // «Школа», «Муниципалитет», «План», «Факт», «2»…
  std::vector<std::optional<double>> values;  // one per category; nullopt or NaN = no value («—»)
};

struct Chart {
  std::string id;                       // unique within the page, [a-z0-9-]; prefixes every id inside the chart
  std::string title;                    // «Средний балл ОГЭ по математике»
  std::string description;              // one or two sentences; generated from the data when empty
  std::string unit;                     // «балл», «%», «чел.»: axis label and table headers
  std::string category_title = "Год";   // header of the table's first column («Школа» for schools)
  std::vector<std::string> categories;  // x axis (rows of a stacked chart): «2023», «2024» or school names
  std::vector<ChartSeries> series;
  std::optional<double> y_min, y_max;  // else round ticks around the data (from 0 for bars, % and counts)
  int decimals = -1;                   // digits after the comma; -1: 0 if all values are whole, else 1
  // false: the chart sits under a heading that names it, beside a table of the same figures (a
  // roadmap target): no visible caption, description or data table of its own, so that the page says
  // each thing once; the picture keeps its title and description for screen readers.
  bool standalone = true;
};

// Trends over years: each series has its own colour, marker shape and dash pattern, repeated in the legend;
// values are written at the points.
std::string line_chart(const Chart& c);
// Grouped bars (plan against fact): each series has its own fill pattern (solid, hatched, outline…);
// values are written above the bars.
std::string bar_chart(const Chart& c);
// 100 % stacked horizontal bars for distributions: categories are rows, series are segments, values are
// counts shown as shares. The table gives shares and counts.
std::string stacked_chart(const Chart& c);

// Axis ticks covering [lo, hi] with a round step (1, 2 or 5 × 10ⁿ), about five intervals.
std::vector<double> nice_ticks(double lo, double hi);

}  // namespace sveden
