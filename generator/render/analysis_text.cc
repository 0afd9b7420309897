#include "render/analysis_text.h"

#include <fmt/format.h>

#include "analyse/indicators.h"
#include "russian/names.h"

namespace sveden {

std::string shown_value(const IndicatorSpec& spec, const IndicatorValue& v) {
  if (v.ok()) return format_indicator(spec, v.value);
  if (v.state == ValueState::suppressed) return "скрыто (меньше порога)";
  if (v.state == ValueState::not_applicable) return "не применяется";
  return "—";
}

std::string verdict_cell(const GroupYear& g) {
  std::string text = verdict_name(g.verdict);
  if (g.movement != Movement::none && g.movement != Movement::out) text += fmt::format(" ({})", movement_name(g.movement));
  return text;
}

std::vector<std::string> verdict_reasons(const Evidence& e) {
  std::vector<std::string> out;
  auto add = [&](const Evidence& x) {
    if (x.verdict == e.verdict && !x.text.empty()) out.push_back(typographic_quotes(x.text));
  };
  if (e.children.empty()) add(e);
  for (const auto& c : e.children) {
    if (c.children.empty()) add(c);
    for (const auto& cc : c.children) add(cc);
  }
  return out;
}

std::string combine_text(const Rule& r) {
  switch (r.combine) {
    case Combine::any: return "школа относится к группе, если выполняется хотя бы одно из условий";
    case Combine::all: return "школа относится к группе, если выполняются все условия";
    case Combine::at_least:
      return fmt::format("школа относится к группе, если выполняются не менее {} из {} условий", r.at_least, r.children.size());
    case Combine::leaf: return "школа относится к группе, если выполняется условие: " + typographic_quotes(r.title);
  }
  return {};
}

}  // namespace sveden
