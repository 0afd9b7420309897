// No sentence contradicts its table: every comparison in words that the demo and a synthetic site of
// 300 schools publish (trend descriptions of charts, the evidence of every rule on pages, in reports
// and in opendata/evidence.csv) is read back and checked against the figures it cites, as printed;
// every row of the movement table of the analytical report adds up, and the report, the support page
// and opendata/classification.csv give the same movement. The counts are asserted, so the scan cannot
// pass by finding nothing.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <set>

#include <doctest/doctest.h>
#include <unistd.h>

#include "../support/built_site.h"
#include "../support/test_files.h"
#include "analyse/classify.h"
#include "analyse/indicators.h"
#include "load/csv_reader.h"
#include "load/indicator_vocabulary.h"
#include "load/site_loader.h"
#include "site/build.h"
#include "synth/synthetic_site.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

using test::read_file;

// A figure as printed: «−1,53», «38,1 %», «1 234»; spaces are plain after normalisation.
const std::string kNum = R"(((?:−)?[0-9]{1,3}(?: [0-9]{3})*(?:,[0-9]+)?)(?: %)?)";

double number(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "−") == 0) out += '-', i += 2;
    else if (s[i] == ',') out += '.';
    else if (s[i] != ' ') out += s[i];
  }
  return std::stod(out);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

// HTML text with every tag turned into a line break (so that the text of one element stays one
// segment), entities decoded, non-breaking spaces made plain. No regex: pages run to megabytes.
std::string plain(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      size_t close = html.find('>', i);
      if (close == std::string::npos) break;
      out += '\n';
      i = close;
    } else {
      out += html[i];
    }
  }
  for (auto [from, to] : {std::pair<const char*, const char*>{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"},
                          {"&gt;", ">"}, {"&nbsp;", " "}, {"&amp;", "&"}})
    out = replace_all(out, from, to);
  return replace_all(out, "\u00A0", " ");
}

struct Counts {
  int trend_same = 0, trend_change = 0, chains = 0, baselines = 0, thresholds = 0, percentiles = 0, movement_rows = 0;
  int bands = 0;  // «выше / ниже / на уровне муниципального значения» beside a printed interval
  // rule name | year | end | border → printed value → the verdicts printed for it
  std::map<std::string, std::map<std::string, std::set<bool>>> percentile_verdicts;
  int movement_agreed = 0;  // rows of the movement table equal in the report, the support page and opendata
  int evidence() const { return chains + baselines + thresholds + percentiles; }
};

// «Школа: значение не изменилось: 3,66 в 2023 г. и в 2025 г.» and «… выросло с X в 2023 г. до Y в 2025 г.»
// against the chart's own table: the cells of that series in those years, as printed.
void check_charts(const std::string& html, const std::string& where, Counts& n) {
  static const std::regex desc(R"(<p class="chart-desc">([\s\S]*?)</p>)");
  static const std::regex col(R"(<th scope="col">([^<]*)</th>)");
  static const std::regex row(R"(<tr><th scope="row">([0-9]{4})</th>([\s\S]*?)</tr>)");
  static const std::regex cell(R"(<td class="num">([^<]*)</td>)");
  static const std::regex same("(?:^|\\. )(?:([^:.]+): значение|Значение) не изменилось: " + kNum +
                               " в ([0-9]{4}) г\\. и в ([0-9]{4}) г\\.");
  static const std::regex change("(?:^|\\. )(?:([^:.]+): значение|Значение) (выросло|снизилось) с " + kNum +
                                 " в ([0-9]{4}) г\\. до " + kNum + " в ([0-9]{4}) г\\.");
  const std::string open = "<figure class=\"chart chart-line\">";
  std::sregex_iterator end;
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    std::string body = html.substr(at, html.find("</figure>", at) - at);
    std::smatch d;
    if (!std::regex_search(body, d, desc)) continue;
    std::string text = replace_all(plain(d[1]), "\n", " ");
    std::vector<std::string> series;  // «Школа, балл» → «Школа»
    for (std::sregex_iterator c(body.begin(), body.end(), col); c != end; ++c) {
      std::string name = plain((*c)[1]);
      series.push_back(name.substr(0, name.find(", ")));
    }
    std::map<std::pair<std::string, std::string>, std::string> table;  // (series, year) → cell
    for (std::sregex_iterator r(body.begin(), body.end(), row); r != end; ++r) {
      std::string cells = (*r)[2];
      size_t k = 1;  // the first column is the year
      for (std::sregex_iterator c(cells.begin(), cells.end(), cell); c != end; ++c, ++k)
        if (k < series.size()) table[{series[k], (*r)[1]}] = plain((*c)[1]);
    }
    auto cited = [&](const std::string& who, const std::string& year) {
      auto it = table.find({who.empty() ? (series.size() > 1 ? series[1] : "") : who, year});
      return it == table.end() ? std::string("?") : it->second;
    };
    for (std::sregex_iterator s(text.begin(), text.end(), same); s != end; ++s) {
      const std::smatch& m = *s;
      ++n.trend_same;
      std::string x = m[2];
      CHECK_MESSAGE(cited(m[1], m[3]) == x, where, ": ", m.str());
      CHECK_MESSAGE(cited(m[1], m[4]) == x, where, ": ", m.str());
    }
    for (std::sregex_iterator s(text.begin(), text.end(), change); s != end; ++s) {
      const std::smatch& m = *s;
      ++n.trend_change;
      std::string x = m[3], y = m[5];
      CHECK_MESSAGE(cited(m[1], m[4]) == x, where, ": ", m.str());
      CHECK_MESSAGE(cited(m[1], m[6]) == y, where, ": ", m.str());
      bool rose = m[2] == "выросло";
      CHECK_MESSAGE((rose ? number(y) > number(x) : number(y) < number(x)), where, ": ", m.str());
    }
  }
}

// The evidence of the rules, wherever it is published: every «X (2025) — …» must be one of the known
// comparisons, and hold for the figures it cites.
void check_evidence(const std::string& text, const std::string& where, Counts& n) {
  static const std::regex mark(kNum + R"( \(([0-9]{4})(?:; [^()]*)?\) — )");
  // A year may carry a remark on how the value was formed: «−0,50 (2024; индекс за 2 года из 3: …) → …»;
  // a link of a chain may be a hidden value: «не публикуется (2024)».
  static const std::regex chain("((?:(?:" + kNum + "|не публикуется)" + R"( \([0-9]{4}(?:; [^)]*)?\) → )+))" + "(?:" + kNum +
                                "|не публикуется)" + R"( \(([0-9]{4})(?:; [^)]*)?\) — значение (не )?)"
                                "(снижалось|росло|снизилось за год|выросло за год)");
  static const std::regex link(kNum + R"( \([0-9]{4}(?:; [^)]*)?\))");
  static const std::regex baseline(kNum + R"( \(([0-9]{4})(?:; [^()]*)?\) — (не )?(ниже|выше), чем (?:в среднем по муниципалитету|по региону) \()" +
                                   kNum + R"(\))");
  static const std::regex threshold(kNum + R"( \(([0-9]{4})(?:; [^()]*)?\) — (не )?(меньше|больше) порога )" + kNum);
  static const std::regex percentile("([^:]*): " + kNum + R"( \(([0-9]{4})(?:; [^()]*)?\) — (не )?входит в [0-9,]+ % школ с самыми (низкими|высокими) )"
                                     R"(значениями \(граница — (?:не ниже |не выше )?)" + kNum);
  // Segments end at «;» and line ends outside parentheses, so that each regex sees one rule's sentence
  // (a «;» inside «(2024; индекс за 2 года из 3: …)» is a remark on the value, not the end of the rule).
  size_t start = 0;
  while (start < text.size()) {
    size_t stop = start;
    for (int depth = 0; stop < text.size(); ++stop) {
      char ch = text[stop];
      if (ch == '(') ++depth;
      else if (ch == ')' && depth > 0) --depth;
      else if ((ch == ';' && depth == 0) || ch == '\n') break;
    }
    std::string seg = text.substr(start, stop - start);
    start = stop + 1;
    if (seg.find(") — ") == std::string::npos || !std::regex_search(seg, mark)) continue;
    std::smatch m;
    bool known = false;
    if (std::regex_search(seg, m, chain)) {
      known = true;
      ++n.chains;
      std::vector<double> v;
      std::string all = m[0];
      for (std::sregex_iterator l(all.begin(), all.end(), link), end; l != end; ++l) v.push_back(number((*l)[1]));
      std::string what = m[6];
      bool fell = what.starts_with("сниж") || what.starts_with("сниз");
      bool every = v.size() >= 2;
      for (size_t i = 1; i < v.size(); ++i) every = every && (fell ? v[i] < v[i - 1] : v[i] > v[i - 1]);
      // With a hidden link, «снижалось» still needs the published values in order; «не снижалось» may
      // rest on the hidden one.
      bool hidden = seg.find("не публикуется (") != std::string::npos;
      if (!hidden) CHECK_MESSAGE(every == !m[5].matched, where, ": ", seg);
      bool in_order = every || v.size() < 2;
      if (hidden && !m[5].matched) CHECK_MESSAGE(in_order, where, ": ", seg);
    }
    if (std::regex_search(seg, m, baseline)) {
      known = true;
      ++n.baselines;
      double x = number(m[1]), ref = number(m[5]);
      bool below = m[4] == "ниже", neg = m[3].matched;
      bool holds = below ? x < ref : x > ref;
      CHECK_MESSAGE(holds == !neg, where, ": ", seg);
    }
    if (std::regex_search(seg, m, threshold)) {
      known = true;
      ++n.thresholds;
      double x = number(m[1]), t = number(m[5]);
      bool less = m[4] == "меньше", neg = m[3].matched;
      bool holds = less ? x < t : x > t;
      CHECK_MESSAGE(holds == !neg, where, ": ", seg);
    }
    if (std::regex_search(seg, m, percentile)) {
      known = true;
      ++n.percentiles;
      double x = number(m[2]), border = number(m[6]);
      bool low = m[5] == "низкими", in = !m[4].matched;
      // In: not beyond the border. Out: not inside it (a tie at the border may be out: all or none).
      // Where hidden values take part in the ranking, the border printed is the published value
      // nearest it inside («не ниже» for the lowest): the same checks hold against it.
      if (in) CHECK_MESSAGE((low ? x <= border : x >= border), where, ": ", seg);
      else CHECK_MESSAGE((low ? x >= border : x <= border), where, ": ", seg);
      // Two schools printed with the same value, under the same rule, year and border, are both in or
      // both out: «0,97 — входит» never stands beside «0,97 — не входит».
      std::string name = m[1];
      name.erase(0, name.find_first_not_of(" \"\n"));
      auto& seen = n.percentile_verdicts[name + " | " + m[3].str() + " | " + m[5].str() + " | " + m[6].str()][m[2].str()];
      seen.insert(in);
      CHECK_MESSAGE(seen.size() == 1, where, ": the printed value ", m[2].str(), " is both in and out: ", seg);
    }
    CHECK_MESSAGE(known, where, ": a comparison the scan does not know: ", seg);
  }
}

// «3,70–4,06» or «8,1–41,6 %»: a printed interval (the unit once, after the upper bound).
std::string interval_pattern() {
  std::string lower = kNum.substr(0, kNum.size() - 7);
  return std::string("^").append(lower).append("–").append(kNum).append("$");
}

// The quality page's comparison with the municipal value: «выше» or «ниже» only when the printed
// interval excludes the printed municipal value, «на уровне» when it contains it, «—» without one.
void check_bands(const std::string& html, const std::string& where, Counts& n) {
  size_t at = html.find("id=\"bands-caption\"");
  if (at == std::string::npos) return;
  std::string table = html.substr(at, html.find("</table>", at) - at);
  static const std::regex row(R"(<td class="num">([^<]*)</td><td class="num">([^<]*)</td><td class="num">([^<]*)</td><td>([^<]*)</td>)");
  static const std::regex range(interval_pattern());
  std::sregex_iterator end;
  for (std::sregex_iterator r(table.begin(), table.end(), row); r != end; ++r) {
    std::string interval = plain((*r)[2]), municipal = plain((*r)[3]), band = plain((*r)[4]);
    ++n.bands;
    std::smatch m;
    if (interval == "—" || municipal == "—") {
      CHECK_MESSAGE(band == "—", where, ": ", interval, " ", municipal, " ", band);
      continue;
    }
    REQUIRE_MESSAGE(std::regex_match(interval, m, range), where, ": ", interval);
    double lo = number(m[1]), hi = number(m[2]), mu = number(municipal);
    std::string expected = lo > mu ? "выше муниципального значения" : hi < mu ? "ниже муниципального значения"
                                                                        : "на уровне муниципального значения";
    CHECK_MESSAGE(band == expected, where, ": ", interval, " against ", municipal, ": ", band);
  }
}

// An indicator page's column «Интервал и сравнение с муниципальным значением в Y году»: each
// «LO–HI: band» against the municipal value of Y in the page's own baseline table.
void check_indicator_bands(const std::string& html, const std::string& where, Counts& n) {
  static const std::regex head(R"(Интервал и сравнение с муниципальным значением в ([0-9]{4}) году)");
  std::smatch h;
  if (!std::regex_search(html, h, head)) return;
  std::smatch b;
  std::regex base("<tr><th scope=\"row\">" + h[1].str() + R"(</th><td class="num">([^<]*)</td>)");
  REQUIRE_MESSAGE(std::regex_search(html, b, base), where);
  std::string municipal = plain(b[1]);
  static const std::regex cell(R"(<td>([^<]*): ((?:выше|ниже|на уровне) муниципального значения)</td>)");
  static const std::regex range(interval_pattern());
  std::sregex_iterator end;
  for (std::sregex_iterator c(html.begin(), html.end(), cell); c != end; ++c) {
    ++n.bands;
    std::string interval = plain((*c)[1]), band = (*c)[2];
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_match(interval, m, range), where, ": ", interval);
    REQUIRE_MESSAGE(municipal != "—", where, ": a band without a municipal value");
    double lo = number(m[1]), hi = number(m[2]), mu = number(municipal);
    std::string expected = lo > mu ? "выше муниципального значения" : hi < mu ? "ниже муниципального значения"
                                                                        : "на уровне муниципального значения";
    CHECK_MESSAGE(band == expected, where, ": ", interval, " against ", municipal, ": ", band);
  }
}

// The rows of «Движение школ по группам» as printed: cells as plain text, the group's title repeated
// on every row of the group.
std::vector<std::vector<std::string>> movement_rows(const std::string& html) {
  size_t at = html.find("Движение школ по группам</caption>");
  REQUIRE(at != std::string::npos);
  std::string table = html.substr(at, html.find("</table>", at) - at);
  static const std::regex row(R"(<tr>([\s\S]*?)</tr>)");
  static const std::regex cell(R"(<t[hd][^>]*>([\s\S]*?)</t[hd]>)");
  std::vector<std::vector<std::string>> out;
  std::string group;
  for (std::sregex_iterator r(table.begin(), table.end(), row), end; r != end; ++r) {
    std::string cells_html = (*r)[1];
    std::vector<std::string> c;
    for (std::sregex_iterator x(cells_html.begin(), cells_html.end(), cell); x != end; ++x) c.push_back(plain((*x)[1]));
    for (auto& s : c) {
      s = replace_all(s, "\n", "");
      while (!s.empty() && s.back() == ' ') s.pop_back();
      while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    }
    if (c.size() != 8 || c[1] == "Год") continue;
    if (!c[0].empty()) group = c[0];
    c[0] = group;
    out.push_back(c);
  }
  return out;
}

// «Движение школ по группам»: было + вошли − вышли + из − в «недостаточно данных» = стало, and
// было is the year before's стало.
void check_movement_table(const std::string& html, Counts& n) {
  std::string group, last_current;
  for (const auto& c : movement_rows(html)) {
    ++n.movement_rows;
    if (c[0] != group) group = c[0], last_current.clear();
    if (c[2] == "—") {
      for (int k = 3; k <= 6; ++k) CHECK(c[k] == "—");
    } else {
      double sum = number(c[2]) + number(c[3]) - number(c[4]) + number(c[5]) - number(c[6]);
      CHECK_MESSAGE(sum == number(c[7]), group, " ", c[1]);
      if (!last_current.empty()) CHECK_MESSAGE(c[2] == last_current, group, " ", c[1]);
    }
    last_current = c[7];
  }
}

// The movement re-counted from the verdicts of opendata/classification.csv, by the meaning of each
// column (not by its «movement» column): [group in file order][year] → the seven figures as printed.
std::vector<std::vector<std::string>> movement_from_opendata(const std::string& csv) {
  Diagnostics diag;
  CsvTable t;
  REQUIRE(read_csv(SourceText("opendata/classification.csv", csv), 0, &t, diag));
  std::vector<std::string> groups;
  std::map<std::string, std::map<int, std::map<std::string, std::string>>> verdict;  // group → year → school → verdict
  for (size_t r = 1; r < t.rows.size(); ++r) {
    const auto& f = t.rows[r].fields;
    REQUIRE(f.size() >= 6);
    if (std::find(groups.begin(), groups.end(), f[2].value) == groups.end()) groups.push_back(f[2].value);
    verdict[f[2].value][std::stoi(f[4].value)][f[0].value] = f[5].value;
  }
  std::vector<std::vector<std::string>> out;
  for (const auto& g : groups)
    for (const auto& [year, schools] : verdict[g]) {
      auto before = verdict[g].find(year - 1);
      int previous = 0, entered = 0, left = 0, from_unknown = 0, to_unknown = 0, current = 0;
      for (const auto& [school, v] : schools) {
        current += v == "да";
        if (before == verdict[g].end()) continue;
        const std::string& was = before->second.at(school);
        previous += was == "да";
        entered += v == "да" && (was == "нет" || was == "не применяется");
        from_unknown += v == "да" && was == "недостаточно данных";
        left += was == "да" && (v == "нет" || v == "не применяется");
        to_unknown += was == "да" && v == "недостаточно данных";
      }
      auto cell = [&](int x) { return before == verdict[g].end() ? std::string("—") : std::to_string(x); };
      out.push_back({g, std::to_string(year), cell(previous), cell(entered), cell(left), cell(from_unknown),
                     cell(to_unknown), std::to_string(current)});
    }
  return out;
}

// The report's table, the support page's table and the verdicts in opendata/ tell the same movement.
// An earlier year's report (`year`) tells the movement up to its year, as it was then.
void check_movement_agreement(const fs::path& out, const std::string& report_html, int year, Counts& n) {
  auto up_to = [year](std::vector<std::vector<std::string>> rows) {
    std::erase_if(rows, [year](const std::vector<std::string>& r) { return r.size() > 1 && std::stoi(r[1]) > year; });
    return rows;
  };
  auto report = movement_rows(report_html);
  auto support = up_to(movement_rows(read_file(out / "support/index.html")));
  auto opendata = up_to(movement_from_opendata(read_file(out / "opendata/classification.csv")));
  REQUIRE(report.size() == opendata.size());
  REQUIRE(support.size() == opendata.size());
  for (size_t r = 0; r < opendata.size(); ++r) {
    CHECK_MESSAGE(support[r] == report[r], report[r][0], " ", report[r][1]);
    CHECK_MESSAGE(report[r][1] == opendata[r][1], report[r][0]);
    bool same = report[r][1] == opendata[r][1];
    for (size_t k = 2; k < 8; ++k) {
      // Counts of schools are below a thousand: «12» in a page is «12» in the file.
      CHECK_MESSAGE(report[r][k] == opendata[r][k], report[r][0], " (", opendata[r][0], ") ", report[r][1], ", column ", k);
      same = same && report[r][k] == opendata[r][k] && support[r][k] == report[r][k];
    }
    n.movement_agreed += same;
  }
}

struct Built {
  fs::path root;  // the test's own folder (a synthetic site's sources), removed with the output; empty for the demo
  std::unique_ptr<test::BuiltSite> own;
  fs::path out;
  Counts n;
  // The demo, built once for the test run.
  Built() : Built(nullptr, test::demo_build().out, SVEDEN_SOURCE_DIR, {}) {}
  // A site of its own, its sources in `tmp`.
  Built(const std::string& site_dir, const fs::path& tmp) : Built(std::make_unique<test::BuiltSite>(site_dir), {}, site_dir, tmp) {}
  Built(std::unique_ptr<test::BuiltSite> built, const fs::path& shared_out, const std::string& site_dir, fs::path tmp)
      : root(std::move(tmp)), own(std::move(built)), out(own ? own->out : shared_out) {
    for (const auto& e : fs::recursive_directory_iterator(out)) {
      if (!e.is_regular_file()) continue;
      std::string rel = fs::relative(e.path(), out).generic_string();
      if (e.path().extension() == ".html") {
        std::string html = read_file(e.path());
        if (html.find("chart-desc") != std::string::npos) check_charts(html, rel, n);
        if (html.find(") — ") != std::string::npos) check_evidence(plain(html), rel, n);
        check_bands(html, rel, n);
        check_indicator_bands(html, rel, n);
      } else if (rel == "opendata/evidence.csv" || rel == "opendata/classification.csv") {
        check_evidence(replace_all(read_file(e.path()), "\u00A0", " "), rel, n);
      }
    }
    for (const auto& e : fs::directory_iterator(out / "reports"))
      if (e.path().filename().string().starts_with("analysis-")) {
        std::string html = read_file(e.path() / "index.html");
        check_movement_table(html, n);
        check_movement_agreement(out, html, std::stoi(e.path().filename().string().substr(9)), n);
      }
    MESSAGE(site_dir, ": trends «не изменилось» ", n.trend_same, ", «выросло/снизилось» ", n.trend_change,
            "; evidence: chains ", n.chains, ", baselines ", n.baselines, ", thresholds ", n.thresholds, ", percentiles ",
            n.percentiles, "; movement rows ", n.movement_rows, " (agreeing with the support page and opendata: ", n.movement_agreed,
            "); bands ", n.bands);
  }
  ~Built() {
    if (!root.empty()) fs::remove_all(root);
  }
};

fs::path temp_dir() {
  char tmpl[] = "/tmp/sveden-words-XXXXXX";
  REQUIRE(mkdtemp(tmpl));
  return tmpl;
}

// Every group and year adds up in the analysis itself, whatever the report prints.
void check_flows(const std::string& site_dir) {
  RealDisk disk(site_dir);
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  IndicatorSet ind = compute_indicators(*m, builtin_indicators(), m->criteria.social_index, m->criteria.results_index);
  Classification c = classify(*m, ind, m->criteria, 2);
  int rows = 0, moved = 0;
  for (const auto& g : c.groups) {
    REQUIRE(g.flows.size() == c.years.size());
    for (size_t y = 0; y < c.years.size(); ++y) {
      const GroupFlow& f = g.flows[y];
      int in = 0;
      for (const auto& by_year : g.by_school) in += by_year[y].verdict == Verdict::yes;
      CHECK(f.current == in);
      if (!f.has_previous) continue;
      ++rows;
      moved += f.entered + f.left + f.from_unknown + f.to_unknown;
      CHECK(f.previous == g.flows[y - 1].current);
      CHECK_MESSAGE(f.previous + f.entered - f.left + f.from_unknown - f.to_unknown == f.current, g.group->id, " ",
                    c.years[y]);
    }
  }
  CHECK(rows >= 4);
  CHECK(moved > 0);
}

}  // namespace

TEST_CASE("published words: the demo's comparisons agree with the figures they cite") {
  Built b;
  CHECK(b.n.trend_same >= 20);
  CHECK(b.n.trend_change >= 100);
  CHECK(b.n.chains >= 50);
  CHECK(b.n.baselines >= 100);
  CHECK(b.n.thresholds >= 100);
  CHECK(b.n.percentiles >= 100);
  CHECK(b.n.movement_rows >= 8);
  CHECK(b.n.movement_agreed == b.n.movement_rows);
  CHECK(b.n.bands >= 50);
  check_flows(SVEDEN_SOURCE_DIR);
}

TEST_CASE("published words: a synthetic site of 300 schools agrees with its figures") {
  fs::path tmp = temp_dir();
  Status written = write_synthetic_site(SynthOptions{300, 7}, (tmp / "site").string());
  REQUIRE_MESSAGE(written.ok(), written.message());
  Built b((tmp / "site").string(), tmp);
  CHECK(b.n.trend_same + b.n.trend_change >= 1000);
  CHECK(b.n.chains >= 300);
  CHECK(b.n.baselines >= 1000);
  CHECK(b.n.thresholds >= 1000);
  CHECK(b.n.percentiles >= 1000);
  CHECK(b.n.movement_rows >= 8);
  CHECK(b.n.movement_agreed == b.n.movement_rows);
  CHECK(b.n.bands >= 500);
  check_flows((tmp / "site").string());
}
