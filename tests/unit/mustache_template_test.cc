#include <doctest/doctest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "render/html.h"
#include "render/mustache_template.h"

using namespace sveden;
using data = TemplateValue;

namespace {

// What kainjow itself renders, with the escape the site's templates use.
std::string kainjow_render(const std::string& text, const std::vector<const data*>& stack) {
  kainjow::mustache::mustache t(text);
  if (!t.is_valid()) return "";  // as kainjow's render(data) does
  t.set_custom_escape([](const std::string& s) { return escape_html(s, "&apos;"); });
  std::vector<kainjow::mustache::data> same;
  for (const data* d : stack) same.push_back(MustacheTemplate::as_kainjow(*d));
  kainjow::mustache::context<std::string> context;
  for (const auto& d : same) context.push(&d);
  std::ostringstream out;
  t.render(context, out);
  return out.str();
}

std::string ours(const std::string& text, const std::vector<const data*>& stack) {
  std::string out = "before|";  // appended to what is there
  MustacheTemplate(text).render(stack, out);
  REQUIRE(out.substr(0, 7) == "before|");
  return out.substr(7);
}

// Random data over a few names, so that templates find, miss and shadow them.
data made_data(std::mt19937& random, int depth) {
  static const char* kNames[] = {"a", "b", "s", "t", "x", "y"};
  static const char* kTexts[] = {"", "text", "<b>&amp;", "it's \"so\"", " ", "\x01z", "строка"};
  data d;
  for (const char* name : kNames) {
    switch (random() % 8) {
      case 0: d.set(name, std::string(kTexts[random() % std::size(kTexts)])); break;
      case 1: d.set(name, data(true)); break;
      case 2: d.set(name, data(false)); break;
      case 3: {
        data list(data::type::list);
        for (int k = static_cast<int>(random() % 3); k-- > 0;)
          list.push_back(depth > 0 && random() % 2 ? made_data(random, depth - 1) : data(std::string(kTexts[random() % std::size(kTexts)])));
        d.set(name, list);
        break;
      }
      case 4:
        if (depth > 0) d.set(name, made_data(random, depth - 1));
        break;
      default: break;  // absent
    }
  }
  return d;
}

std::string random_template(std::mt19937& random) {
  static const std::vector<std::string> kPieces = {
      "word", " ", "  ", "\t", "\n", "\r\n", "\r", "{{a}}", "{{ b }}", "{{{s}}}", "{{& t}}", "{{x.y}}", "{{x.a.b}}", "{{.}}",
      "{{#s}}", "{{/s}}", "{{^t}}", "{{/t}}", "{{#x}}", "{{/x}}", "{{#a}}", "{{/a}}", "{{! note }}", "{{x.}}", "{{}}",
      "{{=<% %>=}}", "<%a%>", "<%={{ }}=%>", "{{", "}}", "{", "}", "{{> a}}", "{{#b}}\n", "\n{{/b}}\n", "  {{#y}}  \n", "{{/y}}\n"};
  std::string t;
  for (int k = static_cast<int>(random() % 24); k-- > 0;) t += kPieces[random() % kPieces.size()];
  return t;
}

}  // namespace

TEST_CASE("mustache template: the lines kainjow keeps and leaves out") {
  data d;
  d.set("name", std::string("Школа <№ 1> & 'сад'"));
  d.set("shown", data(true));
  d.set("hidden", data(false));
  data items(data::type::list);
  for (const char* v : {"один", "два"}) {
    data item;
    item.set("v", std::string(v));
    items.push_back(item);
  }
  d.set("items", items);
  data school;
  school.set("title", std::string("Гимназия"));
  d.set("school", school);
  const std::vector<const data*> stack{&d};
  // A shown section's tag alone on its line takes the line with it; a hidden one's leaves its blanks.
  CHECK(ours("<ul>\n  {{#items}}\n  <li>{{v}}</li>\n  {{/items}}\n</ul>\n", stack) == "<ul>\n  <li>один</li>\n  <li>два</li>\n</ul>\n");
  CHECK(ours("a\n  {{#hidden}}\nx\n  {{/hidden}}\nb", stack) == kainjow_render("a\n  {{#hidden}}\nx\n  {{/hidden}}\nb", stack));
  CHECK(ours("{{name}}|{{{name}}}|{{& name}}", stack) == "Школа &lt;№ 1&gt; &amp; &apos;сад&apos;|Школа <№ 1> & 'сад'|Школа <№ 1> & 'сад'");
  CHECK(ours("{{school.title}} {{#school}}{{title}}/{{name}}{{/school}} {{^hidden}}нет{{/hidden}}", stack) == "Гимназия Гимназия/Школа &lt;№ 1&gt; &amp; &apos;сад&apos; нет");
  CHECK(ours("x\r\n{{#shown}}\r\ny\r\n{{/shown}}\r\n", stack) == "x\r\ny\r\n");
  CHECK(ours("{{=<% %>=}}<%name%> {{name}}", stack) == kainjow_render("{{=<% %>=}}<%name%> {{name}}", stack));
  // What kainjow cannot parse renders nothing, here too; a partial is rendered by kainjow.
  CHECK(ours("{{#items}}unclosed", stack).empty());
  CHECK(!MustacheTemplate("{{#a}}{{/b}}").is_valid());
  CHECK(ours("{{> name}}", stack) == kainjow_render("{{> name}}", stack));
}

TEST_CASE("mustache template: the bytes kainjow renders, on random templates and data") {
  std::mt19937 random(2026);
  int compared = 0, valid = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text = random_template(random);
    data outer = made_data(random, 2), inner = made_data(random, 1);
    std::vector<const data*> stack{&outer};
    if (random() % 2) stack.push_back(&inner);
    kainjow::mustache::mustache theirs(text);
    CHECK(MustacheTemplate(text).is_valid() == theirs.is_valid());
    valid += theirs.is_valid() && text.find("{{>") == std::string::npos ? 1 : 0;  // rendered by MustacheTemplate itself
    REQUIRE_MESSAGE(ours(text, stack) == kainjow_render(text, stack), text);
    ++compared;
  }
  CHECK(compared == 30000);
  MESSAGE("valid templates without a partial: " << valid);
  CHECK(valid > 3000);  // the random templates are not all broken ones
}
