#include "render/html.h"

#include <algorithm>

#include <fmt/format.h>

namespace sveden {

std::string drop_control_characters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    // U+FFFE and U+FFFF (EF BF BE / EF BF BF): not characters, and not allowed in XML.
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string escape_html(std::string_view raw) {
  std::string text = drop_control_characters(raw);
  std::string_view s = text;
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
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
