// schools/<slug>/404.html: a school site's page for an address that is not there.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/links.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using data = TemplateValue;

namespace {

std::string school_not_found_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  data d;
  d.set("home_href", site.href(site.school_root(page), ""));
  d.set("has_schools", false);  // a school's own site has no list of schools
  return w.school_layout(page, "Страница не найдена", w.use("not_found", d), tlist());
}


}  // namespace

const PageType kSchoolNotFoundPage = {"school_not_found", PageType::Scope::school, {"not_found"},
                                      [](const SiteRenderer& site, size_t school, std::vector<PageRef>& out) {
                                        out.push_back({nullptr, school, 0, school_folder(site, school) + "404.html"});
                                      },
                                      school_not_found_page, nullptr, true};

}  // namespace sveden
