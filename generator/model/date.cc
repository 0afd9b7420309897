#include "model/date.h"

#include <charconv>

#include <fmt/compile.h>
#include <fmt/format.h>

namespace sveden {

std::string Date::iso() const { return fmt::format(FMT_COMPILE("{:04}-{:02}-{:02}"), year, month, day); }

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t from, size_t len) -> int {
    int v = -1;
    auto [p, ec] = std::from_chars(s.data() + from, s.data() + from + len, v);
    return ec == std::errc() && p == s.data() + from + len ? v : -1;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  if (d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

std::optional<Date> parse_date_ru(std::string_view s) {
  if (s.size() == 10 && s[2] == '.' && s[5] == '.') {
    std::string iso = fmt::format(FMT_COMPILE("{}-{}-{}"), s.substr(6, 4), s.substr(3, 2), s.substr(0, 2));
    return parse_iso_date(iso);
  }
  return parse_iso_date(s);
}

}  // namespace sveden
