#include "base/fixed_text.h"

#include <charconv>

namespace sveden {

std::string fixed_text(double v, int decimals) {
  char small[64];
  auto r = std::to_chars(small, small + sizeof small, v, std::chars_format::fixed, decimals);
  if (r.ec == std::errc()) return std::string(small, r.ptr);
  std::string big(static_cast<size_t>(decimals) + 330, '\0');  // up to 309 digits before the point
  r = std::to_chars(big.data(), big.data() + big.size(), v, std::chars_format::fixed, decimals);
  big.resize(static_cast<size_t>(r.ptr - big.data()));
  return big;
}

}  // namespace sveden
