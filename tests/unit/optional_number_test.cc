// OptionalNumber: std::optional<double> in half the bytes, with the same answers, a NaN value included.
#include <cmath>
#include <limits>
#include <optional>

#include <doctest/doctest.h>

#include "model/indicators.h"
#include "model/optional_number.h"

using namespace sveden;

TEST_CASE("optional number: none, a number, and back to std::optional") {
  OptionalNumber none;
  CHECK_FALSE(none.has_value());
  CHECK_FALSE(none);
  CHECK(none.value_or(7.5) == 7.5);
  CHECK_FALSE(std::optional<double>(none).has_value());

  for (double x : {0.0, -0.0, 3.14, -2.5, 1e300, std::numeric_limits<double>::infinity(), std::numeric_limits<double>::denorm_min()}) {
    OptionalNumber n = x;
    REQUIRE(n.has_value());
    CHECK(std::signbit(*n) == std::signbit(x));
    CHECK(*n == x);
    CHECK(std::optional<double>(n) == std::optional<double>(x));
  }
  OptionalNumber n = 4.25;
  n.reset();
  CHECK_FALSE(n);
  n = std::nullopt;
  CHECK_FALSE(n);
  n = std::optional<double>(1.5);
  CHECK(*n == 1.5);
  n = std::optional<double>();
  CHECK_FALSE(n);
}

TEST_CASE("optional number: a NaN given as a number stays a number") {
  // indicators.cc sets decision to NaN for «nothing the rules may use», which is not «no decision value».
  OptionalNumber quiet = std::nan("");
  REQUIRE(quiet.has_value());
  CHECK(std::isnan(*quiet));
  OptionalNumber computed = std::numeric_limits<double>::infinity() - std::numeric_limits<double>::infinity();
  CHECK(computed.has_value());
  CHECK(std::isnan(*computed));
  OptionalNumber signalling = std::numeric_limits<double>::signaling_NaN();
  CHECK(signalling.has_value());
}

TEST_CASE("optional number: an indicator value is 40 bytes, not 64") {
  // Millions of values at 10,000 schools, twice over while a past year's report is made (docs/PERFORMANCE.md).
  CHECK(sizeof(OptionalNumber) == sizeof(double));
  CHECK(sizeof(IndicatorValue) == 40);
  IndicatorValue v;
  CHECK_FALSE(v.lower);
  CHECK_FALSE(v.upper);
  CHECK_FALSE(v.decision);
}
