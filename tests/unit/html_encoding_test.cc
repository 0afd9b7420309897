// audit/html_encoding: which encoding a browser reads a page in, and the page as UTF-8.
#include <doctest/doctest.h>

#include "audit/html_encoding.h"

using namespace sveden;

namespace {
const std::string kPrivet1251 = "\xCF\xF0\xE8\xE2\xE5\xF2";  // «Привет»
std::string source(const DecodedHtml& d) {
  switch (d.source) {
    case DecodedHtml::Source::bom: return "bom";
    case DecodedHtml::Source::http: return "http";
    case DecodedHtml::Source::meta: return "meta";
    case DecodedHtml::Source::fallback: return "fallback";
  }
  return "";
}
}  // namespace

TEST_CASE("html encoding: BOM, then HTTP, then <meta>, then the Russian fallback") {
  DecodedHtml bom = decode_html("\xEF\xBB\xBF<meta charset=windows-1251>Привет", "text/html; charset=koi8-r");
  CHECK(source(bom) == "bom");
  CHECK(bom.text == "<meta charset=windows-1251>Привет");
  DecodedHtml http = decode_html("<meta charset=utf-8>" + kPrivet1251, "text/html; Charset=\"Windows-1251\"");
  CHECK(source(http) == "http");
  CHECK(http.encoding == "windows-1251");
  CHECK(http.text == "<meta charset=utf-8>Привет");
  DecodedHtml meta = decode_html("<!-- <meta charset=koi8-r> --><META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=cp1251'>" + kPrivet1251);
  CHECK(source(meta) == "meta");
  CHECK(meta.encoding == "windows-1251");
  // http-equiv is needed for a charset in content; a meta after 1024 bytes is not seen.
  CHECK(decode_html("<meta content=\"text/html; charset=koi8-r\">" + kPrivet1251).encoding == "windows-1251");
  CHECK(source(decode_html(std::string(1100, ' ') + "<meta charset=koi8-r>" + kPrivet1251)) == "fallback");
  CHECK(decode_html("<meta charset=utf-16>Привет").encoding == "UTF-8");
  CHECK(decode_html("<meta charset=latin1>\xE9").text == "<meta charset=latin1>é");
  DecodedHtml fallback = decode_html("<p>" + kPrivet1251);
  CHECK(source(fallback) == "fallback");
  CHECK(fallback.text == "<p>Привет");
  CHECK(decode_html("<p>Привет").encoding == "UTF-8");
  CHECK(decode_html("<meta charset=nonsense><p>Привет").encoding == "UTF-8");
}

TEST_CASE("html encoding: the result is valid UTF-8 whatever the bytes") {
  CHECK(decode_html("<meta charset=utf-8>a\xFF\xC0\xAF" "b").text == "<meta charset=utf-8>a\uFFFD\uFFFD\uFFFDb");
  CHECK(valid_utf8("\xED\xA0\x80") == "\uFFFD\uFFFD\uFFFD");  // a surrogate is not UTF-8
  CHECK(valid_utf8("Ёж \xF0\x9F\x98\x80") == "Ёж \xF0\x9F\x98\x80");
  CHECK(charset_parameter("text/html;charset=UTF-8") == "utf-8");
  CHECK(charset_parameter("text/html") == "");
  CHECK(encoding_for_label(" CP1251 ") == "windows-1251");
  CHECK(encoding_for_label("x-unknown") == "");
}

TEST_CASE("html encoding: a valid text given up is returned as it is, not copied; an invalid one is mended") {
  // check's report of 371,000 findings at 10,000 schools is 147 MB: a copy of it went over 1 GB.
  std::string report(1 << 20, 'a');
  report += "Ёж";
  const char* bytes = report.data();
  std::string same = valid_utf8_of(std::move(report));
  CHECK(same.data() == bytes);
  CHECK(same.size() == (1u << 20) + std::string("Ёж").size());
  CHECK(valid_utf8_of(std::string("a\xFF" "b")) == "a\uFFFDb");
}
