// render/report_blocks.h, ReportSections: the report template gets a marker per section and splice()
// puts each section's HTML in its place — the same bytes as the HTML set into the template directly.
#include <doctest/doctest.h>

#include "render/report_blocks.h"
#include "render/mustache_template.h"

using namespace sveden;

namespace {

const char* const kReport = ("<ol>{{#sections}}<li>{{number}}. {{title}}</li>{{/sections}}</ol>"
                                          "{{#sections}}{{{html}}}{{/sections}}");

ReportSections three_sections() {
  ReportSections sections([](const TemplateValue& s) { return "<section id=\"" + s.get("id")->string_value() + "\">…</section>"; },
                          false);
  for (const char* title : {"Первый", "Второй", "Третий"}) sections.add(title, tlist());
  return sections;
}

}  // namespace

TEST_CASE("ReportSections: each section's HTML stands where the template put it") {
  ReportSections sections = three_sections();
  TemplateValue d;
  d.set("sections", sections.take());
  MustacheTemplate report(kReport);
  CHECK(sections.splice(report.render(d)) ==
        "<ol><li>1. Первый</li><li>2. Второй</li><li>3. Третий</li></ol>"
        "<section id=\"s1\">…</section><section id=\"s2\">…</section><section id=\"s3\">…</section>");
}

TEST_CASE("ReportSections: a control character that is not a marker is kept as it is") {
  ReportSections sections = three_sections();
  (void)sections.take();
  CHECK(sections.splice(std::string("a\x01" "b\x01" "7\x02" "c\x01" "0\x02")) ==
        std::string("a\x01" "b\x01" "7\x02" "c<section id=\"s1\">…</section>"));
}
