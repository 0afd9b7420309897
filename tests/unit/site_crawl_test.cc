// monitor/site_crawl with a client that answers from memory: what is asked, in which order, what is
// saved, and that an interrupted crawl resumes without asking again.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "../support/test_files.h"
#include "load/openness_vocabulary.h"
#include "monitor/site_crawl.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

struct FakeSite : HttpClient {
  std::map<std::string, HttpResponse> answers;  // by URL; anything else is a 404
  std::vector<std::string> asked;
  void page(const std::string& url, const std::string& html, const std::string& type = "text/html") {
    HttpResponse r;
    r.ok = true;
    r.status = 200;
    r.content_type = type;
    r.body = html;
    r.length = static_cast<long long>(html.size());
    answers[url] = r;
  }
  void redirect(const std::string& url, const std::string& to) {
    HttpResponse r;
    r.ok = true;
    r.status = 301;
    r.location = to;
    answers[url] = r;
  }
  HttpResponse get(const std::string& url, const HttpLimits& limits) override {
    asked.push_back(url);
    auto it = answers.find(url);
    if (it == answers.end()) {
      HttpResponse r;
      r.ok = true;
      r.status = 404;
      return r;
    }
    HttpResponse r = it->second;
    if (static_cast<long long>(r.body.size()) > limits.max_bytes) {
      r.body.resize(static_cast<size_t>(limits.max_bytes));
      r.truncated = true;
    }
    return r;
  }
};

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("sveden-crawl-" + std::to_string(::getpid()));
  TempDir() { fs::remove_all(path); }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("site crawl: home, section, subsections, their pages and documents; robots.txt and redirects") {
  FakeSite s;
  s.page("https://s.ru/robots.txt", "User-agent: *\nDisallow: /sveden/paid_edu\n", "text/plain");
  s.page("https://s.ru/", "<a href=\"/sveden/\">Сведения</a> <a href=\"/news/\">Новости</a> <a href=\"https://other.ru/\">x</a>");
  s.page("https://s.ru/sveden/", "<a href=\"common.html\">1</a><a href=\"document/\">2</a>");
  s.redirect("https://s.ru/sveden/common", "/sveden/common.html");
  s.page("https://s.ru/sveden/common.html", "<h1>Основные сведения</h1><a itemprop=\"addRef\" href=\"/about/more.php\">ещё</a>");
  s.page("https://s.ru/about/more.php", "<p>ещё</p>");
  s.page("https://s.ru/sveden/document/", "<a href=\"/upload/ustav.pdf\">Устав</a><link rel=stylesheet href=\"/s.css\">");
  s.page("https://s.ru/upload/ustav.pdf", "%PDF-1.7 /ByteRange [0 1 2 3] /Type /Sig", "application/pdf");
  s.page("https://s.ru/s.css", ".x{display:none}", "text/css");
  s.page("https://s.ru/news/", "<p>новости</p>");
  TempDir dir;
  CrawlOptions o;
  o.delay_ms = 0;
  std::vector<std::string> lines;
  CrawlResult r = crawl_site(s, "https://s.ru", dir.path.string(), builtin_openness(), o, [&](const std::string& l) { lines.push_back(l); });
  CHECK(r.base == "https://s.ru/");
  CHECK_FALSE(r.https_failed);
  std::map<std::string, const FetchRecord*> by;
  for (const auto& x : r.records) by[x.url] = &x;
  REQUIRE(by.count("https://s.ru/sveden/common.html"));
  CHECK(by["https://s.ru/sveden/common"]->status == 301);
  CHECK(by["https://s.ru/sveden/common.html"]->file == "sveden/common.html");
  CHECK(by["https://s.ru/about/more.php"]->role == "addref");
  CHECK(by["https://s.ru/about/more.php"]->file == "about/more.php.html");
  CHECK(by["https://s.ru/upload/ustav.pdf"]->signature == "PDF /Sig");
  CHECK(by["https://s.ru/upload/ustav.pdf"]->file == "upload/ustav.pdf");
  CHECK(by["https://s.ru/s.css"]->role == "stylesheet");
  CHECK(by["https://s.ru/news/"]->role == "link");
  CHECK(by["https://s.ru/news/"]->file.empty());  // asked for its status only
  CHECK(by["https://s.ru/sveden/paid_edu"]->error == "закрыто в robots.txt");
  CHECK(by["https://s.ru/sveden/paid_edu"]->status == 0);
  CHECK(by.count("https://other.ru/") == 0);  // another site is never asked
  CHECK(std::find(s.asked.begin(), s.asked.end(), "https://s.ru/sveden/paid_edu") == s.asked.end());
  CHECK(test::read_file(dir.path / "site/sveden/common.html") == "<h1>Основные сведения</h1><a itemprop=\"addRef\" href=\"/about/more.php\">ещё</a>");
  CHECK(fs::exists(dir.path / "headers/sveden/common.html.txt"));
  // Resumed: fetch.tsv has every address, none is asked again.
  size_t asked = s.asked.size();
  CrawlResult again = crawl_site(s, "https://s.ru", dir.path.string(), builtin_openness(), o, [](const std::string&) {});
  CHECK(s.asked.size() == asked);
  CHECK(again.records.size() == r.records.size());
  CHECK(read_fetch_log(dir.path.string()).size() == r.records.size());
}

TEST_CASE("site crawl: the bounds on requests and bytes, and a site over http only") {
  FakeSite s;
  s.page("http://s.ru/", "<a href=\"/sveden/\">Сведения</a>");
  s.page("http://s.ru/sveden/", "<a href=\"/a.pdf\">a</a><a href=\"/b.pdf\">b</a>");
  s.page("http://s.ru/a.pdf", std::string(5000, 'a'), "application/pdf");
  s.page("http://s.ru/b.pdf", std::string(5000, 'b'), "application/pdf");
  TempDir dir;
  CrawlOptions o;
  o.delay_ms = 0;
  o.max_bytes = 6000;
  CrawlResult r = crawl_site(s, "http://s.ru/", dir.path.string(), builtin_openness(), o, [](const std::string&) {});
  CHECK(r.https_failed);  // https://s.ru/ answered 404
  CHECK(r.base == "http://s.ru/");
  std::map<std::string, const FetchRecord*> by;
  for (const auto& x : r.records) by[x.url] = &x;
  CHECK_FALSE(by["http://s.ru/a.pdf"]->truncated);
  CHECK(by["http://s.ru/b.pdf"]->truncated);  // what was left of the site's budget
  CHECK(fs::file_size(dir.path / "site/b.pdf") < 5000);
  CrawlOptions few = o;
  few.max_requests = 3;
  TempDir dir2;
  CrawlResult f = crawl_site(s, "http://s.ru/", dir2.path.string() + "-2", builtin_openness(), few, [](const std::string&) {});
  int refused = 0;
  for (const auto& x : f.records) refused += x.error.rfind("предел запросов", 0) == 0;
  CHECK(refused > 10);
  fs::remove_all(dir2.path.string() + "-2");
}
