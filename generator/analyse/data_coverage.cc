#include "analyse/data_coverage.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analyse/indicators.h"

namespace sveden {
namespace {

// «нет таблицы data/olympiad.csv», «в таблице data/staff.csv нет столбца «Пенсионного возраста»», or
// "" when the site has the table (and the column, with a value in some row).
std::string lack(const Municipality& m, const std::string& need) {
  size_t dot = need.find('.');
  std::string table = need.substr(0, dot);
  auto it = m.coverage.find(table);
  if (it == m.coverage.end()) return "";
  const TableCoverage& t = it->second;
  if (!t.present) return fmt::format("нет таблицы {}", t.path);
  if (t.filled.empty()) return fmt::format("в таблице {} нет ни одной строки", t.path);
  if (dot == std::string::npos) return "";
  std::string column = need.substr(dot + 1);
  auto title = t.titles.find(column);
  std::string name = title == t.titles.end() ? column : title->second;
  if (!t.columns.count(column)) return fmt::format("в таблице {} нет столбца «{}»", t.path, name);
  if (!t.filled.count(column)) return fmt::format("в таблице {} не заполнен столбец «{}»", t.path, name);
  return "";
}

// One entry of `needs`: «a|b» is met by either.
std::string lack_any(const Municipality& m, const std::string& need) {
  std::vector<std::string> problems;
  for (const auto& alt : need_alternatives(need)) {
    std::string p = lack(m, alt);
    if (p.empty()) return "";
    if (std::find(problems.begin(), problems.end(), p) == problems.end()) problems.push_back(p);
  }
  bool all_tables = std::all_of(problems.begin(), problems.end(), [](const std::string& p) { return p.rfind("нет таблицы ", 0) == 0; });
  if (all_tables && problems.size() > 1) {
    std::vector<std::string> files;
    for (const auto& p : problems) files.push_back(p.substr(std::string("нет таблицы ").size()));
    return fmt::format("нет ни одной из таблиц {}", fmt::join(files, ", "));
  }
  return fmt::format("{}", fmt::join(problems, "; "));
}

std::vector<std::string> missing_for(const Municipality& m, const Criteria& criteria, const std::vector<IndicatorSpec>& specs,
                                     const Rule& r) {
  std::vector<std::string> out;
  auto add = [&](std::string p) {
    if (!p.empty() && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(std::move(p));
  };
  const IndicatorSpec* spec = nullptr;
  for (const auto& s : specs)
    if (s.id == r.indicator) spec = &s;
  if (spec) {
    for (const auto& need : spec->needs) add(lack_any(m, need));
    if (spec->id == "social_index")
      for (const auto& [column, weight] : criteria.social_index.weights)
        if (weight != 0) add(lack(m, "social." + column));
  }
  if (r.compare == Compare::below_regional || r.compare == Compare::above_regional) {
    auto it = m.coverage.find("regional");
    if (it != m.coverage.end()) {
      if (!it->second.present) {
        add(fmt::format("нет таблицы {} со значениями по региону", it->second.path));
      } else if (std::none_of(m.regional.begin(), m.regional.end(), [&](const RegionalValue& v) {
                   return v.indicator == r.indicator && v.param == r.param;
                 })) {
        add(fmt::format("в таблице {} нет значений по региону для показателя «{}»{}", it->second.path, r.indicator,
                        r.param.empty() ? "" : " (" + r.param + ")"));
      }
    }
  }
  return out;
}

void walk(const Municipality& m, const Criteria& criteria, const std::vector<IndicatorSpec>& specs, const Rule& r,
          const Group* g, const RiskFactor* f, std::vector<RuleWithoutData>& out) {
  if (r.combine != Combine::leaf) {
    for (const auto& child : r.children) walk(m, criteria, specs, child, g, f, out);
    return;
  }
  auto missing = missing_for(m, criteria, specs, r);
  if (!missing.empty()) out.push_back({g, f, &r, std::move(missing)});
}

}  // namespace

std::vector<RuleWithoutData> rules_without_data(const Municipality& m, const Criteria& criteria,
                                                const std::vector<IndicatorSpec>& specs) {
  std::vector<RuleWithoutData> out;
  for (const auto& g : criteria.groups) walk(m, criteria, specs, g.rule, &g, nullptr, out);
  for (const auto& f : criteria.risk_factors) {
    if (f.high) walk(m, criteria, specs, *f.high, nullptr, &f, out);
    if (f.medium) walk(m, criteria, specs, *f.medium, nullptr, &f, out);
  }
  return out;
}

std::vector<OlympiadGap> olympiad_gaps(const Municipality& m, const std::vector<IndicatorSpec>& specs) {
  // The stages some indicator counts, in the order of the stages, with the indicators that count each.
  static const std::vector<std::string> kOrder = {"школьный", "муниципальный", "региональный", "заключительный"};
  std::vector<std::pair<std::string, std::vector<const IndicatorSpec*>>> stages;
  for (const auto& stage : kOrder) {
    std::vector<const IndicatorSpec*> users;
    for (const auto& s : specs) {
      const auto& counted = olympiad_stages(s.id);
      if (std::find(counted.begin(), counted.end(), stage) != counted.end()) users.push_back(&s);
    }
    if (!users.empty()) stages.emplace_back(stage, std::move(users));
  }
  std::set<int> years;
  for (const auto& s : m.schools)
    for (const auto& o : s.olympiad) years.insert(o.year);
  std::vector<OlympiadGap> out;
  for (int year : years) {
    OlympiadGap gap;
    gap.year = year;
    for (const auto& entry : stages) {
      // Named copies: clang 14 does not let a lambda capture a structured binding.
      const auto& stage = entry.first;
      const auto& users = entry.second;
      std::vector<size_t> with_rows, lacking;
      for (size_t i = 0; i < m.schools.size(); ++i) {
        const School& s = m.schools[i];
        bool applies = std::any_of(users.begin(), users.end(), [&](const IndicatorSpec* spec) {
          return spec->applies_to_kinds.empty() || s.kind.empty() ||
                 std::find(spec->applies_to_kinds.begin(), spec->applies_to_kinds.end(), s.kind) != spec->applies_to_kinds.end();
        });
        bool rows = std::any_of(s.olympiad.begin(), s.olympiad.end(), [&](const OlympiadYear& o) { return o.year == year; });
        if (!applies || !rows) continue;
        with_rows.push_back(i);
        bool given = std::any_of(s.olympiad.begin(), s.olympiad.end(),
                                 [&](const OlympiadYear& o) { return o.year == year && o.stage == stage && o.participants; });
        if (!given) lacking.push_back(i);
      }
      if (lacking.empty()) continue;
      bool every = lacking.size() == with_rows.size() && with_rows.size() >= 2;
      auto same = std::find_if(gap.parts.begin(), gap.parts.end(),
                               [&](const OlympiadGap::Part& p) { return p.schools == lacking && p.every_school == every; });
      if (same != gap.parts.end()) same->stages.push_back(stage);
      else gap.parts.push_back({{stage}, lacking, every});
    }
    if (!gap.parts.empty()) out.push_back(std::move(gap));
  }
  return out;
}

}  // namespace sveden
