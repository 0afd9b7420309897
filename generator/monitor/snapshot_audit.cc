// The audit of a saved site plus the live checks, grouped by requirement.
#include "monitor/snapshot_audit.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "audit/html_document.h"
#include "audit/html_encoding.h"
#include "audit/site_audit.h"
#include "base/disk.h"
#include "load/site_monitoring_loader.h"

namespace sveden {
namespace fs = std::filesystem;
namespace {

std::string read_body(const std::string& folder, const std::string& file) {
  std::ifstream in(fs::path(folder) / "site" / file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool is_html_file(const std::string& f) {
  return f.size() > 5 && (f.compare(f.size() - 5, 5, ".html") == 0 || f.compare(f.size() - 4, 4, ".htm") == 0);
}

std::string csv(const std::string& s) {
  if (s.find_first_of(";\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

const MonitorGroup& group(const std::string& key) {
  for (const auto& g : monitor_groups())
    if (g.key == key) return g;
  return monitor_groups().front();
}

// The group of an audit finding: the subsection its message names («…» in quotes) or whose folder holds
// its page; the section for the home page's and the section's own findings; links for the rest.
std::string group_of(const SiteFinding& finding, const OpennessVocabulary& v) {
  const std::string &message = finding.message, &file = finding.file;
  const OpenSubsection* best = nullptr;
  for (const auto& sub : v.subsections)
    if (message.find("«" + sub.title + "»") != std::string::npos && (!best || sub.title.size() > best->title.size())) best = &sub;
  if (best) return best->path;
  for (const auto& sub : v.subsections) {
    std::string dir = v.path + "/" + sub.path;
    if (file == dir || file.rfind(dir + "/", 0) == 0 || file.rfind(dir + ".", 0) == 0) return sub.path;
  }
  if (message.find("«" + v.title + "»") != std::string::npos || file == v.path + "/index.html") return "section";
  return "links";
}

MonitorFinding make(const std::string& group_key, Severity s, std::string url, TextPos pos, std::string message) {
  MonitorFinding m;
  m.group = group_key;
  m.severity = s;
  m.url = std::move(url);
  m.pos = pos;
  m.message = std::move(message);
  m.source = group(group_key).source;
  return m;
}

// The requirement an address is, in any of its forms: /sveden/grants, /sveden/grants/, /sveden/grants.html,
// pages below /sveden/grants/; «section» for /sveden/ itself, «links» for any other.
std::string requirement_of(const WebUrl& u, const WebUrl& base, const OpennessVocabulary& v) {
  std::string bare = u.path;
  for (std::string tail : {"/index.html", "/index.htm", ".html", ".htm", "/"})
    if (bare.size() > tail.size() && bare.compare(bare.size() - tail.size(), tail.size(), tail) == 0) {
      bare.resize(bare.size() - tail.size());
      break;
    }
  std::string section = base.path + v.path;
  if (bare == section) return "section";
  for (const auto& sub : v.subsections) {
    std::string p = section + "/" + sub.path;
    if (bare == p || bare.rfind(p + "/", 0) == 0) return sub.path;
  }
  return "links";
}

std::string status_text(const FetchRecord& r) {
  if (r.status == 0) return r.error.empty() ? "нет ответа" : r.error;
  return fmt::format("ответ {}", r.status);
}

}  // namespace

void audit_snapshot(const CrawlResult& crawl, const std::string& folder, const OpennessVocabulary& v, MonitoredSite* site) {
  auto& out = site->findings;
  // The final record of each address, after its redirects.
  std::map<std::string, const FetchRecord*> by_url;
  for (const auto& r : crawl.records) by_url[r.url] = &r;
  auto final_of = [&](const FetchRecord* r) {
    for (int hop = 0; r && hop < 6 && r->status >= 300 && r->status < 400 && by_url.count(r->location); ++hop) r = by_url[r->location];
    return r;
  };
  const FetchRecord* home = nullptr;
  for (const auto& r : crawl.records)
    if (r.role == "home" && r.url == crawl.base) home = &r;
  const FetchRecord* home_final = final_of(home);
  std::optional<WebUrl> base = parse_web_url(crawl.base);
  if (!home_final || home_final->status != 200 || !base) {
    std::string why = !home ? "сайт не проверен" : home_final && home_final->status >= 300 && home_final->status < 400
                                                       ? fmt::format("главная страница переадресует на другой сайт: {}", home_final->location)
                                                       : fmt::format("главная страница не открывается: {}", status_text(home_final ? *home_final : *home));
    out.push_back(make("site", Severity::error, crawl.base, {}, why));
    site->reachable = false;
    return;
  }
  site->reachable = true;
  if (crawl.https_failed)
    out.push_back(make("site", Severity::warning, crawl.base, {},
                       fmt::format("сайт открывается только по HTTP (по HTTPS: {}): сведения передаются без шифрования",
                                   crawl.https_error.empty() ? "нет ответа" : crawl.https_error)));
  // The snapshot as a disk: pages decoded with their Content-Type (a UTF-8 BOM then tells the reader),
  // other pages of the site that answered as empty pages, so that the link check knows they exist.
  MemoryDisk disk;
  std::map<std::string, std::string> url_of;  // file → address
  std::set<std::string> placeholders;         // files standing for pages not saved: nothing is said of them
  for (const auto& r : crawl.records) {
    if (r.file.empty()) continue;
    std::string body = read_body(folder, r.file);
    site->bytes += static_cast<long long>(body.size());
    if (r.role == "document") ++site->documents, site->signed_documents += !r.signature.empty();
    else if (is_html_file(r.file)) ++site->pages;
    if (is_html_file(r.file)) body = "\xEF\xBB\xBF" + decode_html(body, r.content_type).text;
    disk.put(r.file, std::move(body));
    url_of[r.file] = r.url;
  }
  for (const auto& r : crawl.records) {
    // Redirects are not files: their end is a record of its own.
    bool exists = r.status == 200 || r.error == "закрыто в robots.txt" || (r.status == 0 && r.error.rfind("предел", 0) == 0);
    if (!exists || !r.file.empty()) continue;
    std::optional<WebUrl> u = parse_web_url(r.url);
    if (!u) continue;
    std::string type = r.content_type;
    bool html = type.rfind("text/html", 0) == 0 || (type.empty() && !is_document_path(u->path) &&
                                                      u->path.substr(u->path.rfind('/')).find('.') == std::string::npos);
    std::string file = snapshot_file(*u, html);
    if (!disk.is_file(file)) {
      disk.put(file, html ? "<!DOCTYPE html><title></title>" : "");
      placeholders.insert(file);
    }
  }
  OutputAudit audit = audit_single_site(disk, v);
  // A link to an address that redirects elsewhere is no broken link: the redirect is reported below.
  auto redirected = [&](const SiteFinding& f) {
    static const std::string kOpen = "ссылка «", kClose = "» ведёт на несуществующий";
    const std::string& message = f.message;
    size_t a = message.find(kOpen), b = message.find(kClose);
    auto page = url_of.find(f.file);
    if (a != 0 || b == std::string::npos || page == url_of.end()) return false;
    std::optional<WebUrl> from = parse_web_url(page->second);
    std::optional<WebUrl> to = from ? resolve_web_url(*from, message.substr(kOpen.size(), b - kOpen.size())) : std::nullopt;
    auto it = to ? by_url.find(to->str()) : by_url.end();
    return it != by_url.end() && it->second->status >= 300 && it->second->status < 400;
  };
  for (const auto& s : audit.schools) {
    if (!s.name.empty()) site->name = s.name;
    for (const auto& f : s.findings) {
      if (redirected(f) || placeholders.count(f.file)) continue;
      auto it = url_of.find(f.file);
      std::string url = it != url_of.end() ? it->second : f.file.empty() ? crawl.base : base->scheme + "://" + base->host + "/" + f.file.str();
      out.push_back(make(group_of(f, v), f.severity, url, f.pos, f.message));
    }
  }
  // What only the live site shows.
  std::set<std::string> closed;
  for (const auto& r : crawl.records) {
    const FetchRecord* f = final_of(&r);
    std::optional<WebUrl> u = parse_web_url(r.url);
    if (!u || !f) continue;
    std::string key = r.role == "section" ? "section" : requirement_of(*u, *base, v);
    bool required = key != "links";
    // A document belongs to the subsection whose page links it.
    std::optional<WebUrl> from = parse_web_url(r.from);
    std::string doc_key = from ? requirement_of(*from, *base, v) : "links";
    if (doc_key == "section") doc_key = "links";
    if (r.error == "закрыто в robots.txt" && (required || r.role == "addref" || r.role == "page" || r.role == "document")) {
      if (!closed.insert(key == "links" ? r.url : key).second) continue;  // one finding per requirement
      out.push_back(make(key == "links" ? "section" : key, required ? Severity::error : Severity::warning, r.url, {},
                         fmt::format("адрес закрыт для роботов в robots.txt: робот Рособрнадзора{} его не прочтёт",
                                     required ? ", который ищет здесь сведения," : "")));
      continue;
    }
    if (f->status >= 300 && f->status < 400 && &r == f && !r.location.empty()) {
      std::optional<WebUrl> to = parse_web_url(r.location);
      if (to && !same_site(*to, *base))
        out.push_back(make(key, required ? Severity::error : Severity::warning, r.url, {},
                           fmt::format("адрес переадресует на другой сайт ({}): сведения должны быть на официальном сайте", r.location)));
      continue;
    }
    if (f != &r) continue;  // reported at the end of its redirects
    if (required && r.status >= 400) {
      const char* what = r.role == "section" ? "раздел" : "подраздел";
      std::string title = v.title;
      for (const auto& sub : v.subsections)
        if (sub.path == key) title = sub.title;
      out.push_back(make(key, Severity::error, r.url, {},
                         fmt::format("адрес {} отвечает {}: робот Рособрнадзора ищет {} «{}» по этому адресу", u->path, r.status, what, title)));
    }
    if (r.role == "document" && r.status == 200 && r.file.empty() == false) {
      std::string body = read_body(folder, r.file).substr(0, 512);
      std::string type = r.content_type;
      for (char& c : type) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      bool html = type.rfind("text/html", 0) == 0 || body.find("<html") != std::string::npos || body.find("<!DOCTYPE") != std::string::npos ||
                  body.find("<!doctype") != std::string::npos;
      if (html)
        out.push_back(make(doc_key, Severity::error, r.url, {},
                           fmt::format("по ссылке на документ сервер отдаёт страницу HTML, а не файл{}", r.from.empty() ? "" : " (ссылка на странице " + r.from + ")")));
    }
    if (r.role == "document" && r.truncated)
      out.push_back(make(doc_key, Severity::warning, r.url, {},
                         fmt::format("документ больше предела: сохранены только первые {} МБ{}, проверьте его вручную",
                                     std::max<size_t>(1, read_body(folder, r.file).size() >> 20),
                                     r.length > 0 ? fmt::format(" из {} МБ", r.length >> 20) : "")));
    if ((r.role == "page" || r.role == "addref" || r.role == "link" || r.role == "document") && r.status == 0 && r.error.rfind("предел", 0) != 0 &&
        r.error != "закрыто в robots.txt")
      out.push_back(make("links", Severity::error, r.url, {}, fmt::format("адрес не открывается: {}", r.error)));
  }
  std::stable_sort(out.begin(), out.end(), [&](const MonitorFinding& a, const MonitorFinding& b) {
    auto order = [&](const std::string& key) {
      const auto& g = monitor_groups();
      for (size_t i = 0; i < g.size(); ++i)
        if (g[i].key == key) return i;
      return g.size();
    };
    return std::make_tuple(order(a.group), a.severity != Severity::error, a.url, a.pos.line, a.pos.column) <
           std::make_tuple(order(b.group), b.severity != Severity::error, b.url, b.pos.line, b.pos.column);
  });
}

void write_monitored_site(const MonitoredSite& site, const std::string& folder) {
  std::ofstream summary(fs::path(folder) / "summary.csv", std::ios::trunc);
  summary << kMonitorSummaryHeader << "\n"
          << csv(site.code) << ';' << csv(site.name) << ';' << csv(site.website) << ';' << (site.reachable ? "да" : "нет") << ';'
          << site.pages << ';' << site.documents << ';' << site.signed_documents << ';' << site.bytes << "\n";
  std::ofstream findings(fs::path(folder) / "findings.csv", std::ios::trunc);
  findings << kMonitorFindingsHeader << "\n";
  for (const auto& f : site.findings)
    findings << csv(f.group) << ';' << (f.severity == Severity::error ? "ошибка" : "предупреждение") << ';' << csv(f.url) << ';'
             << (f.pos.line ? std::to_string(f.pos.line) : "") << ';' << (f.pos.line ? std::to_string(f.pos.column) : "") << ';'
             << csv(valid_utf8(f.message)) << ';' << csv(f.source) << "\n";
}

}  // namespace sveden
