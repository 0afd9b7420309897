// monitor/web_url: the addresses the crawler reads on school sites.
#include <doctest/doctest.h>

#include "monitor/site_crawl.h"
#include "monitor/web_url.h"

using namespace sveden;

TEST_CASE("web url: parsing, resolution and the site an address belongs to") {
  auto base = parse_web_url("HTTPS://School5.example.ru:443/sveden/common/index.html?x=1#top");
  REQUIRE(base);
  CHECK(base->str() == "https://school5.example.ru/sveden/common/index.html?x=1");
  CHECK(resolve_web_url(*base, "../document/")->str() == "https://school5.example.ru/sveden/document/");
  CHECK(resolve_web_url(*base, "/../../etc/passwd")->str() == "https://school5.example.ru/etc/passwd");
  CHECK(resolve_web_url(*base, "//www.school5.example.ru/a")->str() == "https://www.school5.example.ru/a");
  CHECK(resolve_web_url(*base, "?page=2")->str() == "https://school5.example.ru/sveden/common/index.html?page=2");
  CHECK_FALSE(resolve_web_url(*base, "mailto:school@example.ru"));
  CHECK_FALSE(resolve_web_url(*base, "javascript:void(0)"));
  CHECK_FALSE(resolve_web_url(*base, "#anchor"));
  CHECK_FALSE(parse_web_url("ftp://school5.example.ru/"));
  CHECK_FALSE(parse_web_url("school5.example.ru"));
  CHECK(same_site(*parse_web_url("http://www.school5.example.ru/"), *base));
  CHECK_FALSE(same_site(*parse_web_url("https://school5.example.ru:8443/"), *base));
  CHECK_FALSE(same_site(*parse_web_url("https://edu.example.ru/"), *base));
}

TEST_CASE("web url: where a snapshot saves each body, never outside site/") {
  auto at = [](const char* url, bool html) { return snapshot_file(*parse_web_url(url), html); };
  CHECK(at("https://s.ru/", true) == "index.html");
  CHECK(at("https://s.ru/sveden/common", true) == "sveden/common/index.html");
  CHECK(at("https://s.ru/sveden/common/", true) == "sveden/common/index.html");
  CHECK(at("https://s.ru/sveden/common.html", true) == "sveden/common.html");
  CHECK(at("https://s.ru/index.php", true) == "index.php.html");
  CHECK(at("https://s.ru/upload/Устав.pdf", false) == "upload/Устав.pdf");
  CHECK(at("https://s.ru/a/../../b/..//c", false) == "c");
}
