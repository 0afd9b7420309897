// content/criteria.yaml `changes:` alters one value of a preset rule by its code, and the rule then says
// what was changed, from what and why, wherever its provenance is printed.
#include <doctest/doctest.h>

#include "load/criteria_loader.h"
#include "base/disk.h"
#include "load/indicator_vocabulary.h"
#include "render/criteria_table.h"

using namespace sveden;

namespace {

Criteria with_site_file(const std::string& yaml, Diagnostics& diag) {
  MemoryDisk disk;
  disk.put("content/criteria.yaml", yaml);
  return load_criteria(disk, "", diag);
}

const Rule* child(const Rule& r, std::string_view id) {
  for (const auto& c : r.children)
    if (c.id == id) return &c;
  return nullptr;
}

}  // namespace

TEST_CASE("criteria changes: one threshold of a preset rule changes by its code, the rest of the group stays") {
  Diagnostics diag;
  Criteria c = with_site_file(
      "changes:\n"
      "  - rule: shnor.results_bottom20\n"
      "    value: 25\n"
      "    why: решение рабочей группы, протокол № 3\n",
      diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  CHECK(diag.warnings() == 0);
  const Group* shnor = c.group("shnor");
  REQUIRE(shnor);
  CHECK(shnor->rule.children.size() == 4);
  const Rule* bottom = child(shnor->rule, "results_bottom20");
  REQUIRE(bottom);
  CHECK(bottom->value == 25);
  // The wording follows the new threshold: no sentence says 20 % next to a rule that uses 25 %.
  CHECK(bottom->title == "Входит в 25 % школ с самыми низкими результатами ЕГЭ, ОГЭ и ВПР за последние 3 года");
  std::string text = provenance_text(bottom->provenance);
  CHECK(text.find("Приказ") == 0);  // the order is still cited
  CHECK(text.find("изменено управлением образования (content/criteria.yaml:2): порог 25 вместо 20 — решение рабочей группы, "
                  "протокол № 3") != std::string::npos);
  CHECK(provenance_kind(bottom->provenance) == "источник, изменено управлением образования");
  const Rule* continuation = child(shnor->rule, "continuation_below60");
  REQUIRE(continuation);
  CHECK(continuation->value == 60);
  CHECK(continuation->provenance.changes.empty());
}

TEST_CASE("criteria changes: a bare id is enough when it is unique; «k из n» changes on the combination") {
  Diagnostics diag;
  Criteria c = with_site_file(
      "changes:\n"
      "  - rule: continuation_below60\n"
      "    value: 50\n"
      "  - rule: risk_zone\n"
      "    at_least: 4\n",
      diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  const Rule* continuation = child(c.group("shnor")->rule, "continuation_below60");
  CHECK(continuation->value == 50);
  CHECK(continuation->title.find("Менее 50 %") == 0);
  const Group* zone = c.group("risk_zone");
  REQUIRE(zone);
  CHECK(zone->rule.at_least == 4);
  CHECK(zone->rule.combination.changes.size() == 1);
  CHECK(provenance_text(zone->rule.combination).find("не менее 4 из 8 вместо 3") != std::string::npos);
}

TEST_CASE("criteria changes: an unknown code, a value on a combination and an impossible value are errors at their line") {
  Diagnostics diag;
  with_site_file(
      "changes:\n"
      "  - rule: shnor.results_botom20\n"
      "    value: 25\n"
      "  - rule: shnor\n"
      "    value: 3\n"
      "  - rule: shnor.continuation_below60\n"
      "    value: 160\n",
      diag);
  auto all = diag.sorted();
  REQUIRE(all.size() == 3);
  CHECK(all[0].pos.line == 2);
  CHECK(all[0].message == "в критериях нет правила «shnor.results_botom20»");
  CHECK(all[0].hint.find("возможно, имелось в виду «shnor.results_bottom20»") == 0);
  CHECK(all[1].pos.line == 5);
  CHECK(all[1].message == "«shnor» — сочетание правил, у него нет ключа «value»");
  CHECK(all[2].pos.line == 7);
  CHECK(all[2].message == "порог 160 % невозможен для доли");
}

TEST_CASE("criteria changes: a change that changes nothing is a warning; a title naming the old window needs a new one") {
  const std::string own =
      "groups:\n"
      "  - id: own\n"
      "    title: Своя группа\n"
      "    any:\n"
      "      - id: low_continuation\n"
      "        title: Менее 50 % продолжают обучение 3 года подряд\n"
      "        indicator: continuation_rate\n"
      "        compare: less_than\n"
      "        value: 50\n"
      "        window: 3\n";
  Diagnostics diag;
  with_site_file(own +
                     "changes:\n"
                     "  - rule: shnor.continuation_below60\n"
                     "    value: 60\n"
                     "  - rule: own.low_continuation\n"
                     "    window: 2\n",
                 diag);
  auto all = diag.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].severity == Severity::warning);
  CHECK(all[0].message == "изменение правила «shnor.continuation_below60» ничего не меняет");
  CHECK(all[1].severity == Severity::error);
  CHECK(all[1].message == "название правила «Менее 50 % продолжают обучение 3 года подряд» называет прежнее значение");

  Diagnostics ok;
  Criteria c = with_site_file(own +
                                  "changes:\n"
                                  "  - rule: own.low_continuation\n"
                                  "    window: 2\n"
                                  "    title: Менее 50 % продолжают обучение 2 года подряд\n",
                              ok);
  REQUIRE_MESSAGE(!ok.has_errors(), format_all(ok));
  const Rule* rule = child(c.group("own")->rule, "low_continuation");
  CHECK(rule->window == 2);
  CHECK(rule->title == "Менее 50 % продолжают обучение 2 года подряд");
  CHECK(provenance_text(rule->provenance).find("выбор управления образования; изменено управлением образования") == 0);
}
