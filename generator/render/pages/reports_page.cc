// reports/: the printed reports, the schools' profiles apart, each with its PDF when the build prints them.
#include <string>
#include <vector>

#include "render/html.h"
#include "render/page_types.h"
#include "render/template_data.h"

namespace sveden {
namespace {

// The keys of templates/reports.mustache (docs/THEMES.md).
struct ReportsView {
  struct Item {
    std::string title, href, pdf_href;
  };
  std::vector<Item> items;    // the department's reports
  std::vector<Item> schools;  // each school's profile
  bool with_pdf = false;

  TemplateValue list(const std::vector<Item>& items_of) const {
    TemplateValue out = tlist();
    for (const auto& i : items_of) {
      TemplateValue x;
      x.set("title", i.title);
      x.set("href", i.href);
      x.set("has_pdf", with_pdf);
      x.set("pdf_href", i.pdf_href);
      out.push_back(x);
    }
    return out;
  }
  TemplateValue to_data() const {
    TemplateValue d;
    d.set("items", list(items));
    d.set("schools", list(schools));
    d.set("with_pdf", with_pdf);
    return d;
  }
};

std::string reports_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  std::string root = root_prefix(page.path);
  ReportsView v;
  v.with_pdf = site.with_pdf();
  for (const auto& r : site.reports())
    if (r.path.rfind("reports/", 0) == 0)  // not a report of the department's audit pages (audit/sites/)
      (r.kind == ReportRef::Kind::school ? v.schools : v.items).push_back({r.title, site.href(root, r.path), root + r.path + r.file_stem + ".pdf"});
  return w.layout(page, "Отчёты", w.use("reports", v.to_data()), w.trail(root, {{"Отчёты", ""}}));
}

}  // namespace

const PageType kReportsPage = {"reports", PageType::Scope::portal, {"reports"}, single_page("reports/"), reports_page};

}  // namespace sveden
