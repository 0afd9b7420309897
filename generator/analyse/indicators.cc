#include "analyse/indicators.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <set>

#include <fmt/format.h>

#include "analyse/decision_minimum.h"
#include "russian/typography.h"

namespace sveden {
namespace {

constexpr double kShareThreshold = 30;  // assessments_below30: see vocab/indicators.yaml

std::string year_text(int y) { return years_text({y}); }

// The remark of an olympiad share counted by participations: a pupil in two olympiads counts twice.
constexpr const char* kParticipationsCounted = "по числу участий, а не учеников";

// The participants of `stages` in a year, and the stages the school's rows of that year lack. A year
// with rows for some stages only says nothing about the others: they are unknown, not zero.
struct StageCount {
  bool any_row = false;  // the school has a row of some stage that year
  long participants = 0;
  long pupils = 0;           // distinct pupils of each stage, summed over the stages
  bool every_pupils = true;  // every row counted gives its pupils
  std::vector<std::string> absent;
};

StageCount stage_count(const School& s, int year, const std::vector<std::string>& stages) {
  StageCount c;
  for (const auto& o : s.olympiad) c.any_row = c.any_row || o.year == year;
  for (const auto& stage : stages) {
    bool given = false;
    for (const auto& o : s.olympiad)
      if (o.year == year && o.stage == stage && o.participants) {
        given = true;
        c.participants += *o.participants;
        if (o.pupils) c.pupils += *o.pupils;
        else c.every_pupils = false;
      }
    if (!given) c.absent.push_back(stage);
  }
  return c;
}

class Builder {
 public:
  Builder(const Municipality& m, const std::vector<IndicatorSpec>& specs) : m_(m) {
    set_.specs = specs;
    set_.years = m.site.years;
    set_.min_group = m.site.min_group;
    set_.decision_min = decision_minimum(m.site, m.criteria.presets);
    set_.withhold_hidden = m.site.verdicts_on_hidden == SiteConfig::HiddenVerdicts::withhold;
  }

  IndicatorSet take() { return std::move(set_); }

  IndicatorSeries& series(const std::string& id, const std::string& param = "") {
    SeriesKey key{id, param};
    auto it = set_.series.find(key);
    if (it != set_.series.end()) return it->second;
    IndicatorSeries s;
    s.key = key;
    const IndicatorSpec* spec = set_.spec(id);
    s.values.assign(m_.schools.size(), set_.years.size());
    if (spec && !spec->applies_to_kinds.empty())
      for (size_t i = 0; i < m_.schools.size(); ++i)
        if (!m_.schools[i].kind.empty() &&  // a school of unknown kind is not excluded
            std::find(spec->applies_to_kinds.begin(), spec->applies_to_kinds.end(), m_.schools[i].kind) ==
                spec->applies_to_kinds.end())
          for (auto& v : s.values[i]) v.state = ValueState::not_applicable;
    if (spec && spec->kind_required)
      for (size_t i = 0; i < m_.schools.size(); ++i)
        if (m_.schools[i].kind.empty())
          for (size_t y = 0; y < set_.years.size(); ++y)
            s.why_missing[{i, y}] = fmt::format("не указан тип ОО ({}, строка {}), а показатель считается только для школ вида {}",
                                                m_.table_path("schools"), m_.schools[i].line, kinds_text(*spec));
    s.baseline.resize(set_.years.size());
    return set_.series.emplace(key, std::move(s)).first->second;
  }

  // Sets a value; small groups are suppressed where the indicator rests on persons.
  void put(const std::string& id, const std::string& param, size_t school, int year, double value, long n) {
    int yi = set_.year_index(year);
    if (yi < 0 || !std::isfinite(value)) return;
    IndicatorValue& v = series(id, param).values[school][static_cast<size_t>(yi)];
    if (v.state == ValueState::not_applicable) return;
    const IndicatorSpec* spec = set_.spec(id);
    if (spec && spec->kind_required && m_.schools[school].kind.empty()) return;  // see series()
    v.value = value;
    v.n = n;
    v.state = spec && spec->respects_min_group && n < set_.min_group ? ValueState::suppressed : ValueState::ok;
  }

  void ratio(const std::string& id, const std::string& param, size_t school, int year, const Count& part, const Count& whole) {
    if (!part || !whole || *whole <= 0) return;
    put(id, param, school, year, 100.0 * *part / *whole, *whole);
    const IndicatorSpec* spec = set_.spec(id);
    if (spec && spec->interval == "wilson" && *part >= 0 && *part <= *whole) {
      auto [lo, hi] = wilson_interval(*part, *whole);
      set_interval(id, param, school, year, lo, hi);
    }
  }

  // Only a published value gets one: a hidden value's interval would give the value away.
  void set_interval(const std::string& id, const std::string& param, size_t school, int year, double lo, double hi) {
    int yi = set_.year_index(year);
    if (yi < 0) return;
    IndicatorValue& v = series(id, param).values[school][static_cast<size_t>(yi)];
    if (!v.ok()) return;
    v.lower = lo;
    v.upper = hi;
  }

  void exams() {
    for (size_t i = 0; i < m_.schools.size(); ++i) {
      const School& s = m_.schools[i];
      for (const auto& o : s.oge) {
        if (!o.participants || *o.participants == 0) continue;
        long n = *o.participants;
        if (o.mean_score) {
          put("oge_mean", o.subject, i, o.year, *o.mean_score, n);
          const IndicatorSpec* spec = set_.spec("oge_mean");
          if (spec && spec->interval == "marks")
            if (auto ci = marks_interval(o.marks, n, *o.mean_score)) set_interval("oge_mean", o.subject, i, o.year, ci->first, ci->second);
        }
        Count below = o.below_min ? o.below_min : o.marks[0];
        ratio("oge_below_min_share", o.subject, i, o.year, below, o.participants);
        if (o.marks[2] && o.marks[3]) ratio("oge_good_share", o.subject, i, o.year, *o.marks[2] + *o.marks[3], o.participants);
      }
      for (const auto& e : s.ege) {
        if (!e.participants || *e.participants == 0) continue;
        if (e.mean_score) put("ege_mean", e.subject, i, e.year, *e.mean_score, *e.participants);
        ratio("ege_below_min_share", e.subject, i, e.year, e.below_min, e.participants);
      }
      for (const auto& v : s.vpr) {
        if (!v.participants || *v.participants == 0) continue;
        std::string param = fmt::format("{} класс, {}", v.grade, v.subject);
        ratio("vpr_share2", param, i, v.year, v.marks[0], v.participants);
        if (v.marks[2] && v.marks[3]) ratio("vpr_share45", param, i, v.year, *v.marks[2] + *v.marks[3], v.participants);
      }
    }
  }

  // Assessments with ≥ 30 % below the minimum. The published count takes the published shares only,
  // so that it discloses nobody; the rules count every procedure they may decide on (a hidden one of
  // at least decision_min participants too), and where that includes a hidden one, the count they use
  // is kept apart (IndicatorValue::decision) and never published.
  void assessments() {
    std::vector<SeriesKey> keys;
    for (const auto& [k, s] : set_.series)
      if (k.indicator == "oge_below_min_share" || k.indicator == "ege_below_min_share" || k.indicator == "vpr_share2")
        keys.push_back(k);
    // The share as published: 29,96 % is shown as «30 %» and counts as 30 %.
    auto at_30 = [&](const SeriesKey& k, const IndicatorValue& v) {
      return round_shown(v.value, set_.spec(k.indicator)->decimals) + 1e-9 >= kShareThreshold;
    };
    for (size_t i = 0; i < m_.schools.size(); ++i)
      for (size_t y = 0; y < set_.years.size(); ++y) {
        // Published parts, and every part the rules may use (published or hidden but decidable).
        struct Tally {
          int count = 0, repeat = 0, evaluated = 0, evaluated_before = 0;
          long persons = 0;
        } shown, decided;
        int hidden = 0, hidden_before = 0, hidden_now = 0, hidden_used = 0;  // hidden_used: now or the year before
        long hidden_persons = 0;
        bool has_previous = y > 0 && set_.years[y - 1] == set_.years[y] - 1;
        for (const auto& k : keys) {
          const IndicatorValue& v = set_.series.at(k).values[i][y];
          const IndicatorValue* prev = has_previous ? &set_.series.at(k).values[i][y - 1] : nullptr;
          if (prev) {
            shown.evaluated_before += prev->ok();
            decided.evaluated_before += set_.decidable(*prev);
            hidden_before += prev->state == ValueState::suppressed;
            hidden_used += !prev->ok() && set_.decidable(*prev);
          }
          hidden += v.state == ValueState::suppressed;
          for (Tally* t : {&shown, &decided}) {
            bool use = t == &shown ? v.ok() : set_.decidable(v);
            if (!use) continue;
            ++t->evaluated;
            t->persons += v.n;
            if (!at_30(k, v)) continue;
            ++t->count;
            if (prev && (t == &shown ? prev->ok() : set_.decidable(*prev)) && at_30(k, *prev)) ++t->repeat;
          }
          if (!v.ok() && set_.decidable(v)) {
            ++hidden_now;
            ++hidden_used;
            hidden_persons += v.n;
          }
        }
        record("assessments_below30", i, y, shown.evaluated > 0, shown.count, shown.persons, hidden_now > 0,
               decided.evaluated > 0, decided.count, hidden_persons);
        if (shown.evaluated == 0 && decided.evaluated == 0) {
          // Every procedure of the school was too small to publish: say so, rather than «no data».
          if (hidden > 0) mark_suppressed("assessments_below30", i, y);
          continue;
        }
        if (!has_previous) continue;
        // A procedure with 30 % «2» this year may have had them last year too: with no procedure at
        // all last year that is unknown, not «no». With none this year it is «no» anyway.
        bool shown_unknown = shown.count > 0 && shown.evaluated_before == 0;
        bool decided_unknown = decided.count > 0 && decided.evaluated_before == 0;
        IndicatorSeries& repeat = series("assessments_below30_repeat");
        if (shown_unknown) repeat.why_missing[{i, y}] = no_previous_text(y, shown.count, hidden_before > 0);
        if (hidden_used == 0) {
          if (!shown_unknown && shown.evaluated > 0) put_ok("assessments_below30_repeat", i, set_.years[y], shown.repeat, shown.persons);
          continue;
        }
        // The rules' count rests on hidden procedures: its reason names no count, which would tell how
        // many hidden procedures have 30 % «2».
        if (decided_unknown)
          repeat.undecided[{i, y}] = fmt::format("за {} нет результатов ОГЭ, ЕГЭ и ВПР, а в {} есть процедура с долей «2» не менее 30 %",
                                                 year_text(set_.years[y - 1]), year_text(set_.years[y]));
        record("assessments_below30_repeat", i, y, !shown_unknown && shown.evaluated > 0, shown.repeat, shown.persons, true,
               !decided_unknown, decided.repeat, hidden_persons);
      }
  }

  std::string no_previous_text(size_t y, int count, bool hidden_before) const {
    return hidden_before
               ? fmt::format("за {} нет опубликованных результатов ОГЭ, ЕГЭ и ВПР (в каждой процедуре меньше {}), "
                             "а в {} доля «2» не менее 30 % — в {}",
                             year_text(set_.years[y - 1]), count_noun(set_.min_group, "участника", "участников", "участников"),
                             year_text(set_.years[y]), count_noun(count, "процедуре", "процедурах", "процедурах"))
               : fmt::format("за {} нет результатов ОГЭ, ЕГЭ и ВПР, а в {} доля «2» не менее 30 % — в {}", year_text(set_.years[y - 1]),
                             year_text(set_.years[y]), count_noun(count, "процедуре", "процедурах", "процедурах"));
  }

  // A count of procedures: the published one (if any part is published) and, where hidden parts
  // enter it, the one the rules use — kept beside it, or as the hidden value when nothing is published.
  void record(const std::string& id, size_t school, size_t y, bool shown, int shown_value, long shown_persons, bool uses_hidden,
              bool decided, int decided_value, long hidden_persons) {
    if (shown) put_ok(id, school, set_.years[y], shown_value, shown_persons);
    if (!uses_hidden) return;
    IndicatorValue& v = series(id).values[school][y];
    if (shown) {
      v.decision = decided ? static_cast<double>(decided_value) : std::nan("");
    } else if (decided) {
      v.state = ValueState::suppressed;
      v.value = decided_value;
      v.n = hidden_persons;
      v.decision = decided_value;  // the same; says the value is a count with hidden parts
    } else {
      v.decision = std::nan("");  // nothing published and nothing the rules may use
    }
  }

  void mark_suppressed(const std::string& id, size_t school, size_t y) {
    IndicatorValue& v = series(id).values[school][y];
    if (v.state == ValueState::missing) v.state = ValueState::suppressed;
  }

  void put_ok(const std::string& id, size_t school, int year, double value, long n) {
    int yi = set_.year_index(year);
    IndicatorValue& v = series(id).values[school][static_cast<size_t>(yi)];
    v.state = ValueState::ok;
    v.value = value;
    v.n = n;
  }

  // The composite results index (docs/CRITERIA.md §5.2). Each component (a subject of ОГЭ or ЕГЭ, a
  // grade and subject of ВПР) becomes a z-score among the schools of the year; within a family the
  // z-scores of the window are pooled by participants; the families are then weighted as the
  // criteria say (equal by default), not by participants, which would let ВПР rank schools alone.
  // A school without a family is indexed on the families it has, in the same proportion.
  void results_index(const ResultsIndexConfig& config) {
    const IndicatorSpec* spec = set_.spec("results_index");
    int window = spec ? spec->window : 3;
    struct Family {
      std::string name, indicator;
      double weight;
    };
    std::vector<Family> families;
    for (const auto& [name, weight] : config.weights)
      if (weight > 0)
        families.push_back({name, name == "ЕГЭ" ? "ege_mean" : name == "ОГЭ" ? "oge_mean" : "vpr_share45", weight});
    size_t S = m_.schools.size(), Y = set_.years.size(), F = families.size();
    // Σ n·z and Σ n by family, school and year.
    using Grid = std::vector<std::vector<double>>;
    std::vector<Grid> weighted(F, Grid(S, std::vector<double>(Y, 0))), persons(F, Grid(S, std::vector<double>(Y, 0)));
    // Σ n²·Var(z) by family, school and year, for the index's interval: Var(z) = (se / sd)², the se of a
    // component from its own 95 % interval (half-width / 1,96). A component without an interval (ЕГЭ:
    // the data give no spread of the marks) adds nothing: the interval is narrower by its share.
    std::vector<Grid> variance(F, Grid(S, std::vector<double>(Y, 0)));
    const IndicatorSpec* index_spec = set_.spec("results_index");
    bool with_interval = index_spec && index_spec->interval == "composite";
    std::vector<std::vector<bool>> hidden(S, std::vector<bool>(Y, false));  // a component was suppressed
    for (const auto& [k, s] : set_.series) {
      size_t f = 0;
      while (f < F && families[f].indicator != k.indicator) ++f;
      if (f == F) continue;
      for (size_t i = 0; i < S; ++i)
        for (size_t y = 0; y < Y; ++y)
          if (s.values[i][y].state == ValueState::suppressed) hidden[i][y] = true;
      for (size_t y = 0; y < Y; ++y) {
        double sum = 0, sq = 0;
        int count = 0;
        for (size_t i = 0; i < S; ++i)
          if (s.values[i][y].ok()) {
            sum += s.values[i][y].value;
            ++count;
          }
        if (count < 2) continue;
        double mean = sum / count;
        for (size_t i = 0; i < S; ++i)
          if (s.values[i][y].ok()) sq += (s.values[i][y].value - mean) * (s.values[i][y].value - mean);
        double sd = std::sqrt(sq / count);
        if (sd <= 0) continue;
        for (size_t i = 0; i < S; ++i)
          if (s.values[i][y].ok()) {
            const IndicatorValue& v = s.values[i][y];
            weighted[f][i][y] += v.n * (v.value - mean) / sd;
            persons[f][i][y] += v.n;
            if (v.lower && v.upper) {
              double se = (*v.upper - *v.lower) / (2 * 1.96) / sd;
              variance[f][i][y] += static_cast<double>(v.n) * v.n * se * se;
            }
          }
      }
    }
    for (size_t i = 0; i < S; ++i)
      for (size_t y = 0; y < Y; ++y) {
        auto in_window = [&](int year) { return year <= set_.years[y] && year > set_.years[y] - window; };
        double num = 0, den = 0, n = 0, var = 0;
        bool any_hidden = false;
        std::set<int> with_data;
        std::vector<const Family*> present, absent;
        for (size_t w = 0; w < Y; ++w)
          if (in_window(set_.years[w])) any_hidden = any_hidden || hidden[i][w];
        for (size_t f = 0; f < F; ++f) {
          double fz = 0, fn = 0, fv = 0;
          for (size_t w = 0; w < Y; ++w)
            if (in_window(set_.years[w]) && persons[f][i][w] > 0) {
              fz += weighted[f][i][w];
              fn += persons[f][i][w];
              fv += variance[f][i][w];
              with_data.insert(set_.years[w]);
            }
          if (fn > 0) {
            num += families[f].weight * fz / fn;
            var += families[f].weight * families[f].weight * fv / (fn * fn);
            den += families[f].weight;
            n += fn;
            present.push_back(&families[f]);
          } else {
            absent.push_back(&families[f]);
          }
        }
        if (den <= 0) {
          if (any_hidden) mark_suppressed("results_index", i, y);
          continue;
        }
        put("results_index", "", i, set_.years[y], num / den, static_cast<long>(n));
        if (with_interval && var > 0) {
          double half = 1.96 * std::sqrt(var) / den;  // Var(Σ w·z_f / Σ w) = Σ w²·Var(z_f) / (Σ w)²
          set_interval("results_index", "", i, set_.years[y], num / den - half, num / den + half);
        }
        // Say where the index departs from its full form: fewer years than the window, fewer families.
        std::vector<std::string> remarks;
        if (static_cast<int>(with_data.size()) < window) {
          std::vector<int> no_data, not_shown;
          for (int year = set_.years[y] - window + 1; year <= set_.years[y]; ++year) {
            if (with_data.count(year)) continue;
            int w = set_.year_index(year);
            (w >= 0 && hidden[i][static_cast<size_t>(w)] ? not_shown : no_data).push_back(year);
          }
          std::vector<std::string> why;
          if (!no_data.empty()) why.push_back(fmt::format("нет данных за {}", years_text(no_data)));
          if (!not_shown.empty())
            why.push_back(fmt::format("результаты за {} не публикуются: в группах меньше {}", years_text(not_shown),
                                      count_noun(set_.min_group, "человека", "человек", "человек")));
          remarks.push_back(fmt::format("индекс за {} из {}: {}", count_noun(static_cast<long long>(with_data.size()), "год", "года", "лет"),
                                        window, fmt::join(why, "; ")));
        }
        if (!absent.empty()) {
          std::vector<std::string> absent_names, present_names, shares;
          for (const Family* f : absent) absent_names.push_back(f->name);
          bool equal = true;
          for (const Family* f : present) {
            present_names.push_back(f->name);
            shares.push_back(weight_fraction(f->weight, den));
            equal = equal && f->weight == present.front()->weight;
          }
          std::string how = present.size() == 1 ? fmt::format("индекс — только по {}", present_names[0])
                            : equal ? fmt::format("{} входят в индекс с равным весом, по {}", and_list(present_names), shares[0])
                                    : fmt::format("{} входят в индекс с весами {}", and_list(present_names), and_list(shares));
          remarks.push_back(fmt::format("нет опубликованных результатов {}: {}", and_list(absent_names), how));
        }
        if (!remarks.empty()) series("results_index").remarks[{i, y}] = fmt::format("{}", fmt::join(remarks, "; "));
      }
  }

  void school_level(const SocialIndexConfig& social) {
    const IndicatorSpec* olymp = set_.spec("olympiad_share");
    int window = olymp ? olymp->window : 3;
    for (size_t i = 0; i < m_.schools.size(); ++i) {
      const School& s = m_.schools[i];
      for (const auto& c : s.contingent) {
        ratio("continuation_rate", "", i, c.year, c.grade10_continued, c.grade9_graduates);
        ratio("ovz_share", "", i, c.year, c.students_ovz, c.students);
      }
      for (const auto& st : s.staff) {
        ratio("pension_age_share", "", i, st.year, st.pension_age, st.teachers);
        ratio("young_specialists_share", "", i, st.year, st.young_specialists, st.teachers);
        ratio("highest_category_share", "", i, st.year, st.highest_category, st.teachers);
        ratio("pd_share", "", i, st.year, st.pd_completed, st.teachers);
        if (st.vacancies) put("vacancies", "", i, st.year, *st.vacancies, 0);
        if (st.vacancies && st.teachers && *st.teachers + *st.vacancies > 0)
          put("vacancy_rate", "", i, st.year, 100.0 * *st.vacancies / (*st.teachers + *st.vacancies), *st.teachers + *st.vacancies);
      }
      // Shares of students given as the school's percentage weigh by its students of the year, so
      // that a group value is all provided (registered…) students ÷ all students.
      auto students = [&](int year) -> long {
        for (const auto& c : s.contingent)
          if (c.year == year && c.students) return *c.students;
        return 0;
      };
      for (const auto& c : s.conditions) {
        if (c.mto_coefficient) put("mto_coefficient", "", i, c.year, *c.mto_coefficient, 0);
        if (c.textbook_provision) put("textbook_provision", "", i, c.year, *c.textbook_provision, students(c.year));
        if (c.library_system) put("library_system", "", i, c.year, *c.library_system ? 100 : 0, 0);
      }
      for (const auto& so : s.social) {
        if (so.non_native_russian) put("non_native_russian_share", "", i, so.year, *so.non_native_russian, students(so.year));
        if (so.preventive_register) put("preventive_register_share", "", i, so.year, *so.preventive_register, students(so.year));
        double index = 0;
        bool complete = !social.weights.empty();
        for (const auto& [column, weight] : social.weights) {
          Number v = column == "higher_ed_parents"    ? so.higher_ed_parents
                     : column == "single_parent"      ? so.single_parent
                     : column == "unemployed_parents" ? so.unemployed_parents
                     : column == "low_income"         ? so.low_income
                     : column == "non_native_russian" ? so.non_native_russian
                                                      : so.preventive_register;
          if (!v) complete = false;
          else index += weight * *v;
        }
        if (complete) put("social_index", "", i, so.year, index, 0);
      }
      olympiads(i, window);
    }
  }

  // Olympiads: participants of the regional and final stages, and of the school stage. A stage the
  // year's rows lack is unknown, not zero: the value is missing and says which stages are absent.
  void olympiads(size_t i, int window) {
    const School& s = m_.schools[i];
    const std::string path = m_.table_path("olympiad");
    for (size_t yi = 0; yi < set_.years.size(); ++yi) {
      int year = set_.years[yi];
      const ContingentYear* c = nullptr;
      for (const auto& x : s.contingent)
        if (x.year == year) c = &x;
      std::string no_students =
          fmt::format("нет численности обучающихся за {} ({})", year_text(year), m_.table_path("contingent"));
      StageCount school_stage = stage_count(s, year, olympiad_stages("olympiad_school_share"));
      if (!school_stage.any_row) {
        note("olympiad_school_share", i, yi, fmt::format("в {} нет строк школы за {}", path, year_text(year)));
      } else if (!school_stage.absent.empty()) {
        note("olympiad_school_share", i, yi,
             fmt::format("в {} за {} нет данных {}", path, year_text(year), olympiad_stages_text(school_stage.absent)));
      } else if (c && c->students) {
        ratio("olympiad_school_share", "", i, year, static_cast<int>(school_stage.participants), c->students);
      } else {
        note("olympiad_school_share", i, yi, no_students);
      }
      // Participants of the window's years against this year's students, as the seed words it:
      // «учащихся за последние 3 года, принимавших участие». A sum over the window needs every stage
      // of every year of it: two years of participants are not three.
      // The order counts pupils; where every row of the window gives them («Обучающихся-участников»)
      // they are counted, otherwise participations are, and the value says so.
      long participants = 0, pupils = 0;
      bool every_pupils = true;
      std::vector<int> no_rows;
      std::vector<std::string> gaps;
      for (int w = year - window + 1; w <= year; ++w) {
        StageCount sc = stage_count(s, w, olympiad_stages("olympiad_share"));
        participants += sc.participants;
        pupils += sc.pupils;
        every_pupils = every_pupils && sc.every_pupils;
        if (!sc.any_row) no_rows.push_back(w);
        else if (!sc.absent.empty()) gaps.push_back(fmt::format("за {} нет данных {}", year_text(w), olympiad_stages_text(sc.absent)));
      }
      if (no_rows.empty() && gaps.empty()) {
        if (c && c->students && *c->students > 0) {
          put("olympiad_share", "", i, year, 100.0 * (every_pupils ? pupils : participants) / *c->students, *c->students);
          if (!every_pupils) series("olympiad_share").remarks[{i, yi}] = kParticipationsCounted;
        } else {
          note("olympiad_share", i, yi, no_students);
        }
        continue;
      }
      std::vector<std::string> parts;
      if (!no_rows.empty()) parts.push_back(fmt::format("нет строк школы за {}", years_text(no_rows)));
      for (auto& g : gaps) parts.push_back(std::move(g));
      note("olympiad_share", i, yi,
           fmt::format("в {} {} (показатель считается за {} {})", path, fmt::join(parts, "; "), window,
                       plural(window, "год", "года", "лет")));
    }
  }

  // Says why a value is missing, unless it is not missing or the indicator does not apply.
  void note(const std::string& id, size_t school, size_t y, std::string why) {
    IndicatorSeries& s = series(id);
    if (s.values[school][y].state != ValueState::missing) return;
    s.why_missing.try_emplace({school, y}, std::move(why));
  }

  void baselines() {
    std::vector<size_t> all(m_.schools.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    for (auto& [key, s] : set_.series) {
      const IndicatorSpec* spec = set_.spec(key.indicator);
      for (size_t y = 0; y < set_.years.size(); ++y) {
        Baseline& b = s.baseline[y];
        GroupValue g = spec ? group_value(*spec, s, y, all) : GroupValue{};
        b.schools = g.schools + g.branches;
        b.municipal = g.value;
        for (const auto& r : m_.regional)
          if (r.indicator == key.indicator && r.param == key.param && r.year == set_.years[y]) b.regional = r.value;
      }
    }
  }

 private:
  const Municipality& m_;
  IndicatorSet set_;
};

}  // namespace

IndicatorSet compute_indicators(const Municipality& m, const std::vector<IndicatorSpec>& specs, const SocialIndexConfig& social,
                                const ResultsIndexConfig& results) {
  Builder b(m, specs);
  // Every school-level indicator exists even when no school has data for it.
  for (const auto& spec : specs)
    if (spec.param.empty()) b.series(spec.id);
  b.exams();
  b.school_level(social);
  b.assessments();
  b.results_index(results);
  b.baselines();
  IndicatorSet set = b.take();
  round_to_shown(set);
  place_in_bands(set);
  return set;
}

GroupValue group_value(const IndicatorSpec& spec, const IndicatorSeries& s, size_t y, const std::vector<size_t>& schools,
                       const std::vector<bool>* branch) {
  GroupValue g;
  double num = 0, den = 0, plain = 0;
  bool weighted = spec.pooling == IndicatorSpec::Pooling::persons;
  for (size_t i : schools) {
    const IndicatorValue& v = s.values[i][y];
    if (!v.ok()) continue;  // hidden values never enter a group value
    ++(branch && (*branch)[i] ? g.branches : g.schools);
    plain += v.value;
    if (v.n <= 0) weighted = false;
    num += v.value * v.n;
    den += v.n;
  }
  int count = g.schools + g.branches;
  if (count > 0 && spec.pooling != IndicatorSpec::Pooling::none) g.value = weighted && den > 0 ? num / den : plain / count;
  return g;
}

std::pair<double, double> wilson_interval(long part, long whole) {
  constexpr double z = 1.96;
  double n = static_cast<double>(whole), p = static_cast<double>(part) / n, z2n = z * z / n;
  double centre = (p + z2n / 2) / (1 + z2n);
  double half = z / (1 + z2n) * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
  return {100.0 * std::max(0.0, centre - half), 100.0 * std::min(1.0, centre + half)};
}

std::optional<std::pair<double, double>> marks_interval(const Count (&marks)[4], long participants, double mean) {
  // The marks must be the whole cohort, and the mean on their scale: otherwise the spread of the
  // marks is not the spread of what the mean averages.
  long n = 0;
  double sum = 0;
  for (int k = 0; k < 4; ++k) {
    if (!marks[k] || *marks[k] < 0) return std::nullopt;
    n += *marks[k];
    sum += static_cast<double>(*marks[k]) * (k + 2);
  }
  if (n != participants || n < 2 || mean < 2 || mean > 5) return std::nullopt;
  double m = sum / static_cast<double>(n), sq = 0;
  for (int k = 0; k < 4; ++k) sq += *marks[k] * (k + 2 - m) * (k + 2 - m);
  double sd = std::sqrt(sq / static_cast<double>(n - 1));
  // Everyone with the same mark: no spread to estimate the error from, and a zero-width interval
  // would claim a certainty the cohort does not give.
  if (sd <= 0) return std::nullopt;
  double half = 1.96 * sd / std::sqrt(static_cast<double>(n));
  return std::make_pair(std::max(2.0, mean - half), std::min(5.0, mean + half));
}

Band band_of(const IndicatorValue& v, const std::optional<double>& municipal) {
  if (!v.ok() || !v.lower || !v.upper || !municipal) return Band::none;
  if (*v.lower > *municipal + 1e-9) return Band::above;
  if (*v.upper < *municipal - 1e-9) return Band::below;
  return Band::level;
}

void place_in_bands(IndicatorSet& set) {
  for (auto& [key, s] : set.series)
    for (auto by_year : s.values)
      for (size_t y = 0; y < by_year.size() && y < s.baseline.size(); ++y) by_year[y].band = band_of(by_year[y], s.baseline[y].municipal);
}

const std::vector<std::string>& olympiad_stages(std::string_view indicator) {
  static const std::vector<std::string> senior = {"региональный", "заключительный"}, school = {"школьный"}, none;
  return indicator == "olympiad_share" ? senior : indicator == "olympiad_school_share" ? school : none;
}

std::string olympiad_stages_text(const std::vector<std::string>& stages) {
  std::vector<std::string> genitives;
  for (std::string genitive : stages) {  // «региональный» → «регионального»
    if (genitive.size() >= 4 && genitive.compare(genitive.size() - 4, 4, "ый") == 0) genitive.replace(genitive.size() - 4, 4, "ого");
    genitives.push_back(std::move(genitive));
  }
  return and_list(genitives) + (stages.size() == 1 ? " этапа" : " этапов");
}

std::string kinds_text(const IndicatorSpec& spec) {
  std::vector<std::string> kinds;
  for (const auto& kind : spec.applies_to_kinds) kinds.push_back(fmt::format("«{}»", kind));
  return and_list(kinds);
}

std::string series_title(const IndicatorSpec& spec, const std::string& param) {
  return param.empty() ? spec.title : spec.title + " " + parenthetical(param);
}

std::string format_indicator(const IndicatorSpec& spec, double value) {
  if (spec.unit == "%") return format_percent(value, spec.decimals);
  return format_number(value, spec.decimals);
}

void round_to_shown(IndicatorSet& set) {
  for (auto& [key, s] : set.series) {
    const IndicatorSpec* spec = set.spec(key.indicator);
    if (!spec) continue;
    for (auto by_year : s.values)
      for (auto& v : by_year) {
        v.value = round_shown(v.value, spec->decimals);
        if (v.lower) v.lower = round_shown(*v.lower, spec->decimals);
        if (v.upper) v.upper = round_shown(*v.upper, spec->decimals);
      }
    for (auto& b : s.baseline) {
      if (b.municipal) b.municipal = round_shown(*b.municipal, spec->decimals);
      if (b.regional) b.regional = round_shown(*b.regional, spec->decimals);
    }
  }
}



std::string weight_fraction(double weight, double total) {
  double rw = std::round(weight), rt = std::round(total);
  if (total > 0 && std::abs(weight - rw) < 1e-9 && std::abs(total - rt) < 1e-9 && rt <= 1000) {
    long long a = static_cast<long long>(rw), b = static_cast<long long>(rt);
    long long g = std::gcd(a, b);
    if (g > 0) a /= g, b /= g;
    return b == 1 ? std::to_string(a) : fmt::format("{}/{}", a, b);
  }
  return format_decimal(total > 0 ? 100 * weight / total : 0, 1) + std::string(kNbsp) + "%";
}

}  // namespace sveden
