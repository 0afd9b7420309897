// The layout of a school's own site under schools/<slug>/ (its pages are in render/pages/: the home page,
// «Сведения…» and its subsections, the menus folder, 404; the quality page in render/pages/quality_page.cc).
// Every link stays inside the school's folder, so the folder can be copied to the school's domain.
#include <fmt/format.h>

#include "render/html.h"
#include "render/page_types.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using data = TemplateValue;


std::string SiteRenderer::Worker::school_layout(const PageRef& page, const std::string& title, std::string body,
                                                data crumbs) {
  const Municipality& m = site_.m_;
  const School& s = m.site_owner(page.index);
  std::string root = site_.school_root(page);
  std::string rel = page.path.substr(("schools/" + s.slug + "/").size());
  data d;
  d.set("root", root);
  d.set("title", title);
  d.set("school_name", typographic_quotes(s.short_name));
  d.set("school_full_name", typographic_quotes(s.name));
  d.set("is_home", page.type == &kSchoolPage);
  d.set("as_of", format_date(m.site.as_of));
  d.set("home_href", site_.href(root, ""));
  d.set("canonical", site_.school_base_[page.index] + "/" + escape_url_path(rel));
  data nav = tlist();
  auto add_nav = [&](const std::string& label, const std::string& path) {
    data item;
    item.set("label", label);
    item.set("href", site_.href(root, path));
    bool current = !page.type->any_depth && (path.empty() ? rel.empty() : rel.rfind(path, 0) == 0);
    item.set("current", current);
    append(nav, std::move(item));
  };
  add_nav("Главная", "");
  add_nav(site_.open_.title, site_.sveden_dir_from_school(page.index));
  if (m.school_site(page.index)) add_nav("Качество образования", "kachestvo/");  // an organisation is not analysed
  put(d, "nav", std::move(nav));
  d.set("department_name", m.site.department.name);
  d.set("department_href", m.site.base_url + "/");
  d.set("has_breadcrumbs", crumbs.is_non_empty_list());
  put(d, "breadcrumbs", std::move(crumbs));
  data contacts = tlist();
  if (!s.address.empty()) contacts.push_back(field("Адрес", s.address));
  if (!s.phone.empty()) contacts.push_back(field("Телефон", s.phone));
  if (!s.email.empty()) contacts.push_back(field("Электронная почта", s.email, safe_external_url("mailto:" + s.email)));
  d.set("contacts", contacts);
  d.set("ministries", ministries());
  d.set("invented_data", site_.m_.site.invented_data);
  return framed("school_base", d, std::move(body));
}

}  // namespace sveden
