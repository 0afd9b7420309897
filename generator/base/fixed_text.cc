#include "base/fixed_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sveden {

namespace {

// The text of [first, last) with the minus of a zero («-0.0» of -0.04) left out.
std::string unsigned_zero(const char* first, const char* last) {
  if (first != last && *first == '-' && std::all_of(first + 1, last, [](char c) { return c == '0' || c == '.'; })) ++first;
  return std::string(first, last);
}

// The text of `v` with `decimals` (0–9) digits computed from v·10^decimals in doubles, when its rounding
// is certain. 10^decimals is exact and rounding is monotonic, so the product never crosses a half or a
// whole that a double holds exactly (all of them below 2^42): a fraction other than one half rounds as the
// exact value does. Near-halves (within 2^-10, a margin beyond need) and big numbers go to to_chars, which
// rounds ties to even from the exact binary value. False then.
size_t fast_fixed(double v, int decimals, char (&out)[32]) {
  static constexpr double kPow10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  if (decimals < 0 || decimals > 9) return 0;
  const double scaled = std::fabs(v * kPow10[decimals]);
  if (!(scaled < 4398046511104.0)) return 0;  // 2^42; NaN too
  const double whole = std::floor(scaled), fraction = scaled - whole;
  if (std::fabs(fraction - 0.5) <= 1.0 / 1024) return 0;
  const auto rounded = static_cast<unsigned long long>(whole) + (fraction > 0.5 ? 1 : 0);
  auto digits = rounded;
  char buf[32];
  char* end = buf + sizeof buf;
  char* p = end;
  for (int k = 0; k < decimals; ++k, digits /= 10) *--p = static_cast<char>('0' + digits % 10);
  if (decimals > 0) *--p = '.';
  do *--p = static_cast<char>('0' + digits % 10);
  while ((digits /= 10) > 0);
  if (v < 0 && rounded != 0) *--p = '-';  // a zero is never negative
  std::copy(p, end, out);
  return static_cast<size_t>(end - p);
}

}  // namespace

size_t fixed_chars(double v, int decimals, char (&out)[32]) {
  if (size_t n = fast_fixed(v, decimals, out)) return n;
  std::string text = fixed_text(v, decimals);
  if (text.size() > sizeof out) return 0;
  std::copy(text.begin(), text.end(), out);
  return text.size();
}

std::string fixed_text(double v, int decimals) {
  if (char fast[32]; size_t n = fast_fixed(v, decimals, fast)) return std::string(fast, n);
  char small[64];
  auto r = std::to_chars(small, small + sizeof small, v, std::chars_format::fixed, decimals);
  if (r.ec == std::errc()) return unsigned_zero(small, r.ptr);
  std::string big(static_cast<size_t>(decimals) + 330, '\0');  // up to 309 digits before the point
  r = std::to_chars(big.data(), big.data() + big.size(), v, std::chars_format::fixed, decimals);
  return unsigned_zero(big.data(), r.ptr);
}

}  // namespace sveden
