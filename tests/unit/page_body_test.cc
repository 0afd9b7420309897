// A page's body goes into its layout once, in place of a mark the layout is rendered with
// (SiteRenderer::Worker::framed). A theme may print the body otherwise — escaped, twice, not at all —
// and its pages must be what Mustache makes of them with the body itself. The longest body, audit/'s,
// renders its list of findings group by group (Worker::use_list_in_pieces): the same page as with the
// whole list in the template's data.
#include <map>
#include <string>

#include <doctest/doctest.h>
#include <kainjow/mustache.hpp>

#include "analyse/analyse.h"
#include "base/disk.h"
#include "load/site_loader.h"
#include "render/page_types.h"
#include "render/site_renderer.h"
#include "model/output_audit.h"
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

  // audit/ of `audit`, with the audit template and the layout as given (the theme's own when empty).
  std::string audit_page(const OutputAudit& audit, const std::string& audit_template = "", const std::string& base = "") {
    Theme changed = *theme;
    if (!audit_template.empty()) changed.templates["audit"] = audit_template;
    if (!base.empty()) changed.templates["base"] = base;
    SiteRenderer site(*m, changed, result->overview, *result->view);
    SiteRenderer::Worker worker(site);
    return whole_text([&](TextParts& parts) { worker.audit_page(audit, parts); });
  }
};

// `groups` schools with findings, `clean` without, and findings on the portal.
OutputAudit findings(int groups, int clean) {
  OutputAudit a;
  for (int g = 0; g < groups + clean; ++g) {
    SchoolAudit& s = a.schools.emplace_back();
    s.root = "schools/school-" + std::to_string(g);
    s.name = "Школа № " + std::to_string(g) + " <«имени»>";
    for (int k = 0; g < groups && k < 1 + g % 4; ++k)
      s.findings.push_back({k % 2 ? Severity::warning : Severity::error, s.root + "/sveden/index.html", {3 + k, 7},
                            "нет «itemprop» & " + std::to_string(k)});
  }
  a.portal.push_back({Severity::warning, "index.html", {}, "ссылка «никуда»"});
  return a;
}

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

TEST_CASE("audit page: its groups rendered one by one are the page with the whole list in the data") {
  Demo demo;
  const std::string theirs = demo.theme->templates.at("audit");
  // A tag that names the list elsewhere (an inverted section that prints nothing here) makes the page
  // render with the whole list: the reference.
  const std::string whole = "{{^groups}}{{/groups}}";
  for (auto sizes : {std::pair{0, 3}, std::pair{1, 0}, std::pair{300, 40}}) {
    const int groups = sizes.first, clean = sizes.second;  // named, not bound: doctest's macros are lambdas (clang 14)
    CAPTURE(groups);
    OutputAudit audit = findings(groups, clean);
    std::string page = demo.audit_page(audit);
    CHECK(page == demo.audit_page(audit, theirs + whole));
    CHECK(page.find('\x1F') == std::string::npos);
    if (groups > 0) CHECK(page.find("Школа № " + std::to_string(groups - 1) + " &lt;«имени»&gt;") != std::string::npos);
  }
  // A theme's own section: it prints a key of the page's data (the date) in each group, and a key the group
  // gives where the page's data has one too (the group's title over the page's).
  OutputAudit audit = findings(5, 2);
  const std::string own = "<h1>{{total}}</h1>\n  {{#groups}}  \n<p>{{title}} — {{date}} — {{summary}}</p>\n{{/groups}}\n<p>{{clean_count}}</p>\n";
  std::string page = demo.audit_page(audit, own);
  CHECK(page == demo.audit_page(audit, own + whole));
  CHECK(page.find("<p>Школа № 4 &lt;«имени»&gt; — ") != std::string::npos);
  CHECK(page.find("\n<p>Школа № 0") != std::string::npos);  // the tags' lines are gone, as Mustache drops them
  // Inside a section that is not shown, on a line with other text, or twice: as Mustache renders it whole.
  for (std::string other : {"{{#has_nothing}}\n{{#groups}}\n<p>{{title}}</p>\n{{/groups}}\n{{/has_nothing}}\n<p>end</p>",
                                   "<ul>{{#groups}}<li>{{title}}</li>{{/groups}}</ul>",
                                   "{{#groups}}\n<p>{{title}}</p>\n{{/groups}}\n{{#groups}}\n<p>{{href}}</p>\n{{/groups}}\n"}) {
    CAPTURE(other);
    CHECK(demo.audit_page(audit, other) == demo.audit_page(audit, other + whole));
  }
  CHECK(demo.audit_page(audit, "<ul>{{#groups}}<li>{{title}}</li>{{/groups}}</ul>").find("<li>Школа № 4 &lt;") != std::string::npos);
  // Its layout, made part by part around the body, or with the body itself where the layout prints it otherwise.
  std::string body = demo.audit_page(audit, "", "[{{{body}}}]");
  REQUIRE(body.size() > 1000);
  body = body.substr(1, body.size() - 2);
  CHECK(demo.audit_page(audit, "", "<p>{{title}}</p>{{&body}}<footer>") == "<p>Проверка опубликованных сайтов</p>" + body + "<footer>");
  CHECK(demo.audit_page(audit, "", "{{body}}") == kainjow::mustache::html_escape(body));
  CHECK(demo.audit_page(audit, "", "{{{body}}}|{{{body}}}") == body + "|" + body);
  CHECK(demo.audit_page(audit, "", "<p>{{title}}</p>") == "<p>Проверка опубликованных сайтов</p>");
}
