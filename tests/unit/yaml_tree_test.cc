#include <doctest/doctest.h>

#include "load/yaml_tree.h"

using namespace sveden;

TEST_CASE("every node knows its line and column") {
  Diagnostics d;
  SourceText src("a.yaml", "a: 1\nb:\n  c: [x, y]\n");
  YamlNode root;
  REQUIRE(parse_yaml(src, &root, d));
  const YamlNode* c = root.find("b")->find("c");
  REQUIRE(c);
  CHECK(c->pos.line == 3);
  CHECK(c->items[1].value == "y");
  CHECK(c->items[1].pos.column == 10);
}

TEST_CASE("duplicate keys are errors") {
  Diagnostics d;
  SourceText src("a.yaml", "a: 1\nb: 2\na: 3\n");
  YamlNode root;
  parse_yaml(src, &root, d);
  REQUIRE(d.errors() == 1);
  CHECK(d.sorted()[0].pos.line == 3);
}

TEST_CASE("aliases that expand without end are stopped") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev)
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  Diagnostics d;
  SourceText src("bomb.yaml", bomb);
  YamlNode root;
  CHECK_FALSE(parse_yaml(src, &root, d));
  CHECK(d.has_errors());
}

TEST_CASE("deep nesting is stopped") {
  std::string deep(500, '[');
  deep += std::string(500, ']');
  Diagnostics d;
  SourceText src("deep.yaml", deep);
  YamlNode root;
  CHECK_FALSE(parse_yaml(src, &root, d));
}

TEST_CASE("plain null and quoted null differ") {
  Diagnostics d;
  SourceText src("a.yaml", "a: ~\nb: \"~\"\nc:\n");
  YamlNode root;
  REQUIRE(parse_yaml(src, &root, d));
  CHECK(root.find("a")->is_null());
  CHECK(root.find("b")->is_scalar());
  CHECK(root.find("c")->is_null());
}
