#include "analyse/roadmap_progress.h"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "analyse/published_count.h"
#include "load/indicator_vocabulary.h"
#include "russian/typography.h"

namespace sveden {

namespace {

const char* kMonthsNominative[] = {"январь", "февраль", "март",     "апрель",  "май",    "июнь",
                                   "июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь"};

// A yearly schedule of at most this many months is a set of events, each of which gets a note;
// more months mean continuous work («ежегодно, февраль — декабрь»).
constexpr size_t kMaxEventMonths = 4;

Date last_day(int year, int month) { return {year, month, days_in_month(year, month)}; }

ActivityState state_of(ActivityStatus s) {
  switch (s) {
    case ActivityStatus::done: return ActivityState::done;
    case ActivityStatus::cancelled: return ActivityState::cancelled;
    case ActivityStatus::in_progress: return ActivityState::in_progress;
    case ActivityStatus::not_started: return ActivityState::not_started;
  }
  return ActivityState::not_reported;
}

bool closed(ActivityState s) { return s == ActivityState::done || s == ActivityState::cancelled; }

// The state of one term or year: its own status, else the activity's; past its day without either, «просрочено»
// where the department tracks progress and «сведения … не представлены» where it does not.
TermState term_state(const Roadmap& rm, const Activity& a, std::string label, int year, const Date& day, const Date& as_of) {
  TermState ts;
  ts.label = std::move(label);
  ts.due = day < as_of;
  if (auto it = a.status_by_year.find(year); it != a.status_by_year.end()) ts.state = state_of(it->second);
  else if (a.status) ts.state = state_of(*a.status);
  if (ts.due && !closed(ts.state) && rm.track_progress) ts.state = ActivityState::overdue;
  return ts;
}

ActivityProgress activity_progress(const Municipality& m, const Activity& a, const Classification& c,
                                   const std::vector<PublishedList>& lists) {
  ActivityProgress p;
  p.activity = &a;
  const Date& as_of = m.site.as_of;
  const Roadmap& rm = m.roadmap;
  for (const auto& id : a.schools)
    if (auto it = m.school_index.find(id); it != m.school_index.end()) p.schools.push_back(it->second);
  // The schools of the group's list of the latest year, as published.
  if (!a.group.empty() && !c.years.empty())
    for (size_t i = 0; i < m.schools.size(); ++i)
      if (in_list(lists, a.group, c.years.back(), i).value_or(false)) p.schools.push_back(i);
  const Timing& t = a.timing;
  // Several terms, or a status per year: each term or year has its own state; the activity is overdue when one is.
  if (t.kind == Timing::Kind::deadline && t.dues.size() > 1) {
    for (const auto& d : t.dues) p.terms.push_back(term_state(rm, a, due_text(d), d.date.year, d.date, as_of));
  } else if (!a.status_by_year.empty() || t.every == "ежегодно") {
    int last = std::max(rm.from, std::min(rm.to, as_of.year));
    for (int year = rm.from; year > 0 && year <= last; ++year)
      p.terms.push_back(term_state(rm, a, std::to_string(year), year, last_day(year, 12), as_of));
  }
  if (!p.terms.empty()) {
    auto overdue = std::find_if(p.terms.begin(), p.terms.end(), [](const TermState& ts) { return ts.state == ActivityState::overdue; });
    if (a.status && closed(state_of(*a.status))) p.state = state_of(*a.status);
    else if (overdue != p.terms.end()) {
      p.state = ActivityState::overdue;
      p.note = fmt::format("{}: не выполнено", overdue->label);
    } else if (std::all_of(p.terms.begin(), p.terms.end(), [](const TermState& ts) { return closed(ts.state); })) {
      p.state = ActivityState::done;
    } else {
      // The first term still open says where the activity stands: «выполнено» for an earlier term is not the whole.
      p.state = std::find_if(p.terms.begin(), p.terms.end(), [](const TermState& ts) { return !closed(ts.state); })->state;
    }
    // Terms that all say what the activity says add nothing but length.
    if (std::all_of(p.terms.begin(), p.terms.end(), [&](const TermState& ts) { return ts.state == p.state; })) p.terms.clear();
    return p;
  }
  p.state = a.status ? state_of(*a.status) : ActivityState::not_reported;
  if (closed(p.state) || !rm.track_progress) return p;
  if (t.kind == Timing::Kind::deadline && !t.dues.empty() && t.dues[0].date < as_of) {
    p.state = ActivityState::overdue;
    p.note = t.dues[0].grain == Due::Grain::day ? fmt::format("срок — {}, не выполнено", format_date(t.dues[0].date))
                                                : fmt::format("срок — {}, не выполнено", due_text(t.dues[0]));
  } else if (t.kind == Timing::Kind::period && t.to < as_of) {
    p.state = ActivityState::overdue;
    p.note = fmt::format("срок истёк {}, не выполнено", format_date(t.to));
  } else if (t.kind == Timing::Kind::ongoing ||
             (t.kind == Timing::Kind::recurrence && (t.months.empty() || t.months.size() > kMaxEventMonths))) {
    // Work spread over most of the year, or all the time, is continuous: overdue only when the roadmap has ended.
    Date end = last_day(rm.to, 12);
    if (end < as_of) {
      p.state = ActivityState::overdue;
      p.note = fmt::format("дорожная карта завершилась {}, не выполнено", format_date(end));
    }
  } else if (t.kind == Timing::Kind::recurrence) {
    // Events in a few months a year: the latest one that has ended by the as-of date must have a
    // progress note dated in its month or later.
    std::optional<Date> due;
    for (int year = rm.from; year <= std::min(rm.to, as_of.year); ++year)
      for (int month : t.months) {
        Date end = last_day(year, month);
        if (end < as_of && (!due || *due < end)) due = end;
      }
    if (due) {
      Date start{due->year, due->month, 1};
      bool noted = std::any_of(a.progress.begin(), a.progress.end(),
                               [&](const ProgressNote& n) { return !(n.date < start) && !(as_of < n.date); });
      if (!noted) {
        p.state = ActivityState::overdue;
        p.note = fmt::format("нет отметки о выполнении за {} {}{}г.", kMonthsNominative[due->month - 1], due->year, std::string(kNbsp));
      }
    }
  }
  // Kind::schedule and Kind::text are not tracked: their terms are not dates sveden knows.
  return p;
}

struct Share {
  std::optional<double> value;
  std::string note;
};

// `total` schools and branches, of which `branches` are branches: a branch is not called a school.
Share share(int hits, int total, int branches, const char* of_what) {
  if (total == 0) return {std::nullopt, fmt::format("нет {}", of_what)};
  return {100.0 * hits / total, fmt::format("{} из {}", hits, count_schools_out_of(total - branches, branches))};
}

bool meets(Compare c, double v, double threshold) { return c == Compare::at_most ? v <= threshold + 1e-9 : v >= threshold - 1e-9; }

// The fact of a computed target for a year, from the classification and the indicators.
Share computed_fact(const Municipality& m, const IndicatorSet& ind, const Classification& c, const std::vector<PublishedList>& lists,
                    const TargetFact& f, int year) {
  int y = ind.year_index(year);
  if (y < 0) return {std::nullopt, "нет данных за этот год"};
  size_t yi = static_cast<size_t>(y);
  const GroupResult* g = f.group.empty() ? nullptr : c.group(f.group);
  const IndicatorSeries* s = f.indicator.empty() ? nullptr : ind.find({f.indicator, ""});
  if (f.measure == "municipal_value") {
    if (!s || !s->baseline[yi].municipal) return {std::nullopt, "нет данных"};
    PublishedCount n = published_count(m, *s, yi);
    return {s->baseline[yi].municipal, fmt::format("по {}", count_schools_dative(n.schools, n.branches))};
  }
  if (f.measure == "share_of_schools_meeting") {
    int hits = 0, total = 0, branches = 0;
    for (size_t i = 0; s && i < m.schools.size(); ++i)
      if (s->values[i][yi].ok()) {
        ++total;
        branches += !m.schools[i].parent_id.empty();
        hits += meets(f.compare, s->values[i][yi].value, f.value);
      }
    return share(hits, total, branches, "школ с данными");
  }
  if (!g) return {std::nullopt, "нет данных"};
  // The group's schools: its published list of the year (the order's, with the working group's changes).
  auto member = [&](size_t i, int y) { return in_list(lists, f.group, y, i); };
  auto unpublished = [&](int y) { return !verdicts_shown(lists, f.group, y); };
  if (f.measure == "share_of_group_meeting") {
    if (unpublished(year)) return {std::nullopt, withheld_words(lists, f.group, year)};
    int hits = 0, total = 0, branches = 0;
    for (size_t i = 0; s && i < m.schools.size(); ++i)
      if (member(i, year).value_or(false) && s->values[i][yi].ok()) {
        ++total;
        branches += !m.schools[i].parent_id.empty();
        hits += meets(f.compare, s->values[i][yi].value, f.value);
      }
    return share(hits, total, branches, "школ группы с данными");
  }
  // Year-on-year measures follow the schools that were in the group the year before.
  if (yi == 0 || ind.years[yi - 1] != year - 1) return {std::nullopt, "нет данных за предыдущий год"};
  if (unpublished(year - 1)) return {std::nullopt, withheld_words(lists, f.group, year - 1)};
  if (f.measure == "share_of_group_left" && unpublished(year)) return {std::nullopt, withheld_words(lists, f.group, year)};
  int hits = 0, total = 0, branches = 0;
  const IndicatorSpec* spec = f.indicator.empty() ? nullptr : ind.spec(f.indicator);
  for (size_t i = 0; i < m.schools.size(); ++i) {
    if (!member(i, year - 1).value_or(false)) continue;
    if (f.measure == "share_of_group_left") {
      // Left: out of this year's list while a decision on it was possible (not «недостаточно данных»).
      ++total;
      branches += !m.schools[i].parent_id.empty();
      hits += !member(i, year).value_or(false) && g->by_school[i][yi].verdict != Verdict::unknown;
    } else if (s && s->values[i][yi].ok() && s->values[i][yi - 1].ok()) {
      ++total;
      branches += !m.schools[i].parent_id.empty();
      double change = s->values[i][yi].value - s->values[i][yi - 1].value;
      hits += spec && !spec->higher_is_better ? change < -1e-9 : change > 1e-9;
    }
  }
  return share(hits, total, branches, "школ группы в прошлом году");
}

}  // namespace

std::string due_text(const Due& d) {
  static const char* kRoman[] = {"I", "II", "III", "IV"};
  switch (d.grain) {
    case Due::Grain::day: return format_date(d.date);
    case Due::Grain::month: return fmt::format("{} {}{}г.", kMonthsNominative[d.date.month - 1], d.date.year, kNbsp);
    case Due::Grain::quarter: return fmt::format("{}{}квартал {}{}г.", kRoman[d.index - 1], kNbsp, d.date.year, kNbsp);
    case Due::Grain::half: return fmt::format("{}-е{}полугодие {}{}г.", d.index, kNbsp, d.date.year, kNbsp);
  }
  return "";
}

std::string timing_text(const Timing& t) {
  if (!t.words.empty()) return t.words;  // as the plan writes it
  switch (t.kind) {
    case Timing::Kind::deadline: {
      std::vector<std::string> dues;
      for (const auto& d : t.dues) dues.push_back(due_text(d));
      if (dues.size() == 1 && t.dues[0].grain == Due::Grain::day) return "до " + dues[0];
      return fmt::format("{}", fmt::join(dues, "; "));
    }
    case Timing::Kind::period: return fmt::format("с {} по {}", format_date(t.from), format_date(t.to));
    case Timing::Kind::recurrence: {
      if (!t.every.empty()) return t.every;
      if (t.months.empty()) return "ежегодно, в течение года";
      std::vector<std::string> names;
      for (int mo : t.months) names.push_back(kMonthsNominative[mo - 1]);
      return fmt::format("ежегодно: {}", fmt::join(names, ", "));
    }
    case Timing::Kind::schedule: return "по графику: " + t.schedule_title;
    case Timing::Kind::ongoing:
    case Timing::Kind::text: return t.words;
  }
  return "";
}

RoadmapProgress roadmap_progress(const Municipality& m, const IndicatorSet& ind, const Classification& c,
                                 const std::vector<PublishedList>& lists) {
  RoadmapProgress rp;
  for (const auto& section : m.roadmap.sections) {
    std::vector<ActivityProgress> list;
    for (const auto& a : section.activities) {
      list.push_back(activity_progress(m, a, c, lists));
      switch (list.back().state) {
        case ActivityState::done: ++rp.done; break;
        case ActivityState::in_progress: ++rp.in_progress; break;
        case ActivityState::overdue: ++rp.overdue; break;
        case ActivityState::not_started: ++rp.not_started; break;
        case ActivityState::cancelled: ++rp.cancelled; break;
        case ActivityState::not_reported: ++rp.not_reported; break;
      }
    }
    rp.sections.push_back(std::move(list));
  }
  for (const auto& t : m.roadmap.targets) {
    TargetProgress tp;
    tp.target = &t;
    tp.decimals = unit_decimals(t.unit);
    auto shown = [&tp](std::optional<double> v) { return v ? std::optional<double>(round_shown(*v, tp.decimals)) : std::nullopt; };
    std::vector<int> years;
    for (const auto& [y, _] : t.plan) years.push_back(y);
    for (const auto& [y, _] : t.fact.entered) years.push_back(y);
    for (const auto& [y, _] : t.entered_text) years.push_back(y);
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    // The fact of a year as a figure: entered, or computed from the data.
    auto fact_of = [&](int year) -> Share {
      if (!t.fact.measure.empty()) return computed_fact(m, ind, c, lists, t.fact, year);
      if (auto it = t.fact.entered.find(year); it != t.fact.entered.end())
        return {it->second, "по данным " + m.site.department.words.full_genitive};
      return {std::nullopt, ""};
    };
    for (int year : years) {
      TargetYear ty;
      ty.year = year;
      const PlanValue* pv = nullptr;
      if (auto it = t.plan.find(year); it != t.plan.end()) pv = &it->second;
      if (pv) {
        ty.plan = shown(pv->number);
        ty.plan_text = pv->text;
        ty.end = pv->end;
      }
      Share sh = fact_of(year);
      ty.fact = shown(sh.value);
      ty.fact_note = sh.note;
      if (auto it = t.entered_text.find(year); it != t.entered_text.end()) {
        ty.fact_text = it->second;
        ty.fact_note = "по данным " + m.site.department.words.full_genitive;
      }
      bool has_fact = ty.fact || !ty.fact_text.empty();
      std::optional<bool> achieved;
      if (pv && pv->number && ty.fact) {
        // Both are as displayed: equal figures on the page are equal here.
        achieved = t.higher_is_better ? *ty.fact >= *ty.plan - 1e-9 : *ty.fact <= *ty.plan + 1e-9;
      } else if (pv && !ty.fact_text.empty()) {
        achieved = ty.fact_text == pv->text;  // the department's words against the plan's
      } else if (pv && pv->text == kPositiveTrend && ty.fact) {
        // «положительная динамика» where a measure gives the figures: better than the year before.
        Share before = fact_of(year - 1);
        if (before.value) {
          double was = round_shown(*before.value, tp.decimals);
          achieved = t.higher_is_better ? *ty.fact > was + 1e-9 : *ty.fact < was - 1e-9;
          ty.fact_note = fmt::format("{} год — {}; {}", year - 1, format_number(was, tp.decimals), ty.fact_note);
        } else {
          ty.fact_note = "нет факта за предыдущий год";
        }
      }
      if (year > m.site.as_of.year || (year == m.site.as_of.year && !has_fact)) ty.status = TargetStatus::not_yet;
      else if (!achieved) ty.status = TargetStatus::no_data;
      else ty.status = *achieved ? TargetStatus::achieved : TargetStatus::not_achieved;
      tp.years.push_back(std::move(ty));
    }
    rp.targets.push_back(std::move(tp));
  }
  return rp;
}

std::vector<std::vector<SchoolRecommendation>> recommend(const Municipality& m, const Classification& c,
                                                         const std::vector<PublishedList>& lists, size_t yi) {
  std::vector<std::vector<SchoolRecommendation>> out(m.schools.size());
  if (c.years.empty()) return out;
  std::function<const Evidence*(const Evidence&, const std::string&)> find = [&](const Evidence& e, const std::string& id) -> const Evidence* {
    if (e.rule && e.rule->id == id && e.rule->combine == Combine::leaf) return &e;
    for (const auto& ch : e.children)
      if (const Evidence* f = find(ch, id)) return f;
    if (e.rule && e.rule->id == id) return &e;
    return nullptr;
  };
  int year = c.years[std::min(yi, c.years.size() - 1)];
  // Where a recommendation fits: the school's kind, locality and number of students that year.
  auto fits = [&](const RecommendationScope& only, const School& s) {
    if (!only.kinds.empty() && std::find(only.kinds.begin(), only.kinds.end(), s.kind) == only.kinds.end()) return false;
    if (!only.localities.empty() && std::find(only.localities.begin(), only.localities.end(), s.locality) == only.localities.end())
      return false;
    if (only.students_min || only.students_max) {
      std::optional<int> students;
      for (const auto& cy : s.contingent)
        if (cy.year == year) students = cy.students;
      if (!students) return false;  // size unknown: a recommendation for a size does not apply
      if (only.students_min && *students < *only.students_min) return false;
      if (only.students_max && *students > *only.students_max) return false;
    }
    return true;
  };
  for (size_t i = 0; i < m.schools.size(); ++i)
    for (const auto& rec : m.recommendations) {
      if (!fits(rec.only, m.schools[i])) continue;
      SchoolRecommendation sr;
      sr.recommendation = &rec;
      for (const auto& w : rec.when) {
        if (!w.group.empty()) {
          const GroupResult* g = c.group(w.group);
          if (g && in_list(lists, w.group, year, i).value_or(false))
            sr.reasons.push_back(fmt::format("школа входит в перечень «{}»", g->group->short_title));
        } else if (!w.rule.empty()) {
          size_t dot = w.rule.find('.');
          const GroupResult* g = c.group(w.rule.substr(0, dot));
          if (!g || !verdicts_shown(lists, g->group->id, year)) continue;
          const Evidence* e = find(g->by_school[i][yi].evidence, w.rule.substr(dot + 1));
          if (e && e->verdict == Verdict::yes) sr.reasons.push_back(e->rule->title);
        } else {
          for (const auto& r : c.risks)
            if (r.factor->id == w.risk_factor) {
              RiskLevel level = r.by_school[i][yi].level;
              bool fires = level == RiskLevel::high || (w.level == "средний" && level == RiskLevel::medium);
              if (fires) sr.reasons.push_back(fmt::format("фактор риска «{}»: {} уровень", r.factor->title, risk_level_name(level)));
            }
        }
      }
      if (!sr.reasons.empty()) out[i].push_back(std::move(sr));
    }
  // Strongest first: priority, then the number of criteria and factors behind it, then the file's order; at
  // most publish.recommendations_per_school of them, so that a school gets a plan rather than a catalogue.
  for (auto& list : out) {
    std::stable_sort(list.begin(), list.end(), [](const SchoolRecommendation& a, const SchoolRecommendation& b) {
      if (a.recommendation->priority != b.recommendation->priority) return a.recommendation->priority < b.recommendation->priority;
      if (a.reasons.size() != b.reasons.size()) return a.reasons.size() > b.reasons.size();
      return a.recommendation->order < b.recommendation->order;
    });
    if (list.size() > static_cast<size_t>(m.site.recommendations_per_school)) list.resize(static_cast<size_t>(m.site.recommendations_per_school));
  }
  return out;
}

}  // namespace sveden
