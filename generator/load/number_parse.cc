#include "load/number_parse.h"

#include <charconv>
#include <cmath>
#include <string>

namespace sveden {
namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";         // U+00A0
constexpr std::string_view kNarrowNbsp = "\xE2\x80\xAF";  // U+202F
constexpr std::string_view kThinSpace = "\xE2\x80\x89";   // U+2009
constexpr std::string_view kMinus = "\xE2\x88\x92";       // U+2212

// Length of the space-like sequence at the start of `s`, 0 if none.
size_t space_at(std::string_view s) {
  if (!s.empty() && (s[0] == ' ' || s[0] == '\t')) return 1;
  for (auto sp : {kNbsp, kNarrowNbsp, kThinSpace})
    if (s.substr(0, sp.size()) == sp) return sp.size();
  return 0;
}

std::string lower_ascii_cyrillic(std::string_view s) {
  // Only the few letters the missing-value words use need folding: Н, Д, Е, Т, А, Ы, Х.
  std::string out(s);
  static const std::pair<std::string_view, std::string_view> kFold[] = {
      {"Н", "н"}, {"Д", "д"}, {"Е", "е"}, {"Т", "т"}, {"А", "а"}, {"Ы", "ы"}, {"Х", "х"}};
  for (const auto& [upper, lower] : kFold)
    for (size_t p = out.find(upper); p != std::string::npos; p = out.find(upper, p)) out.replace(p, upper.size(), lower);
  return out;
}

}  // namespace

std::string_view trim(std::string_view s) {
  while (size_t n = space_at(s)) s.remove_prefix(n);
  for (;;) {
    bool cut = false;
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) { s.remove_suffix(1); cut = true; }
    for (auto sp : {kNbsp, kNarrowNbsp, kThinSpace})
      if (s.size() >= sp.size() && s.substr(s.size() - sp.size()) == sp) { s.remove_suffix(sp.size()); cut = true; }
    if (!cut) return s;
  }
}

bool is_missing_value(std::string_view raw) {
  std::string_view s = trim(raw);
  if (s.empty() || s == "-" || s == "—" || s == "–") return true;
  // Every missing-value word starts with «н» or «Н» (0xD0 0xBD / 0xD0 0x9D): most cells end here.
  if (s.size() < 4 || static_cast<unsigned char>(s[0]) != 0xD0 || (static_cast<unsigned char>(s[1]) != 0xBD && static_cast<unsigned char>(s[1]) != 0x9D))
    return false;
  std::string low = lower_ascii_cyrillic(s);
  return low == "н/д" || low == "нет данных" || low == "нд";
}

ParsedNumber parse_number(std::string_view raw) {
  ParsedNumber r;
  if (is_missing_value(raw)) { r.status = NumberStatus::missing; return r; }
  std::string_view s = trim(raw);
  if (!s.empty() && s.back() == '%') {
    r.had_percent = true;
    s = trim(s.substr(0, s.size() - 1));
  }
  std::string digits;
  bool negative = false;
  if (s.substr(0, 1) == "-" ) { negative = true; s.remove_prefix(1); }
  else if (s.substr(0, kMinus.size()) == kMinus) { negative = true; s.remove_prefix(kMinus.size()); }
  bool seen_decimal = false;
  bool last_was_digit = false;
  while (!s.empty()) {
    char c = s[0];
    if (c >= '0' && c <= '9') {
      digits += c;
      last_was_digit = true;
      s.remove_prefix(1);
    } else if ((c == ',' || c == '.') && !seen_decimal && last_was_digit) {
      digits += '.';
      seen_decimal = true;
      last_was_digit = false;
      s.remove_prefix(1);
    } else if (size_t n = space_at(s); n > 0 && last_was_digit && !seen_decimal) {
      // A thousands separator must sit between digits and be followed by exactly three of them.
      std::string_view rest = s.substr(n);
      size_t k = 0;
      while (k < rest.size() && rest[k] >= '0' && rest[k] <= '9') ++k;
      if (k != 3) return r;
      s.remove_prefix(n);
      last_was_digit = false;
    } else {
      return r;
    }
  }
  if (digits.empty() || !last_was_digit) return r;
  double v = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || !std::isfinite(v)) {
    r.status = NumberStatus::out_of_range;
    return r;
  }
  r.value = negative ? -v : v;
  r.integral = !seen_decimal;
  r.status = NumberStatus::ok;
  return r;
}

}  // namespace sveden
