#include "audit/site_audit.h"

#include "base/ascii.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "audit/html_document.h"
#include "audit/html_encoding.h"
#include "audit/markup_audit.h"
#include "audit/stylesheet.h"
#include "model/links.h"
#include "base/json_writer.h"
#include "base/parallel.h"
#include "base/text_index.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using namespace std::string_view_literals;  // «x == "a"sv» compares sizes first; libstdc++ 12 compares a std::string with a C string by memcmp
namespace {

bool is_html(const std::string& p) {
  std::string l = lower_ascii(p);
  return l.size() > 5 && (l.compare(l.size() - 5, 5, ".html") == 0 || l.compare(l.size() - 4, 4, ".htm") == 0);
}

// A page rather than a document: .html, or a name without an extension (wget saves pages so).
bool is_page(const std::string& p) {
  std::string name = p.substr(p.rfind('/') == std::string::npos ? 0 : p.rfind('/') + 1);
  return is_html(p) || name.find('.') == std::string::npos;
}

// «a/b/../c» → «a/c»; nullopt when it climbs above the root.
std::optional<std::string> normalize(std::string_view path) {
  std::vector<std::string_view> parts;  // of `path`: every link of every page comes here
  parts.reserve(16);
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part == ".."sv) {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != "."sv) {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  out.reserve(path.size());
  for (std::string_view p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

struct Link {
  bool external = false;     // another site, mailto:, tel:…
  bool broken = false;       // local, but no such file
  std::string target;        // the file it leads to
  size_t file = TextIndex::npos;  // its number among the site's files (SiteFiles::number), when it is one
  std::string anchor;
};

class SiteFiles {
 public:
  SiteFiles(const Disk& disk, std::string root) : disk_(disk), root_(std::move(root)) {
    for (auto& f : disk.list(root_)) files_.insert(std::move(f));
    index_files();
  }
  // The output's files as listed beforehand (those of a build, before they are written), read from `disk`.
  SiteFiles(const Disk& disk, std::set<std::string> files) : disk_(disk), files_(std::move(files)) { index_files(); }
  // The files of `root` among those `all` has listed already (a school's site within the output), read
  // from `disk` (the pages of a school handed over in memory) or, by default, as `all` reads them.
  SiteFiles(const SiteFiles& all, std::string root, const Disk* disk = nullptr)
      : disk_(disk ? *disk : all.disk_), root_(std::move(root)) {
    std::string prefix = root_ + "/";
    for (auto it = all.files_.lower_bound(prefix); it != all.files_.end() && it->rfind(prefix, 0) == 0; ++it)
      files_.insert(files_.end(), *it);
    index_files();
  }
  SiteFiles(const SiteFiles&) = delete;  // numbers_ views the strings of files_
  SiteFiles& operator=(const SiteFiles&) = delete;
  const std::set<std::string>& files() const { return files_; }
  bool has(const std::string& p) const { return numbers_.find(p) != TextIndex::npos; }
  // Each file's number, 0 to files().size() − 1 in the order of files(); npos for a path that is none.
  size_t number(std::string_view p) const { return numbers_.find(p); }
  std::string read(const std::string& p) const {
    auto text = disk_.read(p);
    return text ? std::move(*text) : std::string();
  }
  std::string inside(const std::string& rel) const { return root_.empty() ? rel : root_ + "/" + rel; }
  const std::string& root() const { return root_; }

  // Where `href` on `page` leads: directories to their index.html, pages saved without extension
  // (wget) to the file itself, «/…» from the site's root.
  Link resolve(const std::string& page, const std::string& raw) const {
    Link l;
    std::string href = raw;
    if (size_t hash = href.find('#'); hash != std::string::npos) {
      l.anchor = percent_decode(href.substr(hash + 1));
      href.resize(hash);
    }
    if (size_t q = href.find('?'); q != std::string::npos) href.resize(q);
    size_t colon = href.find(':'), slash = href.find('/');
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash)) {
      l.external = true;
      return l;
    }
    if (href.rfind("//", 0) == 0) {
      l.external = true;
      return l;
    }
    href = percent_decode(href);
    std::string joined;
    if (href.empty()) {
      joined = page;
    } else if (href[0] == '/') {
      joined = inside(href.substr(1));
    } else {
      size_t slash = page.rfind('/');
      if (slash != std::string::npos) joined.assign(page, 0, slash + 1);  // the page's folder and «/»
      joined += href;
    }
    bool dir = href.empty() ? false : href.back() == '/';
    auto norm = normalize(joined);
    if (!norm || (!root_.empty() && norm->rfind(root_, 0) != 0 && href[0] == '/')) {
      l.broken = true;
      l.target = joined;
      return l;
    }
    // A folder leads to its index.html; a page saved without extension (wget) is the file itself, then
    // with «.html», then a folder. Tried in that order, each made only when the one before is missing.
    std::string& c = *norm;
    if (dir || c.empty() || c == root_) {
      c += c.empty() ? "index.html" : "/index.html";
      l.file = number(c);
      l.broken = l.file == TextIndex::npos;
      l.target = std::move(c);
      return l;
    }
    const size_t bare = c.size();
    for (std::string_view suffix : {"", ".html", "/index.html"}) {
      c.resize(bare);
      c += suffix;
      if (l.file = number(c); l.file != TextIndex::npos) {
        l.target = std::move(c);
        return l;
      }
    }
    c.resize(bare);
    l.broken = true;
    l.target = std::move(c);
    return l;
  }

 private:
  // Every link is looked up once or more (a folder, then «.html»…): by hash, not through a tree of paths
  // that share their first dozens of bytes (schools/<school>/sveden/…).
  void index_files() {
    numbers_ = TextIndex(files_.size());
    for (const std::string& f : files_) numbers_.add(f);
  }

  const Disk& disk_;
  std::string root_;
  std::set<std::string> files_;
  TextIndex numbers_;  // of files_, in their order
};

std::string quoted_json(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

SiteFinding finding(Severity s, std::string file, TextPos pos, std::string message) {
  return {s, std::move(file), pos, std::move(message)};
}

// The page of a subsection as a site may have it; nullopt and the wrongly-cased path, if any.
std::optional<std::string> find_subsection(const SiteFiles& site, const std::string& section, const std::string& path,
                                           std::string* wrong_case) {
  std::string base = site.inside(section + "/" + path);
  const std::string variants[] = {base + "/index.html", base + "/index.htm", base + ".html", base + ".htm", base};
  for (const auto& v : variants)
    if (site.has(v)) return v;
  for (const auto& f : site.files())
    for (const auto& v : variants)
      if (lower_ascii(f) == lower_ascii(v)) {
        *wrong_case = f;
        return std::nullopt;
      }
  return std::nullopt;
}

std::set<std::string> link_props(const OpenSubsection& sub) {
  std::set<std::string> out;
  for (const auto& f : sub.fields) {
    if ((f.kind == OpenField::Kind::document || f.kind == OpenField::Kind::link || f.kind == OpenField::Kind::links) &&
        !f.itemprop.empty())
      out.insert(f.itemprop);
    for (const auto& c : f.children)
      if (c.kind == OpenField::Kind::link && !c.itemprop.empty()) out.insert(c.itemprop);
  }
  return out;
}

std::string title_of(const HtmlDocument& doc) {
  auto titles = doc.elements("title");
  if (!titles.empty()) return doc.text_content(titles[0]);
  auto h1 = doc.elements("h1");
  return h1.empty() ? std::string() : doc.text_content(h1[0]);
}

bool inside_nav(const HtmlDocument& doc, int node) {
  for (int p = doc.nodes[node].parent; p > 0; p = doc.nodes[p].parent)
    if (doc.nodes[p].tag == "nav"sv || doc.nodes[p].tag == "header"sv) return true;
  return false;
}

// The classes that a page's linked stylesheets on the site hide, each stylesheet read once.
class Stylesheets {
 public:
  Stylesheets(const SiteFiles& site, HiddenClasses& read) : site_(site), hidden_(read) {}

  std::map<std::string, std::string> hidden_classes(const HtmlDocument& doc, const std::string& file) {
    std::map<std::string, std::string> out;
    for (int l : doc.elements("link")) {
      const std::string* rel = doc.attr(l, "rel");
      const std::string* href = doc.attr(l, "href");
      const std::string* media = doc.attr(l, "media");
      if (!rel || !href || lower_ascii(*rel).find("stylesheet") == std::string::npos) continue;
      if (media && lower_ascii(*media) != "all"sv && lower_ascii(*media).find("screen") == std::string::npos) continue;
      Link target = site_.resolve(file, *href);
      if (target.external || target.broken) continue;
      auto it = read_.find(target.target);
      if (it == read_.end()) {
        std::map<std::string, std::string> hidden;
        for (const auto& [name, why] : hidden_.of(site_.read(target.target))) hidden.emplace(name, why + " в " + target.target);
        it = read_.emplace(target.target, std::move(hidden)).first;
      }
      out.insert(it->second.begin(), it->second.end());
    }
    return out;
  }

 private:
  const SiteFiles& site_;
  HiddenClasses& hidden_;
  std::map<std::string, std::map<std::string, std::string>> read_;
};

// An id as the link check keeps it: two ids of a page hashing alike would let a link to the one pass for
// the other, at odds of one in 2^64 per pair.
std::uint64_t id_hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

// What the link check keeps of a page, its links already resolved: a big output has tens of
// thousands of pages, so neither their trees nor their links' text stay in memory.
struct PageLinks {
  struct Anchor {
    int target;  // index of the page linked to
    std::string anchor, href;
    TextPos pos;
  };
  bool noindex = false;              // <meta name="robots" content="noindex">: a working page no link need lead to
  std::vector<std::uint64_t> ids;    // its ids and <a name>s, hashed (id_hash), sorted: 420,000 at 2,000 schools
  std::vector<Anchor> anchors;       // links to an #anchor of another page (those to its own are checked at once)
  std::vector<SiteFinding> findings; // broken links, images without alt
};

// Links, anchors and images of every page under a folder, and pages no link leads to. Pages
// parsed for another check are handed in with add(); finish() reads and parses the rest, in
// parallel, and then checks anchors and orphans.
class LinkCheck {
 public:
  // The pages are the HTML files of `site`, named by its own strings.
  LinkCheck(const SiteFiles& site, int jobs) : site_(site), jobs_(jobs) {
    page_of_.reserve(site.files().size());
    for (const auto& f : site.files()) {  // in the order of their numbers
      const bool page = is_html(f);
      page_of_.push_back(page ? static_cast<int>(pages_.size()) : -1);
      if (page) pages_.push_back(&f);
    }
    links_.resize(pages_.size());
    done_.resize(pages_.size());
    linked_ = std::make_unique<std::atomic<bool>[]>(pages_.size());
  }

  // Safe to call from several threads, for the same file too (two school sites whose addRef pages are
  // one page of a third): a page's links are noted once.
  void add(const std::string& file, const HtmlDocument& doc) {
    int page = page_of(file);
    if (page < 0) return;
    auto i = static_cast<size_t>(page);
    std::lock_guard lock(slot_mutex(i));
    if (done_[i]) return;
    links_[i] = links_of(file, doc);
    done_[i] = 1;
  }
  // A page no other check parses, from its text: element by element, without its tree.
  void add_text(const std::string& file, std::string_view html) {
    int page = page_of(file);
    if (page < 0) return;
    auto i = static_cast<size_t>(page);
    std::lock_guard lock(slot_mutex(i));
    if (done_[i]) return;
    PageLinks p;
    const bool not_found = is_not_found_page(file);
    static const std::vector<std::string_view> kRead = {"id", "name", "alt", "src", "href", "content"};  // note()'s
    visit_elements(html, kRead, [&](const HtmlNode& n, const ElementPlace& at) { note(p, file, not_found, n, at); });
    links_[i] = finished(std::move(p), file);
    done_[i] = 1;
  }

  void finish(const std::function<std::vector<SiteFinding>&(const std::string&)>& sink) {
    parallel_for(pages_.size(), jobs_, [&](size_t i, int) {
      // Read here for its links only: element by element, without its tree (a report can be tens of MB).
      if (!done_[i]) add_text(*pages_[i], site_.read(*pages_[i]));
      return true;
    });
    for (size_t i = 0; i < pages_.size(); ++i) {
      const std::string& f = *pages_[i];
      auto& out = sink(f);
      for (auto& x : links_[i].findings) out.push_back(std::move(x));
      for (const auto& a : links_[i].anchors) {
        const auto& ids = links_[static_cast<size_t>(a.target)].ids;
        if (!std::binary_search(ids.begin(), ids.end(), id_hash(a.anchor))) out.push_back(missing_anchor(f, a));
      }
      std::string name = f.substr(f.rfind('/') == std::string::npos ? 0 : f.rfind('/') + 1);
      if (f == site_.inside("index.html") || name == "404.html"sv || links_[i].noindex || linked_[i].load(std::memory_order_relaxed)) continue;
      out.push_back(finding(Severity::warning, f, {}, "на страницу не ведёт ни одна ссылка сайта"));
    }
  }

 private:
  PageLinks links_of(const std::string& file, const HtmlDocument& doc) const {
    PageLinks p;
    const bool not_found = is_not_found_page(file);
    for (const HtmlNode& n : doc.nodes)
      if (n.type == HtmlNode::Type::element) note(p, file, not_found, n, [&n] { return n.pos; });
    return finished(std::move(p), file);
  }

  // The 404 page, served at any depth: its links are from the site's root.
  static bool is_not_found_page(const std::string& file) { return file.ends_with("404.html"); }

  // What one element of `file` adds to its page's links; `at()` is where it begins.
  template <class Place>
  void note(PageLinks& p, const std::string& file, bool not_found_page, const HtmlNode& n, const Place& at) const {
    if (const std::string* id = n.attr("id")) p.ids.push_back(id_hash(*id));
    if (n.tag == "a"sv)
      if (const std::string* name = n.attr("name")) p.ids.push_back(id_hash(*name));
    if (n.tag == "img"sv && !n.attr("alt"))
      p.findings.push_back(finding(Severity::error, file, at(), "у изображения нет текстовой альтернативы (атрибут alt)"));
    if (n.tag == "meta"sv) {
      const std::string* name = n.attr("name");
      const std::string* content = n.attr("content");
      if (name && content && *name == "robots"sv && content->find("noindex") != std::string::npos) p.noindex = true;
    }
    if (not_found_page) return;
    const std::string* href = n.tag == "a"sv || n.tag == "link"sv ? n.attr("href") : n.tag == "img"sv ? n.attr("src") : nullptr;
    if (!href) return;
    Link l = site_.resolve(file, *href);
    if (l.external) return;
    if (l.broken) {
      p.findings.push_back(finding(Severity::error, file, at(), fmt::format("ссылка «{}» ведёт на несуществующий файл", *href)));
      return;
    }
    const int target = page_of_[l.file];
    if (target < 0) return;  // a document, an image, a feed
    if (l.target != file) linked_[static_cast<size_t>(target)].store(true, std::memory_order_relaxed);
    if (!l.anchor.empty()) p.anchors.push_back({target, l.anchor, *href, at()});
  }

  // The page's ids sorted, and its links to its own anchors checked (tens of thousands at 2,000 schools):
  // what is kept are its ids and its links to other pages' anchors.
  PageLinks finished(PageLinks p, const std::string& file) const {
    std::sort(p.ids.begin(), p.ids.end());
    p.ids.shrink_to_fit();
    const int self = page_of(file);
    std::erase_if(p.anchors, [&](const PageLinks::Anchor& a) {
      if (a.target != self) return false;
      if (!std::binary_search(p.ids.begin(), p.ids.end(), id_hash(a.anchor))) p.findings.push_back(missing_anchor(file, a));
      return true;
    });
    p.anchors.shrink_to_fit();
    return p;
  }

  static SiteFinding missing_anchor(const std::string& file, const PageLinks::Anchor& a) {
    return finding(Severity::error, file, a.pos, fmt::format("ссылка «{}»: на странице нет якоря «#{}»", a.href, a.anchor));
  }

  // The number of `file` among the pages, or -1 for a file that is none.
  int page_of(std::string_view file) const {
    size_t n = site_.number(file);
    return n == TextIndex::npos ? -1 : page_of_[n];
  }

  std::mutex& slot_mutex(size_t page) const { return slot_mutexes_[page % std::size(slot_mutexes_)]; }

  const SiteFiles& site_;
  int jobs_;
  mutable std::mutex slot_mutexes_[64];  // a page's slot, by its number
  std::vector<const std::string*> pages_;              // the site's own strings
  std::vector<int> page_of_;                           // by the site's number of a file: its index in pages_, or -1
  std::vector<PageLinks> links_;
  std::vector<char> done_;
  std::unique_ptr<std::atomic<bool>[]> linked_;        // a link of another page leads to it
};

void sort_findings(std::vector<SiteFinding>& list) {
  std::stable_sort(list.begin(), list.end(), [](const SiteFinding& a, const SiteFinding& b) {
    if (a.severity != b.severity) return a.severity == Severity::error;
    if (a.file != b.file) return a.file < b.file;
    return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
  });
}

void count(OutputAudit& a) {
  a.errors = a.warnings = a.incomplete_schools = 0;
  auto add = [&](const std::vector<SiteFinding>& list) {
    for (const auto& f : list) (f.severity == Severity::error ? a.errors : a.warnings)++;
  };
  add(a.portal);
  for (const auto& s : a.schools) {
    add(s.findings);
    if (s.incomplete) ++a.incomplete_schools;
  }
}

// Whether a subsection's text says on what date its information is current: «актуальн…» or «обновл…», the
// first letter of either case («Актуально на 1 сентября», «Сведения обновлены»). Each word is searched from
// its second letter by Boyer–Moore–Horspool, then its first letter looked at: a Cyrillic word begins with a
// byte that every other byte of Russian text is, and a plain find stopped and compared at each of them (a
// page of 10 KB, 28,000 pages at 2,000 schools).
bool says_when_current(std::string_view text) {
  using Searcher = std::boyer_moore_horspool_searcher<std::string_view::const_iterator>;
  struct Word {
    std::string_view lower, upper, rest;  // its first letter in either case, and the rest
    Searcher rest_searcher;
    Word(std::string_view l, std::string_view u, std::string_view r)
        : lower(l), upper(u), rest(r), rest_searcher(rest.begin(), rest.end()) {}
  };
  static const Word words[] = {Word("а", "А", "ктуальн"), Word("о", "О", "бновл")};
  for (const Word& w : words)
    for (auto at = text.begin(); (at = std::search(at, text.end(), w.rest_searcher)) != text.end(); ++at) {
      const std::string_view before = text.substr(0, static_cast<size_t>(at - text.begin()));
      if (before.ends_with(w.lower) || before.ends_with(w.upper)) return true;
    }
  return false;
}

// One school's site; the pages it parses are handed to `links` (when given) for the link check. `styles`:
// what stylesheets hide, shared by the schools of an output.
SchoolAudit audit_school(const SiteFiles& site, const OpennessVocabulary& v, LinkCheck* links, HiddenClasses& styles) {
  const std::string& root = site.root();
  SchoolAudit out;
  out.root = root;
  auto& list = out.findings;
  Stylesheets stylesheets(site, styles);
  std::string home = site.inside("index.html");
  if (!site.has(home) && site.has(site.inside("index.htm"))) home = site.inside("index.htm");
  std::set<std::string> ministries;
  std::vector<std::string> hosts;  // of v.ministries, lower-case, without scheme and trailing «/»
  for (const auto& m : v.ministries) {
    std::string host = lower_ascii(m.url);
    host = host.substr(host.find("//") == std::string::npos ? 0 : host.find("//") + 2);
    while (!host.empty() && host.back() == '/') host.pop_back();
    hosts.push_back(std::move(host));
  }
  auto note_ministries = [&](const HtmlDocument& doc) {
    for (int a : doc.elements("a"))
      if (const std::string* h = doc.attr(a, "href")) {
        std::string l = lower_ascii(*h);
        for (size_t k = 0; k < hosts.size(); ++k)
          if (l.find(hosts[k]) != std::string::npos) ministries.insert(v.ministries[k].url);
      }
  };
  if (!site.has(home)) {
    list.push_back(finding(Severity::error, "", {}, "нет главной страницы сайта (index.html)"));
  } else {
    HtmlDocument doc = parse_html(site.read(home));
    if (links) links->add(home, doc);
    out.name = title_of(doc);
    note_ministries(doc);
    // A path from the home page and the main menu to the section (п. 3 приказа 1493).
    bool from_home = false, from_menu = false;
    const std::string section = site.inside(v.path);
    for (int a : doc.elements("a"))
      if (const std::string* h = doc.attr(a, "href")) {
        Link l = site.resolve(home, *h);
        if (!l.external && !l.broken && (l.target.rfind(section + "/", 0) == 0 || l.target == section)) {
          from_home = true;
          from_menu = from_menu || inside_nav(doc, a);
        }
      }
    if (!from_home)
      list.push_back(finding(Severity::error, home, {}, fmt::format("с главной страницы нет ссылки на раздел «{}»", v.title)));
    else if (!from_menu)
      list.push_back(finding(Severity::warning, home, {}, fmt::format("в главном меню нет ссылки на раздел «{}»", v.title)));
  }
  for (const auto& sub : v.subsections) {
    std::string wrong;
    auto page = find_subsection(site, v.path, sub.path, &wrong);
    if (!page) {
      if (!wrong.empty())
        list.push_back(finding(Severity::error, wrong, {},
                               fmt::format("подраздел «{}» лежит по адресу с другим регистром букв: нужно /{}/{}", sub.title,
                                           v.path, sub.path)));
      else
        list.push_back(finding(Severity::error, "", {}, fmt::format("нет подраздела «{}» (/{}/{})", sub.title, v.path, sub.path)));
      continue;
    }
    std::deque<HtmlDocument> docs;
    docs.push_back(parse_html(site.read(*page)));
    if (links) links->add(*page, docs[0]);
    note_ministries(docs[0]);
    // The pages its addRef links lead to are part of the subsection (МР v9 §3.1; the robot's step 3.2).
    std::vector<std::string> files{*page};
    for (int a : add_refs(docs[0])) {
      const std::string& href = *docs[0].attr(a, "href");
      TextPos pos = docs[0].nodes[static_cast<size_t>(a)].pos;
      if (href.find_first_not_of(" \t\n\r#") == std::string::npos) continue;  // the markup audit says so
      Link l = site.resolve(*page, href);
      if (l.external) {
        list.push_back(finding(Severity::warning, *page, pos,
                               fmt::format("ссылка itemprop=\"addRef\" «{}» ведёт на другой сайт: сведения подраздела "
                                           "публикуются на сайте организации", href)));
      } else if (l.broken) {
        list.push_back(finding(Severity::error, *page, pos,
                               fmt::format("ссылка itemprop=\"addRef\" «{}» ведёт на несуществующую страницу: сведений с неё "
                                           "робот не получит", href)));
      } else if (!is_page(l.target)) {
        list.push_back(finding(Severity::warning, *page, pos,
                               fmt::format("ссылка itemprop=\"addRef\" «{}» ведёт на файл, а не на страницу: разметку в файле "
                                           "робот не прочтёт", href)));
      } else if (std::find(files.begin(), files.end(), l.target) == files.end()) {
        files.push_back(l.target);
        docs.push_back(parse_html(site.read(l.target)));
        if (links) links->add(l.target, docs.back());
        note_ministries(docs.back());
      }
    }
    if (files.size() > 11)
      list.push_back(finding(Severity::warning, *page, {},
                             fmt::format("у подраздела {} (itemprop=\"addRef\"): МР v9 (§3.1) рекомендуют не более 10",
                                         count_noun(static_cast<long long>(files.size() - 1), "дополнительная страница",
                                                    "дополнительные страницы", "дополнительных страниц"))));
    std::vector<MarkupPage> pages;
    for (size_t k = 0; k < docs.size(); ++k) pages.push_back({&docs[k], stylesheets.hidden_classes(docs[k], files[k])});
    for (const auto& f : audit_markup(pages, sub)) {
      list.push_back(finding(f.severity, files[f.page], f.pos, f.message));
      list.back().incomplete = f.incomplete;
      if (f.incomplete) ++out.incomplete;
    }
    // Document links lead to files that exist.
    std::set<std::string> props = link_props(sub);
    for (size_t k = 0; k < docs.size(); ++k)
      for (int a : docs[k].elements("a")) {
        const std::string* prop = docs[k].attr(a, "itemprop");
        const std::string* href = docs[k].attr(a, "href");
        if (!prop || !href || !props.count(*prop)) continue;
        Link l = site.resolve(files[k], *href);
        if (!l.external && l.broken)
          list.push_back(finding(Severity::error, files[k], docs[k].nodes[a].pos,
                                 fmt::format("ссылка на документ «{}» (itemprop=\"{}\") ведёт на несуществующий файл {}",
                                             docs[k].text_content(a), *prop, *href)));
      }
    if (!says_when_current(docs[0].text_content(0)))
      list.push_back(finding(Severity::warning, *page, {}, "не сказано, на какую дату сведения актуальны"));
  }
  for (const auto& m : v.ministries)
    if (!ministries.count(m.url))
      list.push_back(finding(Severity::error, "", {},
                             fmt::format("нет ссылки на официальный сайт: {} ({}) — ПП РФ № 1802, п. 17", m.text, m.url)));
  if (out.name.empty()) out.name = root.empty() ? "сайт школы" : root;
  return out;
}

// Threads for `jobs` (0: one per core).
int threads(int jobs) { return jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

}  // namespace

SchoolAudit audit_school_site(const Disk& disk, const std::string& root, const OpennessVocabulary& v) {
  HiddenClasses styles;
  return audit_school(SiteFiles(disk, root), v, nullptr, styles);
}

namespace {

// «schools/<slug>» of a file beneath one, "" for any other file.
std::string school_folder(const std::string& file) {
  size_t slash = file.rfind("schools/", 0) == 0 ? file.find('/', 8) : std::string::npos;
  return slash == std::string::npos ? "" : file.substr(0, slash);
}

// The school sites of an output: schools/<slug>/ is a school's site when it has the section «Сведения…»;
// a branch without a site of its own has none (its head school's section describes it), and its pages
// are the portal's.
std::vector<std::string> school_roots(const SiteFiles& all, const OpennessVocabulary& v) {
  std::set<std::string> roots;
  for (auto f = all.files().lower_bound("schools/"); f != all.files().end() && f->rfind("schools/", 0) == 0; ++f) {
    std::string folder = school_folder(*f);
    if (!folder.empty() && f->compare(folder.size(), v.path.size() + 2, "/" + v.path + "/") == 0) roots.insert(folder);
  }
  return {roots.begin(), roots.end()};
}

// The link check's findings to their sites, then every list in order and the schools by name.
OutputAudit finish_output_audit(std::vector<SchoolAudit> schools, const std::vector<std::string>& roots, LinkCheck& links) {
  OutputAudit a;
  a.schools = std::move(schools);
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < roots.size(); ++i) index[roots[i]] = i;
  links.finish([&](const std::string& file) -> std::vector<SiteFinding>& {
    // schools/<slug>/… belongs to that school's site.
    if (auto it = index.find(school_folder(file)); it != index.end()) return a.schools[it->second].findings;
    return a.portal;
  });
  sort_findings(a.portal);
  for (auto& s : a.schools) sort_findings(s.findings);
  // Schools in the order a reader looks for them: by name.
  std::vector<std::string> names;
  for (const auto& s : a.schools) names.push_back(s.name);
  std::vector<SchoolAudit> sorted;
  for (size_t i : order_by_name(names)) sorted.push_back(std::move(a.schools[i]));
  a.schools = std::move(sorted);
  count(a);
  return a;
}

// A school's pages handed over in memory; any other file as `read` gives it.
class HandedOver final : public Disk {
 public:
  HandedOver(const std::map<std::string, std::string_view>& pages, const std::function<std::optional<std::string>(const std::string&)>& read)
      : pages_(pages), read_(read) {}
  Result<std::string> read(const std::string& path) const override {
    if (auto it = pages_.find(path); it != pages_.end()) return std::string(it->second);
    if (auto bytes = read_(path)) return std::move(*bytes);
    return Status::failure(ExitCode::io, fmt::format("файла {} нет", path));
  }
  bool is_file(const std::string& path) const override { return pages_.count(path) > 0; }
  std::vector<std::string> list(const std::string&) const override { return {}; }

 private:
  const std::map<std::string, std::string_view>& pages_;
  const std::function<std::optional<std::string>(const std::string&)>& read_;
};

}  // namespace

OutputAudit audit_output(const Disk& disk, const OpennessVocabulary& v, int jobs) {
  SiteFiles all(disk, "");
  std::vector<std::string> list = school_roots(all, v);
  std::vector<SchoolAudit> schools(list.size());
  // Each page is read and parsed once: the school audits hand theirs to the link check.
  LinkCheck links(all, threads(jobs));
  HiddenClasses styles;
  parallel_for(list.size(), threads(jobs), [&](size_t i, int) {
    schools[i] = audit_school(SiteFiles(all, list[i]), v, &links, styles);
    return true;
  });
  return finish_output_audit(std::move(schools), list, links);
}

struct OutputAuditor::State {
  State(std::set<std::string> files, const OpennessVocabulary& vocabulary, Reader r, int jobs)
      : v(vocabulary), read(std::move(r)), by_read(none, read), all(by_read, std::move(files)), roots(school_roots(all, v)),
        links(all, threads(jobs)) {
    schools.resize(roots.size());
    for (size_t i = 0; i < roots.size(); ++i) root_index.emplace(roots[i], i);
  }
  const OpennessVocabulary& v;
  Reader read;
  const std::map<std::string, std::string_view> none;
  HandedOver by_read;  // a page not handed over, read as `read` gives it
  SiteFiles all;
  std::vector<std::string> roots;
  std::unordered_map<std::string, size_t> root_index;
  LinkCheck links;
  HiddenClasses styles;
  std::vector<SchoolAudit> schools;
  TextPool texts;  // the findings' files and messages, each held once

  void intern(std::vector<SiteFinding>& findings) {
    for (SiteFinding& f : findings) {
      texts.intern(f.file);
      texts.intern(f.message);
    }
  }
};

OutputAuditor::OutputAuditor(std::set<std::string> files, const OpennessVocabulary& v, Reader read, int jobs)
    : s_(std::make_unique<State>(std::move(files), v, std::move(read), jobs)) {}

OutputAuditor::~OutputAuditor() = default;

std::string OutputAuditor::school_root(const std::string& file) const {
  std::string root = school_folder(file);
  return s_->root_index.count(root) ? root : "";
}

void OutputAuditor::page(const std::string& file, std::string_view html) { s_->links.add_text(file, html); }

void OutputAuditor::school(const std::string& root, const std::map<std::string, std::string_view>& pages) {
  auto it = s_->root_index.find(root);
  if (it == s_->root_index.end()) {
    for (const auto& [file, html] : pages) page(file, html);
    return;
  }
  HandedOver disk(pages, s_->read);
  SchoolAudit& audit = s_->schools[it->second] = audit_school(SiteFiles(s_->all, root, &disk), s_->v, &s_->links, s_->styles);
  // Kept to the end of the build: held once, a message repeated school after school costs a pointer.
  s_->intern(audit.findings);
  // Its pages the section's audit has not parsed: their links.
  for (const auto& [file, html] : pages) s_->links.add_text(file, html);
}

OutputAudit OutputAuditor::finish() {
  // A school whose pages never came (none are written for it) is audited from what `read` gives.
  for (size_t i = 0; i < s_->roots.size(); ++i)
    if (s_->schools[i].root.empty()) s_->schools[i] = audit_school(SiteFiles(s_->all, s_->roots[i]), s_->v, &s_->links, s_->styles);
  OutputAudit a = finish_output_audit(std::move(s_->schools), s_->roots, s_->links);
  for (auto& school : a.schools) s_->intern(school.findings);  // those of links, added by finish_output_audit
  s_->intern(a.portal);
  s_.reset();  // the links of every page: not needed once the report is made
  return a;
}

OutputAudit audit_single_site(const Disk& disk, const OpennessVocabulary& v) {
  OutputAudit a;
  SiteFiles all(disk, "");
  LinkCheck links(all, threads(0));
  HiddenClasses styles;
  a.schools.push_back(audit_school(all, v, &links, styles));
  links.finish([&](const std::string&) -> std::vector<SiteFinding>& { return a.schools[0].findings; });
  sort_findings(a.schools[0].findings);
  count(a);
  return a;
}

std::string format_audit_text(const OutputAudit& a, const std::string& shown, const std::string& total) {
  std::string out = fmt::format("Проверка опубликованного сайта: {}\n", shown);
  auto line = [&](const SiteFinding& f) {
    std::string where = f.file.empty() ? "" : f.pos.line ? fmt::format("{}:{}:{}: ", f.file, f.pos.line, f.pos.column) : f.file.str() + ": ";
    return fmt::format("    {}{}\n", where, f.message);
  };
  auto group = [&](const std::string& title, const std::vector<SiteFinding>& list) {
    int e = 0, w = 0;
    for (const auto& f : list) (f.severity == Severity::error ? e : w)++;
    out += fmt::format("\n{}\n", title);
    if (e) {
      out += fmt::format("  ошибки ({}):\n", e);
      for (const auto& f : list)
        if (f.severity == Severity::error) out += line(f);
    }
    if (w) {
      out += fmt::format("  предупреждения ({}):\n", w);
      for (const auto& f : list)
        if (f.severity == Severity::warning) out += line(f);
    }
  };
  if (!a.portal.empty()) group("Сайт управления образования", a.portal);
  std::vector<std::string> clean;
  for (const auto& s : a.schools) {
    if (s.findings.empty()) {
      clean.push_back(s.name);
      continue;
    }
    group(s.root.empty() ? s.name : fmt::format("{} — {}/", s.name, s.root), s.findings);
  }
  if (!clean.empty()) out += fmt::format("\nБез замечаний: {}.\n", fmt::join(clean, "; "));
  if (a.incomplete_schools)
    out += fmt::format("\nНеполные сведения: {}.", count_noun(a.incomplete_schools, "сайт школы", "сайта школ", "сайтов школ"));
  out += fmt::format("\n{}: {}, {}", total, count_noun(a.errors, "ошибка", "ошибки", "ошибок"),
                     count_noun(a.warnings, "предупреждение", "предупреждения", "предупреждений"));
  if (a.schools.size() > 1) out += fmt::format(" ({} проверено)", count_noun(static_cast<long long>(a.schools.size()), "сайт школы", "сайта школ", "сайтов школ"));
  out += ".\n";
  return valid_utf8_of(std::move(out));
}

std::string format_audit_json(const OutputAudit& a) {
  std::string out = "{\n";
  auto list = [&](const std::vector<SiteFinding>& fs) {
    std::string s = "[";
    for (size_t i = 0; i < fs.size(); ++i) {
      const auto& f = fs[i];
      s += fmt::format("{}\n      {{\"severity\": \"{}\", \"file\": {}, \"line\": {}, \"column\": {}, \"message\": {}, "
                       "\"incomplete\": {}}}", i ? "," : "", f.severity == Severity::error ? "error" : "warning", quoted_json(f.file),
                       f.pos.line, f.pos.column, quoted_json(f.message), f.incomplete);
    }
    return s + (fs.empty() ? "]" : "\n    ]");
  };
  out += fmt::format("  \"errors\": {},\n  \"warnings\": {},\n  \"incomplete_schools\": {},\n  \"portal\": {},\n  \"schools\": [",
                     a.errors, a.warnings, a.incomplete_schools, list(a.portal));
  for (size_t i = 0; i < a.schools.size(); ++i) {
    const auto& s = a.schools[i];
    out += fmt::format("{}\n    {{\"root\": {}, \"name\": {}, \"incomplete\": {}, \"findings\": {}}}", i ? "," : "",
                       quoted_json(s.root), quoted_json(s.name), s.incomplete, list(s.findings));
  }
  out += a.schools.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return valid_utf8_of(std::move(out));  // file names of a saved mirror may be in any encoding: JSON is UTF-8
}

}  // namespace sveden
