// Every key content/roadmap.yaml accepts is published where docs/ROADMAP.md says: the test reads the key tables of
// section 2 of the document (their column «где публикуется»), builds the minimal site with a roadmap that fills each
// key with a marker of its own, and looks for each marker in each place the document names.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../support/built_site.h"
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

struct DocKey {
  std::string key;                 // as kMarkers names it: «activity.title»
  std::vector<std::string> places;  // «страница», «отчёт», …; empty for a key that holds other keys
};

std::string trim(std::string s) {
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::vector<std::string> split(const std::string& s, const std::string& by) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = s.find(by, from)) != std::string::npos; from = at + by.size()) out.push_back(s.substr(from, at - from));
  out.push_back(s.substr(from));
  return out;
}

// The key tables of section 2 of docs/ROADMAP.md: the heading they stand under gives the prefix of their keys.
std::vector<DocKey> documented_keys() {
  std::string doc = test::read_file(fs::path(SVEDEN_SOURCE_DIR) / "docs/ROADMAP.md");
  std::vector<DocKey> out;
  std::string prefix;
  bool in_table = false, progress_table = false;
  for (const auto& line : split(doc, "\n")) {
    if (line.rfind("###", 0) == 0) progress_table = false;
    if (line.rfind("### 2.1.", 0) == 0) prefix = "";
    else if (line.rfind("### 2.2.", 0) == 0) prefix = "activity.";
    else if (line.rfind("### 2.5.", 0) == 0) prefix = "target.";
    else if (line.rfind("### 2.7.", 0) == 0) prefix = "point.";
    else if (line.rfind("## 3.", 0) == 0) break;
    if (line.rfind("Отметка о выполнении", 0) == 0) progress_table = true;
    if (line.rfind("| ключ", 0) == 0) {
      in_table = line.find("где публикуется") != std::string::npos;
      continue;
    }
    if (line.rfind("|", 0) != 0) {
      in_table = false;
      continue;
    }
    if (!in_table || line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells = split(line.substr(1, line.size() - 2), "|");  // no key or text of these tables has «|»
    std::string places = trim(cells.back());
    std::vector<std::string> where;
    if (places.rfind("ключи", 0) != 0)
      for (auto& p : split(places, ", ")) where.push_back(trim(p));
    // «`period.from`, `period.to`»: each key of the first cell.
    std::string first = cells[0];
    for (size_t at = 0; (at = first.find('`', at)) != std::string::npos;) {
      size_t end = first.find('`', at + 1);
      std::string key = first.substr(at + 1, end - at - 1);
      out.push_back({(progress_table ? std::string("progress.") : prefix) + key, where});
      at = end + 1;
    }
  }
  return out;
}

// A non-breaking space as a space: «17 ноября 2025» is found whichever space binds it.
std::string without_nbsp(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\u00A0") == 0) {
      out += ' ';
      ++i;
    } else if (s.compare(i, 6, "&nbsp;") == 0) {
      out += ' ';
      i += 5;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("docs/ROADMAP.md: every key of content/roadmap.yaml is published where the document says") {
  std::vector<DocKey> keys = documented_keys();
  REQUIRE(keys.size() >= 35);  // the tables were read, not skipped

  std::string tmpl = (fs::temp_directory_path() / "sveden-roadmap-keys-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()));
  fs::path site = tmpl;
  fs::copy(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal", site, fs::copy_options::recursive);
  std::ofstream(site / "content/roadmap.yaml", std::ios::binary) << kRoadmap;
  {
    test::BuiltSite built(site.string());
    const fs::path& out = built.out;
    const std::map<std::string, std::string> places = {
        {"страница", without_nbsp(test::read_file(out / "support/roadmap/index.html"))},
        {"поддержка школ", without_nbsp(test::read_file(out / "support/index.html"))},
        {"отчёт", without_nbsp(test::read_file(out / "reports/roadmap/index.html"))},
        {"открытые данные", without_nbsp(test::read_file(out / "opendata/roadmap.csv") + test::read_file(out / "opendata/targets.csv") +
                                         test::read_file(out / "opendata/roadmap.json"))},
    };
    std::set<std::string> seen;
    for (const auto& k : keys) {
      CAPTURE(k.key);
      seen.insert(k.key);
      if (k.places.empty()) continue;  // a key that holds keys: those are checked
      auto marker = kMarkers.find(k.key);
      REQUIRE_MESSAGE(marker != kMarkers.end(), "a key of docs/ROADMAP.md the fixture does not fill");
      for (const auto& place : k.places) {
        CAPTURE(place);
        auto text = places.find(place);
        REQUIRE_MESSAGE(text != places.end(), "docs/ROADMAP.md names a place this test does not know");
        bool found = false;
        for (const auto& form : marker->second) found = found || text->second.find(form) != std::string::npos;
        CHECK_MESSAGE(found, "not published where docs/ROADMAP.md says");
      }
    }
    // And the other way: every key the fixture fills is in the document.
    for (const auto& entry : kMarkers) {
      const std::string& key = entry.first;  // a named variable: clang 14 captures no structured binding
      CAPTURE(key);
      CHECK(seen.count(key));
    }
  }
  fs::remove_all(site);
}
