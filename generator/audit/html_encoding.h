// The encoding of an HTML page as a browser determines it (WHATWG «encoding sniffing»): a byte order
// mark, the charset of the HTTP Content-Type saved with a monitored page, the <meta> prescan of the
// first 1024 bytes (charset and http-equiv), then the fallback of a Russian browser: UTF-8 when the
// bytes are valid UTF-8, otherwise windows-1251. The page is then converted to UTF-8 (ICU).
#pragma once
#include <string>
#include <string_view>

namespace sveden {

struct DecodedHtml {
  std::string text;      // UTF-8, without a byte order mark; undecodable bytes become U+FFFD
  std::string encoding;  // the WHATWG name: «UTF-8», «windows-1251», «KOI8-R»…
  enum class Source { bom, http, meta, fallback } source = Source::fallback;
};

DecodedHtml decode_html(std::string_view bytes, std::string_view content_type = {});
// The same text without the encoding's name: `bytes` themselves (without a byte order mark) when they are
// valid UTF-8, as every page sveden writes is, else the converted copy kept in `storage`. A report of
// tens of MB is then held once, not three times.
std::string_view html_text(std::string_view bytes, std::string_view content_type, std::string& storage);

// The charset parameter of a Content-Type value («text/html; charset=windows-1251»), "" when none.
std::string charset_parameter(std::string_view content_type);

// The WHATWG name of an encoding label («cp1251», « Windows-1251 », «latin1»), "" when the label is unknown.
std::string encoding_for_label(std::string_view label);

// Whether `s` is valid UTF-8: no overlong form, surrogate, code point above U+10FFFF or cut-off character.
bool is_valid_utf8(std::string_view s);
// `s` with each invalid UTF-8 sequence replaced by U+FFFD: what any report prints is valid UTF-8.
std::string valid_utf8(std::string_view s);
// The same of a text given up: itself when it is valid, without a copy (a report of 371,000 findings is 147 MB).
std::string valid_utf8_of(std::string&& s);

}  // namespace sveden
