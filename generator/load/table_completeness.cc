#include "load/table_completeness.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "russian/typography.h"

namespace sveden {

std::vector<TableCompleteness> report_table_gaps(const Vocabulary& vocab, const std::vector<School>& schools,
                                                 const std::map<std::string, LoadedTable>& tables, Diagnostics& diag) {
  std::vector<TableCompleteness> out;
  // Warnings in the order of the table names, as the other messages about data/; the matrix in the
  // vocabulary's order, as the docs list the tables.
  for (const auto& [name, table] : tables) {
    if (!table.spec || !table.spec->complete) continue;
    const TableSpec& spec = *table.spec;
    int school_col = spec.column_index("school_id");
    int year_col = spec.column_index("year");
    if (school_col < 0 || year_col < 0) continue;
    TableCompleteness& c = out.emplace_back();
    c.name = spec.name;
    c.title = spec.title;
    c.path = table.path.empty() ? spec.file : table.path;
    c.except_kinds = spec.complete_except_kinds;
    if (!table.present) continue;
    std::set<int> all_years;
    std::map<std::string, std::set<int>>& years_of = c.years_of;  // school → years with rows
    for (const auto& rec : table.records) {
      const Cell& s = rec.cells[static_cast<size_t>(school_col)];
      const Cell& y = rec.cells[static_cast<size_t>(year_col)];
      if (s.missing || y.missing) continue;
      int year = static_cast<int>(y.number);
      all_years.insert(year);
      years_of[s.text].insert(year);
    }
    c.years.assign(all_years.begin(), all_years.end());
    if (all_years.empty()) continue;  // an empty table is reported by what needs it, not school by school
    const auto& except = spec.complete_except_kinds;
    for (const auto& school : schools) {
      if (std::find(except.begin(), except.end(), school.kind) != except.end()) continue;
      auto it = years_of.find(school.id);
      std::vector<int> missing, present;
      for (int y : all_years) (it != years_of.end() && it->second.count(y) ? present : missing).push_back(y);
      if (missing.empty()) continue;
      std::string who = fmt::format("{} ({})", quoted(school.short_name.empty() ? school.name : school.short_name), school.id);
      std::string message =
          present.empty()
              ? fmt::format("{}: нет ни одной строки, а у других школ есть строки за {}", who, years_text(missing))
              : fmt::format("{}: нет строк за {} (за {} есть)", who, years_text(missing), years_text(present));
      diag.add_file(Severity::warning, table.path, message,
                    "без этих строк школа выпадает из итогов по муниципалитету за эти годы; добавьте строки, а если данных "
                    "нет, добавьте строку с «н/д» в числовых столбцах, чтобы пропуск был виден");
    }
  }
  auto rank = [&](const TableCompleteness& c) {
    for (size_t i = 0; i < vocab.tables.size(); ++i)
      if (vocab.tables[i].name == c.name) return i;
    return vocab.tables.size();
  };
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  return out;
}

}  // namespace sveden
