// The /food folder: the three names the monitoring of school meals reads, the check that a menu is
// a real XLSX, the workbooks written from data/menus.csv, and the warning for a missing menu.
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>
#include <unistd.h>
#include <zip.h>

#include "../support/test_files.h"
#include "load/food_loader.h"
#include "load/site_loader.h"
#include "load/xlsx_file.h"
#include "render/menu_workbook.h"
#include "site/build.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

struct Parsed {
  bool ok;
  std::string problem, hint;
  MenuName name;
};

Parsed parse(std::string_view name, int last_year = 2026) {
  Parsed p;
  auto n = parse_menu_name(name, last_year, &p.problem, &p.hint);
  p.ok = n.has_value();
  if (n) p.name = *n;
  return p;
}

School test_school() {
  School s;
  s.id = "T1";
  s.name = "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»";
  s.short_name = "МБОУ СОШ № 1";
  return s;
}

MenuFile test_menu() {
  MenuFile f;
  f.kind = MenuFile::Kind::daily;
  f.date = Date{2025, 10, 1};
  f.year = 2025;
  f.file.path = "2025-10-01-sm.xlsx";
  f.dishes.push_back({"завтрак", "гор.блюдо", "173", "Каша овсяная молочная с маслом сливочным", 205, 24.6, 251.3, 7.4, 9.6, 33.8});
  f.dishes.push_back({"завтрак", "гор.напиток", "376", "Чай с сахаром", 200, 3.2, 60, 0.2, 0, 15});
  f.dishes.push_back({"обед", "1 блюдо", "82", "Борщ со сметаной", 260, std::nullopt, 113.3, 2.1, 6.1, 12.4});
  return f;
}

std::string workbook() {
  auto bytes = menu_workbook(test_school(), test_menu());
  REQUIRE_MESSAGE(bytes, bytes.message());
  return *bytes;
}

// A ZIP archive made in memory with libzip: entries name → contents.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
  char path[] = "/tmp/sveden-zip-XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  close(fd);
  int err = 0;
  zip_t* z = zip_open(path, ZIP_TRUNCATE, &err);
  REQUIRE(z);
  for (const auto& [name, contents] : entries) {
    zip_source_t* src = zip_source_buffer(z, contents.data(), contents.size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  std::string out = test::read_file(path);
  fs::remove(path);
  return out;
}

}  // namespace

TEST_CASE("menu names: the three names of the monitoring, exactly") {
  Parsed daily = parse("2026-12-03-sm.xlsx");
  REQUIRE(daily.ok);
  CHECK(daily.name.kind == MenuFile::Kind::daily);
  CHECK(daily.name.date == Date{2026, 12, 3});
  CHECK(daily.name.year == 2026);
  Parsed kp = parse("kp2025.xlsx");
  REQUIRE(kp.ok);
  CHECK(kp.name.kind == MenuFile::Kind::kp);
  CHECK(kp.name.year == 2025);
  Parsed tm = parse("tm2025-sm.xlsx");
  REQUIRE(tm.ok);
  CHECK(tm.name.kind == MenuFile::Kind::typical);
  CHECK(tm.name.year == 2025);
  CHECK(daily_menu_name({2025, 9, 1}) == "2025-09-01-sm.xlsx");
}

TEST_CASE("menu names: what is wrong with a name and how to name the file") {
  Parsed bad_day = parse("2026-02-30-sm.xlsx");
  CHECK_FALSE(bad_day.ok);
  CHECK(bad_day.problem == "в имени нет настоящей даты: «2026-02-30» — в феврале 2026\u00a0г. 28\u00a0дней");
  Parsed leap = parse("2024-02-29-sm.xlsx");
  CHECK(leap.ok);
  Parsed bad_month = parse("2026-13-01-sm.xlsx");
  CHECK(bad_month.problem == "в имени нет настоящей даты: «2026-13-01» — месяцев в году 12");
  Parsed upper = parse("2026-12-03-SM.xlsx");
  CHECK_FALSE(upper.ok);
  CHECK(upper.problem == "в имени файла заглавные латинские буквы, а мониторинг питания ищет имя строчными");
  CHECK(upper.hint == "переименуйте файл в «2026-12-03-sm.xlsx»");
  CHECK(parse("KP2025.XLSX").hint == "переименуйте файл в «kp2025.xlsx»");
  Parsed xls = parse("2025-10-01-sm.xls");
  CHECK(xls.problem == "файл с расширением «.xls», а мониторинг питания читает только книги Excel .xlsx");
  CHECK(parse("tm2025-sm.csv").hint ==
        "откройте файл в Excel и сохраните как «Книга Excel (*.xlsx)» с именем «tm2025-sm.xlsx»");
  for (const char* name : {"menu.xlsx", "2025-10-1-sm.xlsx", "2025-10-01.xlsx", "2025-10-01-sm.xlsx.xlsx", "kp25.xlsx",
                           "tm2025.xlsx", "kp2025-sm.xlsx", "01.10.2025-sm.xlsx", "2025-10-01-sm .xlsx", ""}) {
    INFO(name);
    Parsed p = parse(name);
    CHECK_FALSE(p.ok);
    CHECK(p.problem == "имя файла не из тех, что читает мониторинг питания");
  }
  CHECK(parse("2025/2025-10-01-sm.xlsx").problem.rfind("вложенная папка", 0) == 0);
  // Years from the letter of 2021 to a year after the as-of date.
  CHECK_FALSE(parse("kp2020.xlsx").ok);
  CHECK(parse("kp2021.xlsx").ok);
  CHECK(parse("2026-12-31-sm.xlsx", 2026).ok);
  CHECK_FALSE(parse("2027-01-11-sm.xlsx", 2026).ok);
  CHECK(parse("tm2099-sm.xlsx").problem.find("год 2099") == 0);
}

TEST_CASE("school days: Monday to Friday outside the summer months") {
  CHECK(day_of_week({2025, 10, 1}) == 2);  // a Wednesday
  CHECK(day_of_week({2026, 12, 3}) == 3);  // a Thursday
  CHECK(day_of_week({2024, 2, 29}) == 3);
  CHECK(day_of_week({2000, 1, 1}) == 5);   // a Saturday
  CHECK(is_school_day({2025, 9, 1}));
  CHECK(is_school_day({2025, 10, 3}));
  CHECK_FALSE(is_school_day({2025, 10, 4}));
  CHECK_FALSE(is_school_day({2025, 10, 5}));
  CHECK_FALSE(is_school_day({2025, 6, 2}));  // a Monday of the summer holidays
  CHECK_FALSE(is_school_day({2025, 8, 29}));
  CHECK(is_school_day({2025, 5, 30}));
}

TEST_CASE("an XLSX is a ZIP with [Content_Types].xml and xl/workbook.xml; anything else is named") {
  CHECK(check_xlsx(workbook()).ok);
  CHECK(check_xlsx(zip_of({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}})).ok);
  CHECK(check_xlsx("Прием пищи;Раздел;Блюдо\nЗавтрак;гор.блюдо;Каша\n").problem ==
        "это текст (например, CSV или веб-страница), а не книга Excel");
  CHECK(check_xlsx("%PDF-1.7\n").problem == "это документ PDF, а не книга Excel");
  CHECK(check_xlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10)).problem ==
        "это книга Excel 97–2003 (XLS) или документ Word (DOC), а не книга Excel в формате XLSX");
  CHECK(check_xlsx("").problem == "файл пустой");
  CHECK(check_xlsx(std::string("\x89PNG\r\n\x1a\n\0\0", 10)).problem ==
        "это не книга Excel: файл не является ZIP-архивом, каким должен быть XLSX");
  CHECK(check_xlsx(zip_of({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<document/>"}})).problem ==
        "это документ Word (DOCX), а не книга Excel");
  CHECK(check_xlsx(zip_of({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}})).problem ==
        "это документ OpenDocument (ODS или ODT), а не книга Excel в формате XLSX");
  CHECK(check_xlsx(zip_of({{"menu.csv", "a;b"}})).problem ==
        "это ZIP-архив, но не книга Excel: в нём нет [Content_Types].xml и xl/workbook.xml");
  // Cut short, as by an interrupted upload.
  std::string whole = workbook();
  CHECK(check_xlsx(whole.substr(0, whole.size() / 2)).problem.rfind("файл повреждён", 0) == 0);
}

TEST_CASE("the workbook of a daily menu: the monitoring's layout, the dishes, the same bytes every time") {
  std::string bytes = workbook();
  CHECK(bytes == workbook());
  auto strings = zip_entry(bytes, "xl/sharedStrings.xml");
  REQUIRE(strings);
  for (const char* text : {"Школа", "МБОУ СОШ № 1", "Отд./корп", "День", "Прием пищи", "Раздел", "№ рец.", "Блюдо",
                           "Выход, г", "Цена", "Калорийность", "Белки", "Жиры", "Углеводы", "Завтрак", "Обед",
                           "Каша овсяная молочная с маслом сливочным", "Чай с сахаром", "Борщ со сметаной", "гор.блюдо"}) {
    INFO(text);
    CHECK(strings->find(std::string(">") + text + "<") != std::string::npos);
  }
  auto sheet = zip_entry(bytes, "xl/worksheets/sheet1.xml");
  REQUIRE(sheet);
  CHECK(sheet->find("<c r=\"E4\" s=\"5\"><v>205</v></c>") != std::string::npos);  // Выход, г of the first dish
  CHECK(sheet->find("<v>24.6</v>") != std::string::npos);
  CHECK(sheet->find("<v>45931</v>") != std::string::npos);  // «День»: 1 October 2025 as an Excel date
  CHECK(sheet->find("<mergeCell ref=\"B1:D1\"/>") != std::string::npos);
  // The creation time is the menu's day, not the clock.
  auto core = zip_entry(bytes, "docProps/core.xml");
  REQUIRE(core);
  CHECK(core->find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-10-01T00:00:00Z</dcterms:created>") != std::string::npos);
}

TEST_CASE("documents/<id>/food and data/menus.csv make a school's /food folder") {
  MemoryDisk disk = test::minimal_site();
  disk.put("documents/T1/food/tm2025-sm.xlsx", workbook());
  disk.put("documents/T1/food/kp2025.xlsx", workbook());
  disk.put("documents/T1/food/~$tm2025-sm.xlsx", "lock");  // Excel's lock file of an open workbook
  disk.put("documents/T1/food/.DS_Store", "");
  disk.put("data/menus.csv",
           "Код ОО;Дата;Прием пищи;Раздел;№ рец.;Блюдо;Выход, г;Цена;Калорийность;Белки;Жиры;Углеводы\n"
           "T1;01.09.2025;Завтрак;гор.блюдо;173;Каша овсяная;205;24,6;251,3;7,4;9,6;33,8\n"
           "T1;02.09.2025;завтрак;гор.блюдо;210;Омлет натуральный;150;38,9;269;15,4;21,6;3,2\n"
           "T1;01.09.2025;обед;1 блюдо;82;Борщ со сметаной;260;;113,3;2,1;6,1;12,4\n"
           "T2;01.09.2025;обед;2 блюдо;294;Котлета из птицы;90;41,2;208,3;14,8;12,5;9,4\n");
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  INFO(format_all(diag));
  REQUIRE_FALSE(diag.has_errors());
  const School& t1 = *m->find("T1");
  std::vector<std::string> names;
  for (const auto& [name, f] : t1.food) names.push_back(name);
  CHECK(names == std::vector<std::string>{"2025-09-01-sm.xlsx", "2025-09-02-sm.xlsx", "kp2025.xlsx", "tm2025-sm.xlsx"});
  const MenuFile& first = t1.food.at("2025-09-01-sm.xlsx");
  CHECK(first.generated());
  REQUIRE(first.dishes.size() == 2);
  CHECK(first.dishes[0].meal == "завтрак");  // the canonical spelling of the meal
  CHECK(first.dishes[1].dish == "Борщ со сметаной");
  CHECK_FALSE(first.dishes[1].price.has_value());
  CHECK(*first.dishes[0].kcal == doctest::Approx(251.3));
  const MenuFile& tm = t1.food.at("tm2025-sm.xlsx");
  CHECK_FALSE(tm.generated());
  CHECK(tm.kind == MenuFile::Kind::typical);
  CHECK(tm.file.bytes == workbook().size());
  CHECK(m->find("T2")->food.size() == 1);
  CHECK(m->find("T3")->food.empty());
  CHECK(menu_of_the_day(t1, {2025, 9, 2})->file.path == "2025-09-02-sm.xlsx");
  CHECK(menu_of_the_day(t1, {2025, 9, 10})->file.path == "2025-09-02-sm.xlsx");  // the latest before
  CHECK(menu_of_the_day(t1, {2025, 8, 29})->file.path == "2025-09-01-sm.xlsx");  // else the first after
  CHECK(menu_of_the_day(*m->find("T3"), {2025, 9, 1}) == nullptr);
}

TEST_CASE("a school with primary education and no menu for the as-of school day: one warning") {
  char tmpl[] = "/tmp/sveden-food-XXXXXX";
  REQUIRE(mkdtemp(tmpl));
  fs::path site = tmpl;
  for (const auto& [rel, contents] : test::read_tree(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal")) {
    fs::create_directories((site / rel).parent_path());
    std::ofstream(site / rel, std::ios::binary) << contents;
  }
  // T1 has the menu of 1 September 2025 (the as-of date, a Monday); T2 only that of the next day; T3, T1's
  // branch without a site of its own, none in its own folder.
  std::ofstream(site / "data/menus.csv") << "Код ОО;Дата;Приём пищи;Блюдо\n"
                                            "T1;01.09.2025;завтрак;Каша овсяная\n"
                                            "T2;02.09.2025;завтрак;Омлет\nT2;03.09.2025;завтрак;Сырники\n";
  auto warnings = [&](std::optional<Date> as_of) {
    BuildOptions o;
    o.site_dir = site.string();
    o.as_of = as_of;
    BuildReport r = check_site(o);
    std::string out;
    for (const auto& d : r.diagnostics.sorted())
      if (d.file.find("/food") != std::string::npos || d.file == "documents") out += format_diagnostic(d);
    return out;
  };
  CHECK(warnings(std::nullopt) ==
        "documents/T2/food: предупреждение: МКОУ Лесная ООШ (T2): нет меню на 1\u00a0сентября\u00a02025\u00a0г. — на сайте "
        "школы нет файла food/2025-09-01-sm.xlsx\n"
        "  подсказка: положите меню в documents/T2/food/2025-09-01-sm.xlsx или внесите блюда этого дня в data/menus.csv; "
        "школа с начальным общим образованием публикует меню на каждый учебный день\n");
  // T3, a branch of T1 without its own site, publishes on T1's site: T1's menu of the day is its menu.
  // When T1 lacks one, T1 is told, in its own folder, once; never «documents/T3/food».
  std::string sept3 = warnings(Date{2025, 9, 3});
  CHECK(sept3.find("(T2)") == std::string::npos);
  CHECK(sept3.find("documents/T1/food: предупреждение: МБОУ СОШ № 1 (T1): нет меню на 3") != std::string::npos);
  CHECK(sept3.find("T3") == std::string::npos);
  CHECK(warnings(Date{2025, 9, 6}).empty());   // a Saturday
  CHECK(warnings(Date{2025, 7, 15}).empty());  // the summer holidays
  fs::remove_all(site);
}
