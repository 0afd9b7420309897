#include "load/criteria_loader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "load/embedded_files.h"
#include "load/indicator_vocabulary.h"
#include "load/vocabulary.h"
#include "load/yaml_reader.h"
#include "load/yaml_tree.h"
#include "russian/typography.h"

namespace sveden {
namespace {

const std::pair<const char*, Compare> kCompares[] = {
    {"less_than", Compare::less_than},           {"at_most", Compare::at_most},
    {"greater_than", Compare::greater_than},     {"at_least", Compare::at_least},
    {"below_municipal", Compare::below_municipal}, {"above_municipal", Compare::above_municipal},
    {"below_regional", Compare::below_regional}, {"above_regional", Compare::above_regional},
    {"bottom_percent", Compare::bottom_percent}, {"top_percent", Compare::top_percent},
    {"fell", Compare::fell},                     {"rose", Compare::rose}};

// The families of assessments in the composite results index, in the order the order names them.
const std::vector<std::string> kResultsFamilies = {"ЕГЭ", "ОГЭ", "ВПР"};

const std::vector<std::string> kSocialColumns = {"higher_ed_parents", "single_parent",     "unemployed_parents",
                                                 "low_income",        "non_native_russian", "preventive_register"};

// Where `number` stands in `text` as a whole number: not inside a longer one («20» in «120» or «20,5»).
std::vector<size_t> number_tokens(const std::string& text, const std::string& number) {
  std::vector<size_t> at;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t k = text.find(number); k != std::string::npos; k = text.find(number, k + 1)) {
    size_t end = k + number.size();
    bool before = k > 0 && (digit(text[k - 1]) || ((text[k - 1] == ',' || text[k - 1] == '.') && k > 1 && digit(text[k - 2])));
    bool after = end < text.size() && (digit(text[end]) || ((text[end] == ',' || text[end] == '.') && end + 1 < text.size() && digit(text[end + 1])));
    if (!before && !after) at.push_back(k);
  }
  return at;
}

bool is_rule_id(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

class CriteriaReader {
 public:
  // `require_provenance`: a built-in preset, where every rule says where it comes from.
  CriteriaReader(const SourceText& src, Diagnostics& diag, bool require_provenance)
      : src_(src), diag_(diag), require_provenance_(require_provenance) {}

  // documents: {order98: «Приказ … № 98/1»} — titles that `source: {document: order98}` refers to.
  void documents(const YamlNode& map) {
    if (!map.is_map()) {
      diag_.add(Severity::error, src_, map.pos, 1, "«documents» должно быть словарём «код: название документа»",
                "например: order98: Приказ отдела образования от 23.06.2020 № 98/1");
      return;
    }
    for (const auto& [k, v] : map.entries) documents_[k.value] = v.value;
  }

  // `source:` (document, item, quote) and/or `choice:` (the reason) of `r`'s map: both together mean a
  // choice derived from the document. In a preset one of them is required.
  Provenance provenance(YamlMapReader& r, const YamlNode& at, std::string_view what) {
    Provenance p;
    const YamlNode* source = r.node("source");
    if (auto choice = r.text("choice")) p.choice = *choice;
    if (source) {
      YamlMapReader s(*source, src_, diag_, fmt::format("{}, source", what));
      if (s.valid()) {
        std::string document = s.text("document", true).value_or("");
        auto known = documents_.find(document);
        p.document = known != documents_.end() ? known->second : document;
        p.item = s.text("item", true).value_or("");
        p.quote = s.text("quote").value_or("");
        s.finish();
      }
    }
    if (p.empty() && require_provenance_)
      r.error_at(at, fmt::format("{}: не сказано, откуда это правило", what),
                 "добавьте source: с ключами document, item и quote (документ, пункт, цитата) или choice: «почему выбрано так» "
                 "(docs/CRITERIA.md, раздел 2.14)");
    return p;
  }

  // The provenance of a combination (any / all / «k из n»): `combination: {source: …}` or `{choice: …}`.
  Provenance combination(YamlMapReader& r, const YamlNode& at, std::string_view what) {
    const YamlNode* c = r.node("combination");
    if (!c) {
      Provenance none;
      if (require_provenance_)
        r.error_at(at, fmt::format("{}: не сказано, откуда сочетание правил (any, all или «k из n»)", what),
                   "добавьте combination: с ключом source: (документ, пункт, цитата) или choice: «почему выбрано так» "
                   "(docs/CRITERIA.md, раздел 2.14)");
      return none;
    }
    YamlMapReader cr(*c, src_, diag_, fmt::format("{}, combination", what));
    if (!cr.valid()) return {};
    Provenance p = provenance(cr, *c, fmt::format("{}, сочетание правил", what));
    cr.finish();
    return p;
  }

  // `default_indicator`: risk factor levels may leave the indicator to the factor.
  std::optional<Rule> rule(const YamlNode& node, std::string_view where, const std::string& default_indicator = "",
                           bool need_id = true) {
    YamlMapReader r(node, src_, diag_, std::string(where));
    if (!r.valid()) return std::nullopt;
    Rule rule;
    rule.pos = node.pos;
    rule.source = fmt::format("{}:{}", src_.path(), node.pos.line);
    rule.id = r.text("id", need_id).value_or("");
    if (need_id && !rule.id.empty() && !is_rule_id(rule.id))
      r.error_at(*r.node("id"), fmt::format("«{}» не годится как идентификатор правила", rule.id),
                 "используйте строчные латинские буквы, цифры, «_» и «-», например oge_math_fell2");
    rule.title = r.text("title", need_id).value_or("");
    // «группа «shnor» / правило «results_bottom20»»: where the rule is, named by its id.
    std::string what = rule.id.empty() ? std::string(where) : fmt::format("{} «{}»", where, rule.id);
    rule.provenance = provenance(r, node, what);
    const YamlNode* any = r.node("any");
    const YamlNode* all = r.node("all");
    const YamlNode* of = r.node("of");
    const YamlNode* at_least = r.node("at_least");
    int combinators = (any ? 1 : 0) + (all ? 1 : 0) + (of ? 1 : 0);
    const YamlNode* indicator = r.node("indicator");
    if (combinators > 1) {
      r.error_at(node, "в правиле может быть только одно из «any», «all», «of»",
                 "вложите одно сочетание в другое, если нужно и то, и другое");
      r.finish();
      return std::nullopt;
    }
    if (combinators == 0 && r.node("combination"))
      r.error_at(*r.node("combination"), "«combination» бывает только у правила-сочетания (any, all, of)", "уберите combination");
    if (combinators == 1) {
      if (indicator) r.error_at(*indicator, "правило-сочетание не сравнивает показатель само", "перенесите indicator во вложенное правило");
      const YamlNode* list = any ? any : all ? all : of;
      rule.combine = any ? Combine::any : all ? Combine::all : Combine::at_least;
      if (of && !at_least)
        r.error_at(*of, "для «of» нужно указать «at_least: k» — сколько правил должно выполниться",
                   "например: at_least: 2");
      if (!list->is_sequence() || list->items.empty()) {
        r.error_at(*list, "сочетание правил должно быть непустым списком", "перечислите правила с «- » на новых строках");
      } else {
        std::set<std::string> ids;
        for (const auto& item : list->items)
          if (auto child = this->rule(item, fmt::format("{} / правило", where), default_indicator, need_id)) {
            if (!child->id.empty() && !ids.insert(child->id).second)
              r.error_at(item, fmt::format("идентификатор правила «{}» повторяется", child->id), "у каждого правила свой id");
            rule.children.push_back(std::move(*child));
          }
      }
      if (of && at_least) {
        auto k = yaml_number(*at_least);
        int n = static_cast<int>(rule.children.size());
        if (!k || *k != static_cast<int>(*k) || *k < 1 || *k > n)
          r.error_at(*at_least, fmt::format("at_least: {} — невозможное число правил (их {})", at_least->value, n),
                     fmt::format("укажите целое число от 1 до {}", n));
        else
          rule.at_least = static_cast<int>(*k);
      } else if (at_least && !of) {
        r.error_at(*at_least, "«at_least» без «of»", "перечислите правила в «of: [...]»");
      }
      rule.combination = combination(r, node, what);
      r.finish();
      return rule;
    }
    // A leaf: an indicator compared with something.
    rule.indicator = r.text("indicator").value_or(default_indicator);
    const IndicatorSpec* spec = nullptr;
    for (const auto& s : builtin_indicators())
      if (s.id == rule.indicator) spec = &s;
    if (rule.indicator.empty()) {
      r.error_at(node, fmt::format("{}: правило без показателя", where), "укажите indicator: … или сочетание any / all / of");
    } else if (!spec) {
      std::string guess = closest_word(rule.indicator, builtin_indicator_ids());
      r.error_at(indicator ? *indicator : node, fmt::format("неизвестный показатель «{}»", rule.indicator),
                 guess.empty() ? "показатели перечислены в docs/CRITERIA.md"
                               : fmt::format("возможно, имелось в виду «{}»; показатели перечислены в docs/CRITERIA.md", guess));
    }
    read_param(r, node, spec, rule);
    std::string compare = r.text("compare", true).value_or("");
    bool known = false;
    for (const auto& [name, c] : kCompares)
      if (compare == name) {
        rule.compare = c;
        known = true;
      }
    if (!compare.empty() && !known) {
      std::vector<std::string> names;
      for (const auto& [name, c] : kCompares) names.emplace_back(name);
      std::string guess = closest_word(compare, names);
      r.error_at(*r.node("compare"), fmt::format("неизвестное сравнение «{}»", compare),
                 fmt::format("{}допустимо: {}", guess.empty() ? "" : fmt::format("возможно, имелось в виду «{}»; ", guess),
                             fmt::join(names, ", ")));
    }
    if (const YamlNode* v = r.node("value", known && needs_value(rule.compare))) threshold(r, *v, spec, rule);
    window_keys(r, rule);
    r.finish();
    return rule;
  }

  static bool needs_value(Compare c) {
    return c != Compare::fell && c != Compare::rose && c != Compare::below_municipal && c != Compare::above_municipal &&
           c != Compare::below_regional && c != Compare::above_regional;
  }

  // `value:` of a leaf rule, checked against its comparison and the indicator's unit.
  bool threshold(YamlMapReader& r, const YamlNode& v, const IndicatorSpec* spec, Rule& rule) {
    auto d = yaml_number(v);
    if (!d) {
      r.error_at(v, fmt::format("«{}» — не число", v.value), "запишите порог числом, например 60 или 0,5");
      return false;
    }
    bool percentile = rule.compare == Compare::bottom_percent || rule.compare == Compare::top_percent;
    if (!needs_value(rule.compare)) {
      r.error_at(v, fmt::format("для сравнения «{}» порог не нужен", compare_name(rule.compare)), "уберите value");
      return false;
    }
    if (percentile && (*d <= 0 || *d > 100)) {
      r.error_at(v, fmt::format("доля школ {} % невозможна", v.value), "укажите долю школ больше 0 и не больше 100");
      return false;
    }
    if (!percentile && spec && spec->unit == "%" && (*d < 0 || *d > 100)) {
      r.error_at(v, fmt::format("порог {} % невозможен для доли", v.value), "доля — от 0 до 100 %");
      return false;
    }
    rule.value = *d;
    return true;
  }

  // `years:` (fell / rose), `window:` and `in:` of a leaf rule.
  void window_keys(YamlMapReader& r, Rule& rule) {
    if (auto years = r.integer("years", false, 1, 5)) {
      rule.years = static_cast<int>(*years);
      if (rule.compare != Compare::fell && rule.compare != Compare::rose)
        r.error_at(*r.node("years"), "«years» имеет смысл только для fell и rose", "для окна лет используйте window");
    }
    if (auto window = r.integer("window", false, 1, 10)) rule.window = static_cast<int>(*window);
    if (auto in = r.text("in")) {
      if (*in == "all") rule.window_all = true;
      else if (*in == "any") rule.window_all = false;
      else r.error_at(*r.node("in"), fmt::format("«{}»: ожидалось all или any", *in), "all — во все годы окна, any — хотя бы в один");
    }
  }

  void read_param(YamlMapReader& r, const YamlNode& node, const IndicatorSpec* spec, Rule& rule) {
    auto subject = r.text("subject");
    auto grade = r.integer("grade", false, 1, 11);
    if (!spec) return;
    if (spec->param.empty()) {
      if (subject || grade)
        r.error_at(*r.node(subject ? "subject" : "grade"), fmt::format("у показателя «{}» нет предмета и класса", spec->id),
                   "уберите subject и grade");
      return;
    }
    if (!subject) {
      r.error_at(node, fmt::format("для показателя «{}» нужно указать предмет (subject)", spec->id), "например: subject: математика");
      return;
    }
    const auto& enums = builtin_vocabulary().enums;
    auto it = enums.find(spec->subjects);
    if (it != enums.end() && std::find(it->second.begin(), it->second.end(), *subject) == it->second.end()) {
      std::string guess = closest_word(*subject, it->second);
      r.error_at(*r.node("subject"), fmt::format("неизвестный предмет «{}»", *subject),
                 fmt::format("{}предметы: {}", guess.empty() ? "" : fmt::format("возможно, имелось в виду «{}»; ", guess),
                             fmt::join(it->second, ", ")));
    }
    if (spec->param == "grade_subject") {
      if (!grade) {
        r.error_at(node, fmt::format("для показателя «{}» нужно указать класс (grade)", spec->id), "например: grade: 5");
        return;
      }
      rule.param = fmt::format("{} класс, {}", *grade, *subject);
    } else {
      if (grade) r.error_at(*r.node("grade"), "класс указывается только для ВПР", "уберите grade");
      rule.param = *subject;
    }
  }

  void groups(const YamlNode& list, Criteria& out, const std::string& preset) {
    if (!list.is_sequence()) {
      diag_.add(Severity::error, src_, list.pos, 1, "«groups» должно быть списком групп", "каждая группа начинается с «- id: …»");
      return;
    }
    for (const auto& item : list.items) {
      YamlMapReader r(item, src_, diag_, "группа");
      if (!r.valid()) continue;
      Group g;
      g.preset = preset;
      g.id = r.text("id", true).value_or("");
      g.title = r.text("title", true).value_or("");
      g.short_title = r.text("short_title").value_or(g.title);
      g.description = r.text("description").value_or("");
      g.exclude = r.text_list("exclude").value_or(std::vector<std::string>{});
      std::optional<bool> is_shnor = r.boolean("is_shnor");
      g.is_shnor = is_shnor.value_or(false);
      g.exclude_shnor = r.boolean("exclude_shnor").value_or(false);
      g.pos = item.pos;
      g.source = src_.path();
      for (const auto& ex : g.exclude)
        if (!out.group(ex))
          r.error_at(*r.node("exclude"), fmt::format("группа «{}» исключает неизвестную группу «{}»", g.id, ex),
                     "в exclude перечисляются группы, описанные раньше этой (например, shnor)");
      // The group's own rule: its any/all/of list, read as a combinator.
      YamlNode root;
      root.kind = YamlNode::Kind::map;
      root.pos = item.pos;
      for (const char* key : {"any", "all", "of", "at_least", "source", "choice", "combination"})
        if (const YamlNode* n = r.node(key)) {
          YamlNode name;
          name.kind = YamlNode::Kind::scalar;
          name.value = key;
          name.pos = n->pos;
          root.entries.emplace_back(std::move(name), *n);
        }
      bool known = members(r, g);
      r.finish();
      if (!known) continue;  // reported: what the group is cannot be told
      bool has_rules = r.node("any") || r.node("all") || r.node("of");
      if (g.members != Membership::rules) {
        // A listed group has no rules: its members are the department's or Rosobrnadzor's list of each year.
        if (has_rules)
          r.error_at(*r.node("members"), fmt::format("у группы «{}» и правила, и «members: {}»", g.id, *r.text("members")),
                     "группа либо рассчитывается по правилам (any, all, of), либо задаётся перечнем; утвердить расчёт приказом и "
                     "поправить его можно и у группы по правилам: content/decisions.yaml, include и exclude");
        g.rule = Rule{};
        g.rule.combine = Combine::any;
      } else if (!has_rules) {
        diag_.add(Severity::error, src_, item.pos, 1, fmt::format("в группе «{}» нет правил", g.id),
                  "перечислите правила в any: (хотя бы одно), all: (все) или of: с at_least: k; группа без правил, состав которой "
                  "утверждается приказом по годам, пишется с «members: list», а её перечни — в content/decisions.yaml (schools:)");
        continue;
      } else if (auto rule = this->rule(root, fmt::format("группа «{}»", g.id), "", false)) {
        g.rule = std::move(*rule);
      }
      g.rule.id = g.id;
      g.rule.title = g.title;
      auto existing = std::find_if(out.groups.begin(), out.groups.end(), [&](const Group& x) { return x.id == g.id; });
      // The site's group replaces the preset's, and stays the municipality's ШНОР unless it says otherwise.
      if (existing != out.groups.end() && !is_shnor) g.is_shnor = existing->is_shnor;
      if (existing != out.groups.end()) *existing = std::move(g);
      else out.groups.push_back(std::move(g));
    }
  }

  // `members: rules | list | rosobrnadzor | project500` and, for rosobrnadzor, `federal_list:` (the «Список» it follows).
  bool members(YamlMapReader& r, Group& g) {
    bool known = true;
    if (auto m = r.text("members")) {
      if (*m == "list") g.members = Membership::list;
      else if (*m == "rosobrnadzor") g.members = Membership::rosobrnadzor;
      else if (*m == "project500") g.members = Membership::project500;
      else known = *m == "rules";
      if (!known)
        r.error_at(*r.node("members"), fmt::format("«{}» — не способ задать состав группы", *m),
                   "members: rules — по правилам (так и без ключа), members: list — перечнем по годам в content/decisions.yaml "
                   "(schools:), members: rosobrnadzor — по спискам Рособрнадзора из data/federal_lists.csv, members: project500 — "
                   "участники проекта «500+» по годам из data/project500.csv");
    }
    if (auto list = r.text("federal_list")) {
      g.federal_list = *list;
      // The values of the column «Список» of data/federal_lists.csv (vocab/tables.yaml, enum federal_list).
      const std::vector<std::string>& lists = builtin_vocabulary().enums.at("federal_list");
      if (g.members != Membership::rosobrnadzor)
        r.error_at(*r.node("federal_list"), fmt::format("«federal_list» у группы «{}», состав которой не по спискам Рособрнадзора", g.id),
                   "federal_list выбирает список из data/federal_lists.csv и пишется вместе с «members: rosobrnadzor»");
      else if (std::find(lists.begin(), lists.end(), *list) == lists.end())
        r.error_at(*r.node("federal_list"), fmt::format("«{}» — не список Рособрнадзора", *list),
                   fmt::format("в столбце «Список» data/federal_lists.csv бывают: «{}»", fmt::join(lists, "», «")));
    }
    return known;
  }

  void risk_factors(const YamlNode& list, Criteria& out) {
    if (!list.is_sequence()) return;
    for (const auto& item : list.items) {
      YamlMapReader r(item, src_, diag_, "фактор риска");
      if (!r.valid()) continue;
      RiskFactor f;
      f.id = r.text("id", true).value_or("");
      f.title = r.text("title", true).value_or("");
      f.note = r.text("note").value_or("");
      f.provenance = provenance(r, item, fmt::format("фактор риска «{}»", f.id));
      std::string indicator = r.text("indicator").value_or("");
      if (const YamlNode* high = r.node("high")) f.high = rule(*high, fmt::format("фактор «{}», high", f.id), indicator, false);
      if (const YamlNode* medium = r.node("medium")) f.medium = rule(*medium, fmt::format("фактор «{}», medium", f.id), indicator, false);
      if (!f.high && !f.medium && f.note.empty())
        r.error_at(item, fmt::format("у фактора «{}» нет ни уровней high / medium, ни пояснения note", f.id),
                   "задайте high: {compare: …, value: …} или объясните в note, почему уровень не определяется");
      r.finish();
      auto existing = std::find_if(out.risk_factors.begin(), out.risk_factors.end(), [&](const RiskFactor& x) { return x.id == f.id; });
      if (existing != out.risk_factors.end()) *existing = std::move(f);
      else out.risk_factors.push_back(std::move(f));
    }
  }

  void social_index(const YamlNode& map, Criteria& out) {
    YamlMapReader r(map, src_, diag_, "social_index");
    if (!r.valid()) return;
    out.social_index.weights.clear();
    out.social_index.provenance = provenance(r, map, "social_index");
    for (const auto& column : kSocialColumns)
      if (const YamlNode* w = r.node(column)) {
        if (auto d = yaml_number(*w)) out.social_index.weights.emplace_back(column, *d);
        else r.error_at(*w, fmt::format("вес «{}» — не число", w->value), "например: -1 или 0,5");
      }
    r.finish();
  }

  // results_index: {weights: {ЕГЭ: 1, ОГЭ: 1, ВПР: 1}}; replaces the preset's weights whole, as
  // social_index does: a family left out does not enter the index.
  void results_index(const YamlNode& map, Criteria& out) {
    YamlMapReader r(map, src_, diag_, "results_index");
    if (!r.valid()) return;
    Provenance why = provenance(r, map, "results_index");
    if (const YamlNode* weights = r.node("weights", true)) {
      YamlMapReader w(*weights, src_, diag_, "results_index, weights");
      if (w.valid()) {
        ResultsIndexConfig config;
        config.weights.clear();
        bool bad = false;
        for (const auto& family : kResultsFamilies) {
          const YamlNode* n = w.node(family);
          if (!n) continue;
          auto d = yaml_number(*n);
          if (!d) {
            w.error_at(*n, fmt::format("вес «{}» — не число", n->value), "вес — число не меньше 0, например: 1 или 0,5");
            bad = true;
          } else if (*d < 0 || !std::isfinite(*d)) {
            w.error_at(*n, fmt::format("вес {} {} невозможен", family, n->value),
                       fmt::format("вес — число не меньше 0; 0 — результаты {} в индекс не входят", family));
            bad = true;
          } else {
            config.weights.emplace_back(family, *d);
          }
        }
        bool positive = std::any_of(config.weights.begin(), config.weights.end(), [](const auto& x) { return x.second > 0; });
        if (!bad && !positive)
          w.error_at(*weights, "в индексе результатов нет ни одного вида оценки с весом больше 0",
                     "укажите веса ЕГЭ, ОГЭ и ВПР, например: {ЕГЭ: 1, ОГЭ: 1, ВПР: 1}");
        w.finish();
        config.provenance = why;
        if (!bad && positive) out.results_index = std::move(config);
      }
    }
    r.finish();
  }

  // procedure: {counts: subject, choice: …} — what one assessment procedure is for assessments_below30.
  void procedure(const YamlNode& map, Criteria& out) {
    YamlMapReader r(map, src_, diag_, "procedure");
    if (!r.valid()) return;
    AssessmentProcedureConfig config;
    config.provenance = provenance(r, map, "procedure");
    if (auto counts = r.text("counts", true)) {
      if (*counts != "subject")
        r.error_at(*r.node("counts"), fmt::format("procedure: counts: «{}» — такое прочтение пока не считается", *counts),
                   "допустимо только subject: ОГЭ и ЕГЭ по одному предмету, ВПР одной параллели по одному предмету");
      else
        config.counts = *counts;
    }
    r.finish();
    out.procedure = std::move(config);
  }

  // changes: [{rule: shnor.results_bottom20, value: 25, why: …}] — one value of a rule the presets (or
  // this file) defined, changed in place without restating its group. The rule keeps its provenance,
  // which now also says what the department changed, from what, and why.
  void changes(const YamlNode& list, Criteria& out) {
    if (!list.is_sequence()) {
      diag_.add(Severity::error, src_, list.pos, 1, "«changes» должно быть списком изменений",
                "каждое изменение начинается с «- rule: код правила», например «- rule: shnor.results_bottom20»");
      return;
    }
    for (const auto& item : list.items) {
      YamlMapReader r(item, src_, diag_, "изменение");
      if (!r.valid()) continue;
      int errors_before = diag_.errors();
      std::string code = r.text("rule", true).value_or("");
      std::string why = r.text("why").value_or("");
      Rule* rule = code.empty() ? nullptr : find_rule(r, *r.node("rule"), code, out);
      if (!rule) {
        for (const char* key : {"value", "window", "in", "years", "at_least", "title"}) r.node(key);  // reported once, above
        r.finish();
        continue;
      }
      Rule before = *rule;
      std::vector<std::string> what;
      const IndicatorSpec* spec = nullptr;
      for (const auto& s : builtin_indicators())
        if (s.id == rule->indicator) spec = &s;
      bool leaf = rule->combine == Combine::leaf;
      for (const char* key : {"value", "window", "in", "years"})
        if (const YamlNode* n = r.node(key); n && !leaf)
          r.error_at(*n, fmt::format("«{}» — сочетание правил, у него нет ключа «{}»", code, key),
                     "измените правило внутри сочетания: его код — через точку, как в opendata/criteria.csv");
      if (leaf) {
        if (const YamlNode* v = r.node("value"); v && threshold(r, *v, spec, *rule) && rule->value != before.value)
          what.push_back(fmt::format("порог {} вместо {}", format_number(rule->value, rule->value == std::round(rule->value) ? 0 : 2),
                                     format_number(before.value, before.value == std::round(before.value) ? 0 : 2)));
        window_keys(r, *rule);
        if (rule->window != before.window) what.push_back(fmt::format("окно {} г. вместо {}", rule->window, before.window));
        if (rule->window_all != before.window_all)
          what.push_back(rule->window_all ? "во все годы окна вместо хотя бы одного" : "хотя бы в один год окна вместо всех");
        if (rule->years != before.years) what.push_back(fmt::format("{} подряд вместо {}", rule->years, before.years));
      }
      if (const YamlNode* k = r.node("at_least")) {
        auto d = yaml_number(*k);
        int n = static_cast<int>(rule->children.size());
        if (rule->combine != Combine::at_least)
          r.error_at(*k, fmt::format("«{}» — не сочетание «k из n», at_least менять нечему", code),
                     "at_least меняется только у правила с of: и at_least:");
        else if (!d || *d != static_cast<int>(*d) || *d < 1 || *d > n)
          r.error_at(*k, fmt::format("at_least: {} — невозможное число правил (их {})", k->value, n),
                     fmt::format("укажите целое число от 1 до {}", n));
        else if (static_cast<int>(*d) != before.at_least) {
          rule->at_least = static_cast<int>(*d);
          what.push_back(fmt::format("не менее {} из {} вместо {}", rule->at_least, n, before.at_least));
        }
      }
      // The rule's wording must not contradict its new threshold: «Входит в 20 % школ…» becomes «… 25 % …»,
      // or the change gives its own title.
      if (auto title = r.text("title")) {
        rule->title = *title;
      } else if (!what.empty()) {
        std::string old_value = format_number(before.value, before.value == std::round(before.value) ? 0 : 2);
        auto at = number_tokens(rule->title, old_value);
        bool retitled = false;
        if (rule->value != before.value && at.size() == 1) {
          rule->title.replace(at.front(), old_value.size(),
                              format_number(rule->value, rule->value == std::round(rule->value) ? 0 : 2));
          retitled = true;
        }
        bool window_named = (rule->window != before.window && !number_tokens(rule->title, std::to_string(before.window)).empty()) ||
                            (rule->years != before.years && !number_tokens(rule->title, std::to_string(before.years)).empty());
        if ((rule->value != before.value && at.size() > 1) || (window_named && !retitled))
          r.error_at(item, fmt::format("название правила «{}» называет прежнее значение", before.title),
                     "укажите в изменении новое название: title: … — так, как оно будет напечатано на сайте и в отчёте");
      }
      r.finish();
      if (what.empty()) {
        if (diag_.errors() == errors_before)
          diag_.add(Severity::warning, src_, item.pos, 1, fmt::format("изменение правила «{}» ничего не меняет", code),
                    "укажите новое значение value, window, in, years или at_least, отличное от набора, или уберите изменение");
        continue;
      }
      Provenance& p = rule->combine == Combine::leaf ? rule->provenance : rule->combination;
      std::string change = fmt::format("({}:{}): {}", src_.path(), item.pos.line, fmt::join(what, ", "));
      if (!why.empty()) change += " — " + why;
      p.changes.push_back(std::move(change));
    }
  }

  // A rule by its code as opendata/criteria.csv prints it («shnor.results_bottom20»,
  // «equipment_low.high»), or by its bare id when only one rule has it.
  Rule* find_rule(YamlMapReader& r, const YamlNode& at, const std::string& code, Criteria& out) {
    std::vector<std::pair<std::string, Rule*>> all;
    std::function<void(const std::string&, Rule&)> walk = [&](const std::string& prefix, Rule& rule) {
      all.emplace_back(prefix, &rule);
      for (size_t k = 0; k < rule.children.size(); ++k)
        walk(prefix + "." + rule_step(rule.children[k], k), rule.children[k]);
    };
    for (auto& g : out.groups) walk(g.id, g.rule);
    for (auto& f : out.risk_factors) {
      if (f.high) walk(f.id + ".high", *f.high);
      if (f.medium) walk(f.id + ".medium", *f.medium);
    }
    std::vector<std::pair<std::string, Rule*>> bare;
    for (auto& [c, rule] : all) {
      if (c == code) return rule;
      if (c.size() > code.size() && c.ends_with("." + code)) bare.emplace_back(c, rule);
    }
    if (bare.size() == 1) return bare.front().second;
    if (bare.size() > 1) {
      std::vector<std::string> names;
      for (const auto& b : bare) names.push_back(b.first);
      r.error_at(at, fmt::format("правило «{}» есть в нескольких местах", code),
                 fmt::format("назовите его полным кодом: {}", fmt::join(names, ", ")));
      return nullptr;
    }
    std::vector<std::string> codes;
    for (const auto& a : all) codes.push_back(a.first);
    std::string guess = closest_word(code, codes);
    r.error_at(at, fmt::format("в критериях нет правила «{}»", code),
               guess.empty() ? "коды правил — в столбце «код» файла opendata/criteria.csv и в docs/CRITERIA.md, раздел 3"
                             : fmt::format("возможно, имелось в виду «{}»; коды правил — в opendata/criteria.csv", guess));
    return nullptr;
  }

 private:
  const SourceText& src_;
  Diagnostics& diag_;
  bool require_provenance_ = false;
  std::map<std::string, std::string> documents_;
};

void parse_into(const SourceText& src, bool site_file, Criteria& out, Diagnostics& diag, const std::string& preset,
                std::vector<std::string>* presets) {
  YamlNode root;
  if (!parse_yaml(src, &root, diag)) return;
  YamlMapReader r(root, src, diag, src.path(), true);
  if (!r.valid()) return;
  CriteriaReader reader(src, diag, !preset.empty());
  if (const YamlNode* d = r.node("documents")) reader.documents(*d);
  if (site_file) {
    if (auto p = r.text_list("presets")) *presets = *p;
  } else if (auto whose = r.text("whose", true)) {
    out.whose[preset] = *whose;  // a preset says whose criteria it holds: the page never passes them off as the site's
  }
  if (const YamlNode* s = r.node("social_index")) reader.social_index(*s, out);
  if (const YamlNode* s = r.node("results_index")) reader.results_index(*s, out);
  if (const YamlNode* p = r.node("procedure")) reader.procedure(*p, out);
  if (const YamlNode* g = r.node("groups")) reader.groups(*g, out, preset);
  if (const YamlNode* f = r.node("risk_factors")) reader.risk_factors(*f, out);
  if (const YamlNode* c = r.node("changes")) {
    if (site_file) reader.changes(*c, out);
    else r.error_at(*c, "«changes» бывают только в content/criteria.yaml", "в наборе правило записывается целиком");
  }
  r.finish();
}

Diagnostic group_error(const Group& g, std::string message, std::string hint) {
  Diagnostic d;
  d.file = g.source;
  d.pos = g.pos;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

// A group with `exclude_shnor` excludes the municipality's own ШНОР list: the group marked `is_shnor`
// (the site's mark wins over a preset's). A group excludes only groups decided before it, so the marked
// group moves before the first group that excludes it.
void resolve_shnor(Criteria& c, Diagnostics& diag) {
  std::vector<std::string> marked, marked_by_site;
  for (const auto& g : c.groups)
    if (g.is_shnor) (g.preset.empty() ? marked_by_site : marked).push_back(g.id);
  if (!marked_by_site.empty()) marked = marked_by_site;
  if (marked.size() > 1)
    diag.add_diagnostic(group_error(*c.group(marked[1]),
                                    fmt::format("ШНОР муниципалитета отмечены две группы: «{}» и «{}»", marked[0], marked[1]),
                                    "оставьте is_shnor: true у одной группы — той, что составляет список ШНОР муниципалитета"));
  for (size_t i = 0; i < c.groups.size(); ++i) {
    if (!c.groups[i].exclude_shnor) continue;
    if (marked.empty()) {
      diag.add_diagnostic(group_error(
          c.groups[i], fmt::format("группа «{}» исключает школы ШНОР муниципалитета, но ни одна группа не отмечена как ШНОР", c.groups[i].id),
          "отметьте свою группу ШНОР строкой «is_shnor: true» в content/criteria.yaml или подключите набор yelnya, где так отмечена группа "
          "shnor (docs/CRITERIA.md, раздел 2.11)"));
      continue;
    }
    auto shnor = std::find_if(c.groups.begin(), c.groups.end(), [&](const Group& g) { return g.id == marked[0]; });
    if (std::find(c.groups[i].exclude.begin(), c.groups[i].exclude.end(), marked[0]) == c.groups[i].exclude.end())
      c.groups[i].exclude.push_back(marked[0]);
    auto here = c.groups.begin() + static_cast<std::ptrdiff_t>(i);
    if (shnor > here) std::rotate(here, shnor, shnor + 1);  // the ШНОР group now stands at i, this one after it
  }
}

}  // namespace

const std::vector<std::string>& default_presets() {
  static const std::vector<std::string> kPresets = {"yelnya", "rosobrnadzor30", "stavropol-risk-zone", "risk500"};
  return kPresets;
}

void name_department(Criteria& c, const DepartmentWords& words) {
  auto name = [&](Provenance& p) {
    p.owner_genitive = words.full_genitive;
    p.owner_instrumental = words.full_instrumental;
  };
  std::function<void(Rule&)> rule = [&](Rule& r) {
    name(r.provenance);
    name(r.combination);
    for (auto& child : r.children) rule(child);
  };
  for (auto& g : c.groups) rule(g.rule);
  for (auto& f : c.risk_factors) {
    name(f.provenance);
    if (f.high) rule(*f.high);
    if (f.medium) rule(*f.medium);
  }
  name(c.social_index.provenance);
  name(c.results_index.provenance);
  name(c.procedure.provenance);
}

const char* compare_name(Compare c) {
  for (const auto& [name, v] : kCompares)
    if (v == c) return name;
  return "";
}

void parse_criteria(const SourceText& src, bool site_file, Criteria& out, Diagnostics& diag) {
  std::vector<std::string> presets;
  parse_into(src, site_file, out, diag, "", &presets);
  resolve_shnor(out, diag);
}

void parse_preset(const SourceText& src, const std::string& name, Criteria& out, Diagnostics& diag) {
  std::vector<std::string> ignored;
  parse_into(src, false, out, diag, name, &ignored);
}

Criteria load_criteria(const Disk& disk, const std::string& prefix, Diagnostics& diag) {
  Criteria criteria;
  const std::string path = "content/criteria.yaml";
  std::string shown = display_path(prefix, path);
  std::optional<SourceText> site_src;
  std::vector<std::string> presets = default_presets();
  if (disk.is_file(path) || disk.exists(path)) {
    auto text = disk.read(path);
    if (!text) {
      diag.add_file(Severity::error, shown, fmt::format("не удалось прочитать: {}", text.message()), "проверьте файл");
      return criteria;
    }
    site_src = decode_yaml_file(shown, *text, diag);
    if (!site_src) return criteria;
    // Only `presets:` is needed before the presets are read; the rest is read after them.
    YamlNode root;
    Diagnostics quiet;
    if (parse_yaml(*site_src, &root, quiet) && root.is_map())
      if (const YamlNode* p = root.find("presets")) {
        presets.clear();
        for (const auto& item : p->items) {
          if (!vocab_file("criteria/" + item.value + ".yaml")) {
            std::vector<std::string> known = default_presets();
            std::string guess = closest_word(item.value, known);
            diag.add(Severity::error, *site_src, item.pos, static_cast<int>(utf8_length(item.value)),
                     fmt::format("неизвестный набор критериев «{}»", item.value),
                     fmt::format("{}встроенные наборы: {}", guess.empty() ? "" : fmt::format("возможно, имелось в виду «{}»; ", guess),
                                 fmt::join(known, ", ")));
            continue;
          }
          presets.push_back(item.value);
        }
      }
  }
  for (const auto& name : presets) {
    SourceText src("vocab/criteria/" + name + ".yaml", std::string(*vocab_file("criteria/" + name + ".yaml")));
    std::vector<std::string> ignored;
    parse_into(src, false, criteria, diag, name, &ignored);
  }
  criteria.presets = presets;
  if (site_src) {
    std::vector<std::string> ignored;
    parse_into(*site_src, true, criteria, diag, "", &ignored);
  }
  resolve_shnor(criteria, diag);
  return criteria;
}

}  // namespace sveden
