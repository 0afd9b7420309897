#include "analyse/classify.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "analyse/data_coverage.h"
#include "analyse/indicators.h"
#include "analyse/movement.h"
#include "russian/typography.h"
#include "base/parallel.h"

namespace sveden {

namespace {

struct Cutoff {
  std::vector<double> sorted;  // published values of all schools that year
  size_t k = 0;                // schools in the X %
  std::optional<double> value; // the k-th value from the chosen end
  // Hidden values take part in the ranking: the border is then printed as the published value nearest
  // it inside the X % (none if every school inside is hidden), never as a figure that may be hidden.
  bool with_hidden = false;
  std::optional<double> published_bound;
};

// How many ranked values are at least as extreme as `v`, `v` itself included.
size_t as_extreme(const Cutoff& c, bool bottom, double v) {
  return bottom ? static_cast<size_t>(std::upper_bound(c.sorted.begin(), c.sorted.end(), v + 1e-12) - c.sorted.begin())
                : static_cast<size_t>(c.sorted.end() - std::lower_bound(c.sorted.begin(), c.sorted.end(), v - 1e-12));
}

std::string year_text(int y) { return fmt::format(FMT_COMPILE("{}{}г."), y, std::string(kNbsp)); }

// A value whose 95 % interval contains the cut-off of a percentile rule (docs/CRITERIA.md, 5.6).
constexpr const char* kBorderline = "; на границе: с учётом погрешности значение может быть по обе стороны границы";

// How many of a combined rule's parts are met and how many cannot be decided («не применяется» counts as
// not met), and what the rule then says.
struct Tally {
  int yes = 0, unknown = 0;
  int need = 0, total = 0;

  Tally(const Rule& r, const std::vector<Evidence>& parts) : total(static_cast<int>(r.children.size())) {
    need = r.combine == Combine::any ? 1 : r.combine == Combine::all ? total : r.at_least;
    for (const auto& c : parts) {
      if (c.verdict == Verdict::yes) ++yes;
      else if (c.verdict == Verdict::unknown) ++unknown;
    }
  }
  Verdict verdict() const { return yes >= need ? Verdict::yes : yes + unknown < need ? Verdict::no : Verdict::unknown; }
};

// Evaluates the rules for a school and year. One evaluator serves every thread, of the classification and
// of the pages that later ask for the words of its evidence (Words): its cut-off and count caches are
// filled once, under a lock, and every sentence is said with the cut-offs its verdict was decided on.
class Evaluator {
 public:
  // `words`: set in every evidence made.
  Evaluator(const Municipality& m, const IndicatorSet& ind, const std::map<const Rule*, std::string>& without_data,
            const EvidenceWords* words)
      : m_(m), ind_(ind), without_data_(without_data), words_(words) {}

  // The evidence of a rule for a school and year, without its words (Words says them when asked).
  Evidence eval(const Rule& r, size_t school, size_t yi) {
    if (r.combine == Combine::leaf) return leaf(r, school, yi, nullptr);
    Evidence e = made(r, school, yi);
    for (const auto& child : r.children) e.children.push_back(eval(child, school, yi));
    e.verdict = Tally(r, e.children).verdict();
    return e;
  }

  // The sentence of a combined rule from its parts' verdicts: «выполнено 2 из 3 критериев (…)».
  static std::string combined_text(const Rule& r, const Evidence& e) {
    Tally t(r, e.children);
    std::string rule_text = r.combine == Combine::any   ? "достаточно одного критерия"
                            : r.combine == Combine::all ? "нужны все критерии"
                                                        : fmt::format(FMT_COMPILE("нужно не менее {}"), count_noun(t.need, "критерия", "критериев", "критериев"));
    return fmt::format(FMT_COMPILE("выполнено {} из {} ({}){}"), t.yes, count_noun(t.total, "критерия", "критериев", "критериев"), rule_text,
                       t.unknown > 0 ? fmt::format(FMT_COMPILE("; по {} недостаточно данных"), count_noun(t.unknown, "критерию", "критериям", "критериям"))
                                     : std::string());
  }

  Evidence made(const Rule& r, size_t school, size_t yi) const {
    Evidence e;
    e.rule = &r;
    e.words = words_;
    e.school = static_cast<std::uint32_t>(school);
    e.year_index = static_cast<std::uint16_t>(yi);
    return e;
  }

 private:
  // The value of a series for a school in a year that a rule may decide on, or why there is none.
  struct Point {
    bool ok = false;      // a rule may decide on it
    bool hidden = false;  // …but it is not published: the evidence says so and does not name it
    double value = 0;
    std::optional<double> lower, upper;  // the 95 % interval, where the indicator has one
    std::string problem;  // «нет данных за 2023 г.» / «значение за 2024 г. не публикуется: группа меньше 10 человек»
    std::string remark;   // how the value departs from its full form: «индекс за 2 года из 3: …»
    std::string hidden_text;  // «значение за 2025 г. не публикуется (в группе меньше 10 человек)»
    std::string hidden_why;   // «в группе меньше 10 человек»
  };

  std::string people(int n) const { return count_noun(n, "человека", "человек", "человек"); }

  // `words`: with the texts (problem, remark, hidden_…); without, only what a verdict rests on.
  Point point(const IndicatorSeries* s, size_t school, int year, bool words) {
    Point p;
    int yi = ind_.year_index(year);
    if (!s || yi < 0) {
      if (words) p.problem = fmt::format(FMT_COMPILE("нет данных за {}"), year_text(year));
      return p;
    }
    std::pair<size_t, size_t> at{school, static_cast<size_t>(yi)};
    const IndicatorValue& v = s->values[school][static_cast<size_t>(yi)];
    if (ind_.decidable(v)) {
      p.ok = true;
      p.value = IndicatorSet::decision_value(v);
      p.hidden = IndicatorSet::rests_on_hidden(v);
      if (!words) return p;
      if (p.hidden) {
        p.hidden_why = fmt::format(FMT_COMPILE("{} меньше {}"), v.decision ? "в него входят группы" : "в группе", people(ind_.min_group));
        p.hidden_text = fmt::format(FMT_COMPILE("значение за {} не публикуется ({})"), year_text(year), p.hidden_why);
        return p;
      }
      if (auto r = s->remarks.find(at); r != s->remarks.end()) p.remark = r->second;
      p.lower = v.lower;
      p.upper = v.upper;
      return p;
    }
    if (!words) return p;
    if (auto u = s->undecided.find(at); u != s->undecided.end()) {
      p.problem = u->second;
      return p;
    }
    switch (v.state) {
      case ValueState::suppressed:
        p.problem = fmt::format(FMT_COMPILE("значение за {} не публикуется: в группе меньше {}"), year_text(year), people(ind_.min_group));
        // Why the rules do not decide on it either: the department's choice, or a group too small to decide on.
        if (v.n > 0 && ind_.withhold_hidden)
          p.problem += "; решения по скрытым значениям не принимаются (privacy.verdicts_on_hidden: withhold)";
        else if (v.n > 0)
          p.problem += fmt::format(FMT_COMPILE("; решение принимается по группам не меньше {} (privacy.decision_min)"), people(ind_.decision_min));
        break;
      default:
        if (auto why = s->why_missing.find(at); why != s->why_missing.end()) p.problem = why->second;
        else p.problem = fmt::format(FMT_COMPILE("нет данных за {}"), year_text(year));
    }
    return p;
  }

  // «из 17 школ» / «из 18 организаций: 17 школ и 1 филиал»: the schools ranked by a percentile rule,
  // hidden values included (they take part), a branch counted apart.
  // Counted once per series and year: every school's evidence names it, and counting per school was
  // quadratic in the number of schools (10 000 schools: 50 s of a 250 s build).
  const std::string& ranked_count(const IndicatorSeries& s, size_t yi) {
    std::lock_guard lock(caches_);
    auto [it, added] = ranked_counts_.try_emplace(std::make_pair(s.key, yi));
    if (!added) return it->second;
    long long schools = 0, branches = 0;
    for (size_t i = 0; i < s.values.size() && i < m_.schools.size(); ++i)
      if (ind_.decidable(s.values[i][yi])) ++(m_.schools[i].parent_id.empty() ? schools : branches);
    return it->second = count_schools_out_of(schools, branches);
  }

  // The ranking of a percentile rule: every value the rules may decide on, hidden ones too — without
  // them a small school could never be in the X % and the others' places would be wrong.
  const Cutoff& cutoff(const IndicatorSeries& s, size_t yi, bool bottom, double percent) {
    auto key = std::make_tuple(s.key, yi, bottom, percent);
    std::lock_guard lock(caches_);
    auto it = cutoffs_.find(key);
    if (it != cutoffs_.end()) return it->second;
    Cutoff c;
    std::vector<std::pair<double, bool>> ranked;  // value, published
    for (const auto& school : s.values)
      if (ind_.decidable(school[yi])) ranked.emplace_back(IndicatorSet::decision_value(school[yi]), !IndicatorSet::rests_on_hidden(school[yi]));
    std::sort(ranked.begin(), ranked.end());
    for (const auto& [v, shown] : ranked) {
      c.sorted.push_back(v);
      c.with_hidden = c.with_hidden || !shown;
    }
    if (!c.sorted.empty()) {
      c.k = std::max<size_t>(1, static_cast<size_t>(std::floor(percent / 100.0 * c.sorted.size() + 0.5)));
      c.k = std::min(c.k, c.sorted.size());
      c.value = bottom ? c.sorted[c.k - 1] : c.sorted[c.sorted.size() - c.k];
      // The published value nearest the border on the inside: the schools in the X % are those whose
      // value and every tie of it fit in the k (see leaf), so the set — and this bound — follows from
      // the verdicts alone and tells nothing of where a hidden value lies within its side.
      size_t n = ranked.size();
      auto in = [&](size_t j) {  // position j (from the chosen end) is in the X %
        double v = bottom ? ranked[j].first : ranked[n - 1 - j].first;
        return as_extreme(c, bottom, v) <= c.k;
      };
      for (size_t j = 0; j < n && in(j); ++j) {
        const auto& r = bottom ? ranked[j] : ranked[n - 1 - j];
        if (r.second) c.published_bound = r.first;
      }
    }
    return cutoffs_.emplace(key, std::move(c)).first->second;
  }

 public:
  // A leaf rule's evidence, with its sentence and figures in `*say`; without `say` (the classification,
  // which keeps no words) only the verdict, the same one: every sentence below is skipped, no decision.
  Evidence leaf(const Rule& r, size_t school, size_t yi, EvidenceSaid* say) {
    Evidence e = made(r, school, yi);
    EvidenceSaid unsaid;
    EvidenceSaid& said = say ? *say : unsaid;
    const bool words = say != nullptr;
    const IndicatorSpec* spec = ind_.spec(r.indicator);
    const IndicatorSeries* s = ind_.find({r.indicator, r.param});
    std::string name = !words ? std::string() : spec ? series_title(*spec, r.param) : r.indicator;
    auto fmt_value = [&](double v) { return spec ? format_indicator(*spec, v) : format_decimal(v); };
    int year = ind_.years[yi];
    if (s && s->values[school][yi].state == ValueState::not_applicable) {
      e.verdict = Verdict::not_applicable;
      if (words) said.text = fmt::format(FMT_COMPILE("{}: не применяется к школам вида «{}»"), name, m_.schools[school].kind);
      return e;
    }
    if (auto it = without_data_.find(&r); it != without_data_.end()) {
      e.verdict = Verdict::unknown;
      if (words) said.text = fmt::format(FMT_COMPILE("{}: недостаточно данных — {}"), name, it->second);
      return e;
    }
    if (r.compare == Compare::fell || r.compare == Compare::rose) {
      std::vector<int> years;
      for (int y = year - r.years; y <= year; ++y) years.push_back(y);
      std::vector<std::string> parts, problems;
      std::vector<int> hidden;      // years whose value is not published
      std::string hidden_why;       // «в группе меньше 10 человек»
      std::vector<double> decided;  // every year's value the rule decides on, hidden ones too
      bool missing = false;         // a year without a value the rule may decide on
      for (int y : years) {
        Point p = point(s, school, y, words);
        if (p.ok) decided.push_back(p.value);
        else missing = true;
        if (!words) continue;
        if (p.ok && p.hidden) {
          parts.push_back(fmt::format(FMT_COMPILE("не публикуется ({})"), y));
          hidden.push_back(y);
          hidden_why = p.hidden_why;
        } else if (p.ok) {
          said.values.emplace_back(y, p.value);
          parts.push_back(fmt::format(FMT_COMPILE("{} ({})"), fmt_value(p.value), p.remark.empty() ? std::to_string(y) : fmt::format(FMT_COMPILE("{}; {}"), y, p.remark)));
        } else if (std::find(problems.begin(), problems.end(), p.problem) == problems.end()) {
          problems.push_back(p.problem);  // a reason for every year (no kind given) is said once
        }
      }
      if (missing) {
        said.values.clear();
        e.verdict = Verdict::unknown;
        if (words) said.text = fmt::format(FMT_COMPILE("{}: недостаточно данных — {}"), name, fmt::join(problems, "; "));
        return e;
      }
      bool all = true;
      for (size_t i = 1; i < decided.size(); ++i) {
        bool step = r.compare == Compare::fell ? decided[i] < decided[i - 1] - 1e-9 : decided[i] > decided[i - 1] + 1e-9;
        all = all && step;
      }
      e.verdict = all ? Verdict::yes : Verdict::no;
      if (!words) return e;
      std::string what = r.years == 1 ? (r.compare == Compare::fell ? "снизилось за год" : "выросло за год")
                                      : fmt::format(FMT_COMPILE("{} {} подряд"), r.compare == Compare::fell ? "снижалось" : "росло",
                                                    count_noun(r.years, "год", "года", "лет"));
      said.text = fmt::format(FMT_COMPILE("{}: {} — значение {}{}"), name, fmt::join(parts, " → "), all ? "" : "не ", what);
      // A verdict on a hidden value is published; the value is not (docs/CRITERIA.md §4).
      if (!hidden.empty())
        said.text += fmt::format(FMT_COMPILE("; {} за {} не публику{} ({}); решение принято с учётом скрыт{}"), hidden.size() == 1 ? "значение" : "значения",
                              years_text(hidden), hidden.size() == 1 ? "ется" : "ются", hidden_why,
                              hidden.size() == 1 ? "ого значения" : "ых значений");
      return e;
    }
    // Comparisons of the value of each year of the window with a constant, a baseline or a cut-off.
    std::vector<std::string> parts, problems;
    int holds = 0, fails = 0;
    for (int y = year - r.window + 1; y <= year; ++y) {
      Point p = point(s, school, y, words);
      if (!p.ok) {
        if (words && std::find(problems.begin(), problems.end(), p.problem) == problems.end()) problems.push_back(p.problem);
        continue;
      }
      size_t wy = static_cast<size_t>(ind_.year_index(y));
      std::optional<double> ref;
      std::string label;
      bool bottom = r.compare == Compare::bottom_percent;
      switch (r.compare) {
        case Compare::below_municipal:
        case Compare::above_municipal:
          ref = s->baseline[wy].municipal;
          label = "в среднем по муниципалитету";
          break;
        case Compare::below_regional:
        case Compare::above_regional:
          ref = s->baseline[wy].regional;
          label = "по региону";
          break;
        case Compare::bottom_percent:
        case Compare::top_percent: {
          const Cutoff& c = cutoff(*s, wy, bottom, r.value);
          ref = c.value;
          if (words)
            label = fmt::format(FMT_COMPILE("граница {} % школ с самыми {} значениями — {} из {}"), format_decimal(r.value),
                              bottom ? "низкими" : "высокими", c.k, ranked_count(*s, wy));
          break;
        }
        default:
          ref = r.value;
          label = "порог";
      }
      if (!ref) {
        if (words)
          problems.push_back(fmt::format(FMT_COMPILE("нет значения {} за {}"), label == "по региону" ? "по региону" : "для сравнения", year_text(y)));
        continue;
      }
      bool ok = false;
      std::string relation;
      switch (r.compare) {
        case Compare::less_than: ok = p.value < *ref - 1e-9; relation = ok ? "меньше порога" : "не меньше порога"; break;
        case Compare::at_most: ok = p.value <= *ref + 1e-9; relation = ok ? "не больше порога" : "больше порога"; break;
        case Compare::greater_than: ok = p.value > *ref + 1e-9; relation = ok ? "больше порога" : "не больше порога"; break;
        case Compare::at_least: ok = p.value >= *ref - 1e-9; relation = ok ? "не меньше порога" : "меньше порога"; break;
        case Compare::below_municipal:
        case Compare::below_regional: ok = p.value < *ref - 1e-9; relation = ok ? "ниже" : "не ниже"; break;
        case Compare::above_municipal:
        case Compare::above_regional: ok = p.value > *ref + 1e-9; relation = ok ? "выше" : "не выше"; break;
        case Compare::bottom_percent:
        case Compare::top_percent: {
          // Ties at the border are all in or all out: a school is in the X % only if the schools
          // with a value at least as extreme as its own fit in the X %.
          const Cutoff& c = cutoff(*s, wy, bottom, r.value);
          ok = as_extreme(c, bottom, p.value) <= c.k;
          relation = ok ? "входит" : "не входит";
          break;
        }
        default: break;
      }
      (ok ? holds : fails)++;
      if (!words) continue;
      bool percentile = r.compare == Compare::bottom_percent || r.compare == Compare::top_percent;
      std::string ref_text = fmt_value(*ref);
      std::optional<double> shown_ref = ref;
      bool exact = !percentile || !cutoff(*s, wy, bottom, r.value).with_hidden;
      if (!exact) {
        const Cutoff& c = cutoff(*s, wy, bottom, r.value);
        {
          // The border may be a hidden value: print the published value nearest it inside the X %.
          shown_ref = c.published_bound;
          ref_text = c.published_bound
                         ? fmt::format(FMT_COMPILE("{} {}: {} опубликованное значение среди этих школ; в ранжировании участвуют и значения малых "
                                       "групп, они не публикуются"),
                                       bottom ? "не ниже" : "не выше", fmt_value(*c.published_bound), bottom ? "наибольшее" : "наименьшее")
                         : std::string("не публикуется: в эти школы входят только значения малых групп");
        }
      }
      said.reference = shown_ref;
      said.reference_label = label;
      std::string tail = percentile ? fmt::format(FMT_COMPILE("{} в {} % школ с самыми {} значениями (граница — {}, {})"), relation, format_decimal(r.value),
                                                  bottom ? "низкими" : "высокими", ref_text,
                                                  label.substr(label.find("— ") + std::string("— ").size()))
                         : label == "порог" ? fmt::format(FMT_COMPILE("{} {}"), relation, ref_text)
                                            : fmt::format(FMT_COMPILE("{}, чем {} ({})"), relation, label, ref_text);
      if (p.hidden) {
        // A verdict on a hidden value is published; the value is not (docs/CRITERIA.md §4).
        const char* met = r.window == 1 ? (ok ? "критерий выполнен" : "критерий не выполнен") : (ok ? "условие выполнено" : "условие не выполнено");
        parts.push_back(fmt::format(FMT_COMPILE("{}; по нему {}: {}"), p.hidden_text, met, tail));
        continue;
      }
      said.values.emplace_back(y, p.value);
      // The year, with what the value rests on where that is less than the definition says.
      std::string y_text = p.remark.empty() ? std::to_string(y) : fmt::format(FMT_COMPILE("{}; {}"), y, p.remark);
      // The verdict stands; the reader learns that the figure cannot settle it. Only against an exact
      // border: against a bound the interval would say nothing true.
      bool borderline = percentile && exact && p.lower && p.upper && *p.lower <= *ref + 1e-9 && *ref <= *p.upper + 1e-9;
      parts.push_back(fmt::format(FMT_COMPILE("{} ({}) — {}"), fmt_value(p.value), y_text, tail) + (borderline ? kBorderline : ""));
    }
    int total = r.window;
    if (r.window_all) e.verdict = fails > 0 ? Verdict::no : holds == total ? Verdict::yes : Verdict::unknown;
    else e.verdict = holds > 0 ? Verdict::yes : fails == total ? Verdict::no : Verdict::unknown;
    if (!words) return e;
    std::string all_parts = fmt::format(FMT_COMPILE("{}"), fmt::join(parts, "; "));
    if (!problems.empty())
      all_parts += (all_parts.empty() ? "" : "; ") + std::string("недостаточно данных — ") + fmt::format(FMT_COMPILE("{}"), fmt::join(problems, "; "));
    said.text = fmt::format(FMT_COMPILE("{}: {}"), name, all_parts);
    return e;
  }

 private:

  const Municipality& m_;
  const IndicatorSet& ind_;
  const std::map<const Rule*, std::string>& without_data_;  // rule → what the site lacks for it
  std::map<std::tuple<SeriesKey, size_t, bool, double>, Cutoff> cutoffs_;
  std::map<std::pair<SeriesKey, size_t>, std::string> ranked_counts_;  // ranked_count()
  std::mutex caches_;  // held while cutoffs_ or ranked_counts_ is read or filled
  const EvidenceWords* words_;
};

// A listed group's verdict: the school is in the year's list or not. A year the department gave no list
// for is «нет» here; the published list of that year is then withheld (analyse/approved_lists). `said`: the
// evidence's sentence.
Verdict listed_verdict(const Municipality& m, const Group& g, size_t school, int year, std::string& said) {
  Verdict verdict = Verdict::no;
  const School& s = m.schools[school];
  if (g.members == Membership::rosobrnadzor) {
    for (const auto& f : s.federal_lists)
      if (f.year == year && (g.federal_list.empty() || f.list == g.federal_list)) {
        verdict = Verdict::yes;
        said = fmt::format(FMT_COMPILE("по данным Рособрнадзора: в списке «{}» за {}"), f.list, year_text(year));
      }
    if (verdict == Verdict::no)
      said = fmt::format(FMT_COMPILE("по данным Рособрнадзора: нет в списке{} за {}"), g.federal_list.empty() ? "" : fmt::format(FMT_COMPILE(" «{}»"), g.federal_list), year_text(year));
    return verdict;
  }
  if (g.members == Membership::project500) {
    bool in = std::find(s.project500_years.begin(), s.project500_years.end(), year) != s.project500_years.end();
    verdict = in ? Verdict::yes : Verdict::no;
    said = fmt::format(FMT_COMPILE("по данным проекта «500+»: {} в {}"), in ? "участвовала" : "не участвовала", year_text(year));
    return verdict;
  }
  const ListDecision* decision = nullptr;
  for (const auto& d : m.decisions)
    if (d.year == year && d.group == g.id) decision = &d;
  if (!decision) {
    said = fmt::format(FMT_COMPILE("перечень за {} не задан"), year_text(year));
    return verdict;
  }
  std::string by = decision->order ? fmt::format(FMT_COMPILE("приказа от {} №{}{}"), format_date(decision->order->date), kNbsp, decision->order->number)
                                   : std::string("рабочей группы (приказом не утверждён)");
  bool in = std::any_of(decision->schools.begin(), decision->schools.end(), [&](const ManualChange& c) { return c.school == s.id; });
  verdict = in ? Verdict::yes : Verdict::no;
  said = fmt::format(FMT_COMPILE("{} перечне {}"), in ? "в" : "не в", by);
  return verdict;
}

// Says the evidence of one classification: a leaf rule's sentence is made again by the evaluator that
// decided its verdict, from the same figures and cut-offs, when a page asks for it; a combined rule's from
// its parts' verdicts.
class Words final : public EvidenceWords {
 public:
  Words(const Municipality& m, const IndicatorSet& ind, const Criteria& criteria, std::map<const Rule*, std::string> without_data)
      : m_(m), ind_(ind), without_data_(std::move(without_data)), evaluator_(m, ind, without_data_, this) {
    for (const auto& g : criteria.groups) groups_[&g.rule] = &g;
  }

  // The classification's evaluator, for every thread.
  Evaluator& evaluator() { return evaluator_; }

  // The number of the words said before a sentence (Evidence::note), the same for the same words.
  std::uint16_t note(const std::string& words) {
    std::lock_guard lock(notes_lock_);
    auto it = std::find(notes_.begin(), notes_.end(), words);
    if (it == notes_.end()) it = notes_.insert(notes_.end(), words);
    return static_cast<std::uint16_t>(it - notes_.begin() + 1);
  }

  EvidenceSaid say(const Evidence& e) const override {
    EvidenceSaid said;
    if (!e.rule) return said;
    if (e.listed) {
      if (auto g = groups_.find(e.rule); g != groups_.end() && e.year_index < ind_.years.size())
        listed_verdict(m_, *g->second, e.school, ind_.years[e.year_index], said.text);
    } else if (e.rule->combine == Combine::leaf) {
      evaluator_.leaf(*e.rule, e.school, e.year_index, &said);
    } else {
      said.text = Evaluator::combined_text(*e.rule, e);
    }
    if (e.note) {
      std::lock_guard lock(notes_lock_);
      if (e.note <= notes_.size()) said.text.insert(0, notes_[e.note - 1u]);
    }
    return said;
  }

 private:
  const Municipality& m_;
  const IndicatorSet& ind_;
  const std::map<const Rule*, std::string> without_data_;
  std::map<const Rule*, const Group*> groups_;  // a group by its rule: listed groups' evidence
  mutable Evaluator evaluator_;
  mutable std::mutex notes_lock_;
  std::vector<std::string> notes_;  // few: one per set of groups a school can be excluded for
};

}  // namespace

Classification classify(const Municipality& m, const IndicatorSet& ind, const Criteria& criteria, int jobs) {
  Classification c;
  c.years = ind.years;
  size_t S = m.schools.size(), Y = ind.years.size();
  for (const auto& g : criteria.groups) {
    GroupResult gr;
    gr.group = &g;
    gr.by_school.assign(S, std::vector<GroupYear>(Y));
    c.groups.push_back(std::move(gr));
  }
  for (const auto& f : criteria.risk_factors) {
    RiskResult rr;
    rr.factor = &f;
    rr.by_school.assign(S, std::vector<RiskFactorYear>(Y));
    c.risks.push_back(std::move(rr));
  }
  c.without_data = rules_without_data(m, criteria, ind.specs);
  std::map<const Rule*, std::string> without_data;
  for (const auto& w : c.without_data) without_data[w.rule] = fmt::format(FMT_COMPILE("{}"), fmt::join(w.missing, "; "));
  auto words = std::make_shared<Words>(m, ind, criteria, std::move(without_data));
  c.words = words;
  Evaluator* ev = &words->evaluator();
  parallel_for(S, jobs, [&](size_t i, int) {
    for (size_t gi = 0; gi < c.groups.size(); ++gi) {
      GroupResult& gr = c.groups[gi];
      const Group& g = *gr.group;
      for (size_t y = 0; y < Y; ++y) {
        GroupYear& gy = gr.by_school[i][y];
        if (g.members == Membership::rules) {
          gy.evidence = ev->eval(g.rule, i, y);
        } else {
          gy.evidence = ev->made(g.rule, i, y);
          gy.evidence.listed = true;
          std::string ignored;
          gy.evidence.verdict = listed_verdict(m, g, i, ind.years[y], ignored);
        }
        gy.verdict = gy.evidence.verdict;
        // Excluded groups come earlier in the list, so their verdict for this school is final.
        std::string note;
        for (const auto& ex : g.exclude)
          for (size_t k = 0; k < gi; ++k)
            if (c.groups[k].group->id == ex && c.groups[k].by_school[i][y].verdict == Verdict::yes) {
              gy.verdict = Verdict::no;
              note = fmt::format(FMT_COMPILE("не рассматривается: школа входит в группу «{}»; {}"), c.groups[k].group->short_title, note);
            }
        if (!note.empty()) gy.evidence.note = words->note(note);
      }
    }
    for (auto& rr : c.risks) {
      const RiskFactor& f = *rr.factor;
      if (!f.high && !f.medium) continue;  // not measurable with the data: stays «нет данных»
      for (size_t y = 0; y < Y; ++y) {
        RiskFactorYear& ry = rr.by_school[i][y];
        std::optional<Evidence> high, medium;
        if (f.high) high = ev->eval(*f.high, i, y);
        if (f.medium) medium = ev->eval(*f.medium, i, y);
        if (high && high->verdict == Verdict::yes) ry.level = RiskLevel::high;
        else if (medium && medium->verdict == Verdict::yes) ry.level = RiskLevel::medium;
        else if ((!high || high->verdict == Verdict::no || high->verdict == Verdict::not_applicable) &&
                 (!medium || medium->verdict == Verdict::no || medium->verdict == Verdict::not_applicable))
          ry.level = RiskLevel::low;
        if (high) ry.evidence.push_back(std::move(*high));
        if (medium) ry.evidence.push_back(std::move(*medium));
      }
    }
    return true;
  });
  count_movement(c, m);  // against the previous year, once all years of all schools are known
  return c;
}

}  // namespace sveden
