// Loading a whole site from an in-memory folder: overrides in site.yaml, Excel quirks, missing values.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "../support/test_files.h"
#include "load/site_config.h"
#include "load/site_loader.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

using test::minimal_site;

std::string to_cp1251(const std::string& utf8) {
  // Only what the test needs: Cyrillic letters of the headers below.
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) { out += utf8[i++]; continue; }
    unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F);
    i += 2;
    if (cp >= 0x410 && cp <= 0x44F) out += static_cast<char>(0xC0 + (cp - 0x410));
    else if (cp == 0x451) out += static_cast<char>(0xB8);
    else out += '?';
  }
  return out;
}

}  // namespace

TEST_CASE("site.yaml overrides a table's file, encoding, delimiter and headers") {
  MemoryDisk disk = minimal_site();
  disk.remove("data/contingent.csv");
  std::string site = *disk.read("site.yaml");
  site += "tables:\n  contingent:\n    file: data/kontingent_2025.csv\n    encoding: windows-1251\n"
          "    delimiter: \"\\t\"\n    columns:\n      \"Кол-во учащихся\": students\n";
  disk.put("site.yaml", site);
  disk.put("data/kontingent_2025.csv", to_cp1251("Код ОО\tГод\tКол-во учащихся\r\nT1\t2025\t655\r\nT2\t2025\tнет данных\r\n"));
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  INFO(format_all(diag));
  REQUIRE_FALSE(diag.has_errors());
  const School* t1 = m->find("T1");
  REQUIRE(t1->contingent.size() == 1);
  CHECK(t1->contingent[0].students == 655);
  const School* t2 = m->find("T2");
  REQUIRE(t2->contingent.size() == 1);
  CHECK_FALSE(t2->contingent[0].students.has_value());  // «нет данных» is missing, not zero
}

TEST_CASE("Excel quirks: trailing delimiter, quoted line breaks, decimal comma, BOM, CRLF") {
  MemoryDisk disk = minimal_site();
  disk.put("data/schools.csv",
           "\xEF\xBB\xBFschool_id;name;short_name;address;\r\n"
           "T1;\"Средняя школа\r\n№ 1\";СОШ № 1;\"ул. Мира; д. 1\";\r\n"
           "T2;Основная школа;ООШ;;\r\n"
           "\r\n"
           "T3;Филиал;Филиал;;\r\n");
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  INFO(format_all(diag));
  REQUIRE_FALSE(diag.has_errors());
  CHECK(m->find("T1")->name == "Средняя школа\r\n№ 1");
  CHECK(m->find("T1")->address == "ул. Мира; д. 1");
  CHECK(m->schools.size() == 3);
  const auto& oge = m->find("T1")->oge;  // sorted by year, then subject
  auto russian = std::find_if(oge.begin(), oge.end(), [](const OgeResult& r) { return r.year == 2024 && r.subject == "русский язык"; });
  REQUIRE(russian != oge.end());
  CHECK(*russian->mean_score == doctest::Approx(3.95));
}

TEST_CASE("an unknown column is a warning naming the closest known one, and is skipped") {
  MemoryDisk disk = minimal_site();
  disk.put("data/staff.csv", "school_id;year;teachers;Вакансии всего\nT1;2025;48;2\n");
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  CHECK_FALSE(diag.has_errors());
  auto sorted = diag.sorted();
  CHECK(std::count_if(sorted.begin(), sorted.end(), [](const Diagnostic& d) { return d.file == "data/staff.csv" && d.pos.line == 1; }) == 1);
  CHECK(format_all(diag).find("неизвестный столбец «Вакансии всего» будет пропущен") != std::string::npos);
  CHECK_FALSE(m->find("T1")->staff[0].vacancies.has_value());
}

TEST_CASE("--as-of overrides site.yaml") {
  MemoryDisk disk = minimal_site();
  Diagnostics diag;
  LoadOptions o;
  o.as_of = Date{2026, 1, 15};
  auto m = load_municipality(disk, o, diag);
  CHECK(m->site.as_of == Date{2026, 1, 15});
}

TEST_CASE("branches and mentors are linked both ways") {
  MemoryDisk disk = minimal_site();
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE_FALSE(diag.has_errors());
  CHECK(m->find("T1")->branch_ids == std::vector<std::string>{"T3"});
  CHECK(m->find("T2")->mentor_id == "T1");
  CHECK(m->find("T2")->mentor_since == 2024);
}

TEST_CASE("privacy: the publication minimum, the decision minimum and what is done with verdicts on hidden values") {
  MemoryDisk disk = minimal_site();
  std::string site = *disk.read("site.yaml");
  disk.put("site.yaml", site + "privacy:\n  min_group: 8\n  decision_min: 5\n  verdicts_on_hidden: withhold\n");
  Diagnostics diag;
  auto cfg = load_site_config(disk, "", diag);
  INFO(format_all(diag));
  REQUIRE_FALSE(diag.has_errors());
  CHECK(cfg->min_group == 8);
  CHECK(cfg->decision_min == 5);
  CHECK(cfg->verdicts_on_hidden == SiteConfig::HiddenVerdicts::withhold);
  // Unset, the decision minimum is the presets' (analyse/decision_minimum) and verdicts are published.
  disk.put("site.yaml", site);
  Diagnostics plain;
  cfg = load_site_config(disk, "", plain);
  CHECK_FALSE(cfg->decision_min.has_value());
  CHECK(cfg->verdicts_on_hidden == SiteConfig::HiddenVerdicts::publish);
  // A value it does not know: where, and what to write instead.
  disk.put("site.yaml", site + "privacy:\n  verdicts_on_hidden: hide\n");
  Diagnostics wrong;
  load_site_config(disk, "", wrong);
  CHECK(format_all(wrong) ==
        "site.yaml:17:23: ошибка: privacy.verdicts_on_hidden: неизвестное значение «hide»\n"
        "   17 |   verdicts_on_hidden: hide\n"
        "      |                       ^~~~\n"
        "  подсказка: укажите publish (решение по скрытому значению публикуется, значение — нет) или withhold (такое решение — "
        "«недостаточно данных»)\n");
}
