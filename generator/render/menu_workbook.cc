#include "render/menu_workbook.h"

#include <ctime>
#include <memory>
#include <mutex>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "russian/typography.h"
#include "write/temp_file.h"
#include "write/xlsx_writer.h"


namespace sveden {
namespace {

// «завтрак» → «Завтрак», as the monitoring's template writes the meals.
std::string capitalized(const std::string& s) {
  static const std::pair<const char*, const char*> kFirst[] = {{"з", "З"}, {"в", "В"}, {"о", "О"}, {"п", "П"}, {"у", "У"}};
  for (const auto& [lower, upper] : kFirst)
    if (s.rfind(lower, 0) == 0) return upper + s.substr(std::string(lower).size());
  return s;
}

}  // namespace

Result<std::string> menu_workbook(const School& s, const MenuFile& menu) {
  std::lock_guard lock(xlsxwriter_mutex());
  TempFile tmp("sveden-menu");
  if (tmp.path().empty()) {
    return io_failure("не удалось создать временный файл для меню");
  }
  lxw_workbook* wb = workbook_new(tmp.path().c_str());
  if (!wb) {
    return io_failure(fmt::format("не удалось создать книгу Excel для меню {}", menu.file.path));
  }
  const Date day = menu.date.value_or(Date{menu.year, 1, 1});
  std::tm created{};
  created.tm_year = day.year - 1900;
  created.tm_mon = day.month - 1;
  created.tm_mday = day.day;
  std::string title = "Меню на " + format_date(day);
  lxw_doc_properties props{};
  props.title = title.data();
  props.company = const_cast<char*>(s.name.c_str());
  props.created = timegm(&created);  // the menu's day, not the clock: byte-identical builds
  workbook_set_properties(wb, &props);

  lxw_worksheet* ws = workbook_add_worksheet(wb, "1");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* cell = workbook_add_format(wb);
  format_set_border(cell, LXW_BORDER_THIN);
  format_set_text_wrap(cell);
  lxw_format* money = workbook_add_format(wb);
  format_set_border(money, LXW_BORDER_THIN);
  format_set_num_format(money, "0.00");
  lxw_format* amount = workbook_add_format(wb);
  format_set_border(amount, LXW_BORDER_THIN);
  format_set_num_format(amount, "0.##");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd.mm.yyyy");
  format_set_align(date, LXW_ALIGN_LEFT);

  worksheet_set_column(ws, 0, 0, 14, nullptr);
  worksheet_set_column(ws, 1, 1, 14, nullptr);
  worksheet_set_column(ws, 2, 2, 9, nullptr);
  worksheet_set_column(ws, 3, 3, 42, nullptr);
  worksheet_set_column(ws, 4, 9, 12, nullptr);
  worksheet_write_string(ws, 0, 0, "Школа", bold);
  worksheet_merge_range(ws, 0, 1, 0, 3, s.short_name.c_str(), nullptr);
  worksheet_write_string(ws, 0, 4, "Отд./корп", bold);
  worksheet_write_string(ws, 0, 8, "День", bold);
  lxw_datetime when{day.year, day.month, day.day, 0, 0, 0};
  worksheet_write_datetime(ws, 0, 9, &when, date);

  const char* kHeaders[] = {"Прием пищи", "Раздел", "№ рец.", "Блюдо", "Выход, г", "Цена", "Калорийность", "Белки", "Жиры", "Углеводы"};
  for (lxw_col_t c = 0; c < 10; ++c) worksheet_write_string(ws, 2, c, kHeaders[c], head);
  lxw_row_t row = 3;
  std::string meal;
  for (const auto& d : menu.dishes) {
    // The meal stands in the first row of its dishes, as in the monitoring's template.
    worksheet_write_string(ws, row, 0, d.meal == meal ? "" : capitalized(d.meal).c_str(), cell);
    meal = d.meal;
    worksheet_write_string(ws, row, 1, d.section.c_str(), cell);
    worksheet_write_string(ws, row, 2, d.recipe.c_str(), cell);
    worksheet_write_string(ws, row, 3, d.dish.c_str(), cell);
    const Number* values[] = {&d.grams, &d.price, &d.kcal, &d.proteins, &d.fats, &d.carbs};
    for (lxw_col_t c = 0; c < 6; ++c) {
      lxw_format* f = c == 1 ? money : amount;
      if (*values[c]) worksheet_write_number(ws, row, static_cast<lxw_col_t>(4 + c), **values[c], f);
      else worksheet_write_blank(ws, row, static_cast<lxw_col_t>(4 + c), f);
    }
    ++row;
  }
  lxw_error status = workbook_close(wb);
  if (status != LXW_NO_ERROR) {
    return io_failure(fmt::format("не удалось записать меню {}: {}", menu.file.path, lxw_strerror(status)));
  }
  std::optional<std::string> out = tmp.contents();
  if (!out) return io_failure(fmt::format("не удалось прочитать записанное меню {}", menu.file.path));
  return std::move(*out);
}

Status write_menu_workbooks(Municipality& m) {
  for (auto& s : m.schools)
    for (auto& [name, menu] : s.food) {
      if (!menu.generated()) continue;
      auto bytes = menu_workbook(s, menu);
      if (!bytes) return bytes.status();
      menu.file.bytes = bytes->size();
      menu.file.contents = std::make_shared<const std::string>(std::move(*bytes));
    }
  return {};
}

}  // namespace sveden
