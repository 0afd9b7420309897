#include <random>
#include <string>

#include <doctest/doctest.h>
#include <kainjow/mustache.hpp>

#include "render/html.h"
#include "render/markdown.h"

using namespace sveden;

TEST_CASE("escaping for HTML text and attributes") {
  CHECK(escape_html("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE("external links from data are used only when safe") {
  CHECK(safe_external_url("https://school.example/") == "https://school.example/");
  CHECK(safe_external_url("javascript:alert(1)") == "");
  CHECK(safe_external_url("http://x\" onmouseover=\"a") == "");
  CHECK(escape_url_path("schools/школа 1/") == "schools/%D1%88%D0%BA%D0%BE%D0%BB%D0%B0%201/");
}

TEST_CASE("relative roots") {
  CHECK(root_prefix("") == "./");
  CHECK(root_prefix("schools/") == "../");
  CHECK(root_prefix("schools/sosh-2/") == "../../");
}

TEST_CASE("Markdown: raw HTML is left out unless trusted, tables work") {
  std::string html = markdown_to_html("Текст <script>alert(1)</script>\n\n[ссылка](javascript:alert(1))\n");
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n").find("<table>") != std::string::npos);
  CHECK(markdown_to_html("<b>x</b>", true).find("<b>x</b>") != std::string::npos);
}

TEST_CASE("control characters never reach a page or a feed: C0 except tab and line breaks, U+FFFE, U+FFFF") {
  CHECK(drop_control_characters("a\x0b" "b\x1b[31mc\x01") == "ab[31mc");
  CHECK(drop_control_characters(std::string("x\0y", 3)) == "xy");
  CHECK(drop_control_characters("a\tb\nc\rd") == "a\tb\nc\rd");
  CHECK(drop_control_characters("ш\xEF\xBF\xBEщ\xEF\xBF\xBF") == "шщ");
  CHECK(drop_control_characters("\xEF\xBF\xBD") == "\xEF\xBF\xBD");  // U+FFFD stays
  CHECK(escape_html("<\x0c>") == "&lt;&gt;");
}

TEST_CASE("escape_html is the five characters escaped in the text without its control characters, for any bytes") {
  // The same in two passes, as it was written before it became one.
  auto two_passes = [](std::string_view raw) {
    std::string out;
    for (char c : drop_control_characters(raw)) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
      }
    }
    return out;
  };
  CHECK(escape_html("") == "");
  CHECK(escape_html("\x01&\xEF\xBF\xBE<") == "&amp;&lt;");
  CHECK(escape_html("\xEF\x01\xBF\xBE") == "\xEF\xBF\xBE");  // bytes brought together by a drop stay
  CHECK(escape_html("ab\xEF\xBF") == "ab\xEF\xBF");
  // Random texts from the bytes that matter, ordinary letters and Cyrillic among them.
  const std::string alphabet[] = {"a", "ш", "&", "<", ">", "\"", "'", "\x01", "\x1f", "\t", "\n", "\r", "\xEF", "\xBF", "\xBE", "\xBD", " "};
  std::mt19937 random(17);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (size_t k = random() % 24; k > 0; --k) text += alphabet[random() % std::size(alphabet)];
    REQUIRE(escape_html(text) == two_passes(text));
    // What templates' {{…}} give: Mustache's own escape after the drop, as it was.
    REQUIRE(escape_html(text, "&apos;") == kainjow::mustache::html_escape(drop_control_characters(text)));
  }
  // Long runs of ordinary bytes, with the bytes beside those that matter (0x1E, space, DEL, 0x80, 0xFF), and
  // now and then one that matters anywhere in a run: the sixteen-byte search (SSE2) and its end, both ways.
  const std::string ordinary[] = {"a", "ш", " ", "\x1e", "\x20", "\x7f", "\x80", "\xff", "\xEE", "\xF0", "%", "="};
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (size_t k = random() % 80; k > 0; --k)
      text += random() % 12 ? ordinary[random() % std::size(ordinary)] : alphabet[random() % std::size(alphabet)];
    REQUIRE(escape_html(text) == two_passes(text));
  }
}
