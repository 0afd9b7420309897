#include "render/roadmap_text.h"

#include <fmt/format.h>

#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

std::string approval_text(const Roadmap& r) {
  std::string out = r.approved_document;
  if (r.approved_date.year > 0) out += (out.empty() ? "от " : " от ") + format_date(r.approved_date);
  if (!r.approved_number.empty()) out += (out.empty() ? "№" : " №") + std::string(kNbsp) + r.approved_number;
  return out;
}

std::string period_text(const Roadmap& r) {
  if (r.from == 0) return "";
  if (r.from == r.to || r.to == 0) return fmt::format("{}{}год", r.from, kNbsp);
  return fmt::format("{}–{}{}годы", r.from, r.to, kNbsp);
}

std::string coordinator_text(const Roadmap& r) {
  const Person& c = r.coordinator;
  if (c.position.empty()) return c.name;
  return c.name.empty() ? c.position : c.position + " " + c.name;
}

std::vector<LabelledText> activity_details(const Activity& a) {
  std::vector<LabelledText> out;
  if (!a.expected_result.empty()) out.push_back({"Ожидаемый результат", typographic_quotes(a.expected_result)});
  if (!a.indicator.empty()) out.push_back({"Показатель результативности", typographic_quotes(a.indicator)});
  if (!a.report_form.empty()) out.push_back({"Форма отчёта", typographic_quotes(a.report_form)});
  return out;
}

std::string responsible_text(const std::vector<std::string>& responsible) {
  return fmt::format("{}", fmt::join(responsible, ", "));
}

}  // namespace sveden
