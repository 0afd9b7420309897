// 404.html: the portal's page for an address that is not there, served at any depth, so its links start
// at the path of the site's address («/» or «/uo/»).
#include <string>

#include "model/links.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/template_data.h"

namespace sveden {
namespace {

// The keys of templates/not_found.mustache (docs/THEMES.md); a school's 404 page gives the same.
struct NotFoundView {
  std::string home_href;
  std::string schools_href;

  TemplateValue to_data() const {
    TemplateValue d;
    d.set("home_href", home_href);
    d.set("schools_href", schools_href);
    d.set("has_schools", true);
    return d;
  }
};

std::string not_found_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  std::string root = url_root_path(site.municipality().site.base_url);
  NotFoundView v{site.href(root, ""), site.href(root, "schools/")};
  return w.layout(page, "Страница не найдена", w.use("not_found", v.to_data()), tlist());
}

}  // namespace

const PageType kNotFoundPage = {"not_found", PageType::Scope::portal, {"not_found"}, single_page("404.html"), not_found_page,
                                nullptr, true};

}  // namespace sveden
