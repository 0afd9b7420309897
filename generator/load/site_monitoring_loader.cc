// monitoring/<date>/<code>/{summary,findings}.csv → SiteMonitoring; the groups from the vocabularies.
#include "load/site_monitoring_loader.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "load/csv_reader.h"
#include "load/embedded_files.h"
#include "load/openness_vocabulary.h"
#include "load/yaml_reader.h"
#include "load/yaml_tree.h"
#include "model/date.h"

namespace sveden {
namespace {

std::vector<MonitorGroup> read_groups(Diagnostics& diag) {
  std::vector<MonitorGroup> out;
  SourceText src("vocab/site_monitoring.yaml", std::string(vocab_file("site_monitoring.yaml").value_or("")));
  YamlNode root;
  if (!parse_yaml(src, &root, diag)) return out;
  YamlMapReader r(root, src, diag, "vocab/site_monitoring.yaml", true);
  auto groups = [&](const char* key) {
    if (const YamlNode* list = r.node(key, true))
      for (const YamlNode& item : list->items) {
        YamlMapReader g(item, src, diag, key);
        MonitorGroup m;
        m.key = g.text("key", true).value_or("");
        m.title = g.text("title", true).value_or("");
        m.long_title = g.text("long_title", true).value_or("");
        m.source = g.text("source", true).value_or("");
        g.finish();
        out.push_back(std::move(m));
      }
  };
  std::map<std::string, std::string> short_titles;
  if (const YamlNode* titles = r.free_map("short_titles"))
    for (const auto& [k, val] : titles->entries) short_titles[k.value] = val.value;
  groups("before");
  for (const auto& sub : builtin_openness().subsections) {
    auto it = short_titles.find(sub.path);
    out.push_back({sub.path, it == short_titles.end() ? sub.title : it->second, sub.title, sub.source});
  }
  groups("after");
  r.finish();
  return out;
}

bool is_date_folder(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && parse_iso_date(s).has_value();
}

int number(const std::string& s) { return s.empty() ? 0 : std::atoi(s.c_str()); }

}  // namespace

const std::vector<MonitorGroup>& monitor_groups() {
  static const std::vector<MonitorGroup> groups = [] {
    Diagnostics diag;
    std::vector<MonitorGroup> g = read_groups(diag);
    if (diag.has_errors() || g.empty()) {
      std::fprintf(stderr, "внутренняя ошибка: словарь vocab/site_monitoring.yaml повреждён\n%s", format_all(diag).c_str());
      std::abort();
    }
    return g;
  }();
  return groups;
}

SiteMonitoring load_site_monitoring(const Disk& disk, Diagnostics& diag) {
  SiteMonitoring out;
  std::map<std::string, std::map<std::string, MonitoredSite>> rounds;  // date → code → site
  std::map<std::string, bool> known_groups;
  for (const auto& g : monitor_groups()) known_groups[g.key] = true;
  for (const std::string& path : disk.list("monitoring")) {
    // monitoring/<date>/<code>/summary.csv or findings.csv; everything else (bodies, headers) is the snapshot.
    size_t a = path.find('/'), b = path.find('/', a + 1), c = path.find('/', b + 1);
    if (a == std::string::npos || b == std::string::npos || c == std::string::npos) continue;
    std::string date = path.substr(a + 1, b - a - 1), code = path.substr(b + 1, c - b - 1), file = path.substr(c + 1);
    if (file != "summary.csv" && file != "findings.csv") continue;
    if (!is_date_folder(date)) {
      diag.add_file(Severity::error, path, fmt::format("папка круга мониторинга «{}» — не дата ГГГГ-ММ-ДД", date),
                    "не переименовывайте папки, которые создаёт sveden monitor (monitoring/2026-03-10/…)");
      continue;
    }
    Result<std::string> text = disk.read(path);
    if (!text) {
      diag.add_file(Severity::error, path, text.message(), "запустите sveden monitor ещё раз: он дополнит снимок");
      continue;
    }
    SourceText src(path, *text);
    CsvTable table;
    if (!read_csv(src, ';', &table, diag) || table.rows.empty()) continue;
    std::string header;
    for (const auto& f : table.rows[0].fields) header += (header.empty() ? "" : ";") + f.value;
    const char* want = file == "summary.csv" ? kMonitorSummaryHeader : kMonitorFindingsHeader;
    if (header != want) {
      diag.add(Severity::error, src, table.rows[0].offset, header.size(), fmt::format("заголовок файла не тот, что пишет sveden monitor"),
               fmt::format("первая строка должна быть: {}", want));
      continue;
    }
    MonitoredSite& site = rounds[date][code];
    site.code = code;
    for (size_t k = 1; k < table.rows.size(); ++k) {
      const auto& f = table.rows[k].fields;
      size_t columns = file == "summary.csv" ? 8 : 7;
      if (f.size() != columns) {
        diag.add(Severity::error, src, table.rows[k].offset, 1, fmt::format("в строке {} полей вместо {}", f.size(), columns),
                 "не правьте файлы снимка вручную; запустите sveden monitor заново");
        continue;
      }
      if (file == "summary.csv") {
        site.name = f[1].value;
        site.website = f[2].value;
        site.reachable = f[3].value == "да";
        site.pages = number(f[4].value);
        site.documents = number(f[5].value);
        site.signed_documents = number(f[6].value);
        site.bytes = std::atoll(f[7].value.c_str());
        continue;
      }
      MonitorFinding m;
      m.group = f[0].value;
      if (!known_groups.count(m.group)) {
        diag.add(Severity::error, src, f[0].offset, f[0].length, fmt::format("«{}» — нет такой группы требований", m.group),
                 "группы перечислены в vocab/site_monitoring.yaml и vocab/sveden.yaml");
        continue;
      }
      m.severity = f[1].value == "предупреждение" ? Severity::warning : Severity::error;
      m.url = f[2].value;
      m.pos = {number(f[3].value), number(f[4].value)};
      m.message = f[5].value;
      m.source = f[6].value;
      site.findings.push_back(std::move(m));
    }
  }
  out.groups = monitor_groups();
  for (auto& [date, sites] : rounds) {
    MonitoringRound r;
    r.date = date;
    for (auto& [code, site] : sites) r.sites.push_back(std::move(site));
    out.rounds.push_back(std::move(r));
  }
  return out;
}

}  // namespace sveden
