// A calendar date without time: the "as of" date of a build, dates of documents and news.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace sveden {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
  std::string iso() const;  // 2025-10-01
};

// 28…31, leap years included.
int days_in_month(int year, int month);

// Strict YYYY-MM-DD with a real day of a real month.
std::optional<Date> parse_iso_date(std::string_view s);

// A date as Russian tables write it, ДД.ММ.ГГГГ, or strict YYYY-MM-DD.
std::optional<Date> parse_date_ru(std::string_view s);

}  // namespace sveden
