// ASCII letters only: HTTP headers, URL schemes and hosts, HTML tag and attribute names, file extensions.
// Cyrillic and other bytes pass unchanged (for Russian text, russian/typography).
#pragma once
#include <string>
#include <string_view>

namespace sveden {

constexpr char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

}  // namespace sveden
