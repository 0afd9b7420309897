#include <doctest/doctest.h>

#include <set>

#include "load/vocabulary.h"

using namespace sveden;

TEST_CASE("the built-in vocabulary is complete and consistent") {
  const Vocabulary& v = builtin_vocabulary();
  REQUIRE(v.table("schools"));
  CHECK(v.tables.front().name == "schools");
  for (const auto& t : v.tables) {
    INFO(t.name);
    CHECK_FALSE(t.title.empty());
    CHECK_FALSE(t.key.empty());
    std::set<std::string> headers;
    for (const auto& c : t.columns) {
      INFO(c.name);
      CHECK_FALSE(c.title.empty());
      if (c.type == ColumnType::enumeration) CHECK(c.enum_values);
      // No two columns of a table may answer to the same header.
      CHECK(headers.insert(c.name).second);
    }
    // Every table but these three is about schools and starts with the school's code.
    bool per_school = t.name != "schools" && t.name != "regional" && t.name != "organisations";
    if (per_school) CHECK(t.columns[0].type == ColumnType::school);
  }
}

TEST_CASE("a malformed vocabulary is refused with its place") {
  auto v = parse_vocabulary("tables:\n  x:\n    file: a.csv\n    title: X\n    columns:\n      a: {title: A, type: decimal}\n    key: [a]\n");
  CHECK_FALSE(v);
  CHECK(v.message().find("vocab/tables.yaml:6:") != std::string::npos);
}
