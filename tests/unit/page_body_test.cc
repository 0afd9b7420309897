// A page's body goes into its layout once, in place of a mark the layout is rendered with
// (SiteRenderer::Worker::framed). A theme may print the body otherwise — escaped, twice, not at all —
// and its pages must be what Mustache makes of them with the body itself.
#include <map>
#include <string>

#include <doctest/doctest.h>
#include <kainjow/mustache.hpp>

#include "analyse/analyse.h"
#include "base/disk.h"
#include "load/site_loader.h"
#include "render/page_types.h"
#include "render/site_renderer.h"
#include "render/theme.h"

using namespace sveden;

namespace {

struct Demo {
  RealDisk disk{SVEDEN_SOURCE_DIR};
  Diagnostics diag;
  std::optional<Municipality> m;
  std::optional<Theme> theme;
  std::unique_ptr<AnalysisResult> result;

  Demo() {
    auto loaded = load_municipality(disk, LoadOptions{}, diag);
    REQUIRE(loaded);
    m.emplace(std::move(*loaded));
    auto t = load_theme(disk, m->site.theme, "", diag);
    REQUIRE(t);
    theme.emplace(std::move(*t));
    result = analyse(*m, 1);
  }

  // The page of `type` (the first of its kind) with the layouts `base` and `school_base` as given, and
  // the templates of `replaced`.
  std::string page(const PageType& type, const std::string& base, const std::string& school_base,
                   const std::map<std::string, std::string>& replaced = {}) {
    Theme changed = *theme;
    changed.templates["base"] = base;
    changed.templates["school_base"] = school_base;
    for (const auto& [name, text] : replaced) changed.templates[name] = text;
    SiteRenderer site(*m, changed, result->overview, *result->view);
    SiteRenderer::Worker worker(site);
    for (const auto& p : site.pages())
      if (p.type == &type) return worker.render(p);
    FAIL("no page of kind " << type.name);
    return {};
  }
};

}  // namespace

TEST_CASE("page body: a layout that prints it raw once, escaped, twice or not at all") {
  Demo demo;
  for (const PageType* type : {&kDepartmentPage, &kSvedenPage}) {
    INFO(type->name);
    // The body alone, between two words the layouts print around it.
    std::string body = demo.page(*type, "[{{{body}}}]", "[{{{body}}}]");
    REQUIRE(body.size() > 100);
    CHECK(body.front() == '[');
    CHECK(body.back() == ']');
    body = body.substr(1, body.size() - 2);
    CHECK(body.find('\x1F') == std::string::npos);  // nothing of the mark is left
    CHECK(body.find('<') != std::string::npos);
    CHECK(demo.page(*type, "<p>{{title}}</p>{{&body}}<footer>", "<p>{{title}}</p>{{&body}}<footer>").ends_with(body + "<footer>"));
    // Escaped: the text of the body as text, as Mustache gives it.
    std::string escaped = demo.page(*type, "{{body}}", "{{body}}");
    CHECK(escaped == kainjow::mustache::html_escape(body));
    CHECK(escaped.find('<') == std::string::npos);
    // Twice, and not at all.
    CHECK(demo.page(*type, "{{{body}}}|{{{body}}}", "{{{body}}}|{{{body}}}") == body + "|" + body);
    CHECK(demo.page(*type, "<p>{{title}}</p>", "<p>{{title}}</p>").find('\x1F') == std::string::npos);
  }
}

// Mustache leaves out a line holding a section tag and nothing but blanks: with a blank body, the layout's line
// of {{{body}}} goes, as it would with the body itself in the data.
TEST_CASE("page body: a blank body on a line of its own with a section tag") {
  Demo demo;
  const std::string base = "<main>\n{{#title}}{{/title}}{{{body}}}\n</main>";
  CHECK(demo.page(kDepartmentPage, base, base, {{"department", "  "}}) == "<main>\n</main>");
  CHECK(demo.page(kDepartmentPage, base, base, {{"department", "<p>x</p>"}}) == "<main>\n<p>x</p>\n</main>");
}
