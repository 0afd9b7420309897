// schools/<slug>/sveden/: the section «Сведения об образовательной организации», its subsections listed.
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

std::string sveden_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const OpennessVocabulary& v = site.openness();
  std::string root = site.school_root(page);
  data subs = tlist();
  for (const auto& sub : v.subsections) {
    data x;
    x.set("title", sub.title);
    x.set("href", site.href(root, v.path + "/" + sub.path + "/"));
    subs.push_back(x);
  }
  data d;
  d.set("title", v.title);
  d.set("subsections", subs);
  data crumbs = w.trail(root, {{v.title, ""}});
  return w.school_layout(page, v.title, w.use("sveden", d), crumbs);
}


}  // namespace

// Only a school with a site of its own: a branch without one is described by its head school's «Структура…».
const PageType kSvedenPage = {"sveden", PageType::Scope::school, {"sveden"},
                              [](const SiteRenderer& site, size_t school, std::vector<PageRef>& out) {
                                if (site.municipality().site_owner(school).own_site)
                                  out.push_back({nullptr, school, 0, school_folder(site, school) + site.openness().path + "/"});
                              },
                              sveden_page};

}  // namespace sveden
