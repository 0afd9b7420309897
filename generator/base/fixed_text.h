// A number as text with a fixed count of decimals: the one formatting of fractional numbers under charts'
// coordinates, open data and the Russian typography of figures.
#pragma once
#include <string>

namespace sveden {

// `v` with exactly `decimals` digits after a point («12.30»), rounded correctly from its binary value: the
// bytes printf("%.*f") and fmt's "{:.{}f}" give, without a format string read at run time (std::to_chars,
// about 2.5 times faster; millions of numbers per build), except that a zero is never negative: -0.04 with
// one decimal is «0.0», not «-0.0», in every place that prints it. `v` must be finite.
std::string fixed_text(double v, int decimals);
// The same into `out`, without a string: its length, 0 when it does not fit (more than 32 characters).
size_t fixed_chars(double v, int decimals, char (&out)[32]);

}  // namespace sveden
