#include "load/unused_tables.h"

#include <fmt/format.h>

namespace sveden {

bool table_is_read(const TableSpec& table, const std::vector<IndicatorSpec>& indicators) {
  if (!table.read_by.empty()) return true;
  for (const auto& spec : indicators)
    for (const auto& need : spec.needs)
      for (const auto& alt : need_alternatives(need))
        if (alt.substr(0, alt.find('.')) == table.name) return true;  // «table» or «table.column»
  return false;
}

void report_unused_tables(const std::map<std::string, LoadedTable>& tables, const std::vector<IndicatorSpec>& indicators,
                          Diagnostics& diag) {
  for (const auto& [name, t] : tables) {
    if (!t.present || t.records.empty() || !t.spec || table_is_read(*t.spec, indicators)) continue;
    diag.add_file(Severity::warning, t.path,
                  fmt::format("таблица «{}» загружена, но её ничто не читает: ни показатель, ни страница, ни правило", t.spec->title),
                  "её данные нигде не публикуются и ни на что не влияют; если они нужны, сообщите разработчикам sveden, какой "
                  "показатель или страница должны на них стоять (vocab/indicators.yaml, needs:; vocab/tables.yaml, read_by:), иначе "
                  "уберите файл из data/");
  }
}

}  // namespace sveden
