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

TEST_CASE("a control character written as a YAML escape is refused at the escape, named by its code") {
  Diagnostics d;
  SourceText src("site.yaml", "municipality: \"Ельнинский\\x0bрайон\"\nregion: \"a\\eb\"\nx: \"\\uFFFE\"\ny: \"\\0\"\nz: \"таб\\tи\\nстрока\"\n");
  YamlNode root;
  parse_yaml(src, &root, d);
  auto all = d.sorted();
  REQUIRE(all.size() == 4);
  CHECK(all[0].pos.line == 1);
  CHECK(all[0].pos.column == 26);  // at «\x0b», counted in letters
  CHECK(all[0].message == "управляющий символ U+000B (вертикальная табуляция): в тексте он не виден, а XML страниц и ленты с ним не читается");
  CHECK(all[1].pos.column == 11);
  CHECK(all[1].message.rfind("управляющий символ U+001B", 0) == 0);
  CHECK(all[2].message.rfind("несимвол Юникода U+FFFE", 0) == 0);
  CHECK(all[3].message.rfind("управляющий символ U+0000 (нулевой байт)", 0) == 0);
}

TEST_CASE("a bidirectional override in a YAML value is a warning") {
  Diagnostics d;
  SourceText src("site.yaml", "name: \"МБОУ \\u202EШкола\"\n");
  YamlNode root;
  REQUIRE(parse_yaml(src, &root, d));
  CHECK(d.errors() == 0);
  REQUIRE(d.warnings() == 1);
  CHECK(d.sorted()[0].message.rfind("знак направления текста U+202E", 0) == 0);
}

TEST_CASE("a YAML value longer than a table's cell is an error with its length") {
  Diagnostics d;
  SourceText src("site.yaml", "name: " + std::string(20001, 'x') + "\n");
  YamlNode root;
  CHECK_FALSE(parse_yaml(src, &root, d));
  REQUIRE(d.errors() == 1);
  CHECK(d.sorted()[0].message == "значение длиной 20\u00a0001\u00a0знак — слишком длинное");
}

TEST_CASE("aliases are counted in bytes of text, not only in values") {
  std::string yaml = "a: &a " + std::string(15000, 'x') + "\nb: [";
  for (int i = 0; i < 2000; ++i) yaml += i ? ", *a" : "*a";
  yaml += "]\n";
  Diagnostics d;
  SourceText src("roadmap.yaml", yaml);
  YamlNode root;
  CHECK_FALSE(parse_yaml(src, &root, d));
  REQUIRE(d.errors() == 1);
  CHECK(d.sorted()[0].message == "файл слишком велик: больше 16\u00a0мегабайт текста (с учётом повторов через псевдонимы *)");
}

TEST_CASE("repeated keys are found among many keys, each against its first occurrence") {
  std::string yaml;
  for (int i = 0; i < 50000; ++i) yaml += "k" + std::to_string(i) + ": 1\n";
  yaml += "k7: 2\n";
  Diagnostics d;
  SourceText src("big.yaml", yaml);
  YamlNode root;
  parse_yaml(src, &root, d);
  REQUIRE(d.errors() == 1);
  CHECK(d.sorted()[0].message == "ключ «k7» повторяется (впервые — в строке 8)");
}
