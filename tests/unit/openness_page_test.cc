// A subsection of «Сведения…» as built from a school's data: the standards it lists follow the
// programmes it runs.
#include <doctest/doctest.h>

#include "load/openness_vocabulary.h"
#include "../support/test_files.h"
#include "load/site_loader.h"
#include "render/openness_page.h"

using namespace sveden;

namespace {

std::string fgos_texts(const std::string& programmes) {
  MemoryDisk disk = test::minimal_site();
  disk.put("data/sveden/programmes.csv", "Код ОО;Образовательная программа;Уровень образования\n" + programmes);
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE(m);
  const OpennessVocabulary& v = builtin_openness();
  for (const auto& sub : v.subsections)
    if (sub.path == "eduStandarts") {
      kainjow::mustache::data d;
      d.set("blocks", openness_page(*m->find("T1"), sub, v, "../").blocks);
      return kainjow::mustache::mustache("{{#blocks}}{{#values}}{{itemprop}}: {{text}}\n{{/values}}{{/blocks}}").render(d);
    }
  return "";
}

}  // namespace

TEST_CASE("openness page: ФГОС of adapted programmes only for a school that runs them") {
  std::string plain = fgos_texts("T1;Основная образовательная программа начального общего образования;начальное общее образование\n");
  CHECK(plain.find("eduFedDoc: ФГОС начального общего образования (приказ") != std::string::npos);
  CHECK(plain.find("ограниченными возможностями") == std::string::npos);
  CHECK(plain.find("умственной отсталостью") == std::string::npos);

  std::string adapted = fgos_texts(
      "T1;Основная образовательная программа начального общего образования;начальное общее образование\n"
      "T1;Адаптированная основная общеобразовательная программа начального общего образования обучающихся с ЗПР;"
      "начальное общее образование\n"
      "T1;Адаптированная основная общеобразовательная программа образования обучающихся с умственной отсталостью "
      "(интеллектуальными нарушениями);основное общее образование\n");
  CHECK(adapted.find("eduFedDoc: ФГОС начального общего образования обучающихся с ограниченными возможностями здоровья "
                     "(приказ Минобрнауки России от 19.12.2014 № 1598)") != std::string::npos);
  CHECK(adapted.find("eduFedDoc: ФГОС образования обучающихся с умственной отсталостью (интеллектуальными нарушениями) "
                     "(приказ Минобрнауки России от 19.12.2014 № 1599)") != std::string::npos);

  // An adapted programme of basic education is under ФГОС ООО: no ФГОС НОО ОВЗ for it.
  std::string basic = fgos_texts(
      "T1;Адаптированная основная общеобразовательная программа основного общего образования обучающихся с ЗПР;"
      "основное общее образование\n");
  CHECK(basic.find("ограниченными возможностями") == std::string::npos);
}
