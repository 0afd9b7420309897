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

}  // namespace sveden
