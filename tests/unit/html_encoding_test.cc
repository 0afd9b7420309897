// audit/html_encoding: which encoding a browser reads a page in, and the page as UTF-8.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>

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

// is_valid_utf8 as it was before it read eight bytes of two-byte characters at a time: one character
// after another. The reference the faster one must agree with on every input.
bool reference_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (n < 0 || (n == 1 && c < 0xC2) || (n == 3 && c > 0xF4) || i + static_cast<size_t>(n) >= s.size() + (n ? 0 : 1))
      return false;
    unsigned char c1 = n ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (n == 2 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F))) return false;
    if (n == 3 && ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))) return false;
    for (int k = 1; k <= n; ++k)
      if ((static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0xC0) != 0x80) return false;
    i += static_cast<size_t>(n) + 1;
  }
  return true;
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

TEST_CASE("html encoding: is_valid_utf8 agrees with a byte-by-byte reference on every kind of input") {
  int checked = 0, differences = 0;
  auto check = [&](const std::string& s) {
    ++checked;
    if (is_valid_utf8(s) != reference_valid_utf8(s) && ++differences <= 5) FAIL_CHECK("is_valid_utf8 differs on " << s);
  };
  CHECK(is_valid_utf8("Ёж \xF0\x9F\x98\x80 \xE2\x80\x94"));
  CHECK(!is_valid_utf8("\xD0\xB0\xD0\xB0\xD0\xB0\xD0"));  // a lead cut off by the end, after eight good bytes
  CHECK(!is_valid_utf8("abcdefg\xC1\xBF"));                 // overlong, its lead in the last byte of a word
  // Every string of one or two bytes.
  std::string s;
  for (int a = 0; a < 256; ++a) {
    check(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) check({static_cast<char>(a), static_cast<char>(b)});
  }
  // Bytes at the edges of the rules (C0/C1 overlong leads, E0/ED/F0/F4 and their second bytes, surrogates,
  // F5–FF), in every combination of three, at every offset of a word, after ASCII or two-byte characters
  // and before padding: the word path and the byte path meet at each place.
  const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xD0,
                                 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xF8, 0xFF};
  for (unsigned char a : edges)
    for (unsigned char b : edges)
      for (unsigned char c : edges)
        for (int before : {0, 3, 6, 7, 8, 14, 15, 16})  // the middle across words (8) and blocks (16)
          for (int after = 0; after <= 9; after += 9) {
            std::string middle{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
            check(std::string(static_cast<size_t>(before), 'a') + middle + std::string(static_cast<size_t>(after), 'b'));
            std::string cyrillic;
            for (int k = 0; k < before; ++k) cyrillic += "\xD0\xB6";
            check("x" + cyrillic + middle + std::string(static_cast<size_t>(after), 'b'));
          }
  // Random strings: any bytes, then mostly valid text (ASCII, Cyrillic, dashes, emoji) with a byte changed
  // or cut off now and then; every other one long, of ASCII and Cyrillic with a rare dash or emoji, so that
  // whole blocks of sixteen bytes are read at once and the changed byte falls in one.
  std::mt19937_64 rng(8);
  for (int k = 0; k < 200000; ++k) {
    s.clear();
    const bool any_bytes = k % 4 == 0, long_text = k % 2 == 1;
    const size_t length = rng() % (long_text ? 120 : 48);
    const uint64_t others = long_text ? 40 : 10;  // of them, the dashes and emoji are the last three
    while (s.size() < length) {
      const uint64_t r = rng();
      if (any_bytes) s += static_cast<char>(r);
      else if (r % others < 3) s += 'x';
      else if (r % others < others - 3) s += r & 0x100 ? "\xD1\x91" : "\xD0\xB0";
      else if (r % others < others - 1) s += "\xE2\x80\x94";
      else s += "\xF0\x9F\x98\x80";
    }
    if (!any_bytes && k % 3 == 0 && !s.empty()) s[rng() % s.size()] = static_cast<char>(rng());
    if (!any_bytes && k % 5 == 0 && !s.empty()) s.pop_back();
    check(s);
  }
  CHECK(differences == 0);
  CHECK(checked > 300000);
}
