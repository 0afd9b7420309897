#include "render/opendata.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "analyse/indicators.h"
#include "analyse/published_count.h"
#include "analyse/roadmap_progress.h"
#include "base/fixed_text.h"
#include "render/roadmap_text.h"
#include "russian/typography.h"
#include "load/openness_vocabulary.h"
#include "model/openness.h"
#include "render/feeds.h"
#include "render/analysis_text.h"
#include "render/criteria_table.h"
#include "base/json_writer.h"
#include "base/text_parts.h"
#include "render/monitoring_csv.h"
#include "load/pp662_vocabulary.h"
#include "render/opendata_workbook.h"
#include "write/formula_guard.h"

namespace sveden {
namespace {

// The columns of a table read while its CSV was written, for its workbook (any make of the same maker
// gives the same text, so the last one serves).
struct ScannedColumns {
  std::mutex mutex;
  std::shared_ptr<const OpendataColumns> columns;
};

// Appends one CSV record to `out` (the fields are views: nothing is copied twice).
struct Row {
  std::string& out;
  Row& operator<<(std::string_view field) {
    if (!first) out += ';';
    first = false;
    append_csv_field(out, field);
    return *this;
  }
  ~Row() { out += "\r\n"; }
  bool first = true;
};

std::string row(std::initializer_list<std::string_view> fields) {
  std::string out;
  {
    Row r{out};
    for (auto f : fields) r << f;
  }
  return out;
}

// The header row of a table.
void header(TableSink& t, std::initializer_list<std::string_view> names) {
  TableRow r{t};
  for (auto n : names) r << n;
}

std::string state_text(ValueState s, int min_group) {
  switch (s) {
    case ValueState::ok: return "опубликовано";
    case ValueState::suppressed: return fmt::format(FMT_COMPILE("скрыто: группа меньше {} человек"), min_group);
    case ValueState::not_applicable: return "не применяется";
    case ValueState::missing: return "нет данных";
  }
  return "";
}

std::string number_or_empty(const std::optional<double>& v, int decimals) { return v ? csv_number(*v, decimals) : ""; }

// A number of a big table's row, its text on the stack: a row has several, and its statement
// (TableRow) uses them and is gone, so none needs a string of its own. Empty for no number.
class CsvNumber {
 public:
  CsvNumber() = default;
  CsvNumber(double v, int decimals) {
    size_ = fixed_chars(v, decimals, text_);
    if (size_ == 0) {  // more than 32 characters: never in our tables, but the same text as csv_number
      long_ = csv_number(v, decimals);
      return;
    }
    std::replace(text_, text_ + size_, '.', ',');
  }
  CsvNumber(const std::optional<double>& v, int decimals) {
    if (v) *this = CsvNumber(*v, decimals);
  }
  CsvNumber(OptionalNumber v, int decimals) {
    if (v) *this = CsvNumber(*v, decimals);
  }
  explicit CsvNumber(long long n) { size_ = static_cast<size_t>(std::to_chars(text_, text_ + sizeof text_, n).ptr - text_); }
  operator std::string_view() const { return long_.empty() ? std::string_view(text_, size_) : std::string_view(long_); }

 private:
  char text_[32];
  size_t size_ = 0;
  std::string long_;
};

// Room for a big table's text, reserved at once from a generous count of its rows: bytes never written are
// never in memory (a big block is mapped, its pages made when touched), and the text is never copied into
// a bigger block as it grows — a 70 MB table grown by doubling held 64 + 128 MB at the moment it moved.
size_t room(size_t rows, size_t bytes_per_row) { return rows * bytes_per_row; }

// The rules of a rule tree, itself included: the rows evidence.csv gives a school's year of a group.
size_t rule_count(const Rule& r) {
  size_t n = 1;
  for (const auto& c : r.children) n += rule_count(c);
  return n;
}

// The rules of every group: the pieces of evidence of a school's year.
size_t group_rules(const Classification& c) {
  size_t n = 0;
  for (const auto& g : c.groups) n += rule_count(g.group->rule);
  return n;
}

void flatten(const Evidence& e, const std::string& prefix, std::vector<std::pair<std::string, const Evidence*>>& out) {
  for (const auto& c : e.children) {
    std::string id = prefix.empty() ? c.rule->id : prefix + "." + c.rule->id;
    out.emplace_back(id, &c);
    flatten(c, id, out);
  }
}

std::string met_ids(const Evidence& e) {
  std::vector<std::string> ids;
  for (const auto& c : e.children)
    if (c.verdict == Verdict::yes) ids.push_back(c.rule->id);
  return fmt::format(FMT_COMPILE("{}"), fmt::join(ids, ", "));
}

void indicators_table(const Municipality& m, const IndicatorSet& ind, TableSink& t) {
  header(t, {"school_id", "school", "indicator", "indicator_title", "subject", "year", "value", "unit", "persons", "status",
              "municipal", "regional", "ci95_lower", "ci95_upper"});
  t.reserve(room(ind.series.size() * m.schools.size() * ind.years.size(), 256));
  std::vector<std::string> years, states;
  for (int y : ind.years) years.push_back(std::to_string(y));
  for (auto st : {ValueState::ok, ValueState::missing, ValueState::suppressed, ValueState::not_applicable})
    states.push_back(state_text(st, ind.min_group));
  for (const auto& [key, s] : ind.series) {
    const IndicatorSpec* spec = ind.spec(key.indicator);
    std::vector<std::string> municipal, regional;  // the same for every school of a year
    for (size_t y = 0; y < ind.years.size(); ++y) {
      municipal.push_back(number_or_empty(s.baseline[y].municipal, spec->decimals));
      regional.push_back(number_or_empty(s.baseline[y].regional, spec->decimals));
    }
    for (size_t i = 0; i < m.schools.size(); ++i)
      for (size_t y = 0; y < ind.years.size(); ++y) {
        const IndicatorValue& v = s.values[i][y];
        if (v.state == ValueState::missing) continue;
        bool ok = v.ok();
        TableRow{t} << m.schools[i].id << m.schools[i].short_name << key.indicator << spec->title << key.param
                 << years[y] << (ok ? CsvNumber(v.value, spec->decimals) : CsvNumber()) << spec->unit
                 << (ok && v.n > 0 ? CsvNumber(static_cast<long long>(v.n)) : CsvNumber()) << states[static_cast<size_t>(v.state)]
                 << municipal[y] << regional[y] << (ok ? CsvNumber(v.lower, spec->decimals) : CsvNumber())
                 << (ok ? CsvNumber(v.upper, spec->decimals) : CsvNumber());
      }
  }
}

std::string municipal_csv(const Municipality& m, const IndicatorSet& ind) {
  std::string out(kCsvBom);
  out += row({"indicator", "indicator_title", "subject", "year", "municipal", "regional", "schools", "branches", "unit"});
  for (const auto& [key, s] : ind.series) {
    const IndicatorSpec* spec = ind.spec(key.indicator);
    for (size_t y = 0; y < ind.years.size(); ++y) {
      const Baseline& b = s.baseline[y];
      if (!b.municipal && !b.regional) continue;
      PublishedCount n = published_count(m, s, y);  // a branch is not a school
      out += row({key.indicator, spec->title, key.param, std::to_string(ind.years[y]), number_or_empty(b.municipal, spec->decimals),
                  number_or_empty(b.regional, spec->decimals), std::to_string(n.schools), std::to_string(n.branches), spec->unit});
    }
  }
  return out;
}

// The similar-schools value of each school, year and series whose group has a published value.
void similar_table(const Municipality& m, const IndicatorSet& ind, const SimilarSchools& sim, TableSink& t) {
  header(t, {"school_id", "school", "indicator", "indicator_title", "subject", "year", "similar_group", "similar", "schools",
              "unit"});
  t.reserve(room(ind.series.size() * m.schools.size() * ind.years.size(), 256));
  std::vector<std::string> years;
  for (int y : ind.years) years.push_back(std::to_string(y));
  for (const auto& [key, s] : ind.series) {
    const IndicatorSpec* spec = ind.spec(key.indicator);
    if (spec->pooling == IndicatorSpec::Pooling::none) continue;  // a relative index has no group value
    auto values = sim.values.find(key);  // once a series, not once a school's year (SimilarSchools::find)
    if (values == sim.values.end()) continue;
    for (size_t i = 0; i < m.schools.size(); ++i)
      for (size_t y = 0; y < ind.years.size(); ++y) {
        const SimilarValue* v = &values->second[i][y];
        if (sim.group[i][y].empty() || v->schools + v->branches == 0) continue;
        if (s.values[i][y].state == ValueState::not_applicable) continue;
        TableRow{t} << m.schools[i].id << m.schools[i].short_name << key.indicator << spec->title << key.param
                 << years[y] << sim.group[i][y] << CsvNumber(v->value, spec->decimals)
                 << CsvNumber(static_cast<long long>(v->schools + v->branches)) << spec->unit;
      }
  }
}

// A group's year whose list is published nowhere before its order (publish.unapproved_lists: hide) has
// no rows in classification.csv, evidence.csv and classification.json.
void classification_table(const Municipality& m, const Classification& c, const std::vector<PublishedList>& lists, TableSink& t) {
  header(t, {"school_id", "school", "group", "group_title", "year", "verdict", "movement", "criteria_met", "explanation"});
  t.reserve(room(c.groups.size() * m.schools.size() * c.years.size(), 512));
  std::vector<std::string> years;
  for (int y : c.years) years.push_back(std::to_string(y));
  for (const auto& g : c.groups)
    for (size_t i = 0; i < m.schools.size(); ++i)
      for (size_t y = 0; y < c.years.size(); ++y) {
        if (!verdicts_shown(lists, g.group->id, c.years[y])) continue;
        const GroupYear& gy = g.by_school[i][y];
        TableRow{t} << m.schools[i].id << m.schools[i].short_name << g.group->id << g.group->short_title << years[y]
                    << verdict_name(gy.verdict) << movement_name(gy.movement) << met_ids(gy.evidence) << gy.evidence.text();
      }
}

void evidence_table(const Municipality& m, const Classification& c, const std::vector<PublishedList>& lists, TableSink& t) {
  header(t, {"school_id", "school", "group", "year", "rule", "rule_title", "verdict", "explanation"});
  t.reserve(room(group_rules(c) * m.schools.size() * c.years.size(), 768));
  std::vector<std::string> years;
  for (int y : c.years) years.push_back(std::to_string(y));
  std::vector<std::pair<std::string, const Evidence*>> rules;  // a school's year's, refilled
  for (const auto& g : c.groups)
    for (size_t i = 0; i < m.schools.size(); ++i)
      for (size_t y = 0; y < c.years.size(); ++y) {
        if (!verdicts_shown(lists, g.group->id, c.years[y])) continue;
        rules.clear();
        flatten(g.by_school[i][y].evidence, "", rules);
        for (const auto& [id, e] : rules)
          TableRow{t} << m.schools[i].id << m.schools[i].short_name << g.group->id << years[y] << id
                   << e->rule->title << verdict_name(e->verdict) << e->text();
      }
}

// One row per rule of every group and risk factor, with where it comes from (docs/CRITERIA.md, 2.14).
std::string criteria_csv(const Municipality& m, const IndicatorSet& ind) {
  std::string out(kCsvBom);
  out += row({"группа", "код", "правило", "показатель", "сравнение", "порог", "сочетание", "источник", "вид"});
  for (const auto& r : criteria_rows(m.criteria, ind.specs))
    Row{out} << r.group << r.code << r.title << r.indicator << r.comparison << r.threshold << r.combination
             << provenance_text(r.provenance) << provenance_kind(r.provenance);
  return out;
}

// The sentence that explains a level: the rule that set it, or for «низкий» the medium rule that did not fire.
std::string risk_explanation(const RiskFactor& f, const RiskFactorYear& ry) {
  if (ry.evidence.empty()) return f.note;
  size_t medium = f.high ? 1 : 0;  // the evidence holds the high rule (if any), then the medium one
  if (ry.level != RiskLevel::high && f.medium && medium < ry.evidence.size()) {
    std::string text = level_text(ry.evidence[medium]);
    // «средний» although among the worst quarter: say which condition of «высокий» did not hold.
    std::vector<std::string> unmet;
    if (f.high && ry.level == RiskLevel::medium)
      for (const auto& c : ry.evidence.front().children)
        if (c.verdict != Verdict::yes) unmet.push_back(level_text(c));
    if (!unmet.empty() && unmet.size() < ry.evidence.front().children.size())
      text += fmt::format(FMT_COMPILE("; не высокий: {}"), fmt::join(unmet, "; "));
    return text;
  }
  return level_text(ry.evidence.front());
}

void risk_table(const Municipality& m, const Classification& c, TableSink& t) {
  header(t, {"school_id", "school", "factor", "factor_title", "year", "level", "high_conditions", "explanation"});
  t.reserve(room(c.risks.size() * m.schools.size() * c.years.size(), 1024));
  std::vector<std::string> years;
  for (int y : c.years) years.push_back(std::to_string(y));
  std::string conditions;  // a row's, refilled
  for (const auto& r : c.risks)
    for (size_t i = 0; i < m.schools.size(); ++i)
      for (size_t y = 0; y < c.years.size(); ++y) {
        const RiskFactorYear& ry = r.by_school[i][y];
        std::string why = risk_explanation(*r.factor, ry);
        // The verdict of each condition of «высокий» where it has several («да; нет»): decisions, which
        // the explanation names only in part, published whole.
        conditions.clear();
        if (r.factor->high && !ry.evidence.empty()) {
          const char* separator = "";
          for (const auto& e : ry.evidence.front().children) {
            conditions += std::exchange(separator, "; ");
            conditions += verdict_name(e.verdict);
          }
        }
        TableRow{t} << m.schools[i].id << m.schools[i].short_name << r.factor->id << r.factor->title
                 << years[y] << risk_level_name(ry.level) << conditions << why;
      }
}

void evidence_json(JsonWriter& j, const Evidence& e) {
  j.begin_object();
  if (e.rule) j.key("rule").value(e.rule->id);
  j.key("verdict").value(verdict_name(e.verdict));  // the sentence explaining it is in evidence.csv
  EvidenceSaid said = e.said();
  if (!said.values.empty()) {
    j.key("values").begin_array();
    for (const auto& [year, v] : said.values) j.begin_object().key("year").value(static_cast<long long>(year)).key("value").value(v, 4).end_object();
    j.end_array();
  }
  if (said.reference) j.key("reference").value(*said.reference, 4);
  if (!e.children.empty()) {
    j.key("rules").begin_array();
    for (const auto& c : e.children) evidence_json(j, c);
    j.end_array();
  }
  j.end_object();
}

void classification_json(const Municipality& m, const Classification& c, const std::vector<PublishedList>& lists, TextParts& parts) {
  JsonWriter j(parts.text());
  parts.reserve(room(group_rules(c) * m.schools.size() * c.years.size(), 512));
  j.begin_object();
  j.key("as_of").value(m.site.as_of.iso());
  j.key("groups").begin_array();
  for (const auto& g : c.groups) {
    j.begin_object();
    j.key("id").value(g.group->id).key("title").value(g.group->title).key("short_title").value(g.group->short_title);
    j.key("rules").begin_object();  // rule id → its wording, once; the evidence below refers to ids
    std::function<void(const Rule&)> titles = [&](const Rule& r) {
      for (const auto& ch : r.children) {
        j.key(ch.id).value(ch.title);
        titles(ch);
      }
    };
    titles(g.group->rule);
    j.end_object();
    // Where the group, each rule and each combination come from (as in criteria.csv, «источник»).
    j.key("sources").begin_object();
    std::function<void(const Rule&, const std::string&)> sources = [&](const Rule& r, const std::string& id) {
      j.key(id).value(provenance_text(r.provenance));
      if (r.combine != Combine::leaf) j.key(id + ".combination").value(provenance_text(r.combination));
      for (const auto& ch : r.children) sources(ch, ch.id);
    };
    sources(g.group->rule, g.group->id);
    j.end_object();
    j.key("schools").begin_array();
    for (size_t i = 0; i < m.schools.size(); ++i) {
      j.begin_object().key("school_id").value(m.schools[i].id).key("school").value(m.schools[i].short_name);
      j.key("years").begin_array();
      for (size_t y = 0; y < c.years.size(); ++y) {
        if (!verdicts_shown(lists, g.group->id, c.years[y])) continue;
        const GroupYear& gy = g.by_school[i][y];
        j.begin_object().key("year").value(static_cast<long long>(c.years[y])).key("verdict").value(verdict_name(gy.verdict));
        j.key("movement").value(movement_name(gy.movement));
        j.key("evidence");
        evidence_json(j, gy.evidence);
        j.end_object();
      }
      j.end_array().end_object();
      parts.may_end();
    }
    j.end_array().end_object();
  }
  j.end_array();
  j.key("risk_profile").begin_array();
  for (const auto& r : c.risks) {
    j.begin_object().key("id").value(r.factor->id).key("title").value(r.factor->title);
    if (!r.factor->note.empty()) j.key("note").value(r.factor->note);
    j.key("schools").begin_array();
    for (size_t i = 0; i < m.schools.size(); ++i) {
      j.begin_object().key("school_id").value(m.schools[i].id).key("years").begin_array();
      for (size_t y = 0; y < c.years.size(); ++y) {
        const RiskFactorYear& ry = r.by_school[i][y];
        j.begin_object().key("year").value(static_cast<long long>(c.years[y])).key("level").value(risk_level_name(ry.level));
        j.key("explanation").value(risk_explanation(*r.factor, ry));
        j.end_object();
      }
      j.end_array().end_object();
      parts.may_end();
    }
    j.end_array().end_object();
  }
  j.end_array();
  j.end_object();
  parts.text() += '\n';
}

void indicators_json(const Municipality& m, const IndicatorSet& ind, TextParts& parts) {
  JsonWriter j(parts.text());
  parts.reserve(room(ind.series.size() * m.schools.size() * ind.years.size(), 192));
  j.begin_object();
  j.key("as_of").value(m.site.as_of.iso());
  j.key("min_group").value(static_cast<long long>(ind.min_group));
  j.key("social_index_weights").begin_object();
  for (const auto& [column, weight] : m.criteria.social_index.weights) j.key(column).value(weight, 2);
  j.end_object();
  j.key("results_index_weights").begin_object();
  for (const auto& [family, weight] : m.criteria.results_index.weights) j.key(family).value(weight, 2);
  j.end_object();
  j.key("indicators").begin_array();
  for (const auto& spec : ind.specs) {
    j.begin_object().key("id").value(spec.id).key("title").value(spec.title).key("unit").value(spec.unit);
    j.key("definition").value(spec.definition).key("better").value(spec.higher_is_better ? "higher" : "lower");
    // How ci95_lower and ci95_upper of its values are found (docs/CRITERIA.md, 5.6); absent: none.
    if (!spec.interval.empty())
      j.key("interval").value(spec.interval == "wilson" ? "wilson_score"
                              : spec.interval == "marks" ? "mean_1.96_sd_of_marks"
                                                         : "index_1.96_se_of_components");
    j.end_object();
  }
  j.end_array();
  j.key("series").begin_array();
  for (const auto& [key, s] : ind.series) {
    const IndicatorSpec* spec = ind.spec(key.indicator);
    j.begin_object().key("indicator").value(key.indicator).key("subject").value(key.param);
    j.key("municipal").begin_array();
    for (size_t y = 0; y < ind.years.size(); ++y) {
      j.begin_object().key("year").value(static_cast<long long>(ind.years[y]));
      j.key("municipal");
      if (s.baseline[y].municipal) j.value(*s.baseline[y].municipal, spec->decimals); else j.null();
      j.key("regional");
      if (s.baseline[y].regional) j.value(*s.baseline[y].regional, spec->decimals); else j.null();
      j.end_object();
    }
    j.end_array();
    j.key("schools").begin_array();
    for (size_t i = 0; i < m.schools.size(); ++i) {
      bool any = false;
      for (const auto& v : s.values[i]) any = any || v.state != ValueState::missing;
      if (!any) continue;
      j.begin_object().key("school_id").value(m.schools[i].id).key("values").begin_array();
      for (size_t y = 0; y < ind.years.size(); ++y) {
        const IndicatorValue& v = s.values[i][y];
        if (v.state == ValueState::missing) continue;
        j.begin_object().key("year").value(static_cast<long long>(ind.years[y]));
        if (v.ok()) {
          j.key("value").value(v.value, spec->decimals);
          if (v.n > 0) j.key("persons").value(static_cast<long long>(v.n));
          if (v.lower && v.upper) j.key("ci95_lower").value(*v.lower, spec->decimals).key("ci95_upper").value(*v.upper, spec->decimals);
        } else {
          j.key("value").null().key("status").value(state_text(v.state, ind.min_group));
        }
        j.end_object();
      }
      j.end_array().end_object();
      parts.may_end();
    }
    j.end_array().end_object();
  }
  j.end_array().end_object();
  parts.text() += '\n';
}

std::string targets_csv(const Municipality& m, const RoadmapProgress& rp) {
  std::string out(kCsvBom);
  out += row({"target", "target_title", "year", "plan", "fact", "unit", "status", "fact_source"});
  // A qualitative plan or fact («положительная динамика») in words in its column; «к концу срока» beside its year.
  for (const auto& t : rp.targets)
    for (const auto& y : t.years)
      out += row({t.target->id, t.target->title, target_year_text(y), y.plan ? number_or_empty(y.plan, t.decimals) : y.plan_text,
                  y.fact_text.empty() ? number_or_empty(y.fact, t.decimals) : y.fact_text, t.target->unit, target_status_name(y.status),
                  y.fact_note});
  return out;
}

std::string roadmap_csv(const Municipality& m, const RoadmapProgress& rp) {
  std::string out(kCsvBom);
  out += row({"section", "section_title", "activity", "number", "activity_title", "timing", "responsible", "expected_result", "indicator",
              "report_form", "declared_status", "state", "note", "group", "schools", "progress"});
  for (size_t s = 0; s < m.roadmap.sections.size(); ++s) {
    const Section& section = m.roadmap.sections[s];
    for (const auto& p : rp.sections[s]) {
      const Activity& a = *p.activity;
      std::vector<std::string> schools, notes;
      for (size_t i : p.schools) schools.push_back(m.schools[i].id);
      for (const auto& n : a.progress)
        if (!(m.site.as_of < n.date)) notes.push_back(n.date.iso() + ": " + n.text);
      std::string terms = terms_text(p);
      out += row({section.id, section.title, a.id, a.number, a.title,
                  timing_text(a.timing) + (a.timing.schedule_url.empty() ? "" : " " + a.timing.schedule_url),
                  fmt::format(FMT_COMPILE("{}"), fmt::join(a.responsible, "; ")), a.expected_result, a.indicator, a.report_form,
                  declared_status_text(a), activity_state_name(p.state), p.note + (terms.empty() || p.note.empty() ? "" : "; ") + terms,
                  a.group, fmt::format(FMT_COMPILE("{}"), fmt::join(schools, ", ")),
                  fmt::format(FMT_COMPILE("{}"), fmt::join(notes, "\n"))});
    }
  }
  return out;
}

// The lists as the portal publishes them: approved by an order, a draft, or by the criteria for an earlier year
// no order approved; a list the site does not publish yet (publish.unapproved_lists: hide) has no rows.
std::string lists_csv(const Municipality& m, const Classification& c, const std::vector<PublishedList>& lists) {
  std::string out(kCsvBom);
  out += row({"group", "group_title", "year", "status", "order_number", "order_date", "order_title", "school_id", "school", "basis",
              "reason"});
  int last = c.years.empty() ? 0 : c.years.back();
  for (const auto& list : lists) {
    Membership by = list.group->members;
    std::string status = list.approved()                    ? "утверждён"
                         : by == Membership::rosobrnadzor   ? "по данным Рособрнадзора"
                         : by == Membership::project500     ? "по данным проекта «500+»"
                         : list.year == last || by == Membership::list ? "проект"
                                                                       : "по критериям";
    if (!list.shown) continue;
    const ApprovingOrder* o = list.approved() ? &*list.decision->order : nullptr;
    for (const auto& member : list.members) {
      const School& s = m.schools[member.school];
      out += row({list.group->id, list.group->short_title, std::to_string(list.year), status, o ? o->number : "",
                  o ? o->date.iso() : "", o ? o->title : "", s.id, s.short_name, member.included ? "решение" : membership_basis(*list.group),
                  member.included ? member.included->reason : ""});
    }
  }
  return out;
}

std::string recommendations_csv(const Municipality& m, const std::vector<std::vector<SchoolRecommendation>>& recs, int year) {
  std::string out(kCsvBom);
  out += row({"school_id", "school", "year", "recommendation", "audience", "text", "because", "source"});
  for (size_t i = 0; i < m.schools.size(); ++i)
    for (const auto& r : recs[i])
      out += row({m.schools[i].id, m.schools[i].short_name, std::to_string(year), r.recommendation->id, r.recommendation->audience,
                  r.recommendation->text, fmt::format(FMT_COMPILE("{}"), fmt::join(r.reasons, "; ")), r.recommendation->source});
  return out;
}

std::string roadmap_json(const Municipality& m, const RoadmapProgress& rp) {
  JsonWriter j;
  const Roadmap& r = m.roadmap;
  j.begin_object().key("as_of").value(m.site.as_of.iso()).key("title").value(r.title).key("short_title").value(r.short_title);
  j.key("approved").begin_object().key("document").value(r.approved_document).key("number").value(r.approved_number).key("date");
  if (r.approved_date.year > 0) j.value(r.approved_date.iso()); else j.null();
  j.end_object();
  j.key("period").begin_object().key("from").value(static_cast<long long>(r.from)).key("to").value(static_cast<long long>(r.to)).end_object();
  j.key("developer").value(r.developer).key("track_progress").value(r.track_progress);
  auto texts = [&](const char* key, const std::vector<std::string>& list) {
    j.key(key).begin_array();
    for (const auto& t : list) j.value(t);
    j.end_array();
  };
  texts("goals", r.goals);
  texts("tasks", r.tasks);
  texts("expected_results", r.expected_results);
  texts("legal_bases", r.legal_bases);
  j.key("financing").begin_array();
  for (const auto& f : r.financing) {
    j.begin_object().key("source").value(f.source).key("unit").value(f.unit).key("text").value(f.text).key("amounts").begin_object();
    for (const auto& [year, amount] : f.amounts) j.key(std::to_string(year)).value(amount, 2);
    j.end_object().end_object();
  }
  j.end_array();
  j.key("coordinator").begin_object().key("position").value(r.coordinator.position).key("name").value(r.coordinator.name).end_object();
  j.key("working_group").begin_array();
  for (const auto& w : r.working_group)
    j.begin_object().key("name").value(w.name).key("position").value(w.position).key("role").value(w.role).end_object();
  j.end_array();
  j.key("summary").begin_object().key("done").value(static_cast<long long>(rp.done)).key("in_progress").value(static_cast<long long>(rp.in_progress))
      .key("overdue").value(static_cast<long long>(rp.overdue)).key("not_started").value(static_cast<long long>(rp.not_started))
      .key("not_reported").value(static_cast<long long>(rp.not_reported))
      .key("cancelled").value(static_cast<long long>(rp.cancelled)).end_object();
  j.key("sections").begin_array();
  for (size_t s = 0; s < r.sections.size(); ++s) {
    j.begin_object().key("id").value(r.sections[s].id).key("number").value(r.sections[s].number).key("title").value(r.sections[s].title)
        .key("activities").begin_array();
    for (const auto& p : rp.sections[s]) {
      const Activity& a = *p.activity;
      j.begin_object().key("id").value(a.id).key("number").value(a.number).key("title").value(a.title).key("timing").value(timing_text(a.timing));
      if (!a.timing.schedule_url.empty()) j.key("timing_url").value(a.timing.schedule_url);
      j.key("responsible").begin_array();
      for (const auto& x : a.responsible) j.value(x);
      j.end_array();
      j.key("expected_result").value(a.expected_result).key("indicator").value(a.indicator).key("report_form").value(a.report_form);
      j.key("declared_status").value(declared_status_text(a)).key("state").value(activity_state_name(p.state));
      if (!p.note.empty()) j.key("note").value(p.note);
      if (!p.terms.empty()) {
        j.key("terms").begin_array();
        for (const auto& ts : p.terms) j.begin_object().key("term").value(ts.label).key("state").value(activity_state_name(ts.state)).end_object();
        j.end_array();
      }
      if (!a.group.empty()) j.key("group").value(a.group);
      j.key("schools").begin_array();
      for (size_t i : p.schools) j.value(m.schools[i].id);
      j.end_array();
      j.key("progress").begin_array();
      for (const auto& n : a.progress) {
        if (m.site.as_of < n.date) continue;  // not yet written as of the build's date
        j.begin_object().key("date").value(n.date.iso()).key("text").value(n.text);
        j.key("evidence").begin_array();
        for (const auto& e : n.evidence) j.begin_object().key("title").value(e.title).key("url").value(e.url).end_object();
        j.end_array().end_object();
      }
      j.end_array().end_object();
    }
    j.end_array().end_object();
  }
  j.end_array();
  j.key("targets").begin_array();
  for (const auto& t : rp.targets) {
    j.begin_object().key("id").value(t.target->id).key("title").value(t.target->title).key("unit").value(t.target->unit);
    j.key("better").value(t.target->higher_is_better ? "higher" : "lower").key("source").value(t.target->source);
    j.key("years").begin_array();
    for (const auto& y : t.years) {
      j.begin_object().key("year").value(static_cast<long long>(y.year));
      if (y.end) j.key("end_of_period").value(true);
      j.key("plan");
      if (y.plan) j.value(*y.plan, t.decimals); else if (!y.plan_text.empty()) j.value(y.plan_text); else j.null();
      j.key("fact");
      if (!y.fact_text.empty()) j.value(y.fact_text); else if (y.fact) j.value(*y.fact, t.decimals); else j.null();
      j.key("status").value(target_status_name(y.status)).key("fact_source").value(y.fact_note).end_object();
    }
    j.end_array().end_object();
  }
  j.end_array();
  j.key("control_points").begin_array();
  for (const auto& cp : r.control_points) {
    j.begin_object().key("id").value(cp.id).key("title").value(cp.title).key("target").value(cp.target);
    if (!cp.target_id.empty()) j.key("target_id").value(cp.target_id);
    j.key("responsible").begin_array();
    for (const auto& x : cp.responsible) j.value(x);
    j.end_array();
    j.key("dates").begin_array();
    for (const auto& d : cp.dates) j.value(d.iso());
    j.end_array().end_object();
  }
  j.end_array().end_object();
  return j.take() + "\n";
}

// The register of subordinate organisations (8-ФЗ, ст. 13), as on the page «Школы»: schools, their
// branches apart, and the organisations that are not schools. `sveden` is the address of a school's
// «Сведения об образовательной организации», where its site is published.
std::vector<std::string> sveden_urls(const Municipality& m) {
  std::vector<std::string> base = school_base_urls(m), out;
  for (const auto& s : m.schools) {
    // A branch without a site of its own is described in its head school's «Структура…».
    size_t owner = m.school_index.at(s.own_site ? s.id : s.parent_id);
    out.push_back(base[owner] + "/" + builtin_openness().path + "/" + (s.own_site ? "" : "struct/"));
  }
  return out;
}

// The address of the «Сведения…» of an organisation of organisations.csv with a site of its own, or "".
std::string organisation_sveden_url(const Municipality& m, const std::vector<std::string>& base, const Organisation& o) {
  for (size_t i = m.schools.size(); i < m.site_count(); ++i)
    if (!o.id.empty() && m.site_owner(i).id == o.id) return base[i] + "/" + builtin_openness().path + "/";
  return "";
}

const char* category(const School& s) { return s.parent_id.empty() ? "школа" : "филиал"; }

std::string organisations_csv(const Municipality& m) {
  std::string out(kCsvBom);
  out += row({"category", "school_id", "parent_id", "name", "short_name", "kind", "director", "address", "phone", "email",
              "website", "sveden", "functions"});
  std::vector<std::string> sveden = sveden_urls(m), base = school_base_urls(m);
  for (size_t i = 0; i < m.schools.size(); ++i) {
    const School& s = m.schools[i];
    Row{out} << category(s) << s.id << s.parent_id << s.name << s.short_name << s.kind << s.director << s.address << s.phone
             << s.email << s.website << sveden[i] << s.functions;
  }
  for (const auto& o : m.organisations)
    Row{out} << "иная организация" << o.id << "" << o.name << o.short_name << o.kind << o.director << o.address << o.phone
             << o.email << o.website << organisation_sveden_url(m, base, o) << o.functions;
  return out;
}

std::string organisations_json(const Municipality& m) {
  std::vector<std::string> sveden = sveden_urls(m);
  std::vector<std::string> base = school_base_urls(m);
  long long branches = 0;
  for (const auto& s : m.schools) branches += !s.parent_id.empty();
  JsonWriter j;
  j.begin_object();
  j.key("as_of").value(m.site.as_of.iso());
  j.key("counts").begin_object();
  j.key("schools").value(static_cast<long long>(m.schools.size()) - branches).key("branches").value(branches);
  j.key("organisations").value(static_cast<long long>(m.organisations.size())).end_object();
  auto contacts = [&](const std::string& director, const std::string& address, const std::string& phone,
                      const std::string& email, const std::string& website, const std::string& functions) {
    j.key("director").value(director).key("address").value(address).key("phone").value(phone).key("email").value(email);
    j.key("website").value(website).key("functions").value(functions);
  };
  j.key("schools").begin_array();
  for (size_t i = 0; i < m.schools.size(); ++i) {
    const School& s = m.schools[i];
    j.begin_object().key("school_id").value(s.id).key("category").value(category(s));
    if (!s.parent_id.empty()) j.key("parent_id").value(s.parent_id);
    j.key("branch_ids").begin_array();
    for (const auto& b : s.branch_ids) j.value(b);
    j.end_array();
    j.key("name").value(s.name).key("short_name").value(s.short_name).key("kind").value(s.kind);
    j.key("locality").value(s.locality).key("settlement").value(s.settlement);
    contacts(s.director, s.address, s.phone, s.email, s.website, s.functions);
    j.key("sveden").value(sveden[i]).end_object();
  }
  j.end_array();
  j.key("organisations").begin_array();
  for (const auto& o : m.organisations) {
    j.begin_object();
    if (!o.id.empty()) j.key("school_id").value(o.id);
    j.key("name").value(o.name).key("short_name").value(o.short_name).key("kind").value(o.kind);
    contacts(o.director, o.address, o.phone, o.email, o.website, o.functions);
    std::string url = organisation_sveden_url(m, base, o);
    if (!url.empty()) j.key("sveden").value(url);
    j.end_object();
  }
  j.end_array().end_object();
  return j.take() + "\n";
}

// «до 100, 100–299, 300–699, 700 и более обучающихся»
std::string size_bands_text(const SimilarDefinition& d) {
  std::string out;
  for (size_t b = 0; b <= d.size_bands.size(); ++b) out += (b == 0 ? "" : "; ") + size_band_name(d, b);
  return out;
}

std::string readme(const Municipality& m, const IndicatorSet& ind, const SimilarSchools& sim) {
  std::string out = fmt::format(
      FMT_COMPILE("# Открытые данные: {}\n\n"
      "Данные по состоянию на {}. Все файлы сформированы программой sveden из тех же данных, что и страницы сайта.\n"
      "Таблицы CSV — в кодировке UTF-8 с BOM, разделитель «;», десятичная запятая: открываются в Excel двойным щелчком.\n"
      "Рядом с каждой таблицей CSV лежит та же таблица в формате Excel (XLSX): числа в ней — числа, текст — текст.\n"
      "Лист Excel вмещает {} строк под строкой заголовка: таблица длиннее продолжается на листах «имя (2)», «имя (3)»…\n"
      "с той же строкой заголовка, так что в книге все строки CSV.\n"
      "Текст, который начинается с «=», «+», «-» или «@», записан в CSV с апострофом в начале, чтобы Excel не принял его за формулу.\n"
      "Те же сведения в JSON — в файлах с тем же именем.\n\n"
      "**Малые группы.** Показатель, рассчитанный по группе меньше {} человек, не публикуется: в таблицах у него нет значения,\n"
      "а в поле `status` написано «скрыто». Скрытые значения не входят ни в какие суммы и средние по муниципалитету.\n\n"),
      m.site.department.name, m.site.as_of.iso(), format_count(static_cast<long long>(kXlsxSheetRows)), ind.min_group);
  if (!m.criteria.social_index.weights.empty()) {
    out += "**Индекс социального благополучия** (social_index) — сумма долей из социального паспорта школы с весами:\n\n"
           "| доля | вес |\n|---|---|\n";
    for (const auto& [column, weight] : m.criteria.social_index.weights)
      out += fmt::format(FMT_COMPILE("| {} | {} |\n"), column, csv_number(weight, 2));
    out += fmt::format(FMT_COMPILE("\nОткуда веса: {}.\n\n"), provenance_text(m.criteria.social_index.provenance));
  }
  out += "**Сводный индекс образовательных результатов** (results_index): " + results_index_text(m.criteria.results_index) +
         " Веса видов оценки — `results_index_weights` в indicators.json.\n\n";
  out +=
      "## organisations.csv — реестр подведомственных организаций\n\n"
      "| поле | что это |\n|---|---|\n"
      "| category | школа / филиал / иная организация (филиал — подразделение школы, не отдельная организация) |\n"
      "| school_id, parent_id | код школы или филиала; у филиала — код головной школы; у иной организации — её код ОО, если у неё свой сайт «Сведений…», иначе пусто |\n"
      "| name, short_name | полное и краткое наименование |\n"
      "| kind | тип школы (СОШ, гимназия…) или вид иной организации (методический центр…) |\n"
      "| director, address, phone, email, website | руководитель, адрес, телефон, электронная почта, официальный сайт |\n"
      "| sveden | адрес раздела «Сведения об образовательной организации» (у школ, филиалов и иных организаций с кодом ОО) |\n"
      "| functions | задачи и функции, если они указаны в данных |\n\n"
      "В organisations.json то же; в `counts` — число школ, филиалов и иных организаций отдельно.\n\n"
      "## indicators.csv — показатели школ по годам\n\n"
      "| поле | что это |\n|---|---|\n"
      "| school_id, school | код и краткое наименование школы |\n"
      "| indicator, indicator_title | код и название показателя (список ниже) |\n"
      "| subject | предмет (для ОГЭ и ЕГЭ) или «класс, предмет» (для ВПР); пусто для показателей школы |\n"
      "| year | год (год окончания учебного года) |\n"
      "| value | значение с той же точностью, что на страницах и в отчётах (средний балл — два знака после запятой, "
      "доли — один); пусто, если скрыто |\n"
      "| unit | единица: «%», «балл» или пусто |\n"
      "| persons | число человек, по которым рассчитан показатель (участников, выпускников, педагогов) |\n"
      "| status | опубликовано / скрыто: группа меньше N человек / не применяется |\n"
      "| municipal | значение по муниципалитету (по школам с опубликованными значениями) |\n"
      "| regional | значение по региону, если оно есть в данных |\n"
      "| ci95_lower, ci95_upper | границы 95-процентного доверительного интервала значения школы с той же точностью, что "
      "значение: для долей участников экзаменов и выпускников 9 класса — интервал Уилсона, для среднего балла ОГЭ — "
      "среднее ± 1,96 · s / √n, где s — стандартное отклонение отметок «2»–«5» школы; пусто, где интервала нет (средний "
      "балл ЕГЭ: в данных нет разброса баллов; показатели не по когорте участников; скрытые значения) |\n\n"
      "В indicators.json у значения — ключи ci95_lower и ci95_upper, если интервал есть, а у показателя — interval: "
      "wilson_score (интервал Уилсона) или mean_1.96_sd_of_marks (среднее ± 1,96 · s / √n по отметкам ОГЭ).\n\n"
      "## municipal.csv — значения по муниципалитету и региону\n\n"
      "indicator, indicator_title, subject, year, municipal, regional, unit — как выше; schools и branches — число школ и число\n"
      "филиалов, по опубликованным значениям которых рассчитано муниципальное значение (филиал — часть школы, а не школа).\n\n"
      "## similar.csv — значения по похожим школам\n\n"
      "| поле | что это |\n|---|---|\n"
      "| school_id, school, indicator, indicator_title, subject, year, unit | как в indicators.csv |\n"
      "| similar_group | группа похожих школ в этом году: местность (город или село) и численность обучающихся |\n"
      "| similar | значение по похожим школам: по опубликованным значениям школ группы (сама школа входит), рассчитанное так же, "
      "как значение по муниципалитету; пусто, если опубликованных значений меньше " + std::to_string(sim.definition.min_schools) +
      " (по двум значениям, одно из которых известно, второе восстановить нетрудно) |\n"
      "| schools | сколько опубликованных значений школ и филиалов в группе |\n\n"
      "Похожие школы — наш выбор по образцу сравнения с похожими школами (NYC School Quality Snapshot): та же местность и та "
      "же группа по численности обучающихся этого года (" + size_bands_text(sim.definition) + "). Скрытые значения малых групп "
      "в значение по похожим школам не входят. Сводного индекса "
      "образовательных результатов в файле нет: он сам сравнивает школу с муниципалитетом.\n\n"
      "## classification.csv — отнесение школ к группам по годам\n\n"
      "| поле | что это |\n|---|---|\n"
      "| group, group_title | группа (ШНОР, ШФНСУ, зона риска, …) |\n"
      "| verdict | да / нет / недостаточно данных |\n"
      "| movement | по сравнению с прошлым годом: включена, осталась, исключена, не входит; «включена; год назад — "
      "недостаточно данных»; «год назад входила» (в этом году недостаточно данных); пусто для первого года и после "
      "«недостаточно данных», если школа в группу не вошла |\n"
      "| criteria_met | коды выполненных критериев |\n"
      "| explanation | сколько критериев выполнено и по скольким недостаточно данных |\n\n"
      "## evidence.csv — каждый критерий каждой школы\n\n"
      "rule, rule_title — код и формулировка критерия; verdict — выполнен ли он; explanation — значения, годы, порог или\n"
      "значение для сравнения, например «Средний балл ОГЭ (математика): 3,36 (2023) → 3,10 (2024) → 2,95 (2025) — значение\n"
      "снижалось 2 года подряд».\n\n"
      "## risk_profile.csv — рисковый профиль «500+»\n\n"
      "factor, factor_title — фактор риска; level — высокий / средний / низкий / нет данных; high_conditions — выполнено ли каждое\n"
      "условие уровня «высокий» по порядку (например «да; нет»: школа в худшей четверти, но абсолютный порог не превышен);\n"
      "explanation — на чём основан уровень.\n\n"
      "## criteria.csv — критерии и их источники\n\n"
      "Одна строка — группа, фактор риска, правило, сочетание правил, уровень фактора или настройка показателя (веса индексов, что "
      "считается одной оценочной процедурой).\n\n"
      "| поле | что это |\n|---|---|\n"
      "| группа | краткое название группы или фактора риска |\n"
      "| код | код правила с кодами групп и сочетаний через точку: shnor.regional_indicators.oge_math_mean_fell2; у "
      "сочетания — .combination, у уровней фактора — .high и .medium |\n"
      "| правило | формулировка правила или условие уровня |\n"
      "| показатель, сравнение, порог | что с чем сравнивается, с окном лет («хотя бы в один год из 2 последних лет»); пусто у "
      "сочетаний |\n"
      "| сочетание | сколько правил должно выполниться: «хотя бы одно из 4», «не менее 2 из 6», «все 2»; у группы — и чьи школы "
      "в неё не включаются |\n"
      "| источник | документ, пункт и цитата, или выбор набора критериев и почему он сделан; «выбор управления образования» — "
      "правило из content/criteria.yaml сайта без source и choice |\n"
      "| вид | источник / выведено из источника / выбор набора / выбор управления образования |\n\n"
      "## roadmap.csv — мероприятия дорожной карты\n\n"
      "section, activity — раздел и мероприятие; number — номер мероприятия в документе; timing — срок, как его пишет документ;\n"
      "responsible — ответственные; expected_result — ожидаемый результат; indicator — показатель результативности;\n"
      "report_form — форма отчёта; declared_status — статус, указанный управлением (по годам — «2022 — выполнено»);\n"
      "state — состояние на дату данных (выполнено, в работе, просрочено, не начато, отменено, сведения о выполнении не\n"
      "представлены); note — почему просрочено и состояние каждого срока или года; group — группа, которой касается мероприятие;\n"
      "schools — коды школ; progress — отметки о выполнении с датами. Полная дорожная карта (паспорт: утверждение, срок, цели,\n"
      "задачи, ожидаемые результаты, нормативные основания, разработчик, координатор, финансирование, рабочая группа;\n"
      "контрольные точки с целевыми значениями; подтверждающие ссылки) — в roadmap.json.\n\n"
      "## targets.csv — целевые показатели: план и факт\n\n"
      "year — год (с пометкой «к концу срока» для цели на конец дорожной карты); plan — целевое значение числом или словами\n"
      "(«положительная динамика»); fact — фактическое (введённое управлением числом или словами, или рассчитанное по данным);\n"
      "status — достигнут, не достигнут, нет данных, ещё не наступил; fact_source — откуда факт (например, «2 из 5 школ»).\n\n"
      "## lists.csv — перечни школ\n\n"
      "Перечни групп по годам, как их публикует сайт: status — утверждён (приказом: order_number, order_date, order_title), проект\n"
      "(отчётный год, приказа ещё нет, или перечень рабочей группы без приказа), по критериям (прошлый год без приказа), по\n"
      "данным Рособрнадзора или по данным проекта «500+»; basis — школа в перечне по критериям, по решению рабочей группы\n"
      "(reason — причина), по перечню (группа без правил, состав которой задаёт приказ), по данным Рособрнадзора\n"
      "(data/federal_lists.csv) или проекта «500+» (data/project500.csv). Школы, исключённые решением, в перечень не входят.\n\n"
      "## recommendations.csv — адресные рекомендации\n\n"
      "Рекомендации школам по данным последнего года: audience — кому адресована, text — рекомендация, because — какие критерии\n"
      "или факторы риска её вызвали, source — документ, из которого взята мера.\n\n"
      "## monitoring.csv — итоги мониторинга системы образования (ПП РФ № 662)\n\n"
      "indicator, number, title, unit — код, номер и название показателя итогового отчёта и его единица; year — год; value — "
      "значение с той же точностью, что в отчёте; пусто — значения нет; source — computed (рассчитано по данным школ, как на "
      "страницах «Мониторинг») или entered (введено управлением образования).\n\n"
      "## Показатели\n\n| код | показатель | единица | как считается |\n|---|---|---|---|\n";
  for (const auto& s : ind.specs) out += fmt::format(FMT_COMPILE("| {} | {} | {} | {} |\n"), s.id, s.title, s.unit, s.definition);
  return out;
}

}  // namespace

std::string csv_number(double v, int decimals) {
  std::string s = fixed_text(v, decimals);
  for (auto& c : s)
    if (c == '.') c = ',';
  return s;
}

OutputFile OutputFile::in_parts(std::string path, PartsMaker make) {
  OutputFile f(std::move(path), [make] { return whole_text(make); });
  f.parts = std::move(make);
  return f;
}

std::vector<OutputFile> opendata_files(const Municipality& m, const Analysis& a) {
  const IndicatorSet& ind = a.indicators;
  const Classification& c = a.classification;
  int last_year = ind.years.empty() ? 0 : ind.years.back();
  // The big tables, made row by row: their CSV and workbook from the same rows (render/opendata_table.h).
  std::map<std::string, TableMaker> tables = {
      {"opendata/indicators.csv", [&](TableSink& t) { indicators_table(m, ind, t); }},
      {"opendata/similar.csv", [&](TableSink& t) { similar_table(m, ind, a.similar, t); }},
      {"opendata/classification.csv", [&](TableSink& t) { classification_table(m, c, a.lists, t); }},
      {"opendata/evidence.csv", [&](TableSink& t) { evidence_table(m, c, a.lists, t); }},
      {"opendata/risk_profile.csv", [&](TableSink& t) { risk_table(m, c, t); }},
  };
  auto table = [&tables](const std::string& path) { return OutputFile::in_parts(path, table_csv(tables.at(path))); };
  std::vector<OutputFile> files = {
      {"opendata/organisations.csv", [&] { return organisations_csv(m); }},
      {"opendata/organisations.json", [&] { return organisations_json(m); }},
      table("opendata/indicators.csv"),
      OutputFile::in_parts("opendata/indicators.json", [&](TextParts& p) { indicators_json(m, ind, p); }),
      {"opendata/municipal.csv", [&] { return municipal_csv(m, ind); }},
      table("opendata/similar.csv"),
      table("opendata/classification.csv"),
      table("opendata/evidence.csv"),
      table("opendata/risk_profile.csv"),
      {"opendata/criteria.csv", [&] { return criteria_csv(m, ind); }},
      {"opendata/lists.csv", [&] { return lists_csv(m, c, a.lists); }},
      OutputFile::in_parts("opendata/classification.json", [&](TextParts& p) { classification_json(m, c, a.lists, p); }),
      {"opendata/README.md", [&] { return readme(m, ind, a.similar); }},
      {"opendata/recommendations.csv", [&, last_year] { return recommendations_csv(m, a.recommendations, last_year); }},
  };
  if (a.monitoring) files.push_back({"opendata/monitoring.csv", [&] { return monitoring_csv(*a.monitoring, builtin_pp662()); }});
  if (m.roadmap.present) {
    files.push_back({"opendata/roadmap.csv", [&] { return roadmap_csv(m, a.roadmap); }});
    files.push_back({"opendata/targets.csv", [&] { return targets_csv(m, a.roadmap); }});
    files.push_back({"opendata/roadmap.json", [&] { return roadmap_json(m, a.roadmap); }});
  }
  // Each table also as a workbook, made from the CSV's own text, or a big table's from the same rows as its
  // CSV, so that the two never differ.
  std::tm day{};
  day.tm_year = m.site.as_of.year - 1900;
  day.tm_mon = m.site.as_of.month - 1;
  day.tm_mday = m.site.as_of.day;
  const std::time_t created = timegm(&day);  // the data's date, not the clock: byte-identical builds
  for (size_t i = 0, n = files.size(); i < n; ++i) {
    const std::string& path = files[i].path;
    if (path.size() < 4 || path.substr(path.size() - 4) != ".csv") continue;
    std::string stem = path.substr(9, path.size() - 13);  // "opendata/" … ".csv"
    std::string title = fmt::format(FMT_COMPILE("Открытые данные: {} ({})"), stem, m.site.department.name);
    // A table made whole is small: made again for each of the workbook's two readings. A big table is
    // read for its columns while its CSV is written; its workbook makes its rows once more, as cells.
    if (auto big = tables.find(path); big != tables.end()) {
      auto scanned = std::make_shared<ScannedColumns>();
      files[i].parts = table_csv(big->second, stem, [scanned](OpendataColumns columns) {
        std::lock_guard lock(scanned->mutex);
        scanned->columns = std::make_shared<const OpendataColumns>(std::move(columns));
      });
      PartsMaker csv = files[i].parts;
      auto derive = [table = big->second, stem, title, created, scanned](const PartsMaker&) {
        std::shared_ptr<const OpendataColumns> columns;
        {
          std::lock_guard lock(scanned->mutex);
          columns = scanned->columns;
        }
        return table_xlsx(table, stem, title, created, columns);
      };
      files.push_back({"opendata/" + stem + ".xlsx", [csv, derive] { return whole_text(derive(csv)); }, path, derive});
      continue;
    }
    PartsMaker csv = files[i].parts;
    if (!csv) csv = [render = files[i].render](TextParts& p) { p.text() += render(); };
    auto derive = [stem, title, created](const PartsMaker& text) { return opendata_xlsx(text, stem, title, created); };
    files.push_back({"opendata/" + stem + ".xlsx", [csv, derive] { return whole_text(derive(csv)); }, path, derive});
  }
  return files;
}

std::vector<OpenDataset> opendata_catalogue(bool with_roadmap) {
  std::vector<OpenDataset> catalogue = {
      {"Реестр подведомственных организаций",
       "Школы, их филиалы и иные подведомственные организации: наименования, руководители, адреса, телефоны, электронная почта, "
       "сайты, ссылки на «Сведения об образовательной организации».",
       {"organisations.csv", "organisations.json"}},
      {"Показатели школ", "Значения показателей каждой школы по годам с числом участников; скрытые значения малых групп помечены.",
       {"indicators.csv", "indicators.json"}},
      {"Муниципальные и региональные значения", "Значение по муниципалитету (по школам с опубликованными значениями) и по региону.",
       {"municipal.csv"}},
      {"Значения по похожим школам", "Для каждой школы, показателя и года: значение по школам той же местности и численности и число школ, по которым оно рассчитано.",
       {"similar.csv"}},
      {"Отнесение школ к группам", "Для каждой школы, группы (ШНОР, ШФНСУ, зона риска…) и года: да, нет или недостаточно данных, и движение относительно прошлого года.",
       {"classification.csv", "classification.json"}},
      {"Обоснование решений", "Каждое правило критериев для каждой школы и года: значения, с чем сравнивались и итог.", {"evidence.csv"}},
      {"Перечни школ", "Перечни групп по годам, как они опубликованы: утверждённые приказом (номер, дата, название), проекты и "
       "перечни по критериям; у каждой школы — по критериям она в перечне или по решению рабочей группы, и причина.", {"lists.csv"}},
      {"Профиль рисков «500+»", "Уровень каждого фактора риска по школам и годам.", {"risk_profile.csv"}},
      {"Критерии и их источники", "Каждое правило групп и факторов риска: показатель, сравнение, порог, сочетание и откуда оно — "
       "пункт документа с цитатой или выбор набора критериев с причиной.", {"criteria.csv"}},
      {"Адресные рекомендации", "Рекомендации каждой школе и причины, по которым они даны.", {"recommendations.csv"}},
      {"Итоги мониторинга системы образования (ПП РФ № 662)", "Показатели итогового отчёта по годам: значение и откуда оно — "
       "рассчитано по данным школ или введено управлением; пусто — значения нет.", {"monitoring.csv"}},
      {"Описание данных", "Состав файлов, столбцы, правила скрытия малых групп.", {"README.md"}}};
  if (with_roadmap)
    catalogue.insert(catalogue.end() - 1, {"Дорожная карта", "Мероприятия с состоянием выполнения; целевые показатели: план и факт по годам.",
                                           {"roadmap.csv", "targets.csv", "roadmap.json"}});
  for (auto& dataset : catalogue) {  // every CSV has its workbook beside it (opendata_files)
    std::vector<std::string> files;
    for (const auto& f : dataset.files) {
      files.push_back(f);
      if (f.size() > 4 && f.substr(f.size() - 4) == ".csv") files.push_back(f.substr(0, f.size() - 4) + ".xlsx");
    }
    dataset.files = std::move(files);
  }
  return catalogue;
}

}  // namespace sveden
