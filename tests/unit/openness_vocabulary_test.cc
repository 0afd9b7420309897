#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <tuple>

#include "load/openness_vocabulary.h"
#include "model/openness.h"

using namespace sveden;

TEST_CASE("openness vocabulary: the 14 subsections of order 1493 at their exact addresses") {
  const OpennessVocabulary& v = builtin_openness();
  CHECK(v.title == "Сведения об образовательной организации");
  CHECK(v.path == "sveden");
  const std::pair<const char*, const char*> expected[] = {
      {"common", "Основные сведения"},
      {"struct", "Структура и органы управления образовательной организацией"},
      {"document", "Документы"},
      {"education", "Образование"},
      {"eduStandarts", "Образовательные стандарты и требования"},
      {"managers", "Руководство"},
      {"employees", "Педагогический состав"},
      {"objects", "Материально-техническое обеспечение и оснащенность образовательного процесса. Доступная среда"},
      {"grants", "Стипендии и меры поддержки обучающихся"},
      {"paid_edu", "Платные образовательные услуги"},
      {"budget", "Финансово-хозяйственная деятельность"},
      {"vacant", "Вакантные места для приема (перевода) обучающихся"},
      {"inter", "Международное сотрудничество"},
      {"catering", "Организация питания в образовательной организации"}};
  REQUIRE(v.subsections.size() == 14);
  for (size_t i = 0; i < 14; ++i) {
    CHECK(v.subsections[i].path == expected[i].first);
    CHECK(v.subsections[i].title == expected[i].second);
  }
}

TEST_CASE("openness vocabulary: markup names of МР v9, no outdated ones") {
  std::set<std::string> names;
  for (const auto& s : builtin_openness().subsections)
    for (const auto& f : s.fields) {
      names.insert(f.itemprop);
      for (const auto& c : f.children) names.insert(c.itemprop);
      if (f.kind == OpenField::Kind::rows) CHECK_MESSAGE(!f.children.empty(), f.itemprop);
    }
  for (const char* n : {"fullName", "regDate", "uchredLaw", "nameUchred", "licenseDocLink", "structOrgUprav", "ustavDocLink",
                        "eduAccred", "eduOp", "educationShedule", "accreditationDocLink", "eduFedDoc", "rucovodstvo",
                        "rucovodstvoZam", "teachingStaff", "specExperience", "teachingOp", "purposeCab", "meals", "paidEdu",
                        "finPlanDocLink", "volume", "vacant", "internationalDog", "eduProf", "eduCode", "hostelInterOvz",
                        "localActObSt", "hostelNumOvz", "interNumOvz", "repInfo", "nameRep", "divisionClauseDocLink"})
    CHECK_MESSAGE(names.count(n), n);
  for (const char* n : {"copy", "genExperience", "teachingQual", "employeeQualification", "localAct"})
    CHECK_MESSAGE(!names.count(n), n);
}

// МР v9 lists eduProf and eduCode in every row of eduAccred, eduOp and vacant: the robot counts them.
TEST_CASE("openness vocabulary: every programme row carries eduProf and eduCode") {
  for (const auto& s : builtin_openness().subsections)
    for (const auto& f : s.fields)
      if (f.itemprop == "eduAccred" || f.itemprop == "eduOp" || f.itemprop == "vacant") {
        std::set<std::string> children;
        for (const auto& c : f.children) children.insert(c.itemprop);
        CHECK_MESSAGE(children.count("eduProf"), f.itemprop);
        CHECK_MESSAGE(children.count("eduCode"), f.itemprop);
      }
}

// Absent information is written only in the words МР v9 (footnote 2) and Rosobrnadzor's
// clarifications of 11.11.2024 allow.
TEST_CASE("openness vocabulary: absence only in the allowed words") {
  const std::set<std::string> allowed = {"отсутствует", "нет", "не предусмотрено", "0"};
  const OpennessVocabulary& v = builtin_openness();
  CHECK(allowed.count(v.absent));
  for (const auto& s : v.subsections)
    for (const auto& f : s.fields) {
      CHECK_MESSAGE(allowed.count(f.absent), s.path, ": ", f.label, ": ", f.absent);
      for (const auto& c : f.children) CHECK_MESSAGE(allowed.count(c.absent), s.path, ": ", c.label, ": ", c.absent);
    }
}

TEST_CASE("openness vocabulary: accreditation is in «Образование» since order 1353") {
  for (const auto& s : builtin_openness().subsections)
    for (const auto& f : s.fields)
      if (f.itemprop == "accreditationDocLink") CHECK(s.path == "education");
}

TEST_CASE("openness vocabulary: a defect is reported, not ignored") {
  auto v = parse_openness("title: x\npath: sveden\nabsent: нет\nministries: []\nsubsections:\n"
                          "  - {path: a, title: b, source: c, fields: [{itemprop: x, label: y, value: school.nope}]}\n");
  CHECK_FALSE(v);
  CHECK(v.message().find("nope") != std::string::npos);
}

// docs/OPENNESS.md §7 lists every attribute of МР v9 tables 3.x; each is written by a field of the
// vocabulary in its subsection (under its row tag), or the vocabulary says why not; and the
// vocabulary writes nothing the table does not list.
TEST_CASE("openness vocabulary: every attribute of МР v9 is written or its absence explained, as docs/OPENNESS.md lists") {
  std::ifstream in(std::string(SVEDEN_SOURCE_DIR) + "/docs/OPENNESS.md");
  std::string line;
  bool in_table = false;
  struct Row { std::string path, itemprop, parent, what; };
  std::vector<Row> rows;
  auto cell = [](std::string c) {
    while (!c.empty() && c.front() == ' ') c.erase(0, 1);
    while (!c.empty() && c.back() == ' ') c.pop_back();
    if (c.size() >= 2 && c.front() == '`' && c.back() == '`') c = c.substr(1, c.size() - 2);
    return c == "—" ? std::string() : c;
  };
  while (std::getline(in, line)) {
    if (line.rfind("## 7. ", 0) == 0) in_table = true;
    else if (line.rfind("## ", 0) == 0) in_table = false;
    if (!in_table || line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells;
    for (size_t start = 1, bar; (bar = line.find('|', start)) != std::string::npos; start = bar + 1)
      cells.push_back(cell(line.substr(start, bar - start)));
    REQUIRE(cells.size() == 6);
    rows.push_back({cells[0], cells[2], cells[3], cells[5]});
  }
  REQUIRE(rows.size() > 150);
  const OpennessVocabulary& v = builtin_openness();
  std::set<std::tuple<std::string, std::string, std::string>> emitted, listed;
  for (const auto& s : v.subsections)
    for (const auto& f : s.fields) {
      if (!f.itemprop.empty()) emitted.insert({s.path, f.itemprop, ""});
      for (const auto& c : f.children)
        if (!c.itemprop.empty()) emitted.insert({s.path, c.itemprop, f.itemprop});
    }
  std::set<std::tuple<std::string, std::string, std::string>> explained;
  for (const auto& n : v.not_emitted) {
    CHECK_MESSAGE(!n.reason.empty(), n.itemprop);
    explained.insert({n.path, n.itemprop, n.parent});
  }
  for (const auto& r : rows) {
    std::tuple<std::string, std::string, std::string> key{r.path, r.itemprop, r.parent};
    listed.insert(key);
    CAPTURE(r.path);
    CAPTURE(r.itemprop);
    CAPTURE(r.parent);
    bool writes = emitted.count(key) > 0, why = explained.count(key) > 0;
    CHECK_MESSAGE(writes != why, "written and explained, or neither");
    CHECK((r.what.rfind("выводит", 0) == 0) == writes);
    CHECK((r.what.rfind("не выводит", 0) == 0) == why);
  }
  for (const auto& key : emitted) CHECK_MESSAGE(listed.count(key), std::get<0>(key), " ", std::get<1>(key), " ", std::get<2>(key));
  for (const auto& key : explained) CHECK_MESSAGE(listed.count(key), std::get<0>(key), " ", std::get<1>(key));
}
