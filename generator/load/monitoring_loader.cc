#include "load/monitoring_loader.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "load/number_parse.h"
#include "load/pp662_vocabulary.h"
#include "load/markdown_images.h"
#include "load/yaml_reader.h"
#include "russian/typography.h"

namespace sveden {
namespace {

// «3,2 %» → {"3,2", "%"}; «52,1 тыс. руб.» → {"52,1", "тыс. руб."}: the number is the leading digits,
// separators and spaces, the unit whatever follows.
std::pair<std::string_view, std::string_view> split_unit(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if ((c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-' || c == ' ') ++i;
    else if (s.compare(i, 2, "\xC2\xA0") == 0) i += 2;          // no-break space between thousands
    else if (s.compare(i, 3, "\xE2\x88\x92") == 0 && i == 0) i += 3;  // «−»
    else break;
  }
  return {trim(s.substr(0, i)), trim(s.substr(i))};
}

// A year key of site.yaml's years, or an error at the key.
std::optional<int> site_year(YamlMapReader& r, const YamlNode& key, const std::vector<int>& years) {
  char* end = nullptr;
  long y = std::strtol(key.value.c_str(), &end, 10);
  bool number = !key.value.empty() && end && *end == '\0';
  if (number && std::find(years.begin(), years.end(), static_cast<int>(y)) != years.end()) return static_cast<int>(y);
  std::vector<std::string> shown;
  for (int x : years) shown.push_back(std::to_string(x));
  r.error_at(key, number ? fmt::format("{} год не входит в годы сайта", key.value) : fmt::format("«{}» — не год", key.value),
             fmt::format("годы сайта — {} (site.yaml, years): добавьте этот год в years или уберите его здесь",
                         fmt::join(shown, ", ")));
  return std::nullopt;
}

}  // namespace

void load_monitoring(const Disk& disk, const std::string& prefix, Municipality& m, Diagnostics& diag) {
  read_yaml_file(disk, prefix, "content/monitoring.yaml", diag, [&](const SourceText& src, const YamlNode& root) {
    if (root.is_null()) return;
    const Pp662Vocabulary& vocab = builtin_pp662();
    MonitoringEntries& out = m.monitoring;
    out.present = true;
    YamlMapReader r(root, src, diag, "корень файла", true);
    if (!r.valid()) return;
    std::vector<std::string> entered_ids, text_ids;
    for (const auto& i : vocab.indicators)
      if (i.entered()) entered_ids.push_back(i.id);
    for (const auto& s : vocab.sections)
      if (s.text) text_ids.push_back(s.id);

    if (const YamlNode* values = r.free_map("values")) {
      for (const auto& [key, by_year] : values->entries) {
        const Pp662Indicator* ind = vocab.find(key.value);
        if (!ind) {
          std::string near = closest_word(key.value, entered_ids);
          r.error_at(key, fmt::format("неизвестный показатель «{}»", key.value),
                     (near.empty() ? std::string() : fmt::format("возможно, имелось в виду «{}»; ", near)) +
                         "коды показателей перечислены в docs/REPORTS.md, раздел «Итоги мониторинга»");
          continue;
        }
        if (!ind->entered()) {
          r.error_at(key, fmt::format("показатель «{}» считается по данным сайта, его значение не вводится", key.value),
                     "уберите его из values: значение берётся из таблиц data/ так же, как на страницах «Мониторинг»");
          continue;
        }
        if (!by_year.is_map()) {
          r.error_at(by_year.is_null() ? key : by_year, fmt::format("{}: ожидались значения по годам, например «2025: 12,5»", key.value),
                     "каждый год — с новой строки с отступом: «  2025: 12,5»");
          continue;
        }
        for (const auto& [year_key, cell] : by_year.entries) {
          auto year = site_year(r, year_key, m.site.years);
          if (!year) continue;
          if (!cell.is_scalar() || is_missing_value(cell.value)) {
            if (cell.is_null() || is_missing_value(cell.value)) continue;  // «нет данных» is said by leaving it out
            r.error_at(cell, fmt::format("{}, {}: ожидалось число", key.value, year_key.value), "например «12,5»");
            continue;
          }
          auto [number, unit] = split_unit(cell.value);
          ParsedNumber n = parse_number(number);
          if (n.status != NumberStatus::ok) {
            r.error_at(cell, fmt::format("«{}» — не число", cell.value),
                       fmt::format("запишите значение числом с десятичной запятой, например «12,5{}»",
                                   ind->unit.empty() ? "" : std::string(kNbsp) + ind->unit));
            continue;
          }
          if (!unit.empty() && unit != ind->unit) {
            r.error_at(cell, fmt::format("единица «{}» не та: показатель «{}» измеряется в «{}»", unit, key.value, ind->unit),
                       fmt::format("пересчитайте значение в «{}» или запишите одно число без единицы", ind->unit));
            continue;
          }
          out.values[key.value][*year] = n.value;
        }
      }
    }
    if (const YamlNode* texts = r.free_map("texts")) {
      for (const auto& [year_key, sections] : texts->entries) {
        auto year = site_year(r, year_key, m.site.years);
        if (!year) continue;
        if (!sections.is_map()) {
          r.error_at(sections.is_null() ? year_key : sections, fmt::format("texts, {}: ожидались разделы отчёта", year_key.value),
                     fmt::format("разделы: {}", fmt::join(text_ids, ", ")));
          continue;
        }
        for (const auto& [section, text] : sections.entries) {
          if (std::find(text_ids.begin(), text_ids.end(), section.value) == text_ids.end()) {
            std::string near = closest_word(section.value, text_ids);
            r.error_at(section, fmt::format("неизвестный раздел «{}»", section.value),
                       (near.empty() ? std::string() : fmt::format("возможно, имелось в виду «{}»; ", near)) +
                           fmt::format("разделы, которые пишет управление: {}", fmt::join(text_ids, ", ")));
            continue;
          }
          if (!text.is_scalar()) {
            r.error_at(text, fmt::format("texts, {}, {}: ожидался текст", year_key.value, section.value),
                       "запишите текст после «|» с новой строки с отступом");
            continue;
          }
          load_markdown_images(disk, text.value, yaml_origin(src, text.pos), m, diag);
          out.texts[*year][section.value] = text.value;
        }
      }
    }
    r.finish();
  });
}

}  // namespace sveden
