#include "load/decisions_loader.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "load/yaml_reader.h"
#include "load/yaml_tree.h"

namespace sveden {
namespace {

class DecisionsReader {
 public:
  DecisionsReader(const SourceText& src, Diagnostics& diag, Municipality& m) : src_(src), diag_(diag), m_(m) {}

  void read(const YamlNode& root) {
    YamlMapReader r(root, src_, diag_, "decisions.yaml", true);
    if (!r.valid()) return;
    if (const YamlNode* list = r.node("decisions", true)) {
      if (!list->is_sequence()) {
        r.error_at(*list, "«decisions» должно быть списком решений", "каждое решение начинается с «- year: 2025»");
      } else {
        for (const auto& item : list->items) decision(item);
      }
    }
    r.finish();
  }

 private:
  void decision(const YamlNode& item) {
    YamlMapReader r(item, src_, diag_, "решение");
    if (!r.valid()) return;
    ListDecision d;
    d.source = fmt::format("{}:{}", src_.path(), item.pos.line);
    if (auto year = r.integer("year", true, 2000, 2100)) {
      d.year = static_cast<int>(*year);
      if (std::find(m_.site.years.begin(), m_.site.years.end(), d.year) == m_.site.years.end())
        r.error_at(*r.node("year"), fmt::format("{} г. нет среди лет сайта ({})", d.year, fmt::join(m_.site.years, ", ")),
                   "решение о перечне принимается за год сайта; после отчётного года (reports.year) решения ещё не действуют");
    }
    if (auto group = r.text("group", true)) {
      d.group = *group;
      if (!m_.criteria.group(d.group)) {
        std::vector<std::string> ids;
        for (const auto& g : m_.criteria.groups) ids.push_back(g.id);
        std::string guess = closest_word(d.group, ids);
        r.error_at(*r.node("group"), fmt::format("нет группы «{}» в критериях", d.group),
                   fmt::format("{}группы: {}", guess.empty() ? "" : fmt::format("возможно, имелось в виду «{}»; ", guess),
                               fmt::join(ids, ", ")));
      }
    }
    if (const YamlNode* o = r.node("order")) d.order = order(*o);
    std::set<std::string> seen;
    if (const YamlNode* n = r.node("include")) d.include = changes(*n, "include", seen);
    if (const YamlNode* n = r.node("exclude")) d.exclude = changes(*n, "exclude", seen);
    if (const YamlNode* n = r.node("schools")) d.schools = listed(*n, seen);
    r.finish();
    if (const Group* g = m_.criteria.group(d.group)) membership(r, *g, d);
    for (const auto& other : m_.decisions)
      if (other.year == d.year && other.group == d.group && d.year && !d.group.empty())
        diag_.add(Severity::error, src_, item.pos, 1, fmt::format("решение о группе «{}» за {} г. уже записано ({})", d.group, d.year, other.source),
                  "объедините их: одно решение на год и группу — один приказ и его изменения");
    m_.decisions.push_back(std::move(d));
  }

  std::optional<ApprovingOrder> order(const YamlNode& node) {
    YamlMapReader r(node, src_, diag_, "order");
    if (!r.valid()) return std::nullopt;
    ApprovingOrder o;
    o.number = r.text("number", true).value_or("");
    o.title = r.text("title", true).value_or("");
    if (auto date = r.text("date", true)) {
      if (auto d = parse_iso_date(*date)) o.date = *d;
      else r.error_at(*r.node("date"), fmt::format("«{}» — не дата", *date), "дата пишется как ГГГГ-ММ-ДД, например 2025-09-15");
    }
    if (auto file = r.text("file")) {
      o.file = *file;
      if (!m_.files.count(o.file))
        r.error_at(*r.node("file"), fmt::format("файла приказа «{}» нет в documents/department/", o.file),
                   "положите скан или файл приказа в documents/department/ и укажите его имя, например prikaz-102.pdf");
    }
    r.finish();
    return o;
  }

  // A listed group takes its list as written (`schools:`); a group by rules, its computed list amended by
  // `include` and `exclude`; a group by Rosobrnadzor's lists, only an order.
  void membership(YamlMapReader& r, const Group& g, const ListDecision& d) {
    if (g.members == Membership::list) {
      for (const char* key : {"include", "exclude"})
        if (const YamlNode* n = r.node(key))
          r.error_at(*n, fmt::format("группа «{}» задаётся перечнем: «{}» к ней не применяется", g.id, key),
                     "перечислите все школы перечня в schools:, например schools: [\"5401\", \"5403\"]");
      if (!r.node("schools") && !r.node("include") && !r.node("exclude"))
        r.error_at(*r.node("group"), fmt::format("в решении о группе «{}» за {} г. нет перечня школ", g.id, d.year),
                   "группа задаётся перечнем (members: list): перечислите школы приказа в schools:, например schools: [\"5401\", \"5403\"]");
    } else if (members_from_data(g)) {
      const char* table = g.members == Membership::rosobrnadzor ? "data/federal_lists.csv" : "data/project500.csv";
      for (const char* key : {"schools", "include", "exclude"})
        if (const YamlNode* n = r.node(key))
          r.error_at(*n, fmt::format("состав группы «{}» берётся из {}: «{}» к ней не применяется", g.id, table, key),
                     "исправьте таблицу; в решении о такой группе можно указать только приказ (order:)");
    } else if (const YamlNode* n = r.node("schools")) {
      r.error_at(*n, fmt::format("перечень группы «{}» складывается по критериям: «schools» к ней не применяется", g.id),
                 "школы, которые рабочая группа добавила к расчёту, перечисляются в include:, убранные из него — в exclude:, "
                 "каждая с причиной; группа без правил пишется в criteria.yaml с «members: list»");
    }
  }

  std::vector<ManualChange> listed(const YamlNode& list, std::set<std::string>& seen) {
    std::vector<ManualChange> out;
    if (!list.is_sequence()) {
      diag_.add(Severity::error, src_, list.pos, 1, "«schools» должно быть списком кодов школ",
                "например: schools: [\"5401\", \"5403\"] — коды из data/schools.csv, как в приказе");
      return out;
    }
    for (const auto& item : list.items) {
      if (!item.is_scalar()) {
        diag_.add(Severity::error, src_, item.pos, 1, "в «schools» пишутся коды школ", "например: schools: [\"5401\", \"5403\"]");
        continue;
      }
      ManualChange c;
      c.pos = item.pos;
      c.school = item.value;
      if (!m_.find(c.school))
        diag_.add(Severity::error, src_, item.pos, static_cast<int>(c.school.size()), fmt::format("школы с кодом «{}» нет в data/schools.csv", c.school),
                  "укажите «Код ОО» школы, как в таблице школ");
      else if (!seen.insert(c.school).second)
        diag_.add(Severity::error, src_, item.pos, static_cast<int>(c.school.size()), fmt::format("школа «{}» уже названа в этом решении", c.school),
                  "каждая школа перечня называется один раз");
      else out.push_back(std::move(c));
    }
    return out;
  }

  std::vector<ManualChange> changes(const YamlNode& list, const char* key, std::set<std::string>& seen) {
    std::vector<ManualChange> out;
    if (!list.is_sequence()) {
      diag_.add(Severity::error, src_, list.pos, 1, fmt::format("«{}» должно быть списком школ", key),
                "например:\n  - school: 5402\n    reason: решение рабочей группы от 12.09.2025, протокол № 3");
      return out;
    }
    for (const auto& item : list.items) {
      YamlMapReader r(item, src_, diag_, key);
      if (!r.valid()) continue;
      ManualChange c;
      c.pos = item.pos;
      c.school = r.text("school", true).value_or("");
      c.reason = r.text("reason", true).value_or("");
      if (!c.school.empty() && !m_.find(c.school))
        r.error_at(*r.node("school"), fmt::format("школы с кодом «{}» нет в data/schools.csv", c.school),
                   "укажите «Код ОО» школы, как в таблице школ");
      else if (!c.school.empty() && !seen.insert(c.school).second)
        r.error_at(*r.node("school"), fmt::format("школа «{}» уже названа в этом решении", c.school),
                   "школа либо включается в перечень, либо исключается из него — один раз");
      r.finish();
      out.push_back(std::move(c));
    }
    return out;
  }

  const SourceText& src_;
  Diagnostics& diag_;
  Municipality& m_;
};

}  // namespace

void load_decisions(const Disk& disk, const std::string& prefix, Municipality& m, Diagnostics& diag) {
  read_yaml_file(disk, prefix, "content/decisions.yaml", diag,
                 [&](const SourceText& src, const YamlNode& root) { DecisionsReader(src, diag, m).read(root); });
}

}  // namespace sveden
