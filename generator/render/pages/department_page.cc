// department/: the department under 8-ФЗ — its information, powers, heads, structure and appeals.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/links.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"
#include "render/markdown.h"

namespace sveden {

using data = TemplateValue;

namespace {

data unit(const DepartmentInfo::Unit& u) {
  data d;
  // A value left empty is not set at all: Mustache renders a section for an empty string, and the page
  // would say «Телефон:» with nothing after it.
  auto set_present = [&d](const char* key, const std::string& value) {
    if (!value.empty()) d.set(key, value);
  };
  set_present("name", u.name);
  set_present("head", u.head);
  set_present("post", u.post);
  set_present("phone", u.phone);
  set_present("email", u.email);
  if (!u.email.empty()) d.set("email_href", safe_external_url("mailto:" + u.email));
  return d;
}


std::string department_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const DepartmentInfo& dep = m.department;
  std::string root = root_prefix(page.path);
  data d;
  d.set("name", m.site.department.name);
  d.set("about", markdown_to_html(dep.about_markdown, m.site.trusted_html, {"content/", root}));
  data info = tlist();
  info.push_back(field("Полное наименование", m.site.department.name));
  if (!m.site.department.address.empty()) info.push_back(field("Почтовый адрес", m.site.department.address));
  if (!m.site.department.phone.empty()) info.push_back(field("Телефон справочной службы", m.site.department.phone));
  if (!m.site.department.email.empty())
    info.push_back(field("Электронная почта", m.site.department.email, safe_external_url("mailto:" + m.site.department.email)));
  if (!dep.working_hours.empty()) info.push_back(field("Режим работы", dep.working_hours));
  d.set("info", info);
  data powers = tlist();
  for (const auto& p : dep.powers) {
    data x;
    x.set("text", typographic_quotes(p.text));
    x.set("act", typographic_quotes(p.act));
    powers.push_back(x);
  }
  d.set("powers", powers);
  d.set("has_powers", powers.is_non_empty_list());
  data heads = tlist(), units = tlist();
  for (const auto& h : dep.heads) heads.push_back(unit(h));
  if (dep.heads.empty() && !m.site.department.head.name.empty())
    heads.push_back(unit({"", m.site.department.head.name, m.site.department.head.position, "", ""}));
  for (const auto& u : dep.structure) units.push_back(unit(u));
  d.set("heads", heads);
  d.set("has_heads", heads.is_non_empty_list());
  d.set("units", units);
  d.set("has_units", units.is_non_empty_list());
  d.set("appeals", markdown_to_html(dep.appeals_markdown, m.site.trusted_html, {"content/", root}));
  data appeals = tlist();
  if (!dep.appeals_address.empty()) appeals.push_back(field("Почтовый адрес для обращений", dep.appeals_address));
  if (!dep.appeals_email.empty())
    appeals.push_back(field("Электронная почта для обращений", dep.appeals_email, safe_external_url("mailto:" + dep.appeals_email)));
  if (!dep.appeals_schedule.empty()) appeals.push_back(field("Личный приём", dep.appeals_schedule));
  d.set("appeal_contacts", appeals);
  d.set("has_appeals", !dep.appeals_markdown.empty() || appeals.is_non_empty_list());
  data social = tlist();
  for (const auto& l : dep.social) social.push_back(field(l.name, l.url, safe_external_url(l.url)));
  d.set("social", social);
  d.set("has_social", social.is_non_empty_list());
  d.set("schools_href", site.href(root, "schools/"));
  d.set("documents_href", site.href(root, "documents/"));
  const Overview& o = site.overview();
  std::string subordinate = count_noun(o.schools, "общеобразовательная организация", "общеобразовательные организации",
                                       "общеобразовательных организаций");
  if (o.branches > 0) subordinate += fmt::format(" (у них {})", count_noun(o.branches, "филиал", "филиала", "филиалов"));
  if (o.organisations > 0)
    subordinate += fmt::format(" и{}{}", kNbsp, count_noun(o.organisations, "иная организация", "иные организации", "иных организаций"));
  d.set("schools_count", subordinate);
  d.set("dep", SiteRenderer::Worker::words(m.site.department.words));
  data crumbs = w.trail(root, {{m.site.department.words.about, ""}});
  return w.layout(page, m.site.department.words.about, w.use("department", d), crumbs);
}


}  // namespace

const PageType kDepartmentPage = {"department", PageType::Scope::portal, {"department"}, single_page("department/"),
                                  department_page};

}  // namespace sveden
