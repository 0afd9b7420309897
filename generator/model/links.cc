#include "model/links.h"

#include <algorithm>
#include <cctype>

namespace sveden {

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t end = cell.find_first_of(";\n", start);
    if (end == std::string_view::npos) end = cell.size();
    std::string_view part = cell.substr(start, end - start);
    while (!part.empty() && std::isspace(static_cast<unsigned char>(part.front()))) part.remove_prefix(1);
    while (!part.empty() && std::isspace(static_cast<unsigned char>(part.back()))) part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

bool is_web_address(std::string_view s) {
  std::string head(s.substr(0, 8));
  std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
  size_t scheme = head.rfind("https://", 0) == 0 ? 8 : head.rfind("http://", 0) == 0 ? 7 : 0;
  if (scheme == 0 || s.size() <= scheme) return false;
  if (s.find_first_of(" \t\r\n\"'<>`\\") != std::string_view::npos) return false;
  unsigned char first = static_cast<unsigned char>(s[scheme]);
  return std::isalnum(first) || first >= 0x80;
}

std::string percent_decode(std::string_view s) {
  auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1; };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string url_root_path(std::string_view url) {
  size_t scheme = url.find("://");
  size_t host = scheme == std::string_view::npos ? 0 : scheme + 3;
  size_t slash = url.find('/', host);
  if (slash == std::string_view::npos) return "/";
  std::string_view path = url.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  std::string out(path);
  if (out.empty() || out.back() != '/') out += '/';
  return out;
}

}  // namespace sveden
