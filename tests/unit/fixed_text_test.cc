// base/fixed_text: the bytes fmt's "{:.{}f}" gives (and so printf's "%.*f"), for every number the build
// formats: coordinates of charts, open data, figures in Russian typography; a zero is never negative.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include <fmt/format.h>

#include "base/fixed_text.h"

using namespace sveden;

namespace {

// fmt's text, with the minus of a zero left out, as fixed_text promises.
std::string fmt_fixed(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s[0] == '-' && s.find_first_not_of("0.", 1) == std::string::npos) s.erase(0, 1);
  return s;
}

}  // namespace

TEST_CASE("fixed text: as fmt formats it, exact ties included, and a zero without a minus") {
  CHECK(fixed_text(12.3, 2) == "12.30");
  CHECK(fixed_text(0.25, 1) == "0.2");  // the binary value is exactly halfway: to even
  CHECK(fixed_text(0.35, 1) == "0.3");  // 0.34999…: below halfway
  CHECK(fixed_text(2.5, 0) == "2");
  CHECK(fixed_text(-0.04, 1) == "0.0");  // fmt: «-0.0»
  CHECK(fixed_text(-0.0, 0) == "0");
  CHECK(fixed_text(-0.06, 1) == "-0.1");
  CHECK(fixed_text(-1e-9, 3) == "0.000");
  CHECK(fixed_text(-3.0, 0) == "-3");
  CHECK(fixed_text(1e300, 2) == fmt::format("{:.2f}", 1e300));  // longer than the small buffer
  CHECK(fixed_text(-std::numeric_limits<double>::max(), 6) == fmt::format("{:.6f}", -std::numeric_limits<double>::max()));
  std::mt19937_64 random(17);
  std::uniform_real_distribution<double> wide(-1e7, 1e7), narrow(-3, 3);
  long differ = 0;
  for (int decimals = 0; decimals <= 6; ++decimals) {
    for (long k = -20000; k <= 20000; ++k)
      for (double v : {k / 8.0, k / 100.0, k / 1000.0, k * 0.1})  // halves, quarters, eighths: exact ties
        differ += fixed_text(v, decimals) != fmt_fixed(v, decimals);
    for (int i = 0; i < 20000; ++i)
      for (double v : {wide(random), narrow(random)}) differ += fixed_text(v, decimals) != fmt_fixed(v, decimals);
  }
  CHECK(differ == 0);
}

TEST_CASE("fixed text: the fast path and to_chars agree on millions of numbers near every rounding boundary") {
  // Values at and next to the halfway points of each count of decimals, where a product in doubles could
  // round the other way: the fast path must give them up to to_chars.
  std::mt19937_64 random(23);
  std::uniform_int_distribution<long long> whole(-5'000'000, 5'000'000);
  long differ = 0, checked = 0;
  for (int decimals = 0; decimals <= 9; ++decimals) {
    const double scale = std::pow(10.0, decimals);
    for (int i = 0; i < 150000; ++i) {
      const double half = (static_cast<double>(whole(random)) + 0.5) / scale;
      for (double v : {half, std::nextafter(half, 0.0), std::nextafter(half, 1e300), std::nextafter(half, -1e300), half * 1.0000001,
                       static_cast<double>(whole(random)) / 7.0 / scale}) {
        ++checked;
        differ += fixed_text(v, decimals) != fmt_fixed(v, decimals);
      }
    }
  }
  CHECK(checked == 9'000'000);
  CHECK(differ == 0);
}
