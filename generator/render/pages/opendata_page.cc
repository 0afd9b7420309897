// opendata/: the catalogue of open data sets, each in CSV, Excel and JSON.
#include <string>
#include <vector>

#include "model/date.h"
#include "render/html.h"
#include "render/opendata.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/typography.h"

namespace sveden {
namespace {

// The keys of templates/opendata.mustache (docs/THEMES.md).
struct OpendataView {
  struct Link {
    std::string href, name, format;
  };
  struct Set {
    std::string title, description;
    std::vector<Link> links;
  };
  std::vector<Set> files;
  std::string as_of;      // «1 октября 2025 г.»
  std::string min_group;  // the publication minimum, «10»

  TemplateValue to_data() const {
    TemplateValue list = tlist();
    for (const auto& f : files) {
      TemplateValue x, links = tlist();
      x.set("title", f.title);
      x.set("description", f.description);
      for (const auto& l : f.links) {
        TemplateValue y;
        y.set("href", l.href);
        y.set("name", l.name);
        y.set("format", l.format);
        links.push_back(y);
      }
      x.set("links", links);
      list.push_back(x);
    }
    TemplateValue d;
    d.set("files", list);
    d.set("as_of", as_of);
    d.set("min_group", min_group);
    return d;
  }
};

std::string format_name(const std::string& file) {
  std::string ext = file.substr(file.rfind('.') + 1);
  return ext == "md" ? "Markdown" : ext == "csv" ? "CSV" : ext == "xlsx" ? "Excel, XLSX" : "JSON";
}

std::string opendata_page(SiteRenderer::Worker& w, const PageRef& page) {
  const Municipality& m = w.site().municipality();
  std::string root = root_prefix(page.path);
  OpendataView v{{}, format_date(m.site.as_of), format_count(m.site.min_group)};
  for (const auto& f : opendata_catalogue(m.roadmap.present)) {
    OpendataView::Set set{f.title, f.description, {}};
    for (const auto& name : f.files) set.links.push_back({root + "opendata/" + name, name, format_name(name)});
    v.files.push_back(std::move(set));
  }
  return w.layout(page, "Открытые данные", w.use("opendata", v.to_data()), w.trail(root, {{"Открытые данные", ""}}));
}

}  // namespace

const PageType kOpendataPage = {"opendata", PageType::Scope::portal, {"opendata"}, single_page("opendata/"), opendata_page};

}  // namespace sveden
