#include "render/analysis_text.h"

#include <algorithm>

#include <fmt/format.h>

#include "analyse/indicators.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

std::string shown_value(const IndicatorSpec& spec, const IndicatorValue& v) {
  if (v.ok()) return format_indicator(spec, v.value);
  if (v.state == ValueState::suppressed) return "скрыто (меньше порога)";
  if (v.state == ValueState::not_applicable) return "не применяется";
  return "—";
}

std::string interval_text(const IndicatorSpec& spec, const IndicatorValue& v) {
  if (!v.ok() || !v.lower || !v.upper) return "—";
  // A range of non-negative figures: the unit once, after the upper bound.
  return fmt::format("{}–{}", format_figure(*v.lower, spec.decimals, spec.unit), format_indicator(spec, *v.upper));
}

std::string band_word(Band b) {
  switch (b) {
    case Band::above: return "выше";
    case Band::below: return "ниже";
    case Band::level: return "на уровне";
    case Band::none: break;
  }
  return "—";
}

std::string band_text(Band b) { return b == Band::none ? band_word(b) : band_word(b) + " муниципального значения"; }

const char* const kBandExplanation =
    "Значение школы зависит от того, кто именно в этом году сдавал экзамен или окончил 9 класс, поэтому рядом с ним — "
    "95-процентный доверительный интервал: диапазон, в котором значение могло бы оказаться при другом составе "
    "участников того же уровня подготовки. «Выше» или «ниже муниципального значения» сказано, только если муниципальное значение лежит вне "
    "интервала; иначе разница может быть случайной, и значение названо «на уровне муниципального значения». Для "
    "среднего балла ЕГЭ и сводного индекса интервал не рассчитывается: в данных нет разброса баллов участников.";

std::string verdict_cell(const GroupYear& g) {
  std::string text = verdict_name(g.verdict);
  if (g.movement != Movement::none && g.movement != Movement::out) text += fmt::format(" ({})", movement_name(g.movement));
  return text;
}

std::string listed_verdict_cell(const std::vector<PublishedList>& lists, const GroupResult& g, size_t school, size_t year_index,
                                int year) {
  return verdicts_shown(lists, g.group->id, year) ? verdict_cell(g.by_school[school][year_index])
                                                  : withheld_words(lists, g.group->id, year);
}

std::vector<std::string> verdict_reasons(const Evidence& e) {
  std::vector<std::string> out;
  auto add = [&](const Evidence& x) {
    if (x.verdict != e.verdict) return;
    if (std::string text = x.text(); !text.empty()) out.push_back(typographic_quotes(text));
  };
  if (e.children.empty()) add(e);
  for (const auto& c : e.children) {
    if (c.children.empty()) add(c);
    for (const auto& cc : c.children) add(cc);
  }
  return out;
}

std::string level_text(const Evidence& e) {
  if (e.children.empty()) return e.text();
  std::vector<std::string> parts;
  for (const auto& c : e.children) parts.push_back(level_text(c));
  return fmt::format("{}", fmt::join(parts, "; "));
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

std::string exclusion_text(const Group& g, const Criteria& c) {
  std::vector<std::string> names;
  for (const auto& id : g.exclude) {
    const Group* other = c.group(id);
    names.push_back(typographic_quotes("«" + (other ? other->short_title : id) + "»"));
  }
  if (names.empty()) return {};
  return fmt::format("{} {} в неё не включаются", names.size() == 1 ? "школы группы" : "школы групп", fmt::join(names, ", "));
}

bool uses_indicator(const Rule& r, std::string_view indicator) {
  if (r.indicator == indicator) return true;
  return std::any_of(r.children.begin(), r.children.end(), [&](const Rule& c) { return uses_indicator(c, indicator); });
}

std::string results_index_text(const ResultsIndexConfig& config) {
  std::vector<std::string> in, out, shares;
  double total = 0;
  for (const auto& [family, weight] : config.weights) total += weight > 0 ? weight : 0;
  bool equal = true;
  double first = 0;
  for (const auto& [family, weight] : config.weights)
    if (weight > 0) {
      in.push_back(family);
      shares.push_back(weight_fraction(weight, total));
      if (first == 0) first = weight;
      equal = equal && weight == first;
    }
  for (const char* family : {"ЕГЭ", "ОГЭ", "ВПР"})
    if (std::find(in.begin(), in.end(), family) == in.end()) out.push_back(family);
  if (in.empty()) return {};
  std::string text;
  if (in.size() == 1) text += fmt::format("в индекс входят только результаты {}.", in[0]);
  else if (equal) text += fmt::format("{} входят в индекс с равным весом, по {}.", and_list(in), shares[0]);
  else text += fmt::format("{} входят в индекс с весами {} соответственно.", and_list(in), and_list(shares));
  if (!out.empty()) text += fmt::format(" Результаты {} в индекс не входят.", and_list(out));
  if (in.size() == 3 && equal)
    text += " Так индекс следует приказу — «по результатам ЕГЭ, ОГЭ и ВПР» — и не превращается в рейтинг по ВПР: если бы "
            "вес зависел от числа участников, ВПР, которые пишут почти все классы школы, давали бы около трёх четвертей "
            "индекса, а ЕГЭ — несколько процентов, хотя ВПР официально не предназначены для сравнения школ.";
  if (in.size() > 1)
    text += fmt::format(" Внутри {} предметы и параллели учитываются по числу участников. Если у школы нет опубликованных "
                        "результатов одного из видов (в ООШ нет ЕГЭ, в НОШ — ЕГЭ и ОГЭ), индекс считается по остальным с тем же "
                        "соотношением весов; это сказано в основаниях решения по школе.",
                        in.size() == 3 ? "ЕГЭ, ОГЭ и ВПР" : and_list(in));
  return text;
}

}  // namespace sveden
