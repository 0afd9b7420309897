#include "render/page_types.h"

namespace sveden {

const std::vector<const PageType*>& page_types() {
  static const std::vector<const PageType*> kTypes = {
#define SVEDEN_PAGE(id) &id,
#include "render/page_types.def"
#undef SVEDEN_PAGE
  };
  return kTypes;
}

PageType::Lister single_page(std::string path) {
  return [path = std::move(path)](const SiteRenderer&, size_t, std::vector<PageRef>& out) { out.push_back({nullptr, 0, 0, path}); };
}

std::string school_folder(const SiteRenderer& site, size_t school) {
  return "schools/" + site.municipality().site_owner(school).slug + "/";
}

}  // namespace sveden
