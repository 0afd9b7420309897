// The keys of the theme's templates, for theme authors: docs/THEMES.md lists every key of every template
// of the default theme, the program fills every key a template asks for, and no key the program fills is
// asked for by no template. Read statically (the templates, the document and the render code) and once
// more while the demo site renders: every key a template asks for is given on some page.
#include <filesystem>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <kainjow/mustache.hpp>

#include "render/mustache_template.h"

#include "analyse/analyse.h"
#include "base/disk.h"
#include "load/site_loader.h"
#include "render/page_types.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "render/theme.h"
#include "../support/test_files.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = SVEDEN_SOURCE_DIR;

// The keys a template asks for: {{x}}, {{{x}}}, {{&x}}, {{#x}}, {{^x}}; not comments, ends, partials or {{.}}.
std::set<std::string> template_keys(const std::string& text) {
  static const std::regex kTag(R"(\{\{(\{?)\s*([#^/&>!]?)\s*([^}\s]+)\s*\}?\}\})");
  std::set<std::string> keys;
  for (std::sregex_iterator it(text.begin(), text.end(), kTag), end; it != end; ++it) {
    std::string sigil = (*it)[2], key = (*it)[3];
    if (sigil == "!" || sigil == "/" || sigil == ">" || key == ".") continue;
    keys.insert(key);
  }
  return keys;
}

// The keys a template uses as a section ({{#x}}, {{^x}}): a section whose key is absent is not shown, by design.
std::set<std::string> section_keys(const std::string& text) {
  static const std::regex kSection(R"(\{\{\s*[#^]\s*([^}\s]+)\s*\}\})");
  std::set<std::string> keys;
  for (std::sregex_iterator it(text.begin(), text.end(), kSection), end; it != end; ++it) keys.insert((*it)[1]);
  return keys;
}

// The default theme's templates by name.
std::map<std::string, std::string> default_templates() {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(kSource / "themes/default/templates"))
    if (e.path().extension() == ".mustache") out[e.path().stem().string()] = test::read_file(e.path());
  return out;
}

// docs/THEMES.md: under each heading «### `name.mustache`», the line «Ключи: `a`, `b`.».
std::map<std::string, std::set<std::string>> documented_keys() {
  std::string doc = test::read_file(kSource / "docs/THEMES.md");
  static const std::regex kHeading(R"(^### `([a-z_]+)\.mustache`$)"), kKeys(R"(^Ключи: (.*)$)"), kQuoted("`([^`]+)`");
  std::map<std::string, std::set<std::string>> out;
  std::string current;
  std::istringstream in(doc);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_match(line, m, kHeading)) current = m[1], out[current];
    else if (!current.empty() && std::regex_match(line, m, kKeys)) {
      std::string list = m[1];
      for (std::sregex_iterator it(list.begin(), list.end(), kQuoted), end; it != end; ++it) out[current].insert((*it)[1]);
    }
  }
  return out;
}

// The keys the render code fills: d.set("key", …), put(d, "key", …) (render/template_data.h), set_present("key", …), data("key", …).
std::set<std::string> filled_keys() {
  static const std::regex kSet(R"re((?:\.set\(|\bset_present\(|\bdata\(|\bput\(\w+, )"([A-Za-z_][A-Za-z0-9_]*)")re");
  std::set<std::string> keys;
  for (const auto& e : fs::recursive_directory_iterator(kSource / "generator/render")) {
    if (e.path().extension() != ".cc" && e.path().extension() != ".h") continue;
    std::string code = test::read_file(e.path());
    for (std::sregex_iterator it(code.begin(), code.end(), kSet), end; it != end; ++it) keys.insert((*it)[1]);
  }
  return keys;
}

std::vector<std::string> parts(const std::string& key) {
  std::vector<std::string> out;
  std::istringstream in(key);
  for (std::string p; std::getline(in, p, '.');) out.push_back(p);
  return out;
}

// A Mustache context that remembers every key the template asked for and whether any data gave it.
class RecordingContext : public kainjow::mustache::context<std::string> {
 public:
  RecordingContext(const kainjow::mustache::data* d, std::map<std::string, bool>& seen) : context(d), seen_(seen) {}
  const kainjow::mustache::data* get(const std::string& name) const override {
    const kainjow::mustache::data* found = context::get(name);
    if (name != ".") seen_[name] = seen_[name] || found != nullptr;
    return found;
  }

 private:
  std::map<std::string, bool>& seen_;
};

}  // namespace

TEST_CASE("docs/THEMES.md: every key of every template is listed, filled by the program, and none is filled for no one") {
  auto templates = default_templates();
  auto documented = documented_keys();
  std::set<std::string> filled = filled_keys(), asked;
  for (const auto& name : required_templates()) CHECK_MESSAGE(templates.count(name), "the default theme lacks " << name);
  for (const auto& entry : templates) {
    const std::string& name = entry.first;  // named, not bound: doctest's macros are lambdas (clang 14)
    const std::string& text = entry.second;
    INFO("templates/" << name << ".mustache");
    REQUIRE_MESSAGE(documented.count(name), "docs/THEMES.md has no heading for it");
    std::set<std::string> keys = template_keys(text);
    for (const auto& k : keys) {
      CHECK_MESSAGE(documented[name].count(k), "the key «" << k << "» is not in docs/THEMES.md");
      for (const auto& p : parts(k)) {
        asked.insert(p);
        CHECK_MESSAGE(filled.count(p), "the key «" << k << "» is filled by no code of generator/render");
      }
    }
    for (const auto& k : documented[name]) CHECK_MESSAGE(keys.count(k), "docs/THEMES.md lists «" << k << "», which the template never asks for");
  }
  for (const auto& entry : documented) {
    const std::string& name = entry.first;
    CHECK_MESSAGE(templates.count(name), "docs/THEMES.md describes a template that is not there: " << name);
  }
  for (const auto& k : filled) CHECK_MESSAGE(asked.count(k), "generator/render fills «" << k << "», which no template asks for");
  // The check can fail: a key only the document knows, and one only the code fills.
  CHECK_FALSE(asked.count("zz_unknown_key"));
  CHECK(filled.count("has_documents"));
}

// A key a template prints ({{x}}, {{{x}}}) must be given wherever the template is used; a key it uses as a section
// may be absent (the static test above checks that the program fills it somewhere).
TEST_CASE("template keys: every key a template prints while the demo renders is given on some page") {
  RealDisk disk(kSource.string());
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE_MESSAGE(m, format_all(diag));
  auto theme = load_theme(disk, m->site.theme, "", diag);
  REQUIRE(theme);
  auto result = analyse(*m, 2);
  SiteRenderer site(*m, *theme, result->overview, *result->view);
  SiteRenderer::Worker worker(site);
  std::map<std::string, std::map<std::string, bool>> seen;  // template → key → given on some page
  std::map<std::string, kainjow::mustache::mustache> parsed;
  for (const auto& [name, text] : theme->templates) parsed.emplace(name, kainjow::mustache::mustache(text));
  worker.observe = [&](const std::string& name, const TemplateValue& d) {
    kainjow::mustache::data same = MustacheTemplate::as_kainjow(d);  // kainjow's renderer records the keys it asks for
    RecordingContext ctx(&same, seen[name]);
    parsed.at(name).render(ctx);
  };
  std::set<const PageType*> rendered;
  for (const auto& page : site.pages()) {
    worker.render(page);
    rendered.insert(page.type);
  }
  // Every kind of page was rendered (the demo has no page of content/<slug>.md and no rounds of `sveden monitor`:
  // their keys are checked above, the monitoring page by tests/e2e/site_monitoring.sh; audit/ is rendered from the
  // audit of a build), and each template asked for keys.
  for (const PageType* type : page_types())
    if (type != &kAuditPage && type != &kContentPage && type != &kSiteMonitoringPage)
      CHECK_MESSAGE(rendered.count(type), "the demo has no page of kind " << std::string(type->name));
  for (const auto& entry : seen) {
    const std::string& name = entry.first;
    const std::map<std::string, bool>& keys = entry.second;
    INFO("templates/" << name << ".mustache");
    CHECK(keys.size() >= 2);
    std::set<std::string> optional = section_keys(theme->templates.at(name));
    for (const auto& asked_for : keys) {
      const std::string& key = asked_for.first;
      if (!optional.count(key)) CHECK_MESSAGE(asked_for.second, "prints «" << key << "», which no page of the demo gives");
    }
  }
}

TEST_CASE("append: a list grown far past its capacity keeps every element, nested lists too, in order") {
  TemplateValue list = sveden::tlist();
  for (int i = 0; i < 1000; ++i) {
    TemplateValue item;
    TemplateValue inner = sveden::tlist();
    sveden::append(inner, TemplateValue("n", std::to_string(i)));
    sveden::put(item, "inner", std::move(inner));
    sveden::append(list, std::move(item));
  }
  const auto& items = list.list_value();
  REQUIRE(items.size() == 1000);
  for (int i = 0; i < 1000; ++i) {
    const auto* inner = items[static_cast<size_t>(i)].get("inner");
    REQUIRE(inner);
    REQUIRE(inner->is_list());
    CHECK(inner->list_value()[0].get("n")->string_value() == std::to_string(i));
  }
  MustacheTemplate t("{{#list}}{{#inner}}{{n}},{{/inner}}{{/list}}");
  TemplateValue d;
  sveden::put(d, "list", std::move(list));
  CHECK(t.render(d).substr(0, 12) == "0,1,2,3,4,5,");
}
