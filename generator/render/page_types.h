// Every kind of page in one registry (render/page_types.def): where its pages stand, the theme's
// templates it renders with, and the function that builds one. The renderer lists the pages and
// renders each through its kind; the theme loader requires the templates the registry names.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "render/site_renderer.h"

namespace sveden {

struct PageType {
  enum class Scope {
    portal,  // the department's portal: listed once
    school,  // a school's own site under schools/<slug>/: listed for each school, with its school
  };
  using Lister = std::function<void(const SiteRenderer& site, size_t school, std::vector<PageRef>& out)>;
  using Builder = std::function<std::string(SiteRenderer::Worker& worker, const PageRef& page)>;
  using Source = std::function<std::string(const SiteRenderer& site, const PageRef& page)>;

  std::string_view name;                    // «roadmap»: for messages and tests
  Scope scope = Scope::portal;
  std::vector<std::string_view> templates;  // the theme's templates it renders with, besides the layout
  Lister list;                              // appends this kind's pages (of the school `school`)
  Builder build;                            // the page's HTML; none for a page rendered elsewhere (audit/)
  Source source = nullptr;                  // the site folder's file that names the page («content/x.md»), if any
  bool any_depth = false;                   // a 404 page: served at any address, links from the site's root path
};

#define SVEDEN_PAGE(id) extern const PageType id;
#include "render/page_types.def"
#undef SVEDEN_PAGE

// Every kind, in the registry's order.
const std::vector<const PageType*>& page_types();

// «schools/<slug>/»: the folder of a school's site in the portal's output.
std::string school_folder(const SiteRenderer& site, size_t school);

// A lister of the one page of a kind at `path` («department/»).
PageType::Lister single_page(std::string path);

}  // namespace sveden
