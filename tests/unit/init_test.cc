// site/init: the files of `sveden init` — a blank CSV per table with the vocabulary's Russian headers,
// one workbook with a sheet per table, header notes and drop-down lists, and the refusal of a non-empty folder.
#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include <doctest/doctest.h>

#include "load/csv_reader.h"
#include "load/xlsx_file.h"
#include "load/yaml_tree.h"
#include "site/init.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> files_of_init() {
  auto files = init_site_files(builtin_vocabulary(), Date{2025, 10, 1});
  REQUIRE_MESSAGE(files, files.message());
  std::map<std::string, std::string> out;
  for (auto& f : *files) out[f.path] = f.contents;
  return out;
}

}  // namespace

TEST_CASE("init_site_files: every table of the vocabulary as a blank CSV with its Russian headers") {
  auto files = files_of_init();
  const Vocabulary& v = builtin_vocabulary();
  for (const auto& t : v.tables) {
    REQUIRE_MESSAGE(files.count(t.file), t.file);
    const std::string& csv = files[t.file];
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    SourceText src(t.file, csv.substr(3));
    CsvTable table;
    Diagnostics diag;
    REQUIRE(read_csv(src, 0, &table, diag));
    REQUIRE(table.rows.size() == 1);
    REQUIRE(table.rows[0].fields.size() == t.columns.size());
    for (size_t c = 0; c < t.columns.size(); ++c) CHECK(table.rows[0].fields[c].value == t.columns[c].title);
  }
  CHECK(files.count("site.yaml"));
  CHECK(files.count("content/department.yaml"));
  CHECK(files.count("content/criteria.yaml"));
  CHECK(files.count("content/roadmap.yaml"));
  CHECK(files.count("content/index.md"));
  CHECK(files["site.yaml"].find("years: [2023, 2024, 2025]") != std::string::npos);
  CHECK(files["site.yaml"].find("as_of: 2025-10-01") != std::string::npos);
  CHECK(files[kInitGuide].find("| Школы | `data/schools.csv` | «Код ОО» |") != std::string::npos);
}

TEST_CASE("init_site_files: the workbook has a sheet per table, notes on the headers and a list for «Тип ОО»") {
  auto files = files_of_init();
  const std::string& book = files[kInitWorkbook];
  REQUIRE(check_xlsx(book).ok);
  auto workbook = zip_entry(book, "xl/workbook.xml");
  REQUIRE(workbook);
  const Vocabulary& v = builtin_vocabulary();
  for (const auto& t : v.tables) {
    CHECK_MESSAGE((workbook->find("name=\"" + t.title + "\"") != std::string::npos ||
                   workbook->find("name=\"" + t.name + "\"") != std::string::npos),
                  t.name);
  }
  auto strings = zip_entry(book, "xl/sharedStrings.xml");
  REQUIRE(strings);
  for (const auto& c : v.table("oge")->columns) CHECK_MESSAGE(strings->find("<t>" + c.title + "</t>") != std::string::npos, c.title);
  // «Школы» is the first sheet: «Тип ОО» (column E) and «Местность» (F) take their values from a list.
  auto schools = zip_entry(book, "xl/worksheets/sheet1.xml");
  REQUIRE(schools);
  CHECK(schools->find("sqref=\"E2:E1001\"><formula1>\"НОШ,ООШ,СОШ,СОШ с УИОП,гимназия,лицей,центр образования,филиал\"</formula1>") !=
        std::string::npos);
  CHECK(schools->find("sqref=\"F2:F1001\"><formula1>\"город,село\"</formula1>") != std::string::npos);
  auto notes = zip_entry(book, "xl/comments1.xml");
  REQUIRE(notes);
  CHECK(notes->find("Тип ОО") == std::string::npos);  // the note says what goes in, not the header again
  CHECK(notes->find("значение из списка: «НОШ», «ООШ»") != std::string::npos);
}

TEST_CASE("column_note: type, bounds, values and whether a value is required") {
  const TableSpec* oge = builtin_vocabulary().table("oge");
  CHECK(column_note(oge->columns[static_cast<size_t>(oge->column_index("mean_score"))]) ==
        "число от 2 до 5. Необязательно: пустая ячейка — нет данных. Имя колонки: mean_score.");
  CHECK(column_note(oge->columns[static_cast<size_t>(oge->column_index("school_id"))]) ==
        "код школы из schools.csv. Заполняется в каждой строке. Имя колонки: school_id.");
  CHECK(column_note(oge->columns[static_cast<size_t>(oge->column_index("participants"))]) ==
        "целое число, не меньше 0. Колонка обязательна, ячейки можно оставлять пустыми. Имя колонки: participants.");
}

TEST_CASE("init_site: refuses a folder that has something in it, writes into a new one") {
  fs::path dir = fs::temp_directory_path() / ("sveden-init-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "заметки.txt") << "моё";
  Status refused = init_site(dir.string(), Date{2025, 10, 1}, false);
  CHECK(refused.code() == ExitCode::usage);
  CHECK(refused.message().find("не пуста (в ней есть «заметки.txt»); sveden init ничего не перезаписывает") != std::string::npos);
  CHECK(!fs::exists(dir / "site.yaml"));
  fs::path fresh = dir / "новый";
  CHECK(init_site(fresh.string(), Date{2025, 10, 1}, false).ok());
  CHECK(fs::exists(fresh / "site.yaml"));
  CHECK(fs::exists(fresh / "data/sveden/info.csv"));
  CHECK(fs::exists(fresh / fs::u8path(kInitWorkbook)));
  fs::remove_all(dir);
}

TEST_CASE("init: the GitHub Pages workflow is YAML that builds the site with this program's own commands") {
  std::string text = github_workflow();
  SourceText src(kInitWorkflow, text);
  Diagnostics diag;
  YamlNode root;
  REQUIRE_MESSAGE(parse_yaml(src, &root, diag), format_all(diag));
  const YamlNode* jobs = root.find("jobs");
  REQUIRE(jobs);
  const YamlNode* build = jobs->find("build");
  REQUIRE(build);
  REQUIRE(build->find("container"));
  CHECK(build->find("container")->value == "debian:12");  // the Debian packages the Makefile installs
  std::string runs;
  for (const auto& step : build->find("steps")->items)
    if (const YamlNode* run = step.find("run")) runs += run->value + "\n";
  CHECK(runs.find("make -C /opt/sveden build") != std::string::npos);
  CHECK(runs.find("/opt/sveden/build/sveden build --site . --out output") != std::string::npos);
  // The artifact is the folder the build writes, and the deploy job publishes it.
  bool uploads_output = false;
  for (const auto& step : build->find("steps")->items)
    if (const YamlNode* uses = step.find("uses"); uses && uses->value.rfind("actions/upload-pages-artifact@", 0) == 0)
      uploads_output = step.find("with") && step.find("with")->find("path") && step.find("with")->find("path")->value == "output";
  CHECK(uploads_output);
  REQUIRE(jobs->find("deploy"));
  CHECK(jobs->find("deploy")->find("needs")->value == "build");
  const YamlNode* perms = root.find("permissions");
  REQUIRE(perms);
  CHECK(perms->find("pages")->value == "write");
  CHECK(perms->find("id-token")->value == "write");
  // Until the user names the sveden repository, the workflow stops with a message saying so.
  CHECK(runs.find("Укажите в .github/workflows/sveden.yml адрес репозитория sveden") != std::string::npos);
}

