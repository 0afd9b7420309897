// The /food folder of each school's site (письмо Минпросвещения № ГД-1158/01): menus given as files
// in documents/<Код ОО>/food/ and daily menus made from the dishes of data/menus.csv. Names, dates
// and formats are checked here; the build writes the workbooks of data/menus.csv (render/menu_workbook).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "load/table_loader.h"
#include "model/municipality.h"

namespace sveden {

// The first year of menus in /food: the letter № ГД-1158/01 of 17.05.2021.
inline constexpr int kFirstMenuYear = 2021;

struct MenuName {
  MenuFile::Kind kind = MenuFile::Kind::daily;
  std::optional<Date> date;  // daily
  int year = 0;
};

// One of the three names the monitoring reads, exactly (lower case, «.xlsx»), with a real date
// and a year from kFirstMenuYear to `last_year`; otherwise nullopt, with what is wrong and how to
// name the file instead (in Russian).
std::optional<MenuName> parse_menu_name(std::string_view name, int last_year, std::string* problem, std::string* hint);

// «2025-10-01-sm.xlsx»
std::string daily_menu_name(const Date& d);

// Monday to Friday outside June, July and August: the days sveden expects a daily menu on. Holidays
// and a school's own calendar are not known to it.
bool is_school_day(const Date& d);

// 0 for Monday … 6 for Sunday.
int day_of_week(const Date& d);

// The daily menu a page shows first: the one for `as_of`, else the latest before it, else the
// earliest after it; null when the school has no daily menu.
const MenuFile* menu_of_the_day(const School& s, const Date& as_of);

// The school whose site publishes the menus of `s`: `s` itself, or, for a branch without its own
// site, its head school (the branch is a section of the head school's site, /food included).
const School& menus_publisher(const Municipality& m, const School& s);

// Reads documents/<Код ОО>/food/ of every school and the dishes of data/menus.csv (`menus`, may be
// absent) into School::food; a name given both ways is an error.
void attach_food(const LoadedTable& menus, const Disk& disk, const std::string& display_prefix, Municipality& m,
                 Diagnostics& diag);

}  // namespace sveden
