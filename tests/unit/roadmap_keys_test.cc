// Every key content/roadmap.yaml accepts is published where docs/ROADMAP.md says: the test reads the key tables of
// section 2 of the document (their column «где публикуется»), builds the minimal site with a roadmap that fills each
// key with a marker of its own, and looks for each marker in each place the document names.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/fixture_copy.h"
#include "../support/key_places.h"
#include "../support/test_files.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

// A marker for each key of the fixture below, and the forms it may take once published (a date as words on a
// page, as ISO in open data; a number with a decimal comma or point).
const std::map<std::string, std::vector<std::string>> kMarkers = {
    {"title", {"ZZroadmaptitleZZ"}},
    {"approved.document", {"ZZdocumentZZ"}},
    {"approved.number", {"ZZnumberZZ"}},
    {"approved.date", {"15 февраля 2024", "2024-02-15"}},
    {"period.from", {"2024–2027", "\"from\":2024"}},
    {"period.to", {"2024–2027", "\"to\":2027"}},
    {"short_title", {"ZZshortZZ"}},
    {"track_progress", {"\"track_progress\":true"}},
    {"goal", {"ZZgoalZZ"}},
    {"expected_results", {"ZZexpectedZZ"}},
    {"legal_bases", {"ZZlawZZ"}},
    {"developer", {"ZZdeveloperZZ"}},
    {"financing", {"ZZmoneyZZ"}},
    {"tasks", {"ZZtaskZZ"}},
    {"coordinator.position", {"ZZpositionZZ"}},
    {"coordinator.name", {"ZZcoordinatorZZ"}},
    {"working_group", {"ZZmemberZZ"}},
    {"activity.id", {"zz-first"}},
    {"activity.number", {"ZZ7.3"}},
    {"activity.term", {"ZZtermZZ"}},
    {"activity.ongoing", {"ZZongoingZZ"}},
    {"activity.schedule", {"ZZscheduleZZ"}},
    {"activity.title", {"ZZactivityZZ"}},
    {"activity.deadline", {"17 ноября 2025"}},
    {"activity.period", {"3 сентября 2024"}},
    {"activity.recurrence", {"ежегодно: июль"}},
    {"activity.responsible", {"ZZresponsibleZZ"}},
    {"activity.status", {"отменено"}},
    {"activity.expected_result", {"ZZresultZZ"}},
    {"activity.indicator", {"ZZindicatorZZ"}},
    {"activity.report_form", {"ZZformZZ"}},
    {"activity.schools", {"T2"}},
    {"activity.group", {"shnor"}},
    {"progress.date", {"5 марта 2025", "2025-03-05"}},
    {"progress.text", {"ZZprogressZZ"}},
    {"progress.evidence", {"ZZevidenceZZ"}},
    {"target.id", {"zz-target"}},
    {"target.title", {"ZZtargettitleZZ"}},
    {"target.unit", {"ZZunitZZ"}},
    {"target.better", {"\"better\":\"lower\""}},
    {"target.targets", {"3 737", "3737"}},
    {"target.fact", {"4 141", "4141"}},
    {"target.source", {"ZZsourceZZ"}},
    {"point.id", {"zz-point"}},
    {"point.title", {"ZZpointZZ"}},
    {"point.responsible", {"ZZpointresponsibleZZ"}},
    {"point.dates", {"9 июня 2025", "2025-06-09"}},
    {"point.target", {"ZZpointtargetZZ"}},
    {"point.target_id", {"\"target_id\":\"zz-target\""}},
};

const char* kRoadmap = R"(title: ZZroadmaptitleZZ
short_title: ZZshortZZ
approved: {document: ZZdocumentZZ, number: ZZnumberZZ, date: 2024-02-15}
period: {from: 2024, to: 2027}
track_progress: true
goal: [ZZgoalZZ, Вторая цель]
expected_results: [ZZexpectedZZ]
legal_bases: [ZZlawZZ]
developer: ZZdeveloperZZ
financing:
  - {source: ZZmoneyZZ, unit: тыс. руб., amounts: {2024: 150}}
tasks: [ZZtaskZZ]
coordinator: {position: ZZpositionZZ, name: ZZcoordinatorZZ}
working_group:
  - {name: ZZmemberZZ, position: специалист отдела, role: секретарь}
sections:
  - id: s1
    title: Раздел плана
    activities:
      - id: zz-first
        number: ZZ7.3
        title: ZZactivityZZ
        deadline: 2025-11-17
        responsible: ZZresponsibleZZ
        status: отменено
        expected_result: ZZresultZZ
        indicator: ZZindicatorZZ
        report_form: ZZformZZ
        schools: ["T2"]
        group: shnor
        progress:
          - date: 2025-03-05
            text: ZZprogressZZ
            evidence:
              - {title: ZZevidenceZZ, url: "https://zz.example/evidence.pdf"}
      - id: zz-second
        title: Второе мероприятие
        period: {from: 2024-09-03, to: 2025-05-27}
        responsible: [Отдел образования]
        status: в работе
      - id: zz-third
        title: Третье мероприятие
        recurrence: {months: [7]}
        responsible: [Отдел образования]
        status: в работе
      - id: zz-fourth
        title: Четвёртое мероприятие
        term: ZZtermZZ
        responsible: [Отдел образования]
      - id: zz-fifth
        title: Пятое мероприятие
        ongoing: ZZongoingZZ
        responsible: [Отдел образования]
      - id: zz-sixth
        title: Шестое мероприятие
        schedule: {title: ZZscheduleZZ, url: "https://zz.example/schedule.pdf"}
        responsible: [Отдел образования]
targets:
  - id: zz-target
    title: ZZtargettitleZZ
    unit: ZZunitZZ
    better: lower
    targets: {2025: 3737}
    fact: {entered: {2025: 4141}}
    source: ZZsourceZZ
control_points:
  - id: zz-point
    title: ZZpointZZ
    responsible: [ZZpointresponsibleZZ]
    dates: [2025-06-09]
    target: ZZpointtargetZZ
    target_id: zz-target
)";

// The key tables of section 2 of docs/ROADMAP.md: the heading they stand under gives the prefix of their keys.
std::vector<test::DocKey> documented_keys() {
  std::string doc = test::read_file(fs::path(SVEDEN_SOURCE_DIR) / "docs/ROADMAP.md");
  std::vector<test::DocKey> out;
  test::KeyTables tables;
  std::string prefix;
  bool progress_table = false;
  for (const auto& line : test::split(doc, "\n")) {
    if (line.rfind("###", 0) == 0) progress_table = false;
    if (line.rfind("### 2.1.", 0) == 0) prefix = "";
    else if (line.rfind("### 2.2.", 0) == 0) prefix = "activity.";
    else if (line.rfind("### 2.5.", 0) == 0) prefix = "target.";
    else if (line.rfind("### 2.7.", 0) == 0) prefix = "point.";
    else if (line.rfind("## 3.", 0) == 0) break;
    if (line.rfind("Отметка о выполнении", 0) == 0) progress_table = true;
    for (auto& k : tables.add(line, progress_table ? std::string("progress.") : prefix)) out.push_back(std::move(k));
  }
  return out;
}

}  // namespace

TEST_CASE("docs/ROADMAP.md: every key of content/roadmap.yaml is published where the document says") {
  std::vector<test::DocKey> keys = documented_keys();
  REQUIRE(keys.size() >= 35);  // the tables were read, not skipped

  test::FixtureCopy site({{"content/roadmap.yaml", std::string(kRoadmap)}});
  test::BuiltSite built(site.dir.string());
  const fs::path& out = built.out;
  const std::map<std::string, std::string> places = {
      {"страница", test::without_nbsp(test::read_file(out / "support/roadmap/index.html"))},
      {"поддержка школ", test::without_nbsp(test::read_file(out / "support/index.html"))},
      {"отчёт", test::without_nbsp(test::read_file(out / "reports/roadmap/index.html"))},
      {"открытые данные", test::without_nbsp(test::read_file(out / "opendata/roadmap.csv") + test::read_file(out / "opendata/targets.csv") +
                                             test::read_file(out / "opendata/roadmap.json"))},
  };
  test::check_key_places(keys, kMarkers, places, "docs/ROADMAP.md");
}
