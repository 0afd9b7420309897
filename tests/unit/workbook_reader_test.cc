// The XLSX reader sees cells as Excel holds them: written here with libxlsxwriter (what Excel
// itself writes: shared strings, styles, formulas with cached values, merged ranges) and read back.
#include <cstdio>
#include <filesystem>
#include <string>

#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include "../support/test_files.h"
#include "base/diagnostics.h"
#include "load/site_loader.h"
#include "load/workbook_reader.h"
#include "load/xlsx_file.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

// A workbook written by `fill` into a temporary file, returned as bytes.
template <typename Fill>
std::string make_workbook(Fill fill, bool constant_memory = false) {
  fs::path path = fs::temp_directory_path() / fs::path("sveden-workbook-test-" + std::to_string(std::rand()) + ".xlsx");
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.string().c_str(), &options);
  fill(wb);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  std::string bytes = test::read_file(path);
  fs::remove(path);
  return bytes;
}

Workbook read(const std::string& bytes) {
  Workbook book;
  std::string problem;
  INFO(problem);
  REQUIRE(read_workbook(bytes, &book, &problem));
  return book;
}

}  // namespace

TEST_CASE("read_workbook gives numbers, dates, percentages, formulas, booleans and strings as Excel holds them") {
  std::string bytes = make_workbook([](lxw_workbook* wb) {
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd.mm.yyyy");
    lxw_format* percent = workbook_add_format(wb);
    format_set_num_format(percent, "0.0%");
    lxw_format* builtin_date = workbook_add_format(wb);
    format_set_num_format_index(builtin_date, 14);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "ОГЭ");
    worksheet_write_string(ws, 0, 0, "Код ОО", nullptr);
    worksheet_write_number(ws, 0, 3, 2024, nullptr);
    worksheet_write_number(ws, 1, 0, 12.5, nullptr);
    worksheet_write_number(ws, 1, 1, 0.1 + 0.2, nullptr);
    lxw_datetime d = {2025, 9, 1, 0, 0, 0};
    worksheet_write_datetime(ws, 1, 2, &d, date);
    worksheet_write_number(ws, 1, 3, 0.653, percent);
    worksheet_write_formula_num(ws, 2, 0, "=40+2", nullptr, 42);
    worksheet_write_formula_str(ws, 2, 1, "=\"а\"&\"б\"", nullptr, "аб");
    worksheet_write_boolean(ws, 2, 2, 1, nullptr);
    worksheet_write_string(ws, 2, 3, "1 234", nullptr);  // a number stored as text
    worksheet_write_number(ws, 3, 0, 45658, builtin_date);  // 01.01.2025 as a serial
    // Row 5 stays empty; row 6 has a value far to the right.
    worksheet_write_string(ws, 5, 27, "AB6", nullptr);
  });
  Workbook book = read(bytes);
  REQUIRE(book.sheets.size() == 1);
  const Sheet& s = book.sheets[0];
  CHECK(s.name == "ОГЭ");
  REQUIRE(s.rows.size() == 5);  // the empty row 5 is left out
  CHECK(s.rows[0].number == 1);
  CHECK(s.rows[0].cells == std::vector<std::string>{"Код ОО", "", "", "2024"});
  CHECK(s.rows[1].cells == std::vector<std::string>{"12.5", "0.3", "01.09.2025", "65.3%"});
  CHECK(s.rows[2].cells == std::vector<std::string>{"42", "аб", "да", "1 234"});
  CHECK(s.rows[3].cells == std::vector<std::string>{"01.01.2025"});
  CHECK(s.rows[4].number == 6);
  CHECK(s.rows[4].cells.size() == 28);
  CHECK(s.rows[4].cells[27] == "AB6");
}

TEST_CASE("read_workbook reads inline strings and repeats a merged cell down its rows") {
  std::string inline_bytes = make_workbook(
      [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Лист1");
        worksheet_write_string(ws, 0, 0, "Предмет", nullptr);
        worksheet_write_string(ws, 1, 0, "русский язык", nullptr);
      },
      true);
  CHECK(zip_entry(inline_bytes, "xl/worksheets/sheet1.xml").value_or("").find("inlineStr") != std::string::npos);
  Workbook inline_book = read(inline_bytes);
  REQUIRE(inline_book.sheets.size() == 1);
  CHECK(inline_book.sheets[0].rows[1].cells == std::vector<std::string>{"русский язык"});

  Workbook merged = read(make_workbook([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "ОГЭ");
    worksheet_merge_range(ws, 0, 0, 0, 1, "Код ОО", nullptr);  // a header merged across two columns
    worksheet_merge_range(ws, 1, 0, 3, 0, "T1", nullptr);      // a school's code over three rows
    worksheet_write_number(ws, 1, 1, 1, nullptr);
    worksheet_write_number(ws, 3, 1, 3, nullptr);
  }));
  const Sheet& s = merged.sheets[0];
  REQUIRE(s.rows.size() == 4);
  CHECK(s.rows[0].cells == std::vector<std::string>{"Код ОО"});
  CHECK(s.rows[1].cells == std::vector<std::string>{"T1", "1"});
  CHECK(s.rows[2].cells == std::vector<std::string>{"T1"});
  CHECK(s.rows[3].cells == std::vector<std::string>{"T1", "3"});
}

TEST_CASE("read_workbook names what a file is when it is no workbook") {
  Workbook book;
  std::string problem;
  CHECK_FALSE(read_workbook("school_id;year\nT1;2024\n", &book, &problem));
  CHECK(problem == "это текст (например, CSV или веб-страница), а не книга Excel");
  CHECK_FALSE(read_workbook(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(500, '\0'), &book, &problem));
  CHECK(problem == "это книга Excel 97–2003 (XLS) или документ Word (DOC), а не книга Excel в формате XLSX");
}

TEST_CASE("cell_reference and excel_serial_date") {
  CHECK(cell_reference(7, 4) == "D7");
  CHECK(cell_reference(1, 26) == "Z1");
  CHECK(cell_reference(12, 27) == "AA12");
  CHECK(cell_reference(3, 703) == "AAA3");
  CHECK(excel_serial_date(45901, false) == "01.09.2025");
  CHECK(excel_serial_date(45901.75, false) == "01.09.2025");  // the time of day is not part of the date
  CHECK(excel_serial_date(61, false) == "01.03.1900");
  CHECK(excel_serial_date(0, true) == "01.01.1904");
}

TEST_CASE("a table given as a sheet of a workbook is read like its CSV, and errors name the cell") {
  MemoryDisk disk = test::minimal_site();
  disk.remove("data/oge.csv");
  disk.put("data/Итоги.xlsx", make_workbook([](lxw_workbook* wb) {
    lxw_worksheet* empty = workbook_add_worksheet(wb, "Пустой");
    (void)empty;
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Результаты ОГЭ");
    const char* header[] = {"Код ОО", "Год", "Предмет", "Участников"};
    for (int c = 0; c < 4; ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
    worksheet_write_string(ws, 1, 0, "T1", nullptr);
    worksheet_write_number(ws, 1, 1, 2024, nullptr);
    worksheet_write_string(ws, 1, 2, "русский язык", nullptr);
    worksheet_write_string(ws, 1, 3, "много", nullptr);
  }));
  Diagnostics diag;
  load_municipality(disk, LoadOptions{}, diag);
  CHECK(format_all(diag) ==
        "data/Итоги.xlsx, лист «Результаты ОГЭ», ячейка D2: ошибка: «много» в столбце «Участников» — не число\n"
        "  подсказка: запишите число цифрами, дробную часть — через запятую, например 12,5; нет данных — оставьте пусто или «н/д»\n");
}

TEST_CASE("a sheet's empty columns are no columns, and a value under no header is named by its cell") {
  MemoryDisk disk = test::minimal_site();
  disk.remove("data/oge.csv");
  disk.put("data/oge.xlsx", make_workbook([](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Лист1");
    // A title-less spacer column B between «Код ОО» and «Год», and a stray value in F3.
    const char* header[] = {"Код ОО", nullptr, "Год", "Предмет", "Участников"};
    for (int c = 0; c < 5; ++c)
      if (header[c]) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
    for (int r = 1; r <= 2; ++r) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(r), 0, "T1", nullptr);
      worksheet_write_number(ws, static_cast<lxw_row_t>(r), 2, 2023 + r, nullptr);
      worksheet_write_string(ws, static_cast<lxw_row_t>(r), 3, "математика", nullptr);
      worksheet_write_number(ws, static_cast<lxw_row_t>(r), 4, 10, nullptr);
    }
    worksheet_write_string(ws, 2, 5, "примечание", nullptr);
  }));
  Diagnostics diag;
  load_municipality(disk, LoadOptions{}, diag);
  CHECK(format_all(diag) ==
        "data/oge.xlsx, лист «Лист1», ячейка F3: ошибка: значение «примечание» в столбце без заголовка\n"
        "  подсказка: впишите заголовок столбца в первую строку листа или перенесите значение в нужный столбец\n");
}
