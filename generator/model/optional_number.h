// A number or none in the 8 bytes of the number, where std::optional<double> takes 16: millions of them in
// an analysis of 10,000 schools (IndicatorValue), each year analysed once more for its past report.
#pragma once
#include <bit>
#include <cstdint>
#include <optional>

namespace sveden {

class OptionalNumber {
 public:
  constexpr OptionalNumber() = default;
  constexpr OptionalNumber(std::nullopt_t) {}
  constexpr OptionalNumber(double v) : bits_(std::bit_cast<std::uint64_t>(v)) {}
  constexpr OptionalNumber(const std::optional<double>& v) : bits_(v ? std::bit_cast<std::uint64_t>(*v) : kNone) {}

  constexpr bool has_value() const { return bits_ != kNone; }
  constexpr explicit operator bool() const { return has_value(); }
  // The number; only with has_value().
  constexpr double operator*() const { return std::bit_cast<double>(bits_); }
  constexpr double value_or(double otherwise) const { return has_value() ? **this : otherwise; }
  constexpr void reset() { bits_ = kNone; }
  constexpr operator std::optional<double>() const { return has_value() ? std::optional<double>(**this) : std::nullopt; }

 private:
  // None: a signalling NaN with a payload of its own. Arithmetic never gives a signalling NaN, and a NaN
  // given as a number (std::nan, a quiet one) stays a number, as in std::optional.
  static constexpr std::uint64_t kNone = 0x7ff0'5645'4445'4e00;  // exponent all ones, quiet bit clear, payload ≠ 0
  std::uint64_t bits_ = kNone;
};

}  // namespace sveden
