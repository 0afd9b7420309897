// The page, report and CSV of the monitoring of schools' websites, all from one MonitoringComparison.
#include "render/site_monitoring_page.h"

#include <fmt/format.h>

#include "model/date.h"
#include "model/links.h"
#include "render/html.h"
#include "render/opendata.h"
#include "render/page_types.h"
#include "render/report_blocks.h"
#include "render/template_data.h"
#include "russian/typography.h"

namespace sveden {
namespace {

using data = TemplateValue;

std::string date_text(const std::string& iso) {
  auto d = parse_iso_date(iso);
  return d ? format_date(*d) : iso;
}

std::string quarter_text(int year, int quarter) {
  static const char* const kRoman[] = {"I", "II", "III", "IV"};
  return fmt::format("{}{}квартал {}{}г.", kRoman[(quarter - 1) & 3], kNbsp, year, kNbsp);
}

const char* state_text(TrackedFinding::State s) {
  switch (s) {
    case TrackedFinding::State::open: return "Не исправлено";
    case TrackedFinding::State::added: return "Новое";
    case TrackedFinding::State::fixed: return "Исправлено";
  }
  return "";
}

std::string state_with_date(const TrackedFinding& t) {
  if (t.state == TrackedFinding::State::added) return state_text(t.state);
  return fmt::format("{} (выявлено {})", state_text(t.state), date_text(t.first_seen));
}

std::string where(const MonitorFinding& f) {
  return f.pos.line ? fmt::format("{}:{}:{}", f.url, f.pos.line, f.pos.column) : f.url;
}

const MonitorGroup* group_of(const Municipality& m, const std::string& key) {
  for (const auto& g : m.site_monitoring.groups)
    if (g.key == key) return &g;
  return nullptr;
}

std::string changes_text(const MonitoringComparison& c) {
  std::string counts = fmt::format("ошибок — {}, предупреждений — {}", format_count(c.errors), format_count(c.warnings));
  if (c.previous.empty()) return fmt::format("Первый круг мониторинга: {}. Сравнение появится после следующего круга.", counts);
  return fmt::format("По сравнению с кругом {}: исправлено — {}, новых — {}, остаются — {}. Сейчас {}.", date_text(c.previous),
                     format_count(c.fixed), format_count(c.added), format_count(c.open), counts);
}

std::string lead_text(const Municipality& m, const MonitoringComparison& c) {
  return fmt::format("Официальные сайты подведомственных организаций проверены {} по требованиям приказа Рособрнадзора "
                     "№ 1493 и ПП РФ № 1802 так, как их читает робот Рособрнадзора: главная страница, раздел «Сведения об "
                     "образовательной организации», его подразделы и документы. Круг {}: {}, из них {} без ошибок{}.",
                     m.site.department.words.full_instrumental, date_text(c.date),
                     count_noun(static_cast<long long>(c.sites.size()), "сайт", "сайта", "сайтов"),
                     format_count(c.sites_without_errors),
                     c.unreachable ? fmt::format(", {} не {}", format_count(c.unreachable),
                                                 c.unreachable % 10 == 1 && c.unreachable % 100 != 11 ? "открывается" : "открываются")
                                   : std::string());
}

std::string site_summary(const SiteComparison& s) {
  if (!s.reachable && s.errors <= 1) return "Сайт не открылся: проверка не проведена.";
  std::string out = fmt::format("Проверено: {}, {}{}. Ошибок — {}, предупреждений — {}.",
                                count_noun(s.pages, "страница", "страницы", "страниц"),
                                count_noun(s.documents, "документ", "документа", "документов"),
                                s.documents ? fmt::format(" (с электронной подписью в самом файле — {})", format_count(s.signed_documents)) : "",
                                format_count(s.errors), format_count(s.warnings));
  if (!s.previous.empty())
    out += fmt::format(" С круга {}: исправлено — {}, новых — {}, остаются — {}.", date_text(s.previous), format_count(s.fixed),
                       format_count(s.added), format_count(s.open));
  return out;
}

}  // namespace

std::string site_monitoring_path(const Municipality& m) { return m.site.site_monitoring_public ? "monitoring/sites/" : "audit/sites/"; }

ReportRef site_monitoring_report_ref(const Municipality& m, const MonitoringComparison& c) {
  return {ReportRef::Kind::site_monitoring, 0,
          m.site.site_monitoring_public ? "reports/site-monitoring/" : "audit/site-monitoring-report/",
          fmt::format("Мониторинг официальных сайтов образовательных организаций: итоги круга {}", date_text(c.date)),
          "site-monitoring"};
}

std::string site_monitoring_csv(const Municipality& m, const MonitoringComparison& c) {
  std::string out(kCsvBom);
  out += "Дата круга;Код ОО;Организация;Сайт;Группа требований;Важность;Состояние;Впервые выявлено;Адрес;Строка;Столбец;"
         "Замечание;Основание\r\n";
  for (const auto& s : c.sites)
    for (const auto& t : s.findings) {
      const MonitorGroup* g = group_of(m, t.finding.group);
      for (const std::string& cell :
           {c.date, s.code, s.name, s.website, g ? g->long_title : t.finding.group,
            std::string(t.finding.severity == Severity::error ? "ошибка" : "предупреждение"), std::string(state_text(t.state)),
            t.first_seen, t.finding.url, t.finding.pos.line ? std::to_string(t.finding.pos.line) : std::string(),
            t.finding.pos.line ? std::to_string(t.finding.pos.column) : std::string(), t.finding.message}) {
        append_csv_field(out, cell);
        out += ';';
      }
      append_csv_field(out, t.finding.source);
      out += "\r\n";
    }
  return out;
}

namespace {

// The page: the round's summary, each organisation's findings and the quarters' trend (templates/site_monitoring.mustache).
std::string site_monitoring_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const MonitoringComparison& c = *site.analysis().site_monitoring;
  std::string root = root_prefix(page.path);
  data d;
  d.set("lead", lead_text(m, c));
  d.set("changes", changes_text(c));
  d.set("date", date_text(c.date));
  d.set("has_report", true);
  ReportRef report = site_monitoring_report_ref(m, c);
  d.set("report_href", site.href(root, report.path));
  d.set("has_csv", m.site.site_monitoring_public);
  d.set("csv_href", root + kSiteMonitoringCsv);
  data groups = tlist();
  std::string legend;
  for (const auto& g : m.site_monitoring.groups) {
    data x;
    x.set("title", g.title);
    x.set("long_title", g.long_title);
    groups.push_back(x);
    if (g.title != g.long_title) legend += (legend.empty() ? "" : "; ") + g.title + " — " + g.long_title;
  }
  d.set("groups", groups);
  d.set("legend", legend);
  data rows = tlist(), sites = tlist();
  for (const auto& s : c.sites) {
    data row, cells = tlist();
    row.set("code", s.code);
    row.set("name", s.name);
    for (const auto& g : m.site_monitoring.groups) {
      auto e = s.errors_by_group.find(g.key);
      auto w = s.warnings_by_group.find(g.key);
      int errors = e == s.errors_by_group.end() ? 0 : e->second, warnings = w == s.warnings_by_group.end() ? 0 : w->second;
      data cell;
      cell.set("bad", errors > 0);
      cell.set("text", errors == 0 && warnings == 0 ? std::string("✓")
                       : warnings == 0            ? std::to_string(errors)
                                                  : fmt::format("{} ({})", errors, warnings));
      cells.push_back(cell);
    }
    row.set("cells", cells);
    row.set("changes", s.previous.empty() ? std::string("—") : fmt::format("{} / {} / {}", s.fixed, s.added, s.open));
    rows.push_back(row);
    data site;
    site.set("code", s.code);
    site.set("name", s.name);
    site.set("has_website", is_web_address(s.website));
    site.set("website", s.website);
    site.set("summary", site_summary(s));
    data findings = tlist();
    for (const auto& t : s.findings) {
      data f;
      const MonitorGroup* g = group_of(m, t.finding.group);
      f.set("state", state_with_date(t));
      f.set("fixed", t.state == TrackedFinding::State::fixed);
      f.set("severity", t.finding.severity == Severity::error ? "ошибка" : "предупреждение");
      f.set("group", g ? g->long_title : t.finding.group);
      f.set("message", t.finding.message);
      f.set("has_url", !t.finding.url.empty());
      f.set("where", where(t.finding));
      f.set("source", t.finding.source);
      findings.push_back(f);
    }
    site.set("has_findings", !s.findings.empty());
    site.set("findings", findings);
    sites.push_back(site);
  }
  d.set("rows", rows);
  d.set("sites", sites);
  data trend = tlist();
  for (const auto& q : c.trend) {
    data x;
    x.set("quarter", quarter_text(q.year, q.quarter));
    x.set("date", date_text(q.date));
    x.set("sites", format_count(q.sites));
    x.set("clean", format_count(q.sites_without_errors));
    x.set("errors", format_count(q.errors));
    x.set("warnings", format_count(q.warnings));
    trend.push_back(x);
  }
  d.set("has_trend", !c.trend.empty());
  d.set("trend", trend);
  const char* title = "Мониторинг официальных сайтов образовательных организаций";
  data crumbs = m.site.site_monitoring_public ? w.trail(root, {{"Мониторинг", site.href(root, "monitoring/")}, {"Сайты организаций", ""}})
                                              : w.trail(root, {{"Проверка опубликованного", site.href(root, "audit/")}, {"Сайты организаций", ""}});
  return w.layout(page, title, w.use("site_monitoring", d), crumbs);
}

}  // namespace

std::string site_monitoring_report(const SiteRenderer& site, int& tables, int& figures, ReportSections& sections) {
  const Municipality& m = site.municipality();
  const MonitoringComparison& c = *site.analysis().site_monitoring;
  {
    Blocks b(tables, figures);
    b.text(lead_text(m, c));
    b.text(changes_text(c));
    b.text("Замечание «ошибка» — требование не выполнено; «предупреждение» — сведения есть, но робот или посетитель "
           "могут их не найти. Полный перечень замечаний с адресами страниц — на странице мониторинга сайтов портала и в "
           "открытых данных.");
    sections.add("Итоги круга", b.take());
  }
  {
    Blocks b(tables, figures);
    std::vector<std::string> headers = {"Организация", "Ошибок", "Предупреждений", "Исправлено", "Новых", "Остаются"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : c.sites)
      rows.push_back({s.name, std::to_string(s.errors), std::to_string(s.warnings), s.previous.empty() ? "—" : std::to_string(s.fixed),
                      s.previous.empty() ? "—" : std::to_string(s.added), s.previous.empty() ? "—" : std::to_string(s.open)});
    b.table("Замечания по организациям", headers, rows);
    sections.add("Организации", b.take());
  }
  {
    Blocks b(tables, figures);
    std::vector<std::string> headers = {"Группа требований", "Основание", "Организаций с ошибками", "Ошибок", "Предупреждений"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : m.site_monitoring.groups) {
      int sites = 0, errors = 0, warnings = 0;
      for (const auto& s : c.sites) {
        auto e = s.errors_by_group.find(g.key);
        auto w = s.warnings_by_group.find(g.key);
        if (e != s.errors_by_group.end()) ++sites, errors += e->second;
        if (w != s.warnings_by_group.end()) warnings += w->second;
      }
      rows.push_back({g.long_title, g.source, std::to_string(sites), std::to_string(errors), std::to_string(warnings)});
    }
    b.table("Замечания по группам требований", headers, rows);
    sections.add("Группы требований", b.take());
  }
  if (!c.trend.empty()) {
    Blocks b(tables, figures);
    std::vector<std::vector<std::string>> rows;
    for (const auto& q : c.trend)
      rows.push_back({quarter_text(q.year, q.quarter), date_text(q.date), std::to_string(q.sites), std::to_string(q.sites_without_errors),
                      std::to_string(q.errors), std::to_string(q.warnings)});
    b.table("Динамика по кварталам (последний круг квартала)", {"Квартал", "Круг", "Сайтов", "Без ошибок", "Ошибок", "Предупреждений"}, rows);
    sections.add("Динамика", b.take());
  }
  return fmt::format("{}: круг {}", m.site.municipality, date_text(c.date));
}

// Listed when the site folder has rounds of `sveden monitor` (analyse/site_monitoring).
const PageType kSiteMonitoringPage = {
    "site_monitoring", PageType::Scope::portal, {"site_monitoring"},
    [](const SiteRenderer& site, size_t, std::vector<PageRef>& out) {
      const MonitoringComparison* sites = site.analysis().site_monitoring;
      if (sites && !sites->empty()) out.push_back({nullptr, 0, 0, site_monitoring_path(site.municipality())});
    },
    site_monitoring_page};

}  // namespace sveden
