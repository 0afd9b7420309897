// A subsection of «Сведения…» as built from a school's data: the standards it lists follow the
// programmes it runs.
#include <doctest/doctest.h>

#include "load/openness_vocabulary.h"
#include "../support/test_files.h"
#include "load/site_loader.h"
#include "render/openness_page.h"
#include "render/mustache_template.h"

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
      TemplateValue d;
      d.set("blocks", openness_page(*m->find("T1"), sub, v, "../").blocks);
      return MustacheTemplate("{{#blocks}}{{#values}}{{itemprop}}: {{text}}\n{{/values}}{{/blocks}}").render(d);
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

// What the build reports as missing is decided without making the pages; it must be exactly what the pages
// say «отсутствует» for: checked on the demo (complete and incomplete schools) and on the minimal site, whose
// one school has almost nothing.
TEST_CASE("openness page: the missing information the build reports is what the pages mark absent") {
  const OpennessVocabulary& v = builtin_openness();
  auto compare = [&](const Municipality& m) {
    auto reported = missing_information(m, v);
    size_t k = 0, total = 0;
    for (size_t i = 0; i < m.schools.size(); ++i) {
      if (!m.schools[i].own_site) continue;
      std::vector<std::pair<std::string, std::vector<std::string>>> on_pages;
      for (const auto& sub : v.subsections) {
        auto missing = openness_page(m.schools[i], sub, v, "", m.site.as_of).missing;
        total += missing.size();
        if (!missing.empty()) on_pages.emplace_back(sub.title, missing);
      }
      INFO(m.schools[i].id);
      if (on_pages.empty()) continue;
      REQUIRE(k < reported.size());
      CHECK(reported[k].school == i);
      CHECK(reported[k].by_subsection == on_pages);
      ++k;
    }
    CHECK(k == reported.size());
    return total;
  };
  Diagnostics diag;
  RealDisk demo(SVEDEN_SOURCE_DIR);
  auto m = load_municipality(demo, LoadOptions{}, diag);
  REQUIRE(m);
  CHECK(compare(*m) > 0);  // the demo has schools with gaps
  auto minimal = load_municipality(test::minimal_site(), LoadOptions{}, diag);
  REQUIRE(minimal);
  CHECK(compare(*minimal) > 20);
}
