#include "write/formula_guard.h"

namespace sveden {

bool is_plain_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t digits = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++digits;
  if (i < s.size() && (s[i] == ',' || s[i] == '.')) {
    ++i;
    size_t fraction = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++fraction;
    if (fraction == 0) return false;
    digits += fraction;
  }
  return digits > 0 && i == s.size();
}

bool looks_like_formula(std::string_view s) {
  if (s.empty()) return false;
  char c = s.front();
  return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !is_plain_number(s);
}

std::string_view formula_guard_prefix(std::string_view s) { return looks_like_formula(s) ? "'" : ""; }

std::string_view without_formula_guard(std::string_view s) {
  if (s.size() > 1 && s.front() == '\'' && looks_like_formula(s.substr(1))) return s.substr(1);
  return s;
}

}  // namespace sveden
