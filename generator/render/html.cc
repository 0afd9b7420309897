#include "render/html.h"

#include <algorithm>
#include <array>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <fmt/format.h>

namespace sveden {

namespace {

// How many bytes at s[i] drop_control_characters leaves out: a C0 control other than tab and line
// breaks (1), U+FFFE or U+FFFF (EF BF BE / EF BF BF: not characters, and not allowed in XML; 3), or 0.
size_t control_bytes_at(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return 1;
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
      (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF))
    return 3;
  return 0;
}

// The bytes escape_html looks at twice: the five it escapes, the controls it drops and the first byte of
// U+FFFE and U+FFFF. Every other byte is passed over (next_maybe_escaped).
constexpr std::array<bool, 256> kMaybeEscaped = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<size_t>(c)] = c != '\t' && c != '\n' && c != '\r';
  for (unsigned char c : {'&', '<', '>', '"', '\'', '\xEF'}) t[c] = true;
  return t;
}();

// The first byte from `i` on that kMaybeEscaped names, or s.size(): sixteen bytes at a time where SSE2 is
// (text of a page's data is mostly letters; one look-up a byte was 1.5 % of a build's CPU).
size_t next_maybe_escaped(std::string_view s, size_t i) {
#ifdef __SSE2__
  const __m128i controls = _mm_set1_epi8(0x1F), amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\''), ef = _mm_set1_epi8(static_cast<char>(0xEF));
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i maybe = _mm_cmpeq_epi8(_mm_max_epu8(x, controls), controls);  // 0x00–0x1F (tab and breaks too)
    maybe = _mm_or_si128(maybe, _mm_or_si128(_mm_cmpeq_epi8(x, amp), _mm_cmpeq_epi8(x, lt)));
    maybe = _mm_or_si128(maybe, _mm_or_si128(_mm_cmpeq_epi8(x, gt), _mm_cmpeq_epi8(x, quot)));
    maybe = _mm_or_si128(maybe, _mm_or_si128(_mm_cmpeq_epi8(x, apos), _mm_cmpeq_epi8(x, ef)));
    if (const int mask = _mm_movemask_epi8(maybe)) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < s.size() && !kMaybeEscaped[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

}  // namespace

std::string drop_control_characters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (size_t dropped = control_bytes_at(s, i)) i += dropped - 1;
    else out += s[i];
  }
  return out;
}

// What drop_control_characters drops and the five characters escaped, in one pass: the runs between
// them are copied whole.
std::string escape_html(std::string_view s, std::string_view apostrophe) {
  std::string out;
  out.reserve(s.size() + 16);
  escape_html_to(out, s, apostrophe);
  return out;
}

void escape_html_to(std::string& out, std::string_view s, std::string_view apostrophe) {
  size_t copied = 0;  // s[copied, i) is yet to be copied
  for (size_t i = 0; (i = next_maybe_escaped(s, i)) < s.size(); ++i) {
    std::string_view entity;
    switch (s[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = apostrophe; break;
      default: break;
    }
    size_t dropped = entity.empty() ? control_bytes_at(s, i) : 0;
    if (entity.empty() && !dropped) continue;
    out.append(s.data() + copied, i - copied);
    out += entity;
    if (dropped) i += dropped - 1;
    copied = i + 1;
  }
  out.append(s.data() + copied, s.size() - copied);
}

std::string escape_url_path(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                      c == '_' || c == '.' || c == '~' || c == '/';
    if (unreserved) out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string safe_external_url(std::string_view url) {
  std::string lower(url.substr(0, 8));
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  bool ok = lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0 || lower.rfind("mailto:", 0) == 0;
  if (!ok || url.find_first_of(" \t\r\n\"'<>`") != std::string_view::npos) return "";
  return std::string(url);
}

std::string root_prefix(std::string_view page_path) {
  size_t depth = static_cast<size_t>(std::count(page_path.begin(), page_path.end(), '/'));
  if (depth == 0) return "./";
  std::string out;
  for (size_t i = 0; i < depth; ++i) out += "../";
  return out;
}

}  // namespace sveden
