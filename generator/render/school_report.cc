// A school's profile in the printed reports (render/school_report.h).
#include "render/school_report.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include "analyse/indicators.h"
#include "analyse/roadmap_progress.h"
#include "render/analysis_text.h"
#include "render/charts.h"
#include "render/key_series.h"
#include "render/roadmap_text.h"
#include "render/series_chart.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

ProfileParts school_profile(const SiteRenderer& site, size_t si) {
  ProfileParts parts;
  int tables = 0, figures = 0;
  auto add = [&parts](const std::string& title, TemplateValue blocks) { parts.emplace_back(title, std::move(blocks)); };
  const Municipality& m = site.municipality();
  const Analysis& a = site.analysis();
  const Classification& cl = a.classification;
  const IndicatorSet& set = a.indicators;
  const School& s = m.schools[si];
  {
    Blocks b(tables, figures);
    std::vector<std::vector<std::string>> rows = {{"Полное наименование", typographic_quotes(s.name)}};
    if (!s.kind.empty()) rows.push_back({"Тип", s.kind});
    if (!s.locality.empty()) rows.push_back({"Местность", s.locality == "город" ? "городская" : "сельская"});
    if (!s.address.empty()) rows.push_back({"Адрес", s.address});
    if (!s.director.empty()) rows.push_back({"Руководитель", s.director});
    if (const auto& so = site.overview().per_school[si]; so.students) rows.push_back({"Обучающихся", format_count(*so.students)});
    if (const School* mentor = m.find(s.mentor_id))
      rows.push_back({"Школа-наставник", typographic_quotes(mentor->short_name) +
                                             (s.mentor_since ? fmt::format(FMT_COMPILE(" (с {}{}г.)"), *s.mentor_since, std::string(kNbsp)) : "")});
    b.table("Сведения о школе", {"Сведение", "Значение"}, rows);
    add("Школа", b.take());
  }
  {
    Blocks b(tables, figures);
    std::vector<std::string> headers = {"Группа"};
    for (int y : cl.years) headers.push_back(std::to_string(y));
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : cl.groups) {
      std::vector<std::string> row = {g.group->title};
      for (size_t y = 0; y < cl.years.size(); ++y) row.push_back(listed_verdict_cell(a.lists, g, si, y, cl.years[y]));
      rows.push_back(row);
    }
    b.table("Отнесение школы к группам по годам", headers, rows);
    for (const auto& g : cl.groups) {
      if (cl.years.empty()) break;
      if (!verdicts_shown(a.lists, g.group->id, cl.years.back())) continue;
      const GroupYear& gy = g.by_school[si].back();
      if (gy.verdict != Verdict::yes && gy.verdict != Verdict::unknown) continue;
      b.heading(fmt::format(FMT_COMPILE("{}: {}"), g.group->title, verdict_name(gy.verdict)));
      b.items(verdict_reasons(gy.evidence));
    }
    add("Статус по годам и основания", b.take());
  }
  {
    Blocks b(tables, figures);
    // How many of the school's values are published and how many hidden: a small school whose values
    // are mostly hidden gets its published ones only and one sentence on why, not rows of dashes.
    int shown = 0, hidden = 0;
    for (const char* id : kKeySeries)
      for (const auto& [key, series] : set.series)
        if (key.indicator == id)
          for (const auto& v : series.values[si]) shown += v.ok(), hidden += v.state == ValueState::suppressed;
    bool mostly_hidden = hidden > shown;
    std::vector<std::vector<std::string>> rows;
    // The charts to draw, each numbered in the order met; drawn only for the list shown.
    struct Chart {
      std::string caption;
      const IndicatorSpec* spec;
      const IndicatorSeries* series;
      size_t number;
    };
    std::vector<Chart> trends, points;
    for (const char* id : kKeySeries) {
      const IndicatorSpec* spec = set.spec(id);
      if (!spec) continue;
      for (const auto& [key, series] : set.series) {
        if (key.indicator != id) continue;
        // Only the subjects with a published value: a series hidden every year says nothing.
        bool any = false;
        for (const auto& v : series.values[si]) any = any || v.ok();
        if (!any) continue;
        // One row per indicator, the school's years side by side, the comparison for the last year (a row
        // per year made 120 rows of narrow columns: «202/3», «Муниципалит/ет»).
        std::vector<std::string> row = {series_title(*spec, key.param)};
        for (size_t y = 0; y < set.years.size(); ++y) {
          const IndicatorValue& v = series.values[si][y];
          row.push_back(mostly_hidden && !v.ok()                ? std::string("—")
                        : v.state == ValueState::suppressed ? std::string("скрыто")  // explained above the table
                                                            : shown_value(*spec, v));
        }
        size_t last = set.years.size() - 1;
        const IndicatorValue& now = series.values[si][last];
        row.push_back(value_or_dash(series.baseline[last].municipal, *spec));
        row.push_back(value_or_dash(series.baseline[last].regional, *spec));
        std::string interval = interval_text(*spec, now);
        // «3,13–3,83» is not broken at its dash in a narrow column (word joiners around it).
        if (size_t dash = interval.find("–"); dash != std::string::npos) interval.replace(dash, std::string("–").size(), "\u2060–\u2060");
        // The column's heading says «с муниципальным»: «выше», «на уровне», «ниже» and the interval.
        std::string band = band_word(now.band);
        row.push_back(now.ok() && interval != "—" ? fmt::format(FMT_COMPILE("{}, интервал {}"), band, interval) : band);
        rows.push_back(std::move(row));
        // The series' trend chart, as on the school's quality page: those with two published years or
        // more; a school with none (a small one) gets those of its single published values.
        int published = 0;
        for (const auto& v : series.values[si]) published += v.ok();
        (published >= 2 ? trends : points)
            .push_back({series_title(*spec, key.param) + ": школа, муниципалитет и регион", spec, &series, trends.size() + points.size() + 1});
      }
    }
    std::string min_group = count_noun(m.site.min_group, "человека", "человек", "человек");
    if (mostly_hidden)
      b.text(fmt::format(FMT_COMPILE("Школа небольшая, и большинство её значений не публикуется: из {} показателей за {} "
                         "опубликовано {}. Значение, рассчитанное по группе меньше {}, скрывается, чтобы по нему нельзя было "
                         "узнать результаты отдельных учеников, и не входит в значение по муниципалитету; ниже — только "
                         "опубликованные значения."),
                         count_noun(shown + hidden, "значения", "значений", "значений"), years_text(set.years), shown, min_group));
    if (!rows.empty()) {
      b.text(kBandExplanation);
      if (hidden > 0 && !mostly_hidden)
        b.text(fmt::format(FMT_COMPILE("«Скрыто» — значение группы меньше {}: оно не публикуется и не входит в значение по муниципалитету, "
                           "которое считается по школам с опубликованными значениями."),
                           min_group));
      std::vector<std::string> headers = {"Показатель"};
      for (int y : set.years) headers.push_back(std::to_string(y));
      std::string last = std::to_string(set.years.back());
      // Soft hyphens let the long headings break so that the indicator's name keeps its room.
      for (const char* h : {"Муници\u00ADпалитет, ", "Регион, ", "Сравнение с муници\u00ADпальным, "}) headers.push_back(h + last);
      b.table("Результаты школы, муниципалитета и региона", headers, rows, "by-year");
    } else if (!mostly_hidden) {
      b.text("Опубликованных значений показателей у школы нет.");
    }
    for (const Chart& c : trends.empty() ? points : trends)
      b.figure(c.caption, series_chart(set, *c.spec, *c.series, si, fmt::format(FMT_COMPILE("profile-{}-trend-{}"), si + 1, c.number)));
    add("Результаты по годам", b.take());
  }
  {
    Blocks b(tables, figures);
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> no_data;  // named in a sentence, not as rows of «нет данных»
    for (const auto& r : cl.risks) {
      if (cl.years.empty()) break;
      const RiskFactorYear& ry = r.by_school[si].back();
      if (ry.level == RiskLevel::no_data) {
        no_data.push_back("«" + typographic_quotes(r.factor->title) + "»");
        continue;
      }
      bool raised = ry.level == RiskLevel::high || ry.level == RiskLevel::medium;
      std::vector<std::string> why;
      for (const auto& e : ry.evidence)
        if (raised && e.verdict == Verdict::yes) why.push_back(typographic_quotes(level_text(e)));
      rows.push_back({r.factor->title, risk_level_name(ry.level), why.empty() ? "—" : fmt::format(FMT_COMPILE("{}"), fmt::join(why, ";\n"))});
    }
    if (!rows.empty()) b.table("Факторы риска", {"Фактор риска", "Уровень", "Основание"}, rows);
    if (!no_data.empty())
      b.text(rows.empty() ? std::string("По всем факторам риска данных для оценки недостаточно.")
                          : fmt::format(FMT_COMPILE("{} {} данных для оценки недостаточно."), no_data.size() == 1 ? "По фактору" : "По факторам",
                                        and_list(no_data)));
    add("Факторы риска", b.take());
  }
  {
    Blocks b(tables, figures);
    std::vector<std::string> recs;
    if (si < a.recommendations.size())
      for (const auto& r : a.recommendations[si])
        recs.push_back(fmt::format(FMT_COMPILE("{} (кому: {}; основание: {})"), typographic_quotes(r.recommendation->text),
                                   r.recommendation->audience, fmt::join(r.reasons, "; ")));
    if (recs.empty()) b.text("Адресных рекомендаций нет.");
    b.items(recs);
    add("Адресные рекомендации", b.take());
  }
  return parts;
}

void add_profile(ProfileParts parts, int& tables, int& figures, ReportSections& sections) {
  for (auto& [title, blocks] : parts) {
    Blocks::number_on(blocks, tables, figures);
    sections.add(title, std::move(blocks));
  }
}

}  // namespace sveden
