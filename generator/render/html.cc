#include "render/html.h"

#include <algorithm>
#include <array>

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

// The bytes escape_html looks at twice: the five it escapes, the controls it drops and the first byte of
// U+FFFE and U+FFFF. Every other byte is passed over with one look-up.
constexpr std::array<bool, 256> kMaybeEscaped = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<size_t>(c)] = c != '\t' && c != '\n' && c != '\r';
  for (unsigned char c : {'&', '<', '>', '"', '\'', '\xEF'}) t[c] = true;
  return t;
}();

void escape_html_to(std::string& out, std::string_view s, std::string_view apostrophe) {
  size_t copied = 0;  // s[copied, i) is yet to be copied
  for (size_t i = 0; i < s.size(); ++i) {
    if (!kMaybeEscaped[static_cast<unsigned char>(s[i])]) continue;
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
