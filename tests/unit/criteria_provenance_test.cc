// Where every criterion comes from: each rule, combination and weight of the built-in presets says its
// source (document, item, quotation) or that it is the preset's choice and why; a preset rule without
// either is refused with its place; docs/CRITERIA.md says the same as the data.
#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "load/criteria_loader.h"
#include "load/embedded_files.h"
#include "load/indicator_vocabulary.h"
#include "render/criteria_table.h"

using namespace sveden;

namespace {

Criteria presets_only(Diagnostics& diag) {
  MemoryDisk disk;  // no content/criteria.yaml: the four built-in presets
  return load_criteria(disk, "", diag);
}

// Every rule of the criteria with its dotted code, as criteria.csv names it.
void walk(const Rule& r, const std::string& code, const std::function<void(const Rule&, const std::string&)>& fn) {
  fn(r, code);
  for (size_t k = 0; k < r.children.size(); ++k)
    walk(r.children[k], code + "." + (r.children[k].id.empty() ? std::to_string(k + 1) : r.children[k].id), fn);
}

void each_rule(const Criteria& c, const std::function<void(const Rule&, const std::string&)>& fn) {
  for (const auto& g : c.groups) walk(g.rule, g.id, fn);
  for (const auto& f : c.risk_factors) {
    if (f.high) walk(*f.high, f.id + ".high", fn);
    if (f.medium) walk(*f.medium, f.id + ".medium", fn);
  }
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The preset's text with the lines from the one starting with `from` (inclusive) for `count` lines cut out.
std::string without_lines(std::string text, const std::string& from, int count) {
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  size_t end = at;
  for (int k = 0; k < count; ++k) end = text.find('\n', end) + 1;
  return text.erase(at, end - at);
}

}  // namespace

TEST_CASE("criteria provenance: every rule, combination and weight of every preset says where it comes from") {
  Diagnostics diag;
  Criteria c = presets_only(diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  int rules = 0;
  each_rule(c, [&](const Rule& r, const std::string& code) {
    ++rules;
    CHECK_MESSAGE(!r.provenance.empty(), code);
    if (r.combine != Combine::leaf) CHECK_MESSAGE(!r.combination.empty(), code, ": сочетание");
  });
  CHECK(rules > 40);
  for (const auto& f : c.risk_factors) CHECK_MESSAGE(!f.provenance.empty(), f.id);
  CHECK(!c.social_index.provenance.empty());
  CHECK(!c.results_index.provenance.empty());
  CHECK(!c.procedure.provenance.empty());
}

TEST_CASE("criteria provenance: the table behind criteria.csv has a row with a source or choice for every rule") {
  Diagnostics diag;
  Criteria c = presets_only(diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  auto rows = criteria_rows(c, builtin_indicators());
  std::map<std::string, const CriteriaRow*> by_code;
  for (const auto& r : rows) {
    CHECK_MESSAGE(by_code.emplace(r.code, &r).second, "код повторяется: ", r.code);
    CHECK_MESSAGE(!provenance_text(r.provenance).empty(), r.code);
    // A preset never falls back to «выбор управления образования»: that is for a site's own rules.
    CHECK_MESSAGE(provenance_kind(r.provenance) != "выбор управления образования", r.code);
  }
  each_rule(c, [&](const Rule& r, const std::string& code) {
    CHECK_MESSAGE(by_code.count(code), code);
    if (r.combine != Combine::leaf) CHECK_MESSAGE(by_code.count(code + ".combination"), code);
  });
  for (const char* code : {"social_index", "results_index", "procedure"}) CHECK_MESSAGE(by_code.count(code), code);
  // The order's rule is a source; the ШФНСУ group is sveden's; the risk zone is derived from the roadmap.
  CHECK(provenance_kind(by_code.at("shnor.results_bottom20")->provenance) == "источник");
  // The order counts pupils, the data participations: derived, and it says so.
  CHECK(provenance_kind(by_code.at("shnor.olympiad_low")->provenance) == "выведено из источника");
  CHECK(by_code.at("shnor.olympiad_low")->provenance.choice.find("считается дважды") != std::string::npos);
  CHECK(by_code.at("shnor.olympiad_low")->provenance.quote.find("0,5% и ниже учащихся") != std::string::npos);
  CHECK(provenance_kind(by_code.at("shnor.combination")->provenance) == "выбор набора");
  CHECK(provenance_kind(by_code.at("shfnsu")->provenance) == "выбор набора");
  CHECK(provenance_kind(by_code.at("social_index")->provenance) == "выбор набора");
  CHECK(provenance_kind(by_code.at("risk_zone")->provenance) == "выведено из источника");
  CHECK(provenance_kind(by_code.at("risk_zone.combination")->provenance) == "выбор набора");
  CHECK(provenance_text(by_code.at("risk_zone.young_specialists_above_municipal")->provenance).find("13,13 %") != std::string::npos);
  // The zone of risk takes no school of the municipality's ШНОР (exclude_shnor), and says so.
  CHECK(by_code.at("risk_zone")->combination == "не менее 3 из 8; школы группы «ШНОР» в неё не включаются");
  CHECK(provenance_kind(by_code.at("rosobr30.combination")->provenance) == "выбор набора");
}

TEST_CASE("criteria provenance: a preset rule or combination without source or choice is refused with its place") {
  const std::string yelnya(*vocab_file("criteria/yelnya.yaml"));
  SUBCASE("a rule") {
    // results_bottom20's source: is four lines (source, document, item, quote) after its id and title.
    std::string text = yelnya;
    size_t id = text.find("      - id: results_bottom20\n");
    REQUIRE(id != std::string::npos);
    size_t source = text.find("        source:\n", id);
    size_t end = source;
    for (int k = 0; k < 4; ++k) end = text.find('\n', end) + 1;
    text.erase(source, end - source);
    Criteria c;
    Diagnostics diag;
    parse_preset(SourceText("vocab/criteria/yelnya.yaml", text), "yelnya", c, diag);
    std::string all = format_all(diag);
    CHECK(diag.errors() == 1);
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(id), '\n'));
    CHECK_MESSAGE(all.find(fmt::format("vocab/criteria/yelnya.yaml:{}:9: ошибка: группа «shnor» / правило «results_bottom20»: "
                                       "не сказано, откуда это правило", line)) != std::string::npos, all);
    CHECK(all.find("добавьте source: с ключами document, item и quote") != std::string::npos);
  }
  SUBCASE("a combination") {
    std::string text = without_lines(yelnya, "        combination:\n          choice: >-\n            приказ не говорит, как сочетать", 4);
    Criteria c;
    Diagnostics diag;
    parse_preset(SourceText("vocab/criteria/yelnya.yaml", text), "yelnya", c, diag);
    std::string all = format_all(diag);
    CHECK(diag.errors() == 1);
    CHECK_MESSAGE(all.find("группа «shnor» / правило «regional_indicators»: не сказано, откуда сочетание правил") != std::string::npos, all);
  }
  SUBCASE("the same text is accepted whole") {
    Criteria c;
    Diagnostics diag;
    parse_preset(SourceText("vocab/criteria/yelnya.yaml", yelnya), "yelnya", c, diag);
    CHECK_MESSAGE(!diag.has_errors(), format_all(diag));
  }
}

TEST_CASE("criteria provenance: a site's own rule may omit it and is then the department's choice") {
  Criteria c;
  Diagnostics diag;
  parse_criteria(SourceText("content/criteria.yaml",
                            "groups:\n"
                            "  - id: own\n"
                            "    title: Своя группа\n"
                            "    any:\n"
                            "      - id: few_continue\n"
                            "        title: Менее 50 % продолжают обучение\n"
                            "        indicator: continuation_rate\n"
                            "        compare: less_than\n"
                            "        value: 50\n"
                            "      - id: sourced\n"
                            "        title: С источником\n"
                            "        source:\n"
                            "          document: Приказ управления № 1\n"
                            "          item: п. 2\n"
                            "          quote: менее 40 %\n"
                            "        indicator: continuation_rate\n"
                            "        compare: less_than\n"
                            "        value: 40\n"),
                 true, c, diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  auto rows = criteria_rows(c, builtin_indicators());
  REQUIRE(rows.size() == 4);  // the group, its combination, two rules
  CHECK(provenance_text(rows[2].provenance) == "выбор управления образования");
  CHECK(provenance_kind(rows[3].provenance) == "источник");
  CHECK(provenance_text(rows[3].provenance) == "Приказ управления № 1, п. 2: «менее 40 %»");
}

TEST_CASE("criteria provenance: docs/CRITERIA.md gives every preset rule with the same kind of provenance") {
  Diagnostics diag;
  Criteria c = presets_only(diag);
  REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
  std::string docs = read_text(std::string(SVEDEN_SOURCE_DIR) + "/docs/CRITERIA.md");
  REQUIRE(!docs.empty());
  // The table row of `id` in section 3, «| `id` | … |».
  auto row = [&](const std::string& id) {
    size_t at = docs.find("\n| `" + id + "` |", docs.find("## 3. Встроенные наборы критериев"));
    if (at == std::string::npos) return std::string();
    return docs.substr(at + 1, docs.find('\n', at + 1) - at - 1);
  };
  auto check = [&](const std::string& id, const Provenance& p) {
    std::string line = row(id);
    CHECK_MESSAGE(!line.empty(), "нет строки «| `", id, "` |» в разделе 3 docs/CRITERIA.md");
    CHECK_MESSAGE(line.find("| " + provenance_kind(p)) != std::string::npos, id, ": ожидалось «", provenance_kind(p), "» в ", line);
  };
  for (const auto& g : c.groups) {
    check(g.id, g.rule.provenance);
    walk(g.rule, g.id, [&](const Rule& r, const std::string& code) {
      if (&r != &g.rule && !r.id.empty()) check(r.id, r.provenance);
    });
  }
  for (const auto& f : c.risk_factors) check(f.id, f.provenance);
}
