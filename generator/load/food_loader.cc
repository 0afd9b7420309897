#include "load/food_loader.h"

#include "base/ascii.h"

#include <algorithm>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "load/openness_loader.h"
#include "load/xlsx_file.h"
#include "russian/typography.h"

namespace sveden {
namespace {
constexpr std::string_view kPatterns =
    "ГГГГ-ММ-ДД-sm.xlsx (меню на день), tmГГГГ-sm.xlsx (типовое меню) или kpГГГГ.xlsx, например 2025-10-01-sm.xlsx";

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}


// The name's shape without the checks of values: the kind and the digits of the date or year.
struct Shape {
  MenuFile::Kind kind;
  std::string_view date_or_year;
};

std::optional<Shape> shape_of(std::string_view n) {
  auto ends = [&](std::string_view suffix) { return n.size() > suffix.size() && n.substr(n.size() - suffix.size()) == suffix; };
  if (ends("-sm.xlsx") && n.size() == 18) {
    std::string_view d = n.substr(0, 10);
    if (all_digits(d.substr(0, 4)) && d[4] == '-' && all_digits(d.substr(5, 2)) && d[7] == '-' && all_digits(d.substr(8, 2)))
      return Shape{MenuFile::Kind::daily, d};
  }
  if (n.size() == 11 && n.substr(0, 2) == "kp" && ends(".xlsx") && all_digits(n.substr(2, 4)))
    return Shape{MenuFile::Kind::kp, n.substr(2, 4)};
  if (n.size() == 14 && n.substr(0, 2) == "tm" && ends("-sm.xlsx") && all_digits(n.substr(2, 4)))
    return Shape{MenuFile::Kind::typical, n.substr(2, 4)};
  return std::nullopt;
}

const char* kMonthsGenitive[] = {"январе", "феврале", "марте", "апреле", "мае", "июне",
                                 "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"};

// Days since 1970-01-01 (proleptic Gregorian).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

std::string daily_menu_name(const Date& d) { return d.iso() + "-sm.xlsx"; }

int day_of_week(const Date& d) {
  long wd = (days_from_civil(d.year, d.month, d.day) + 3) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(wd < 0 ? wd + 7 : wd);
}

bool is_school_day(const Date& d) { return !(d.month >= 6 && d.month <= 8) && day_of_week(d) < 5; }

const MenuFile* menu_of_the_day(const School& s, const Date& as_of) {
  const MenuFile *before = nullptr, *after = nullptr;
  for (const auto& [name, f] : s.food) {  // by name: by date for daily menus
    if (f.kind != MenuFile::Kind::daily || !f.date) continue;
    if (*f.date == as_of) return &f;
    if (*f.date < as_of) before = &f;
    else if (!after) after = &f;
  }
  return before ? before : after;
}

std::optional<MenuName> parse_menu_name(std::string_view name, int last_year, std::string* problem, std::string* hint) {
  *hint = fmt::format("назовите файл так, как его ищет мониторинг питания: {}", kPatterns);
  if (name.find('/') != std::string_view::npos) {
    *problem = "вложенная папка: мониторинг питания читает только файлы, лежащие прямо в папке food";
    *hint = "переложите файл в саму папку food, а вложенную папку удалите";
    return std::nullopt;
  }
  auto shape = shape_of(name);
  if (!shape) {
    std::string lower = lower_ascii(name);
    if (shape_of(lower)) {
      *problem = "в имени файла заглавные латинские буквы, а мониторинг питания ищет имя строчными";
      *hint = fmt::format("переименуйте файл в «{}»", lower);
      return std::nullopt;
    }
    // The right name with another extension: an old workbook or a table saved as text.
    size_t dot = lower.rfind('.');
    if (dot != std::string::npos && lower.substr(dot) != ".xlsx" && shape_of(lower.substr(0, dot) + ".xlsx")) {
      *problem = fmt::format("файл с расширением «{}», а мониторинг питания читает только книги Excel .xlsx",
                             std::string(name.substr(dot)));
      *hint = fmt::format("откройте файл в Excel и сохраните как «Книга Excel (*.xlsx)» с именем «{}»",
                          lower.substr(0, dot) + ".xlsx");
      return std::nullopt;
    }
    *problem = "имя файла не из тех, что читает мониторинг питания";
    return std::nullopt;
  }
  MenuName out;
  out.kind = shape->kind;
  std::string digits(shape->date_or_year);
  if (out.kind == MenuFile::Kind::daily) {
    out.date = parse_iso_date(digits);
    if (!out.date) {
      int y = std::stoi(digits.substr(0, 4)), m = std::stoi(digits.substr(5, 2));
      if (m < 1 || m > 12) *problem = fmt::format("в имени нет настоящей даты: «{}» — месяцев в году 12", digits);
      else *problem = fmt::format("в имени нет настоящей даты: «{}» — в {} {}{}г. {}", digits, kMonthsGenitive[m - 1], y,
                                  std::string(kNbsp), count_noun(days_in_month(y, m), "день", "дня", "дней"));
      *hint = "меню на день называется датой этого дня: ГГГГ-ММ-ДД-sm.xlsx, например 2025-10-01-sm.xlsx";
      return std::nullopt;
    }
    out.year = out.date->year;
  } else {
    out.year = std::stoi(digits);
  }
  if (out.year < kFirstMenuYear || out.year > last_year) {
    *problem = fmt::format("год {} в имени файла вне возможных: от {} (с этого года меню публикуются по письму "
                           "Минпросвещения № ГД-1158/01) до {} (на год вперёд от даты сведений)",
                           out.year, kFirstMenuYear, last_year);
    *hint = "проверьте год в имени файла";
    return std::nullopt;
  }
  return out;
}

const School& menus_publisher(const Municipality& m, const School& s) {
  if (s.own_site || s.parent_id.empty()) return s;
  const School* head = m.find(s.parent_id);
  return head ? *head : s;
}

void attach_food(const LoadedTable& menus, const Disk& disk, const std::string& prefix, Municipality& m, Diagnostics& diag) {
  int last_year = m.site.as_of.year + 1;
  for (auto& s : m.schools) {
    std::string dir = "documents/" + s.id + "/food";
    for (const auto& path : disk.list(dir)) {
      std::string name = path.substr(dir.size() + 1);
      std::string base = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
      // Excel's lock file of an open workbook and hidden files of the system are not the school's.
      if (base.rfind("~$", 0) == 0 || base.rfind('.', 0) == 0) continue;
      std::string shown = display_path(prefix, path), problem, hint;
      auto parsed = parse_menu_name(name, last_year, &problem, &hint);
      if (!parsed) {
        diag.add_file(Severity::error, shown, problem, hint);
        continue;
      }
      auto contents = disk.read(path);
      if (!contents) {
        diag.add_file(Severity::error, shown, fmt::format("не удалось прочитать: {}", contents.message()), "проверьте файл и права доступа");
        continue;
      }
      XlsxCheck check = check_xlsx(*contents);
      if (!check.ok) {
        diag.add_file(Severity::error, shown, check.problem,
                      "откройте меню в Excel и сохраните как «Книга Excel (*.xlsx)»: мониторинг питания читает только XLSX, "
                      "переименовать файл недостаточно");
        continue;
      }
      MenuFile f;
      f.kind = parsed->kind;
      f.date = parsed->date;
      f.year = parsed->year;
      f.file.path = name;
      f.file.format = file_format(name);
      f.file.bytes = contents->size();
      f.file.contents = std::make_shared<const std::string>(std::move(*contents));
      s.food.emplace(name, std::move(f));
    }
  }
  if (!menus.spec) return;
  const TableSpec& spec = *menus.spec;
  auto col = [&](const Record& rec, const char* name) -> const Cell& {
    static const Cell kMissing;
    int i = spec.column_index(name);
    return i < 0 ? kMissing : rec.cells[static_cast<size_t>(i)];
  };
  auto number = [&](const Record& rec, const char* name) {
    const Cell& c = col(rec, name);
    return c.missing ? Number() : Number(c.number);
  };
  // A workbook per school and day, its dishes in the order of the table.
  std::set<std::pair<size_t, std::string>> generated, conflicting;
  for (const auto& rec : menus.records) {
    auto it = m.school_index.find(col(rec, "school_id").text);
    auto date = parse_iso_date(col(rec, "date").text);
    if (it == m.school_index.end() || !date) continue;
    School& s = m.schools[it->second];
    std::string name = daily_menu_name(*date);
    auto key = std::make_pair(it->second, name);
    if (conflicting.count(key)) continue;
    if (!generated.count(key)) {
      if (s.food.count(name)) {
        diag.add_file(Severity::error, display_path(prefix, "documents/" + s.id + "/food/" + name),
                      fmt::format("меню на {} задано дважды: этим файлом и строками таблицы {} (строка {})",
                                  format_date(*date), menus.path, rec.line),
                      "у файла в папке food один источник: удалите файл или строки таблицы на эту дату");
        conflicting.insert(key);
        continue;
      }
      generated.insert(key);
      MenuFile& f = s.food[name];
      f.kind = MenuFile::Kind::daily;
      f.date = date;
      f.year = date->year;
      f.file.path = name;
      f.file.format = "XLSX";
    }
    MenuFile& f = s.food[name];
    MenuDish d;
    d.meal = col(rec, "meal").text;
    d.section = col(rec, "section").text;
    d.recipe = col(rec, "recipe").text;
    d.dish = col(rec, "dish").text;
    d.grams = number(rec, "grams");
    d.price = number(rec, "price");
    d.kcal = number(rec, "kcal");
    d.proteins = number(rec, "proteins");
    d.fats = number(rec, "fats");
    d.carbs = number(rec, "carbs");
    f.dishes.push_back(std::move(d));
  }
}

}  // namespace sveden
