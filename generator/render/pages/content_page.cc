// <slug>/: a page of the department's own, from content/<slug>.md.
#include <string>
#include <vector>

#include "render/html.h"
#include "render/page_types.h"

namespace sveden {
namespace {

// The keys of templates/page.mustache (docs/THEMES.md).
struct ContentPageView {
  std::string title;
  std::string content;  // the page's Markdown as HTML

  TemplateValue to_data() const {
    TemplateValue d;
    d.set("title", title);
    d.set("content", content);
    return d;
  }
};

std::string content_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const ContentPage& p = site.municipality().pages[page.index];
  ContentPageView v{p.title, site.page_html(page.index)};
  return w.layout(page, p.title, w.use("page", v.to_data()), w.trail(root_prefix(page.path), {{p.title, ""}}));
}

}  // namespace

const PageType kContentPage = {
    "page", PageType::Scope::portal, {"page"},
    [](const SiteRenderer& site, size_t, std::vector<PageRef>& out) {
      const auto& pages = site.municipality().pages;
      for (size_t i = 0; i < pages.size(); ++i) out.push_back({nullptr, i, 0, pages[i].slug + "/"});
    },
    content_page,
    [](const SiteRenderer& site, const PageRef& p) { return "content/" + site.municipality().pages[p.index].slug + ".md"; }};

}  // namespace sveden
