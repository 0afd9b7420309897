// An organisation of data/organisations.csv that is not a school (a house of children's creativity) with a «Код ОО»
// publishes its own «Сведения об образовательной организации» from the same tables as a school (docs/DATA.md, 3.14):
// the register links to it, the audit of `sveden build` and `sveden check` finds no error in it, and it gets no
// verdict, no quality page and no profile. Without the code it is in the register only. Кежемский район's ДДТ.
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/fixture_copy.h"
#include "../support/test_files.h"
#include "audit/site_audit.h"
#include "base/disk.h"
#include "load/openness_vocabulary.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

fs::path kezhma() { return fs::path(SVEDEN_SOURCE_DIR) / "examples/kezhma"; }

// The «sveden» address opendata/organisations.csv gives the row of `code`, as a path of the output.
std::string sveden_path(const fs::path& out, const std::string& code) {
  auto rows = test::parse_csv(test::read_file(out / "opendata/organisations.csv"));
  REQUIRE(rows.size() > 1);
  const auto& h = rows[0];
  size_t id = static_cast<size_t>(std::find(h.begin(), h.end(), "school_id") - h.begin());
  size_t sveden = static_cast<size_t>(std::find(h.begin(), h.end(), "sveden") - h.begin());
  REQUIRE(sveden < h.size());
  for (size_t r = 1; r < rows.size(); ++r)
    if (rows[r][id] == code) {
      std::string url = rows[r][sveden];
      const std::string base = "https://kezhma.example/";
      return url.rfind(base, 0) == 0 ? url.substr(base.size()) : url;
    }
  return "";
}

}  // namespace

TEST_CASE("organisation sites: the ДДТ with a «Код ОО» has its own «Сведения…», audited like a school's, and no verdict") {
  test::BuiltSite site(kezhma().string());
  std::string sveden = sveden_path(site.out, "DDT");
  REQUIRE(sveden.rfind("schools/", 0) == 0);
  REQUIRE(sveden.size() > 16);
  std::string folder = sveden.substr(0, sveden.find('/', 8) + 1);  // schools/<slug>/
  CAPTURE(folder);
  // Its site: a home page and the section with its 14 subsections, from its rows of data/sveden.
  std::string home = test::read_file(site.out / folder / "index.html");
  CHECK(home.find("МБУ ДО «ДДТ» (пример)") != std::string::npos);
  CHECK(home.find("Сведения, которые организация публикует по закону") != std::string::npos);
  CHECK(fs::exists(site.out / sveden / "index.html"));
  int subsections = 0;
  for (const auto& e : fs::directory_iterator(site.out / sveden)) subsections += e.is_directory();
  CHECK(subsections == 14);
  CHECK(test::read_file(site.out / sveden / "education/index.html").find("Юный конструктор") != std::string::npos);
  CHECK(test::read_file(site.out / sveden / "managers/index.html").find("Примерова Анна Сергеевна") != std::string::npos);
  // The register links to it.
  std::string schools = test::read_file(site.out / "schools/index.html");
  CHECK(schools.find("href=\"../" + folder + "index.html\"") != std::string::npos);
  CHECK(schools.find("href=\"../" + sveden + "index.html\"") != std::string::npos);
  // The audit of the build (as `sveden check` runs it) knows it as a site and finds no error in it.
  RealDisk disk(site.out.string());
  OutputAudit audit = audit_output(disk, builtin_openness(), 1);
  const SchoolAudit* own = nullptr;
  for (const auto& s : audit.schools)
    if (s.root + "/" == folder) own = &s;
  REQUIRE(own);
  for (const auto& f : own->findings) {
    std::string message = f.file.str() + ": " + f.message.str();
    CAPTURE(message);
    CHECK(f.severity != Severity::error);
  }
  // The department's audit page counts it among the sites it read, as a school's or an organisation's.
  std::string audit_page = test::read_file(site.out / "audit/index.html");
  CHECK(audit_page.find("на сайте каждой школы и организации (3\u00A0сайта)") != std::string::npos);
  // Not a school of the analysis: no quality page, no profile, in no verdict, list or indicator.
  CHECK_FALSE(fs::exists(site.out / folder / "kachestvo"));
  CHECK(home.find("kachestvo/") == std::string::npos);
  CHECK_FALSE(fs::exists(site.out / "reports/schools" / folder.substr(8)));
  for (const char* file : {"opendata/classification.csv", "opendata/evidence.csv", "opendata/lists.csv", "opendata/indicators.csv",
                           "opendata/risk_profile.csv", "opendata/similar.csv", "opendata/recommendations.csv"}) {
    CAPTURE(file);
    CHECK(test::read_file(site.out / file).find("DDT") == std::string::npos);
  }
  for (const char* page : {"support/index.html", "reports/analysis-2025/index.html", "reports/schools/index.html", "monitoring/index.html"}) {
    CAPTURE(page);
    CHECK(test::read_file(site.out / page).find("ДДТ") == std::string::npos);
  }
}

TEST_CASE("organisation sites: without a «Код ОО» the ДДТ is in the register only, with no site") {
  // The same organisation without its code column, and no rows of «Сведения…» for it.
  std::string orgs = test::read_file(kezhma() / "data/organisations.csv");
  // The last two columns: «Код ОО» and «Адрес страницы».
  auto cut = [](const std::string& line) { return line.substr(0, line.rfind(';', line.rfind(';') - 1)); };
  size_t eol = orgs.find('\n');
  std::string without = cut(orgs.substr(0, eol)) + "\n" + cut(orgs.substr(eol + 1, orgs.find('\n', eol + 1) - eol - 1)) + "\n";
  REQUIRE(without.find("DDT") == std::string::npos);
  REQUIRE(without.find("Код ОО") == std::string::npos);
  test::FixtureCopy copy({{"data/organisations.csv", without}}, kezhma());
  fs::remove_all(copy.dir / "data/sveden");
  test::BuiltSite site(copy.dir.string());
  std::vector<std::string> folders;
  for (const auto& e : fs::directory_iterator(site.out / "schools"))
    if (e.is_directory()) folders.push_back(e.path().filename().string());
  CHECK(folders.size() == 3);  // the three schools' sites of the example, and none for the ДДТ
  std::string schools = test::read_file(site.out / "schools/index.html");
  CHECK(schools.find("МБУ ДО «ДДТ» (пример)") != std::string::npos);
  CHECK(schools.find("Сведения об образовательной организации</a></span>") == std::string::npos);
}
