// The municipal final report under ПП РФ № 662 («Итоги мониторинга системы образования»), printed
// like the other reports: the sections of vocab/pp662.yaml in order, the department's Markdown in
// the analytic ones, the indicator table for every site year up to the report's with each value's
// origin, and at the end what is still missing before the deadline.
#include <fmt/format.h>

#include "analyse/indicators.h"
#include "analyse/monitoring.h"
#include "load/pp662_vocabulary.h"
#include "render/markdown.h"
#include "render/monitoring_report.h"
#include "render/report_blocks.h"
#include "render/site_renderer.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

ReportRef monitoring_report_ref(int year) {
  const Pp662Vocabulary& v = builtin_pp662();
  return {ReportRef::Kind::monitoring, static_cast<size_t>(year), fmt::format("reports/monitoring-{}/", year),
          fmt::format("{} за {}{}год", v.title, year, kNbsp), fmt::format("monitoring-{}", year)};
}

std::string monitoring_gaps_text(const MonitoringGaps& gaps) {
  std::vector<std::string> parts;
  if (size_t n = gaps.value_count())
    parts.push_back(count_noun(static_cast<long long>(n), "значения", "значений", "значений") + " показателей");
  if (size_t n = gaps.texts.size())
    parts.push_back(count_noun(static_cast<long long>(n), "раздела", "разделов", "разделов") + " текста");
  return and_list(parts);
}

const Pp662Section& monitoring_missing_section(const Pp662Vocabulary& vocab) {
  for (const auto& s : vocab.sections)
    if (s.missing) return s;
  return vocab.sections.back();
}

namespace {

// «по данным» or «введено»: where every value of an indicator comes from, said once per row.
const char* origin_text(const Pp662Indicator& i) { return i.entered() ? "введено управлением" : "по данным школ"; }

// A value as the site prints it, without the unit the table's column gives: «12,5» for «12,5 %».
std::string cell_text(const Pp662Indicator& i, const MonitoringValue& v) {
  return v.value ? format_figure(*v.value, v.decimals, i.unit) : v.applicable ? "нет данных" : "—";
}

// Where the department adds what a value needs.
std::string remedy(const Pp662Indicator& i, const IndicatorSet& set) {
  if (i.entered()) return "ввести значение (по коду показателя, docs/REPORTS.md)";
  if (!i.indicator.empty()) {
    const IndicatorSpec* spec = set.spec(i.indicator);
    return "добавить данные: " + (spec ? spec->data : i.indicator);
  }
  if (i.figure == "students_per_teacher") return "добавить данные: contingent.csv (students), staff.csv (teachers)";
  if (i.figure == "schools_growth") return "нужны данные contingent.csv за этот и предыдущий год";
  return "добавить данные: contingent.csv (students)";
}

}  // namespace

std::string monitoring_report(const SiteRenderer& site, int year, int& tables, int& figures, ReportSections& sections) {
  const Municipality& m = site.municipality();
  const Pp662Vocabulary& v = builtin_pp662();
  const MonitoringTable& t = *site.analysis().monitoring;
  const IndicatorSet& set = site.analysis().indicators;
  std::vector<size_t> shown;  // year indexes up to the report's
  std::vector<int> years;
  for (size_t y = 0; y < t.years.size(); ++y)
    if (t.years[y] <= year) {
      shown.push_back(y);
      years.push_back(t.years[y]);
    }
  MonitoringGaps gaps = monitoring_gaps(t, m.monitoring, v, year);
  Date deadline{year + 1, v.deadline_month, v.deadline_day};
  auto texts = m.monitoring.texts.find(year);
  for (const auto& s : v.sections) {
    Blocks b(tables, figures);
    if (s.text) {
      if (s.id == v.sections.front().id)
        b.text(fmt::format("{}: {}, {}{}год. Основание: статья 97 Федерального закона от 29.12.2012 № 273-ФЗ «Об образовании "
                           "в Российской Федерации»; {}. Подготовлен {}. Значения показателей, рассчитанные по данным школ, "
                           "совпадают со значениями на страницах «Мониторинг» сайта; остальные введены {}.",
                           v.full_title, m.site.municipality, year, kNbsp, v.source, m.site.department.words.full_instrumental,
                           m.site.department.words.full_instrumental));
      const std::string* text = nullptr;
      if (texts != m.monitoring.texts.end())
        if (auto it = texts->second.find(s.id); it != texts->second.end()) text = &it->second;
      if (text) b.html(markdown_to_html(*text, m.site.trusted_html, {"content/", kReportRoot}));
      else b.text("Текст раздела ещё не написан.");
    }
    if (s.table) {
      // A table per group of the order's section: its heading never ends a page apart from its rows.
      std::vector<std::string> headers = {"№", "Показатель", "Единица"};
      for (int y : years) headers.push_back(std::to_string(y));
      headers.push_back("Откуда значение");
      bool dash = false;
      for (const auto& row : t.values)
        for (size_t y : shown) dash = dash || !row[y].applicable;
      b.text(fmt::format("«По данным школ» — значение рассчитано по таблицам мониторинга школ так же, как на страницах "
                         "«Мониторинг» сайта (значения групп меньше {} в него не входят); «введено управлением» — значение "
                         "внесено {}. «Нет данных» — значения пока нет{}.",
                         count_noun(m.site.min_group, "человека", "человек", "человек"), m.site.department.words.full_instrumental,
                         dash ? "; «—» — значение не рассчитывается: в данных сайта нет предыдущего года" : ""));
      for (const auto& g : v.groups) {
        std::vector<std::vector<std::string>> rows;
        for (size_t i = 0; i < v.indicators.size(); ++i) {
          const Pp662Indicator& ind = v.indicators[i];
          if (ind.group != g.number) continue;
          std::vector<std::string> row = {ind.number, ind.title, ind.unit};
          for (size_t y : shown) row.push_back(cell_text(ind, t.values[i][y]));
          row.push_back(origin_text(ind));
          rows.push_back(std::move(row));
        }
        if (!rows.empty()) b.table(fmt::format("Показатели мониторинга: {}. {}", g.number, g.title), headers, rows, "numbered");
      }
    }
    if (s.missing) {
      if (gaps.empty()) continue;  // nothing to do: the report is ready, and prints no such section
      b.text(fmt::format("Отчёт за {}{}год публикуется на сайте не позднее {}; для публикации в нём пока нет {}. Они "
                         "перечислены ниже, в таблицах показателей на их месте — «нет данных». Значения, которые вводит {}, "
                         "и тексты разделов вносятся в файл content/monitoring.yaml (как — в docs/REPORTS.md, раздел «Итоги "
                         "мониторинга»).",
                         year, kNbsp, format_date(deadline), monitoring_gaps_text(gaps), m.site.department.words.nominative));
      std::vector<std::vector<std::string>> rows;
      for (const auto& g : gaps.values) {
        const Pp662Indicator& ind = v.indicators[g.indicator];
        rows.push_back({ind.number, ind.title, years_text(g.years), remedy(ind, set)});
      }
      for (size_t s2 : gaps.texts)
        rows.push_back({"", "Раздел «" + v.sections[s2].title + "»", fmt::format("{}{}г.", year, kNbsp),
                        fmt::format("написать текст: texts → {} → {}", year, v.sections[s2].id)});
      b.table("Чего не хватает", {"№", "Показатель или раздел", "Годы", "Что сделать"}, rows, "numbered");
    }
    sections.add(s.title, b.take());
  }
  return m.site.municipality;
}

}  // namespace sveden
