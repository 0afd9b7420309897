// A daily menu of data/menus.csv as the XLSX workbook «ГГГГ-ММ-ДД-sm.xlsx» in the layout the
// monitoring of school meals reads: «Школа», «Отд./корп», «День» in the first row, then a row per
// dish under «Прием пищи | Раздел | № рец. | Блюдо | Выход, г | Цена | Калорийность | Белки | Жиры |
// Углеводы». Written with libxlsxwriter; the same menu gives the same bytes on every build.
#pragma once
#include <optional>
#include <string>

#include "base/status.h"
#include "model/municipality.h"

namespace sveden {

// The workbook's bytes, or nullopt with `error` (in Russian) when no temporary file could be written.
Result<std::string> menu_workbook(const School& s, const MenuFile& menu);

// Fills the contents and size of every menu the build makes from data/menus.csv.
Status write_menu_workbooks(Municipality& m);

}  // namespace sveden
