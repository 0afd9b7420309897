// Inline SVG charts. Geometry is in viewBox units, 400 wide: the SVG fills its container up to 30rem, so
// 15-unit text is about body size on a desk and 12–13 px on a phone. Colour never carries meaning
// alone (series also differ in marker, dash and fill pattern, and values are written out), and the table
// under the chart holds the same numbers for screen readers, print and copying.
#include "render/charts.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "base/fixed_text.h"
#include "render/html.h"
#include "russian/typography.h"

namespace sveden {
namespace {

constexpr double kWidth = 400;
constexpr double kFont = 15;
constexpr double kSmall = 13;
constexpr const char* kInk = "#1b1f24";    // 16.6:1 on white
constexpr const char* kMuted = "#5a6370";  // 6.1:1: tick labels, «—»
constexpr const char* kGrid = "#c4cad1";   // gridlines only help reading: every value is written out

// Line colours are ≥ 4.5:1 on white so that value labels can use them; fills differ in lightness and
// pattern so that a black-and-white printout still tells the series apart. Beyond five, looks repeat.
struct Look {
  const char* colour;
  const char* dash;    // stroke-dasharray, "" for solid
  const char* marker;  // circle, square, triangle, diamond, ring
  const char* fill;    // solid, hatch, outline, cross, dots
  const char* light;   // background of a patterned fill
};
constexpr Look kLooks[] = {
    {"#1f4e8c", "", "circle", "solid", ""},                 // dark blue, 8.3:1
    {"#a14d00", "7 4", "square", "hatch", "#fde0c5"},       // brown, 5.9:1
    {"#1b7837", "2 3", "triangle", "outline", ""},          // green, 5.5:1
    {"#6a3d9a", "9 3 2 3", "diamond", "cross", "#e7dcf0"},  // purple, 7.6:1
    {"#404040", "4 2", "ring", "dots", "#e6e6e6"},          // grey, 10.4:1
};
const Look& look(size_t i) { return kLooks[i % std::size(kLooks)]; }

// Formatted and appended to `out`.
template <class Format, class... Args>
void append_format(std::string& out, const Format& format, const Args&... args) {
  fmt::format_to(std::back_inserter(out), format, args...);
}

// A coordinate: one decimal at most, no locale. Held in place, not in a string: a chart writes hundreds.
struct Coordinate {
  char text[32];
  size_t size;
};
Coordinate n(double v) {
  Coordinate c;
  c.size = fixed_chars(v, 1, c.text);  // a coordinate of a chart has a few digits
  if (c.size >= 2 && c.text[c.size - 2] == '.' && c.text[c.size - 1] == '0') c.size -= 2;
  return c;
}

}  // namespace
}  // namespace sveden

template <>
struct fmt::formatter<sveden::Coordinate> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const sveden::Coordinate& c, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(std::string_view(c.text, c.size), ctx);
  }
};

namespace sveden {
namespace {

// Advance in DejaVu Sans, a little generous for letters (Arial is narrower); used only to avoid overlaps.
double text_width(std::string_view s, double size) {
  double em = 0;
  for (unsigned char ch : s) {
    if ((ch & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    em += ch >= '0' && ch <= '9' ? 0.64 : ch == ',' || ch == '.' || ch == ' ' ? 0.32 : 0.66;
  }
  return em * size;
}

// Shortened with «…» to fit; the table under the chart has the full text.
std::string fit(const std::string& s, double width, double size) {
  if (text_width(s, size) <= width) return s;
  std::string out;
  for (size_t i = 0, len = 1; i < s.size(); i += len, len = 1) {
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
    if (text_width(out + s.substr(i, len) + "…", size) > width) break;
    out += s.substr(i, len);
  }
  while (out.ends_with(' ')) out.pop_back();
  return out + "…";
}

// Each piece of a chart is appended to the chart's markup, `out`.
void line(std::string& out, double x1, double y1, double x2, double y2, const char* stroke, double width,
          std::string_view extra = "") {
  append_format(out, FMT_COMPILE(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>)"), n(x1), n(y1),
                n(x2), n(y2), stroke, n(width), extra);
}

void text(std::string& out, double x, double y, std::string_view s, const char* anchor, const char* fill = kInk,
          double size = kFont) {
  append_format(out, FMT_COMPILE(R"(<text x="{}" y="{}" text-anchor="{}" fill="{}")"), n(x), n(y), anchor, fill);
  if (size != kFont) append_format(out, FMT_COMPILE(R"( font-size="{}")"), n(size));
  out += '>';
  escape_html_to(out, s);
  out += "</text>";
}

// A value label on a white chip, so that it stays readable over lines and patterns.
void chip(std::string& out, double x, double baseline, std::string_view s, const char* fill = kInk) {
  double w = text_width(s, kSmall) + 2;
  append_format(out, FMT_COMPILE(R"(<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="#fff"/>)"),
                 n(x - w / 2), n(baseline - kSmall * 0.85), n(w), n(kSmall + 1));
  text(out, x, baseline, s, "middle", fill, kSmall);
}

// The chart's data with non-finite values dropped and every row as long as the categories.
struct Data {
  std::string id;
  std::vector<std::vector<std::optional<double>>> v;  // [series][category]
  int decimals = 0;
  bool whole = true, empty = true;
};

Data clean(const Chart& c) {
  Data d;
  for (char ch : c.id)
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-') d.id += ch;
  if (d.id.empty()) d.id = "chart";
  for (const auto& s : c.series) {
    auto& row = d.v.emplace_back(c.categories.size());
    for (size_t i = 0; i < row.size() && i < s.values.size(); ++i) {
      if (!s.values[i] || !std::isfinite(*s.values[i])) continue;
      row[i] = *s.values[i];
      d.whole = d.whole && *row[i] == std::round(*row[i]);
      d.empty = false;
    }
  }
  d.decimals = c.decimals >= 0 ? std::min(c.decimals, 6) : d.whole ? 0 : 1;
  return d;
}

bool is_year(std::string_view s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}
std::string year(std::string_view s) { return fmt::format(FMT_COMPILE("{}{}г."), s, kNbsp); }
// «в 2023 г.» for years, «(Школа № 1)» otherwise: the place of a value in a sentence.
std::string at(const std::string& cat) { return is_year(cat) ? "в " + year(cat) : "(" + cat + ")"; }
std::string lead(const std::string& cat) { return is_year(cat) ? "В " + year(cat) : cat; }

// The unit goes into a sentence only where it needs no agreement with the number: «12,5 %», «30 чел.»;
// «балл» would have to become «балла» or «баллов».
std::string with_unit(const Chart& c, double v, int decimals) {
  std::string s = format_figure(v, decimals, c.unit);
  if (c.unit == "%" || c.unit.ends_with('.')) s += std::string(kNbsp) + c.unit;
  return s;
}

std::string header(const Chart& c, const std::string& name) { return c.unit.empty() ? name : name + ", " + c.unit; }

// The same data as the picture, in the theme's scrollable table so that a phone scrolls it sideways.
std::string table(const Chart& c, const Data& d, const std::vector<std::string>& columns,
                  const std::function<std::string(size_t, size_t)>& cell) {
  std::string out = fmt::format(
      FMT_COMPILE("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"{0}-caption\" tabindex=\"0\">"
      "<table class=\"data chart-data\"><caption id=\"{0}-caption\">Данные диаграммы: {1}</caption>\n"),
      d.id, escape_html(c.title));
  auto cell_of = [&out](std::string_view open, std::string_view text, std::string_view close) {
    out.append(open);
    escape_html_to(out, text);
    out.append(close);
  };
  cell_of("<thead><tr><th scope=\"col\">", c.category_title, "</th>");
  for (const auto& col : columns) cell_of("<th scope=\"col\">", col, "</th>");
  out += "</tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < c.categories.size(); ++i) {
    cell_of("<tr><th scope=\"row\">", c.categories[i], "</th>");
    for (size_t j = 0; j < columns.size(); ++j) cell_of("<td class=\"num\">", cell(i, j), "</td>");
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  return out;
}

std::string value_table(const Chart& c, const Data& d) {
  std::vector<std::string> columns;
  for (const auto& s : c.series) columns.push_back(header(c, s.name));
  return table(c, d, columns,
               [&](size_t i, size_t j) { return d.v[j][i] ? format_figure(*d.v[j][i], d.decimals, c.unit) : "—"; });
}

std::string figure(const Chart& c, const Data& d, std::string_view kind, const std::string& desc, double height,
                   const std::string& body, const std::string& data_table) {
  std::string title = escape_html(c.title), text = escape_html(desc);
  std::string out;
  out.reserve(body.size() + data_table.size() + 2 * (title.size() + text.size()) + 600);
  if (!c.standalone) append_format(out, FMT_COMPILE("<figure class=\"chart chart-{} chart-beside\">\n"), kind);
  else append_format(out, FMT_COMPILE("<figure class=\"chart chart-{}\">\n<figcaption>{}</figcaption>\n"), kind, title);
  append_format(out,
                 FMT_COMPILE("<svg role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" viewBox=\"0 0 {1} {2}\" width=\"100%\" "
                             "style=\"max-width:30rem;height:auto\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"{3}\">\n"
                             "<title id=\"{0}-title\">{4}</title><desc id=\"{0}-desc\">{5}</desc>\n"),
                 d.id, n(kWidth), n(std::ceil(height)), n(kFont), title, text);
  out += body;
  out += "</svg>\n";
  if (c.standalone) out.append("<p class=\"chart-desc\">").append(text).append("</p>\n").append(data_table);
  out += "</figure>\n";
  return out;
}

std::string no_data(const Chart& c, std::string_view kind) {
  return fmt::format(
      FMT_COMPILE("<figure class=\"chart chart-{} chart-empty\">\n<figcaption>{}</figcaption>\n"
      "<p class=\"chart-desc\">Нет данных для диаграммы.</p>\n</figure>\n"),
      kind, escape_html(c.title));
}

// Fill and stroke of a bar, a segment or a legend swatch of series `i`.
std::string paint(const Data& d, size_t i) {
  const Look& l = look(i);
  std::string_view f = l.fill;
  if (f == "outline") return fmt::format(FMT_COMPILE(R"(fill="#fff" stroke="{}" stroke-width="2")"), l.colour);
  if (f == "solid") return fmt::format(FMT_COMPILE(R"(fill="{}" stroke="{}" stroke-width="1")"), l.colour, kInk);
  return fmt::format(FMT_COMPILE(R"x(fill="url(#{}-p{})" stroke="{}" stroke-width="1")x"), d.id, i, kInk);
}

std::string patterns(const Data& d) {
  std::string out;
  for (size_t i = 0; i < d.v.size(); ++i) {
    const Look& l = look(i);
    std::string_view f = l.fill;
    if (f == "solid" || f == "outline") continue;
    std::string mark =
        f == "dots" ? fmt::format(FMT_COMPILE(R"(<circle cx="3" cy="3" r="1.4" fill="{}"/>)"), l.colour)
                    : fmt::format(FMT_COMPILE(R"(<path d="{}" stroke="{}" stroke-width="{}"/>)"),
                                  f == "hatch" ? "M3 0V6" : "M3 0V6M0 3H6", l.colour, f == "hatch" ? "2.5" : "1.5");
    out += fmt::format(FMT_COMPILE(R"(<pattern id="{}-p{}" width="6" height="6" patternUnits="userSpaceOnUse"{}>)"
                       R"(<rect width="6" height="6" fill="{}"/>{}</pattern>)"),
                       d.id, i, f == "dots" ? "" : R"x( patternTransform="rotate(45)")x", l.light, mark);
  }
  return out.empty() ? "" : "<defs>" + out + "</defs>\n";
}

void marker(std::string& out, const Look& l, double x, double y) {
  std::string_view m = l.marker;
  if (m == "square")
    append_format(out, FMT_COMPILE(R"(<rect x="{}" y="{}" width="9" height="9" )"), n(x - 4.5), n(y - 4.5));
  else if (m == "triangle")
    append_format(out, FMT_COMPILE(R"(<path d="M{} {}L{} {}H{}Z" )"), n(x), n(y - 6), n(x + 6), n(y + 4.5), n(x - 6));
  else if (m == "diamond")
    append_format(out, FMT_COMPILE(R"(<path d="M{0} {1}L{2} {3}L{0} {4}L{5} {3}Z" )"), n(x), n(y - 6.5), n(x + 6.5), n(y),
                   n(y + 6.5), n(x - 6.5));
  else if (m == "ring") {
    append_format(out, FMT_COMPILE(R"(<circle cx="{}" cy="{}" r="4" fill="#fff" stroke="{}" stroke-width="2.5"/>)"), n(x), n(y),
                   l.colour);
    return;
  } else
    append_format(out, FMT_COMPILE(R"(<circle cx="{}" cy="{}" r="5" )"), n(x), n(y));
  append_format(out, FMT_COMPILE(R"(fill="{}" stroke="#fff" stroke-width="1"/>)"), l.colour);
}

// Legend items left to right, wrapping to new rows; `key` draws the sample of series i at (x, centre y).
// Returns the markup and its bottom edge.
std::pair<std::string, double> legend(const Chart& c, double y, double key_width,
                                      const std::function<void(std::string&, size_t, double, double)>& key) {
  std::string out;
  double x = 8;
  for (size_t i = 0; i < c.series.size(); ++i) {
    double w = key_width + 6 + text_width(c.series[i].name, kFont) + 18;
    if (x > 8 && x + w > kWidth - 4) x = 8, y += 22;
    key(out, i, x, y);
    text(out, x + key_width + 6, y + 5, fit(c.series[i].name, kWidth - 30 - key_width, kFont), "start");
    x += w;
  }
  return {out, y + 14};
}

void swatch(std::string& out, const Data& d, size_t i, double x, double y) {
  append_format(out, FMT_COMPILE(R"(<rect x="{}" y="{}" width="20" height="14" {}/>)"), n(x + 1), n(y - 7), paint(d, i));
}

std::string dash(const Look& l) { return *l.dash ? fmt::format(FMT_COMPILE(R"( stroke-dasharray="{}")"), l.dash) : ""; }

void line_key(std::string& out, size_t s, double x, double y) {
  const Look& l = look(s);
  line(out, x, y, x + 32, y, l.colour, 2.5, dash(l));
  marker(out, l, x + 16, y);
}

// A value axis with horizontal gridlines, shared by line and bar charts.
struct Axis {
  std::vector<double> ticks;
  int decimals = 0;
  double top = 0, bottom = 0, left = 0;
  double y(double v) const { return bottom - (v - ticks.front()) / (ticks.back() - ticks.front()) * (bottom - top); }
};

Axis axis(const Chart& c, const Data& d, bool from_zero, double top, double bottom) {
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& row : d.v)
    for (const auto& v : row)
      if (v) lo = std::min(lo, *v), hi = std::max(hi, *v);
  if (c.y_min && std::isfinite(*c.y_min)) lo = std::min(lo, *c.y_min);
  if (c.y_max && std::isfinite(*c.y_max)) hi = std::max(hi, *c.y_max);
  if (from_zero) lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
  Axis a{nice_ticks(lo, hi), 0, top, bottom, 0};
  double step = a.ticks[1] - a.ticks[0];
  a.decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 6);
  double widest = 0;
  for (double t : a.ticks) widest = std::max(widest, text_width(format_number(t, a.decimals), kSmall));
  a.left = std::max(32.0, widest + 14);
  return a;
}

// «Шкала начинается с 3,4, а не с нуля»: a value axis that leaves zero out makes differences look
// bigger than they are, so the chart says so in the picture and in its description.
std::string truncation_note(const Axis& a, bool capital) {
  const char* word = capital ? "Шкала" : "шкала";
  if (a.ticks.front() > 0)
    return fmt::format(FMT_COMPILE("{} начинается с {}, а не с нуля"), word, format_number(a.ticks.front(), a.decimals));
  if (a.ticks.back() < 0)
    return fmt::format(FMT_COMPILE("{} заканчивается на {}, а не на нуле"), word, format_number(a.ticks.back(), a.decimals));
  return {};
}

void draw_axis(std::string& out, const Chart& c, const Axis& a) {
  if (!c.unit.empty()) {
    text(out, 4, 16, c.unit, "start", kMuted, kSmall);
    out += '\n';
  }
  if (std::string note = truncation_note(a, false); !note.empty()) {
    text(out, kWidth - 8, 16, note, "end", kMuted, kSmall);
    out += '\n';
  }
  for (double t : a.ticks) {
    line(out, a.left, a.y(t), kWidth - 8, a.y(t), kGrid, 1);
    text(out, a.left - 6, a.y(t) + 4.5, format_number(t, a.decimals), "end", kMuted, kSmall);
    out += '\n';
  }
}

// Years that do not fit side by side are labelled every k-th, counting back from the latest; other names
// are shortened. The table has them all.
void category_labels(std::string& out, const Chart& c, const Axis& a, double slot) {
  bool years = std::all_of(c.categories.begin(), c.categories.end(), is_year);
  size_t every = 1;
  while (years && text_width("2025", kFont) + 6 > every * slot) ++every;
  for (size_t i = 0; i < c.categories.size(); ++i)
    if ((c.categories.size() - 1 - i) % every == 0)
      text(out, a.left + (i + 0.5) * slot, a.bottom + 20, years ? c.categories[i] : fit(c.categories[i], slot - 4, kFont),
           "middle");
  out += '\n';
}

std::string describe_trend(const Chart& c, const Data& d) {
  std::vector<std::string> sentences;
  for (size_t s = 0; s < d.v.size(); ++s) {
    const auto& row = d.v[s];
    auto first = std::find_if(row.begin(), row.end(), [](auto& v) { return v.has_value(); });
    if (first == row.end()) continue;
    auto last = std::find_if(row.rbegin(), row.rend(), [](auto& v) { return v.has_value(); }).base() - 1;
    const std::string &c0 = c.categories[first - row.begin()], &c1 = c.categories[last - row.begin()];
    std::string a = with_unit(c, **first, d.decimals), b = with_unit(c, **last, d.decimals);
    // Decided on the values as written, so that the sentence agrees with the labels and the table.
    double shown_first = round_shown(**first, d.decimals), shown_last = round_shown(**last, d.decimals);
    std::string who = d.v.size() == 1 ? "Значение" : c.series[s].name + ": значение";
    if (first == last)
      sentences.push_back(fmt::format(FMT_COMPILE("{} {} — {}"), who, at(c0), a));
    else if (shown_first == shown_last)
      sentences.push_back(fmt::format(FMT_COMPILE("{} не изменилось: {} {} и {}"), who, a, at(c0), at(c1)));
    else
      sentences.push_back(fmt::format(FMT_COMPILE("{} {} с {} {} до {} {}"), who, shown_last > shown_first ? "выросло" : "снизилось", a,
                                      at(c0), b, at(c1)));
    if (!sentences.back().ends_with('.')) sentences.back() += '.';  // «… в 2025 г.» already ends one
  }
  return fmt::format(FMT_COMPILE("{}"), fmt::join(sentences, " "));
}

// The last category that has data: the most recent year when categories are years.
size_t latest(size_t count, const std::function<bool(size_t)>& has_data) {
  for (size_t i = count; i-- > 0;)
    if (has_data(i)) return i;
  return 0;
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
  if (lo > hi) std::swap(lo, hi);
  if (hi - lo <= 1e-9 * std::max(1.0, std::fabs(hi))) {
    double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
    lo = lo == 0 ? 0 : lo - pad, hi += pad;
  }
  double raw = (hi - lo) / 5, mag = std::pow(10.0, std::floor(std::log10(raw))), r = raw / mag;
  double unit = r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10;
  // Ticks are whole multiples of the step; computed as unit × 10ⁿ so that 0,3 prints as 0,3.
  auto first = static_cast<long long>(std::floor(lo / (unit * mag) + 1e-9));
  auto last = static_cast<long long>(std::ceil(hi / (unit * mag) - 1e-9));
  std::vector<double> ticks;
  for (long long k = first; k <= last; ++k) ticks.push_back(mag >= 1 ? k * unit * mag : k * unit / std::round(1 / mag));
  return ticks;
}

std::string line_chart(const Chart& c) {
  Data d = clean(c);
  if (d.empty) return no_data(c, "line");
  Axis a = axis(c, d, c.unit == "%" || d.whole, 40, 210);
  double slot = (kWidth - 8 - a.left) / c.categories.size();
  auto x = [&](size_t i) { return a.left + (i + 0.5) * slot; };
  std::string body;
  body.reserve(8192);  // a line chart of five years and three series: about 6 KB
  draw_axis(body, c, a);
  category_labels(body, c, a, slot);
  for (size_t s = 0; s < d.v.size(); ++s) {
    const Look& l = look(s);
    body += R"(<path d=")";
    for (size_t i = 0; i < c.categories.size(); ++i)
      if (auto v = d.v[s][i])  // a gap breaks the line: no value is not a value in between
        append_format(body, FMT_COMPILE("{}{} {}"), i > 0 && d.v[s][i - 1] ? "L" : "M", n(x(i)), n(a.y(*v)));
    append_format(body, FMT_COMPILE(R"(" fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round"{}/>)"),
                   l.colour, dash(l));
    for (size_t i = 0; i < c.categories.size(); ++i)
      if (auto v = d.v[s][i]) marker(body, l, x(i), a.y(*v));
    body += '\n';
  }
  // Labels above their points, pushed apart where values are close; order follows the points.
  for (size_t i = 0; i < c.categories.size(); ++i) {
    std::vector<std::pair<double, size_t>> labels;
    for (size_t s = 0; s < d.v.size(); ++s)
      if (d.v[s][i]) labels.emplace_back(a.y(*d.v[s][i]) - 10, s);
    std::stable_sort(labels.begin(), labels.end());
    for (size_t k = 1; k < labels.size(); ++k)
      labels[k].first = std::max(labels[k].first, labels[k - 1].first + kSmall + 2);
    double overflow = labels.empty() ? 0 : std::max(0.0, labels.back().first - (a.bottom - 3));  // over the years
    for (auto [y, s] : labels) chip(body, x(i), y - overflow, format_figure(*d.v[s][i], d.decimals, c.unit), look(s).colour);
  }
  auto [keys, bottom] = legend(c, a.bottom + 44, 32, line_key);
  body += "\n" + keys;
  std::string desc = c.description.empty() ? describe_trend(c, d) : c.description;
  if (std::string note = truncation_note(a, true); !note.empty()) desc += " " + note + ".";
  return figure(c, d, "line", desc, bottom + 4, body + "\n", value_table(c, d));
}

std::string bar_chart(const Chart& c) {
  Data d = clean(c);
  if (d.empty) return no_data(c, "bar");
  Axis a = axis(c, d, true, 34, 204);
  double slot = (kWidth - 8 - a.left) / c.categories.size(), inner = slot * 0.84, bar = inner / d.v.size();
  std::string body = patterns(d), labels;
  draw_axis(body, c, a);
  category_labels(body, c, a, slot);
  double zero = a.y(0);
  for (size_t i = 0; i < c.categories.size(); ++i) {
    for (size_t s = 0; s < d.v.size(); ++s) {
      double x = a.left + i * slot + (slot - inner) / 2 + s * bar, mid = x + bar / 2;
      if (!d.v[s][i]) {
        text(labels, mid, zero - 5, "—", "middle", kMuted, kSmall);
        continue;
      }
      double v = *d.v[s][i], y = a.y(v);
      body += fmt::format(FMT_COMPILE(R"(<rect x="{}" y="{}" width="{}" height="{}" {}/>)"), n(x + 1), n(std::min(y, zero)),
                          n(bar - 2), n(std::fabs(zero - y)), paint(d, s));
      std::string label = format_figure(v, d.decimals, c.unit);
      if (text_width(label, kSmall) + 2 <= bar) chip(labels, mid, v >= 0 ? y - 5 : y + kSmall + 3, label);
    }
    body += "\n";
  }
  line(body, a.left, zero, kWidth - 8, zero, kInk, 1.5);
  body += "\n" + labels + "\n";
  auto [keys, bottom] =
      legend(c, a.bottom + 44, 22, [&](std::string& out, size_t s, double kx, double ky) { swatch(out, d, s, kx, ky); });
  body += keys;
  std::string desc = c.description;
  if (desc.empty()) {
    size_t i = latest(c.categories.size(), [&](size_t k) {
      return std::any_of(d.v.begin(), d.v.end(), [&](const auto& row) { return row[k].has_value(); });
    });
    std::vector<std::string> parts;
    for (size_t s = 0; s < d.v.size(); ++s)
      if (d.v[s][i]) parts.push_back(c.series[s].name + " — " + with_unit(c, *d.v[s][i], d.decimals));
    desc = fmt::format(FMT_COMPILE("{}: {}."), lead(c.categories[i]), fmt::join(parts, ", "));
  }
  return figure(c, d, "bar", desc, bottom + 4, body + "\n", value_table(c, d));
}

std::string stacked_chart(const Chart& c) {
  Data d = clean(c);
  std::vector<double> totals(c.categories.size(), 0.0);
  for (const auto& row : d.v)
    for (size_t i = 0; i < row.size(); ++i) totals[i] += row[i] ? std::max(0.0, *row[i]) : 0;
  if (std::none_of(totals.begin(), totals.end(), [](double t) { return t > 0; })) return no_data(c, "stacked");
  auto share = [&](size_t s, size_t i) { return d.v[s][i] ? std::max(0.0, *d.v[s][i]) / totals[i] * 100 : 0; };
  const double left = 8, width = kWidth - 16, row_height = 50;
  std::string body = patterns(d);
  for (size_t i = 0; i < c.categories.size(); ++i) {
    double y = 8 + i * row_height;
    text(body, left, y + 14, fit(c.categories[i], width, kFont), "start");
    if (totals[i] <= 0) {
      text(body, left, y + 36, "нет данных", "start", kMuted, kSmall);
      body += '\n';
      continue;
    }
    std::string labels;
    double x = left;
    for (size_t s = 0; s < d.v.size(); ++s) {
      double w = share(s, i) / 100 * width;
      if (w <= 0) continue;
      body += fmt::format(FMT_COMPILE(R"(<rect x="{}" y="{}" width="{}" height="24" {}/>)"), n(x), n(y + 20), n(w), paint(d, s));
      std::string label = format_percent(share(s, i), 1);  // as in the table under the chart
      if (text_width(label, kSmall) + 4 <= w) chip(labels, x + w / 2, y + 36.5, label);
      x += w;
    }
    body += labels + "\n";
  }
  double scale_y = 8 + c.categories.size() * row_height;
  for (int p = 0; p <= 100; p += 25) {
    double x = left + p / 100.0 * width;
    line(body, x, scale_y - 4, x, scale_y + 1, kMuted, 1);
    text(body, x, scale_y + 15, format_percent(p, 0), p == 0 ? "start" : p == 100 ? "end" : "middle", kMuted, kSmall);
  }
  auto [keys, bottom] =
      legend(c, scale_y + 40, 22, [&](std::string& out, size_t s, double kx, double ky) { swatch(out, d, s, kx, ky); });
  body += "\n" + keys;
  std::string desc = c.description;
  if (desc.empty()) {
    size_t i = latest(c.categories.size(), [&](size_t k) { return totals[k] > 0; });
    std::vector<std::string> parts;
    for (size_t s = 0; s < d.v.size(); ++s)
      if (d.v[s][i]) parts.push_back(quoted(c.series[s].name) + " — " + format_percent(share(s, i), 1));
    desc = fmt::format(FMT_COMPILE("{}: {} (всего {})."), lead(c.categories[i]), fmt::join(parts, ", "), with_unit(c, totals[i], 0));
  }
  std::vector<std::string> columns;
  for (const auto& s : c.series) columns.push_back(s.name);
  columns.push_back(header(c, "Всего"));
  std::string data_table = table(c, d, columns, [&](size_t i, size_t j) -> std::string {
    if (j == d.v.size()) return totals[i] > 0 ? format_figure(totals[i], d.decimals, c.unit) : "—";
    if (!d.v[j][i]) return "—";
    std::string count = format_figure(*d.v[j][i], d.decimals, c.unit);
    return totals[i] > 0 ? format_percent(share(j, i), 1) + " (" + count + ")" : count;
  });
  return figure(c, d, "stacked", desc, bottom + 4, body + "\n", data_table);
}

}  // namespace sveden
