// Encoding sniffing per the HTML standard (§13.2.3), the prescan included, with ICU converters.
#include "audit/html_encoding.h"

#include "base/ascii.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace sveden {
namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && lower_ascii(s.substr(0, prefix.size())) == prefix;
}

struct Label {
  std::string_view label, name;
};
// The labels of the WHATWG Encoding Standard that Russian sites use, mapped to the encoding's name;
// other labels go to ICU as they are.
const Label kLabels[] = {
    {"utf-8", "UTF-8"},           {"utf8", "UTF-8"},           {"unicode-1-1-utf-8", "UTF-8"},
    {"windows-1251", "windows-1251"}, {"cp1251", "windows-1251"}, {"x-cp1251", "windows-1251"},
    {"koi8-r", "KOI8-R"},         {"koi8", "KOI8-R"},          {"koi", "KOI8-R"},
    {"koi8_r", "KOI8-R"},         {"cskoi8r", "KOI8-R"},       {"koi8-u", "KOI8-U"},
    {"koi8-ru", "KOI8-U"},        {"ibm866", "IBM866"},        {"cp866", "IBM866"},
    {"866", "IBM866"},            {"csibm866", "IBM866"},      {"x-mac-cyrillic", "x-mac-cyrillic"},
    {"x-mac-ukrainian", "x-mac-cyrillic"}, {"iso-8859-5", "ISO-8859-5"}, {"iso8859-5", "ISO-8859-5"},
    {"cyrillic", "ISO-8859-5"},   {"iso-8859-1", "windows-1252"}, {"latin1", "windows-1252"},
    {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"},  {"windows-1252", "windows-1252"},
    {"cp1252", "windows-1252"},   {"utf-16", "UTF-16LE"},      {"utf-16le", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},     {"unicode", "UTF-16LE"},     {"x-user-defined", "windows-1252"}};

// ICU's converter for a WHATWG name.
const char* icu_name(const std::string& name) {
  if (name == "x-mac-cyrillic") return "macos-7_3-10.2";
  if (name == "IBM866") return "ibm-866";
  return name.c_str();
}

std::string to_utf8(std::string_view bytes, const std::string& encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(icu_name(encoding), &status), &ucnv_close);
  if (U_FAILURE(status)) return valid_utf8(bytes);
  std::u16string wide(bytes.size() * 2 + 16, u'\0');
  status = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(wide.data()), static_cast<int32_t>(wide.size()),
                            bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return valid_utf8(bytes);
  std::string out(static_cast<size_t>(n) * 3 + 16, '\0');
  int32_t length = 0, substitutions = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length, reinterpret_cast<const UChar*>(wide.data()),
                     n, 0xFFFD, &substitutions, &status);
  if (U_FAILURE(status)) return valid_utf8(bytes);
  out.resize(static_cast<size_t>(length));
  return out;
}

// The prescan's «get an attribute»: from `i` in `s`, the next attribute of a tag; false at its end.
bool next_attribute(std::string_view s, size_t& i, std::string& name, std::string& value) {
  while (i < s.size() && (is_space(s[i]) || s[i] == '/')) ++i;
  if (i >= s.size() || s[i] == '>') return false;
  name.clear();
  value.clear();
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '=' && !name.empty()) break;
    if (is_space(c) || c == '/' || c == '>') break;
    name += lower_ascii(c);
  }
  while (i < s.size() && is_space(s[i])) ++i;
  if (i >= s.size() || s[i] != '=') return true;
  for (++i; i < s.size() && is_space(s[i]);) ++i;
  if (i >= s.size()) return true;
  if (s[i] == '"' || s[i] == '\'') {
    char quote = s[i++];
    size_t end = s.find(quote, i);
    if (end == std::string_view::npos) end = s.size();
    value = lower_ascii(s.substr(i, end - i));
    i = end + 1;
    return true;
  }
  for (; i < s.size() && !is_space(s[i]) && s[i] != '>'; ++i) value += lower_ascii(s[i]);
  return true;
}

// The charset named in a meta's content («text/html; charset=windows-1251»), as the standard extracts it.
std::string charset_in_content(std::string_view content) {
  std::string c = lower_ascii(content);
  for (size_t at = 0; (at = c.find("charset", at)) != std::string::npos;) {
    size_t i = at + 7;
    while (i < c.size() && is_space(c[i])) ++i;
    if (i >= c.size() || c[i] != '=') {
      at = i;
      continue;
    }
    for (++i; i < c.size() && is_space(c[i]);) ++i;
    if (i < c.size() && (c[i] == '"' || c[i] == '\'')) {
      size_t end = c.find(c[i], i + 1);
      return end == std::string::npos ? "" : c.substr(i + 1, end - i - 1);
    }
    size_t end = i;
    while (end < c.size() && !is_space(c[end]) && c[end] != ';') ++end;
    return c.substr(i, end - i);
  }
  return "";
}

// The <meta> prescan over the first 1024 bytes; the encoding's name, or nullopt.
std::optional<std::string> prescan(std::string_view bytes) {
  std::string_view s = bytes.substr(0, 1024);
  for (size_t i = 0; i < s.size();) {
    if (s.substr(i, 4) == "<!--") {
      size_t end = s.find("-->", i + 2);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 3;
      continue;
    }
    bool meta = starts_with_ci(s.substr(i), "<meta") && i + 5 < s.size() && (is_space(s[i + 5]) || s[i + 5] == '/');
    if (meta) {
      i += 5;
      std::string name, value, charset, content;
      bool got_pragma = false, need_pragma = false, pragma_known = false;
      while (next_attribute(s, i, name, value)) {
        if (name == "http-equiv" && value == "content-type") got_pragma = true;
        if (name == "content" && content.empty()) {
          content = charset_in_content(value);
          if (!content.empty()) pragma_known = true;
        }
        if (name == "charset" && charset.empty()) charset = value;
      }
      std::string label;
      if (!charset.empty()) label = charset, need_pragma = false;
      else if (pragma_known) label = content, need_pragma = true;
      if (!label.empty() && (!need_pragma || got_pragma)) {
        std::string encoding = encoding_for_label(label);
        if (encoding == "UTF-16LE" || encoding == "UTF-16BE") encoding = "UTF-8";  // as the standard says
        if (encoding == "x-user-defined") encoding = "windows-1252";
        if (!encoding.empty()) return encoding;
      }
      continue;
    }
    bool tag = s[i] == '<' && i + 1 < s.size() &&
               (((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z') ||
                (s[i + 1] == '/' && i + 2 < s.size() && (s[i + 2] | 0x20) >= 'a' && (s[i + 2] | 0x20) <= 'z'));
    if (tag) {
      while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
      std::string name, value;
      while (next_attribute(s, i, name, value)) {
      }
      ++i;
      continue;
    }
    if (s.substr(i, 2) == "<!" || s.substr(i, 2) == "</" || s.substr(i, 2) == "<?") {
      size_t end = s.find('>', i + 2);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 1;
      continue;
    }
    ++i;
  }
  return std::nullopt;
}

// One character at `i` (a character boundary) checked byte by byte: its length, 0 when it is invalid.
size_t utf8_char_length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
  if (n < 0 || (n == 1 && c < 0xC2) || (n == 3 && c > 0xF4) || i + static_cast<size_t>(n) >= s.size() + (n ? 0 : 1))
    return 0;
  unsigned char c1 = n ? static_cast<unsigned char>(s[i + 1]) : 0;
  if (n == 2 && ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F))) return 0;
  if (n == 3 && ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))) return 0;
  for (int k = 1; k <= n; ++k)
    if ((static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0xC0) != 0x80) return 0;
  return static_cast<size_t>(n) + 1;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  // Eight bytes at a time while they are ASCII and two-byte characters (markup and Cyrillic text: almost
  // all of our pages; walking the Cyrillic byte by byte was a sixth of visiting a page's elements). In
  // each byte of `w` (little-endian: byte 0 first), b7, b6 and b5 are its top three bits.
  static_assert(std::endian::native == std::endian::little);
  constexpr uint64_t kHigh = 0x8080808080808080ULL, kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const char* p = s.data();
  size_t i = 0;
  while (i < s.size()) {
#ifdef __SSE2__
    // Sixteen bytes at a time, the same characters: each continuation byte right after a lead C2–DF, and each
    // such lead before one. A block ending in a lead is taken without it; anything else is for the paths below.
    const __m128i c0 = _mm_set1_epi8(static_cast<char>(0xC0)), e0 = _mm_set1_epi8(static_cast<char>(0xE0)),
                  fe = _mm_set1_epi8(static_cast<char>(0xFE)), x80 = _mm_set1_epi8(static_cast<char>(0x80));
    while (i + 16 <= s.size()) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(x));
      if (!high) {
        i += 16;
        continue;
      }
      const unsigned continuation = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, c0), x80)));
      const unsigned lead = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, e0), c0))) &
                            ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(x, fe), c0)));  // not C0, C1
      if ((high & ~(continuation | lead)) || continuation != ((lead << 1) & 0xFFFFu)) break;
      i += lead & 0x8000u ? 15 : 16;
    }
#endif
    for (uint64_t w; i + 8 <= s.size();) {
      std::memcpy(&w, p + i, 8);
      if (!(w & kHigh)) {
        i += 8;
        continue;
      }
      const uint64_t b7 = w & kHigh, b6 = (w << 1) & kHigh, b5 = (w << 2) & kHigh;
      // Bytes from the first lead of a three- or four-byte character (or an invalid F8–FF) on are left to
      // the byte path: `take` has the high bit of each byte before it.
      const uint64_t long_lead = b7 & b6 & b5;
      const uint64_t take = long_lead ? (long_lead & (0 - long_lead)) - 1 : ~uint64_t{0};
      const uint64_t continuation = b7 & ~b6 & take, lead = b7 & b6 & ~b5 & take;
      // Each continuation byte follows a lead (`i` is a character boundary, so byte 0 cannot be one),
      // each lead but one in the last byte taken has its continuation; C0 and C1 (bits 1–4 zero) are overlong.
      const uint64_t payload = ((w & 0x1E1E1E1E1E1E1E1EULL) + kLow7) & kHigh;  // bits 1–4 not all zero
      if (((continuation ^ (lead << 8)) & take) || (lead & ~payload)) break;
      const size_t taken = long_lead ? static_cast<size_t>(__builtin_ctzll(long_lead)) / 8 : 8;
      // A lead in the last byte taken starts the next step, with its continuation.
      const size_t step = taken == 0 ? 0 : taken - ((lead >> (8 * taken - 1)) & 1);
      if (step == 0) break;
      i += step;
    }
    if (i >= s.size()) break;
    size_t n = utf8_char_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string encoding_for_label(std::string_view label) {
  size_t b = 0, e = label.size();
  while (b < e && is_space(label[b])) ++b;
  while (e > b && is_space(label[e - 1])) --e;
  std::string l = lower_ascii(label.substr(b, e - b));
  if (l.empty()) return "";
  for (const Label& x : kLabels)
    if (x.label == l) return std::string(x.name);
  UErrorCode status = U_ZERO_ERROR;
  const char* canonical = ucnv_getCanonicalName(l.c_str(), "WINDOWS", &status);
  if (U_FAILURE(status) || !canonical) {
    status = U_ZERO_ERROR;
    canonical = ucnv_getCanonicalName(l.c_str(), "IANA", &status);
  }
  if (U_FAILURE(status) || !canonical) return "";
  return l;
}

std::string charset_parameter(std::string_view content_type) {
  std::string c = lower_ascii(content_type);
  for (size_t semi = c.find(';'); semi != std::string::npos; semi = c.find(';', semi + 1)) {
    size_t i = semi + 1;
    while (i < c.size() && is_space(c[i])) ++i;
    if (c.compare(i, 7, "charset") != 0) continue;
    i += 7;
    while (i < c.size() && is_space(c[i])) ++i;
    if (i >= c.size() || c[i] != '=') continue;
    for (++i; i < c.size() && is_space(c[i]);) ++i;
    if (i < c.size() && c[i] == '"') {
      size_t end = c.find('"', i + 1);
      return c.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
    }
    size_t end = i;
    while (end < c.size() && c[end] != ';' && !is_space(c[end])) ++end;
    return c.substr(i, end - i);
  }
  return "";
}

std::string valid_utf8_of(std::string&& s) {
  if (is_valid_utf8(s)) return std::move(s);
  return valid_utf8(std::string_view(s));
}

std::string valid_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t want = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (want && i + want <= s.size() && is_valid_utf8(s.substr(i, want))) n = want;
    else want = 0;
    if (want) out.append(s.substr(i, n));
    else out += "\uFFFD";
    i += n;
  }
  return out;
}

namespace {

// Where a page's encoding comes from, without converting it yet.
struct Sniffed {
  std::string encoding;
  DecodedHtml::Source source = DecodedHtml::Source::fallback;
  size_t skip = 0;     // the byte order mark
  bool valid = false;  // UTF-8 and valid as it is
};

Sniffed sniff(std::string_view bytes, std::string_view content_type) {
  auto found = [&](std::string encoding, DecodedHtml::Source source, size_t skip) {
    Sniffed s{std::move(encoding), source, skip, false};
    s.valid = s.encoding == "UTF-8" && is_valid_utf8(bytes.substr(skip));
    return s;
  };
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return found("UTF-8", DecodedHtml::Source::bom, 3);
  if (bytes.substr(0, 2) == "\xFF\xFE") return found("UTF-16LE", DecodedHtml::Source::bom, 2);
  if (bytes.substr(0, 2) == "\xFE\xFF") return found("UTF-16BE", DecodedHtml::Source::bom, 2);
  std::string http = encoding_for_label(charset_parameter(content_type));
  if (!http.empty()) return found(http, DecodedHtml::Source::http, 0);
  if (std::optional<std::string> meta = prescan(bytes)) return found(*meta, DecodedHtml::Source::meta, 0);
  bool valid = is_valid_utf8(bytes);
  return Sniffed{valid ? "UTF-8" : "windows-1251", DecodedHtml::Source::fallback, 0, valid};
}

std::string converted(std::string_view bytes, const Sniffed& s) {
  std::string_view body = bytes.substr(s.skip);
  if (s.valid) return std::string(body);  // sniff has checked it
  return s.encoding == "UTF-8" ? valid_utf8(body) : to_utf8(body, s.encoding);
}

}  // namespace

DecodedHtml decode_html(std::string_view bytes, std::string_view content_type) {
  Sniffed s = sniff(bytes, content_type);
  DecodedHtml out;
  out.text = converted(bytes, s);
  out.encoding = std::move(s.encoding);
  out.source = s.source;
  return out;
}

std::string_view html_text(std::string_view bytes, std::string_view content_type, std::string& storage) {
  Sniffed s = sniff(bytes, content_type);
  if (s.valid) return bytes.substr(s.skip);
  storage = converted(bytes, s);
  return storage;
}

}  // namespace sveden
