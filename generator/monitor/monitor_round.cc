// The round: organisations in the data's order, one after another (one connection to one host at a time).
#include "monitor/monitor_round.h"

#include <fmt/format.h>
#include <unicode/translit.h>

#include <filesystem>
#include <fstream>

#include "analyse/site_monitoring.h"
#include "base/disk.h"
#include "load/openness_vocabulary.h"
#include "load/site_monitoring_loader.h"
#include "model/links.h"
#include "monitor/snapshot_audit.h"

namespace sveden {
namespace fs = std::filesystem;
namespace {

struct MonitorTarget {
  std::string code, name, website;
};

std::vector<MonitorTarget> targets(const Municipality& m) {
  std::vector<MonitorTarget> out;
  for (const School& s : m.schools)
    if (s.own_site) out.push_back({s.id, s.short_name.empty() ? s.name : s.short_name, s.website});
  for (size_t k = 0; k < m.organisations.size(); ++k) {
    const Organisation& o = m.organisations[k];
    out.push_back({fmt::format("org-{}", k + 1), o.short_name.empty() ? o.name : o.short_name, o.website});
  }
  return out;
}

}  // namespace

std::string monitor_user_agent(const Municipality& m) {
  // HTTP headers are ASCII: the department's name in Latin letters (ICU's BGN transliteration) and its site.
  std::string who = m.site.department.name.empty() ? m.site.municipality : m.site.department.name;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> latin(icu::Transliterator::createInstance("Russian-Latin/BGN; Latin-ASCII", UTRANS_FORWARD, status));
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(who);
  if (U_SUCCESS(status) && latin) latin->transliterate(text);
  std::string ascii;
  text.toUTF8String(ascii);
  std::string clean;
  for (char c : ascii)
    if (c >= ' ' && c < 127 && c != '(' && c != ')') clean += c;
  return fmt::format("sveden/{} (official school website monitoring; {}{}{})", SVEDEN_VERSION, clean,
                     m.site.base_url.empty() ? "" : "; +", m.site.base_url);
}

void check_websites(const Municipality& m, const std::string& display_prefix, Diagnostics& diag) {
  auto check = [&](const std::string& table, int line, const std::string& who, const std::string& website) {
    std::string where = fmt::format("{}{}:{}", display_prefix.empty() ? "" : display_prefix + "/", m.table_path(table), line);
    if (website.empty())
      diag.add_file(Severity::warning, where, fmt::format("у {} не указан сайт: он не проверяется", who),
                    "впишите адрес сайта в столбец «Сайт», например https://school5.ru");
    else if (!is_web_address(website))
      diag.add_file(Severity::warning, where,
                    fmt::format("сайт {} «{}» — не адрес http:// или https://: он не проверяется", who, website),
                    "запишите адрес целиком, например https://school5.ru");
  };
  for (const School& s : m.schools)
    if (s.own_site) check("schools", s.line, fmt::format("школы {} (Код ОО {})", s.short_name, s.id), s.website);
  for (const Organisation& o : m.organisations) check("organisations", o.line, "организации " + (o.short_name.empty() ? o.name : o.short_name), o.website);
}

MonitorSummary run_monitor(const Municipality& m, HttpClient& client, const MonitorOptions& o,
                           const std::function<void(const std::string&)>& log) {
  MonitorSummary summary;
  const OpennessVocabulary& v = builtin_openness();
  std::string round = (fs::path(o.site_dir) / "monitoring" / o.date.iso()).string();
  for (const MonitorTarget& t : targets(m)) {
    if (!o.only.empty() && t.code != o.only) continue;
    if (!is_web_address(t.website)) continue;  // check_websites said why
    std::string folder = (fs::path(round) / t.code).string();
    MonitoredSite site;
    site.code = t.code;
    site.name = t.name;
    site.website = t.website;
    if (fs::exists(fs::path(folder) / "done")) {
      log(fmt::format("{} ({}): уже проверен в этом круге", t.name, t.website));
    } else {
      log(fmt::format("{} ({}):", t.name, t.website));
      CrawlResult crawl = crawl_site(client, t.website, folder, v, o.crawl, log);
      audit_snapshot(crawl, folder, v, &site);
      site.name = t.name;  // the data's name, not the page's
      write_monitored_site(site, folder);
      std::ofstream(fs::path(folder) / "done") << "";
    }
  }
  // The round against the previous ones, as the build will publish it.
  Diagnostics diag;
  RealDisk disk(o.site_dir);
  SiteMonitoring all = load_site_monitoring(disk, diag);
  while (!all.rounds.empty() && all.rounds.back().date > o.date.iso()) all.rounds.pop_back();
  MonitoringComparison c = compare_rounds(all);
  summary.previous = c.previous;
  for (const auto& s : c.sites) {
    ++summary.sites;
    summary.unreachable += !s.reachable;
  }
  summary.errors = c.errors;
  summary.warnings = c.warnings;
  summary.fixed = c.fixed;
  summary.added = c.added;
  summary.open = c.open;
  return summary;
}

}  // namespace sveden
