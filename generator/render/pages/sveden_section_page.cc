// schools/<slug>/sveden/<subsection>/: one subsection of «Сведения…» with Rosobrnadzor's itemprop markup
// (render/openness_page.cc), the school's own text, and the date its information is current to.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/links.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"
#include "render/markdown.h"
#include "render/openness_page.h"

namespace sveden {

using data = TemplateValue;

namespace {

std::string sveden_section_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const School& s = m.site_owner(page.index);
  const OpennessVocabulary& v = site.openness();
  const OpenSubsection& sub = v.subsections[page.sub];
  std::string root = site.school_root(page);
  OpennessPage content = openness_page(s, sub, v, root, m.site.as_of);
  data nav = tlist();
  for (size_t i = 0; i < v.subsections.size(); ++i) {
    data x;
    x.set("title", v.subsections[i].title);
    x.set("href", site.href(root, v.path + "/" + v.subsections[i].path + "/"));
    x.set("current", i == page.sub);
    append(nav, std::move(x));
  }
  data d;
  d.set("title", sub.title);
  d.set("section_title", v.title);
  d.set("section_href", site.href(root, v.path + "/"));
  put(d, "nav", std::move(nav));
  // The summary of the collapsed menu on a phone names where the reader is.
  d.set("current_number", std::to_string(page.sub + 1));
  d.set("count", std::to_string(v.subsections.size()));
  put(d, "blocks", std::move(content.blocks));
  if (auto it = s.sveden_markdown.find(sub.path); it != s.sveden_markdown.end())
    d.set("content", markdown_to_html(it->second, m.site.trusted_html, {"content/schools/" + s.id + "/", root_prefix(page.path)}));
  // The information is current to the latest date its documents show (never after the as-of date);
  // a page without dated documents is current to the as-of date of the build.
  d.set("updated", format_date(latest_document_date(content.documents, m.site.as_of).value_or(m.site.as_of)));
  data crumbs = w.trail(root, {{v.title, site.href(root, v.path + "/")}, {sub.title, ""}});
  return w.school_layout(page, sub.title, w.use("sveden_section", d), crumbs);
}


}  // namespace

const PageType kSvedenSectionPage = {
    "sveden_section", PageType::Scope::school, {"sveden_section"},
    [](const SiteRenderer& site, size_t school, std::vector<PageRef>& out) {
      if (!site.municipality().site_owner(school).own_site) return;
      const OpennessVocabulary& open = site.openness();
      for (size_t s = 0; s < open.subsections.size(); ++s)
        out.push_back({nullptr, school, s, school_folder(site, school) + open.path + "/" + open.subsections[s].path + "/"});
    },
    sveden_section_page};

}  // namespace sveden
