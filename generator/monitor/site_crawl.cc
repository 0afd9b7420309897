// The crawl of one school site: a queue in document order, bounded by requests and bytes.
#include "monitor/site_crawl.h"

#include "base/ascii.h"

#include <fmt/format.h>

#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "audit/html_document.h"
#include "monitor/robots_txt.h"

namespace sveden {
namespace fs = std::filesystem;
namespace {
const char* const kDocumentExtensions[] = {".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt",
                                           ".pptx", ".odp", ".zip", ".rar", ".7z", ".sig", ".p7s", ".txt", ".csv",
                                           ".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".djvu", ".xml"};


std::string field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

bool html_type(const std::string& content_type) {
  std::string t = lower_ascii(content_type);
  return t.rfind("text/html", 0) == 0 || t.rfind("application/xhtml", 0) == 0;
}

bool looks_like_html(std::string_view body) {
  std::string head = lower_ascii(std::string(body.substr(0, 512)));
  size_t i = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return i != std::string::npos && (head.compare(i, 9, "<!doctype") == 0 || head.compare(i, 5, "<html") == 0 ||
                                    head.compare(i, 5, "<head") == 0 || head.compare(i, 5, "<body") == 0);
}

// A signature a document carries in itself: a PDF with a signature field, a detached CMS file.
std::string signature_of(const std::string& path, std::string_view body) {
  std::string p = lower_ascii(path);
  if (body.substr(0, 5) == "%PDF-")
    return body.find("/ByteRange") != std::string_view::npos && body.find("/Sig") != std::string_view::npos ? "PDF /Sig" : "";
  if (p.size() > 4 && (p.compare(p.size() - 4, 4, ".sig") == 0 || p.compare(p.size() - 4, 4, ".p7s") == 0)) return "CMS";
  return "";
}

void write_file(const fs::path& p, std::string_view body) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(body.data(), static_cast<std::streamsize>(body.size()));
}

std::string record_line(const FetchRecord& r) {
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", field(r.url), r.role, r.status, field(r.content_type), r.length,
                     r.truncated ? 1 : 0, field(r.location), field(r.file), field(r.error), field(r.from), r.signature);
}

class Crawl {
 public:
  Crawl(HttpClient& client, std::string folder, const OpennessVocabulary& v, const CrawlOptions& o,
        const std::function<void(const std::string&)>& log)
      : client_(client), folder_(std::move(folder)), v_(v), o_(o), log_(log) {
    for (FetchRecord& r : read_fetch_log(folder_)) {
      done_[r.url] = records_.size();
      records_.push_back(std::move(r));
    }
  }

  CrawlResult run(const std::string& website) {
    CrawlResult out;
    std::optional<WebUrl> given = parse_web_url(website);
    if (!given) return out;
    WebUrl base = *given;
    if (base.path.back() != '/') base.path = base.path.substr(0, base.path.rfind('/') + 1);
    base.query.clear();
    // HTTPS first: a site that answers only over http is a finding.
    if (base.scheme == "http") {
      WebUrl secure = base;
      secure.scheme = "https";
      const FetchRecord& probe = fetch(secure, "home", "", false);
      if (probe.status >= 200 && probe.status < 400) base = secure;
      else {
        out.https_failed = true;
        out.https_error = probe.status ? fmt::format("ответ {}", probe.status) : probe.error;
      }
    }
    base_ = base;
    out.base = base.str();
    WebUrl robots = base;
    robots.path = "/robots.txt";
    const FetchRecord& r = fetch(robots, "robots", "", false);
    if (r.status == 200 && !r.file.empty()) robots_ = RobotsTxt(read_saved(r.file), o_.product_token);
    enqueue(base, "home", "");
    WebUrl section = base;
    section.path += v_.path + "/";
    enqueue(section, "section", "");
    for (const auto& sub : v_.subsections) {
      WebUrl u = base;
      u.path += v_.path + "/" + sub.path;
      enqueue(u, "subsection", "");
    }
    while (!queue_.empty()) {
      auto [url, role, from] = queue_.front();
      queue_.pop_front();
      const FetchRecord& rec = fetch(url, role, from, true);
      // A home page that does not answer at all (a timeout, no connection): the site is unreachable, and
      // asking its other addresses would only wait out the same timeout again and again.
      if (role == "home" && rec.status == 0 && rec.error != "закрыто в robots.txt") break;
      if (rec.file.empty() || rec.status != 200 || role == "document" || role == "link" || role == "stylesheet") continue;
      std::optional<WebUrl> final_url = parse_web_url(rec.url);  // after redirects: links resolve against it
      follow(final_url ? *final_url : url, role, read_saved(rec.file), rec.content_type);
    }
    out.records.assign(records_.begin(), records_.end());
    return out;
  }

 private:
  struct Queued {
    WebUrl url;
    std::string role, from;
  };

  std::string read_saved(const std::string& file) {
    std::ifstream in(fs::path(folder_) / "site" / file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  void enqueue(const WebUrl& url, const std::string& role, const std::string& from) {
    std::string key = url.str();
    if (!queued_.insert(key).second) return;
    queue_.push_back({url, role, from});
  }

  bool in_section(const WebUrl& u) const {
    std::string prefix = base_.path + v_.path + "/";
    return u.path == base_.path + v_.path || u.path.rfind(prefix, 0) == 0;
  }

  // The links of a page of the crawl: its subtree and addRef pages are crawled, documents and
  // stylesheets fetched, other pages of the site asked for their status.
  void follow(const WebUrl& page, const std::string& role, const std::string& body, const std::string& content_type) {
    if (!html_type(content_type) && !looks_like_html(body)) return;
    HtmlDocument doc = parse_html(body, content_type);
    WebUrl base = page;
    for (int b : doc.elements("base"))
      if (const std::string* h = doc.attr(b, "href"))
        if (auto u = resolve_web_url(page, *h)) base = *u;
    bool crawling = role != "home";
    for (size_t i = 1; i < doc.nodes.size(); ++i) {
      const HtmlNode& n = doc.nodes[i];
      if (n.type != HtmlNode::Type::element) continue;
      const char* attr = n.tag == "a" || n.tag == "link" || n.tag == "area" ? "href" : n.tag == "img" ? "src" : nullptr;
      if (!attr) continue;
      const std::string* href = doc.attr(static_cast<int>(i), attr);
      if (!href) continue;
      std::optional<WebUrl> u = resolve_web_url(base, *href);
      if (!u || !same_site(*u, base_)) continue;
      const std::string* prop = doc.attr(static_cast<int>(i), "itemprop");
      const std::string* rel = doc.attr(static_cast<int>(i), "rel");
      std::string from = page.str();
      if (n.tag == "link") {
        if (rel && lower_ascii(*rel).find("stylesheet") != std::string::npos && crawling) enqueue(*u, "stylesheet", from);
      } else if (is_document_path(u->path)) {
        enqueue(*u, "document", from);
      } else if (prop && *prop == "addRef") {
        enqueue(*u, "addref", from);
      } else if (in_section(*u) && (crawling || role == "home")) {
        enqueue(*u, "page", from);
      } else {
        enqueue(*u, "link", from);
      }
    }
  }

  // Fetches `url` (following redirects within the site) unless fetch.tsv has it already.
  const FetchRecord& fetch(const WebUrl& url, const std::string& role, const std::string& from, bool follow_redirects) {
    WebUrl at = url;
    for (int hop = 0;; ++hop) {
      const FetchRecord& r = fetch_one(at, role, from);
      if (!follow_redirects || r.status < 300 || r.status >= 400 || r.location.empty() || hop >= 5) return r;
      std::optional<WebUrl> next = parse_web_url(r.location);
      if (!next || !same_site(*next, base_) || next->str() == at.str()) return r;
      at = *next;
    }
  }

  const FetchRecord& fetch_one(const WebUrl& url, const std::string& role, const std::string& from) {
    std::string key = url.str();
    if (auto it = done_.find(key); it != done_.end()) return records_[it->second];
    FetchRecord r;
    r.url = key;
    r.role = role;
    r.from = from;
    bool robots_file = role == "robots";
    if (!robots_file && !robots_.allowed(url.path_and_query())) {
      r.error = "закрыто в robots.txt";
    } else if (requests_ >= o_.max_requests) {
      r.error = fmt::format("предел запросов к сайту ({}) исчерпан", o_.max_requests);
    } else if (bytes_ >= o_.max_bytes) {
      r.error = fmt::format("предел объёма ({} МБ) исчерпан", o_.max_bytes >> 20);
    } else {
      if (requests_ > 0 && o_.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(o_.delay_ms));
      ++requests_;
      HttpLimits limits = o_.limits;
      if (role == "link") limits.max_bytes = std::min<long long>(limits.max_bytes, 256 << 10);
      limits.max_bytes = std::min(limits.max_bytes, o_.max_bytes - bytes_);
      HttpResponse h = client_.get(key, limits);
      bytes_ += static_cast<long long>(h.body.size());
      r.status = h.ok ? h.status : 0;
      r.error = h.error;
      r.content_type = h.content_type;
      r.length = h.length;
      r.truncated = h.truncated;
      if (h.ok && h.status >= 300 && h.status < 400) {
        if (auto loc = resolve_web_url(url, h.location)) r.location = loc->str();
        else r.location = h.location;
      }
      bool html = html_type(h.content_type) || (h.content_type.empty() && looks_like_html(h.body));
      bool keep = h.ok && h.status == 200 && role != "link";
      if (keep) {
        r.file = snapshot_file(url, html && role != "document" && role != "stylesheet" && role != "robots");
        write_file(fs::path(folder_) / "site" / r.file, h.body);
        write_file(fs::path(folder_) / "headers" / (r.file + ".txt"), h.headers);
        if (role == "document") r.signature = signature_of(url.path, h.body);
      }
      log_(fmt::format("  {} {}{}", r.status ? std::to_string(r.status) : "—", key, r.error.empty() ? "" : " (" + r.error + ")"));
    }
    std::ofstream logf(fs::path(folder_) / "fetch.tsv", std::ios::app);
    logf << record_line(r);
    logf.flush();
    done_[key] = records_.size();
    records_.push_back(std::move(r));
    return records_.back();
  }

  HttpClient& client_;
  std::string folder_;
  const OpennessVocabulary& v_;
  const CrawlOptions& o_;
  const std::function<void(const std::string&)>& log_;
  WebUrl base_;
  RobotsTxt robots_;
  std::deque<Queued> queue_;
  std::set<std::string> queued_;
  std::map<std::string, size_t> done_;
  std::deque<FetchRecord> records_;
  int requests_ = 0;
  long long bytes_ = 0;
};

}  // namespace

bool is_document_path(const std::string& path) {
  std::string p = lower_ascii(path);
  for (const char* ext : kDocumentExtensions) {
    std::string e = ext;
    if (p.size() > e.size() && p.compare(p.size() - e.size(), e.size(), e) == 0) return true;
  }
  return false;
}

std::string snapshot_file(const WebUrl& url, bool html) {
  std::string p = url.path.substr(1);
  // Nothing may leave site/: dot segments are gone already (web_url), empty and odd segments are named.
  std::string out;
  size_t at = 0;
  while (at <= p.size()) {
    size_t slash = p.find('/', at);
    if (slash == std::string::npos) slash = p.size();
    std::string seg = p.substr(at, slash - at);
    at = slash + 1;
    if (seg.empty() && at <= p.size()) continue;
    if (seg == "." || seg == "..") seg = "_";
    if (!out.empty() && !seg.empty()) out += "/";
    out += seg;
  }
  if (!html) return out.empty() ? "index" : out;
  if (out.empty() || url.path.back() == '/') return out + (out.empty() ? "" : "/") + "index.html";
  std::string last = out.substr(out.rfind('/') == std::string::npos ? 0 : out.rfind('/') + 1);
  std::string l = lower_ascii(last);
  if (l.size() > 5 && (l.compare(l.size() - 5, 5, ".html") == 0)) return out;
  if (l.size() > 4 && (l.compare(l.size() - 4, 4, ".htm") == 0)) return out;
  if (last.find('.') != std::string::npos) return out + ".html";
  return out + "/index.html";
}

std::vector<FetchRecord> read_fetch_log(const std::string& folder) {
  std::vector<FetchRecord> out;
  std::ifstream in(fs::path(folder) / "fetch.tsv");
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    size_t at = 0;
    while (true) {
      size_t tab = line.find('\t', at);
      f.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
      if (tab == std::string::npos) break;
      at = tab + 1;
    }
    if (f.size() < 11) continue;  // a line cut by an interruption: asked again
    FetchRecord r;
    r.url = f[0];
    r.role = f[1];
    r.status = std::atol(f[2].c_str());
    r.content_type = f[3];
    r.length = std::atoll(f[4].c_str());
    r.truncated = f[5] == "1";
    r.location = f[6];
    r.file = f[7];
    r.error = f[8];
    r.from = f[9];
    r.signature = f[10];
    out.push_back(std::move(r));
  }
  return out;
}

CrawlResult crawl_site(HttpClient& client, const std::string& website, const std::string& folder, const OpennessVocabulary& v,
                       const CrawlOptions& o, const std::function<void(const std::string&)>& log) {
  fs::create_directories(folder);
  return Crawl(client, folder, v, o, log).run(website);
}

}  // namespace sveden
