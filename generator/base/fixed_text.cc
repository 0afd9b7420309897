#include "base/fixed_text.h"

#include <algorithm>
#include <charconv>

namespace sveden {

namespace {

// The text of [first, last) with the minus of a zero («-0.0» of -0.04) left out.
std::string unsigned_zero(const char* first, const char* last) {
  if (first != last && *first == '-' && std::all_of(first + 1, last, [](char c) { return c == '0' || c == '.'; })) ++first;
  return std::string(first, last);
}

}  // namespace

std::string fixed_text(double v, int decimals) {
  char small[64];
  auto r = std::to_chars(small, small + sizeof small, v, std::chars_format::fixed, decimals);
  if (r.ec == std::errc()) return unsigned_zero(small, r.ptr);
  std::string big(static_cast<size_t>(decimals) + 330, '\0');  // up to 309 digits before the point
  r = std::to_chars(big.data(), big.data() + big.size(), v, std::chars_format::fixed, decimals);
  return unsigned_zero(big.data(), r.ptr);
}

}  // namespace sveden
