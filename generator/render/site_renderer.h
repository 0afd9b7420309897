// The department's site as a list of pages, and their rendering through the theme. Site-wide
// parts (menu, sorted school list, Markdown of shared pages) are prepared once and shared by all
// threads; each thread renders with its own parsed copy of the templates.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "analyse/overview.h"
#include "model/municipality.h"
#include "render/theme.h"

namespace sveden {

struct PageRef {
  enum class Kind { home, schools, school, page, not_found };
  Kind kind;
  size_t index = 0;   // school or content page
  std::string path;   // directory of the page («», «schools/», «schools/x/») or a file («404.html»)
  std::string file() const;  // output file relative to the site root
};

class SiteRenderer {
 public:
  SiteRenderer(const Municipality& m, const Theme& theme, const Overview& overview);

  const std::vector<PageRef>& pages() const { return pages_; }

  // One per thread: templates parsed once per thread, since rendering mutates them.
  class Worker {
   public:
    explicit Worker(const SiteRenderer& site);
    std::string render(const PageRef& page);

   private:
    std::string layout(const PageRef& page, const std::string& title, const std::string& body,
                       kainjow::mustache::data crumbs);
    std::string home(const PageRef& page);
    std::string schools(const PageRef& page);
    std::string school(const PageRef& page);
    std::string content_page(const PageRef& page);
    std::string not_found(const PageRef& page);
    const SiteRenderer& site_;
    std::map<std::string, kainjow::mustache::mustache> templates_;
  };

 private:
  friend class Worker;
  const Municipality& m_;
  const Theme& theme_;
  const Overview& overview_;
  std::vector<PageRef> pages_;
  std::vector<size_t> schools_by_name_;  // school indexes in Russian alphabetical order
  std::string home_html_;
  std::vector<std::string> page_html_;
};

}  // namespace sveden
