#include <doctest/doctest.h>

#include <set>

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
  std::string error;
  CHECK_FALSE(parse_openness("title: x\npath: sveden\nabsent: нет\nministries: []\nsubsections:\n"
                             "  - {path: a, title: b, source: c, fields: [{itemprop: x, label: y, value: school.nope}]}\n",
                             &error));
  CHECK(error.find("nope") != std::string::npos);
}
