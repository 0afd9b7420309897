#include "render/site_renderer.h"

#include <memory>

#include <fmt/format.h>
#include <unicode/coll.h>
#include <unicode/locid.h>

#include "render/html.h"
#include "render/markdown.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

namespace {

data list() { return data(data::type::list); }

data crumb(const std::string& title, const std::string& href) {
  data d;
  d.set("title", title);
  if (!href.empty()) d.set("href", href);
  return d;
}

data field(const std::string& label, const std::string& value, const std::string& href = "") {
  data d;
  d.set("label", label);
  d.set("value", typographic_quotes(value));
  if (!href.empty()) d.set("href", href);
  return d;
}

std::string count_or_dash(const Count& c) { return c ? format_count(*c) : "—"; }

std::string school_href(const std::string& root, const School& s) { return root + "schools/" + escape_url_path(s.slug) + "/"; }

}  // namespace

std::string PageRef::file() const { return path.empty() || path.back() == '/' ? path + "index.html" : path; }

SiteRenderer::SiteRenderer(const Municipality& m, const Theme& theme, const Overview& overview)
    : m_(m), theme_(theme), overview_(overview) {
  pages_.push_back({PageRef::Kind::home, 0, ""});
  pages_.push_back({PageRef::Kind::schools, 0, "schools/"});
  for (size_t i = 0; i < m.schools.size(); ++i)
    pages_.push_back({PageRef::Kind::school, i, "schools/" + m.schools[i].slug + "/"});
  for (size_t i = 0; i < m.pages.size(); ++i) pages_.push_back({PageRef::Kind::page, i, m.pages[i].slug + "/"});
  pages_.push_back({PageRef::Kind::not_found, 0, "404.html"});

  // Russian collation with numbers compared as numbers: «СОШ № 2» before «СОШ № 10».
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> coll(icu::Collator::createInstance(icu::Locale("ru"), status));
  if (U_SUCCESS(status)) coll->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
  schools_by_name_.resize(m.schools.size());
  for (size_t i = 0; i < schools_by_name_.size(); ++i) schools_by_name_[i] = i;
  // Sorted by what the name says, not by its legal form: «Берёзовская СОШ» before «Гимназия № 3».
  std::vector<std::string> keys;
  for (const auto& s : m.schools) keys.push_back(without_legal_form(s.short_name));
  std::stable_sort(schools_by_name_.begin(), schools_by_name_.end(), [&](size_t a, size_t b) {
    if (!coll) return keys[a] < keys[b];
    UErrorCode st = U_ZERO_ERROR;
    return coll->compareUTF8(keys[a], keys[b], st) == UCOL_LESS;
  });
  home_html_ = markdown_to_html(m.home_markdown);
  for (const auto& p : m.pages) page_html_.push_back(markdown_to_html(p.markdown));
}

SiteRenderer::Worker::Worker(const SiteRenderer& site) : site_(site) {
  for (const auto& [name, text] : site.theme_.templates) templates_.emplace(name, mustache(text));
}

std::string SiteRenderer::Worker::render(const PageRef& page) {
  switch (page.kind) {
    case PageRef::Kind::home: return home(page);
    case PageRef::Kind::schools: return schools(page);
    case PageRef::Kind::school: return school(page);
    case PageRef::Kind::page: return content_page(page);
    case PageRef::Kind::not_found: return not_found(page);
  }
  return {};
}

std::string SiteRenderer::Worker::layout(const PageRef& page, const std::string& title, const std::string& body,
                                         data crumbs) {
  const Municipality& m = site_.m_;
  // The 404 page is served at any depth, so its links are absolute from the site root.
  std::string root = page.kind == PageRef::Kind::not_found ? "/" : root_prefix(page.path);
  data d;
  d.set("root", root);
  d.set("title", title);
  d.set("site_name", m.site.department.name);
  d.set("site_short_name", m.site.department.short_name);
  d.set("municipality", m.site.municipality);
  d.set("is_home", page.kind == PageRef::Kind::home);
  d.set("body", body);
  d.set("as_of", format_date(m.site.as_of));
  d.set("canonical", m.site.base_url + "/" + escape_url_path(page.kind == PageRef::Kind::home ? "" : page.path));
  data nav = list();
  auto add_nav = [&](const std::string& label, const std::string& path) {
    data item;
    item.set("label", label);
    item.set("href", root + path);
    item.set("current", page.path == path && page.kind != PageRef::Kind::not_found);
    nav.push_back(item);
  };
  add_nav("Главная", "");
  add_nav("Школы", "schools/");
  for (const auto& p : m.pages) add_nav(p.title, p.slug + "/");
  d.set("nav", nav);
  d.set("has_breadcrumbs", crumbs.is_non_empty_list());
  d.set("breadcrumbs", crumbs);
  data contacts = list();
  if (!m.site.department.address.empty()) contacts.push_back(field("Адрес", m.site.department.address));
  if (!m.site.department.phone.empty()) contacts.push_back(field("Телефон", m.site.department.phone));
  if (!m.site.department.email.empty())
    contacts.push_back(field("Электронная почта", m.site.department.email, safe_external_url("mailto:" + m.site.department.email)));
  d.set("contacts", contacts);
  return templates_.at("base").render(d);
}

std::string SiteRenderer::Worker::home(const PageRef& page) {
  const Municipality& m = site_.m_;
  const Overview& o = site_.overview_;
  std::string root = root_prefix(page.path);
  data d;
  d.set("root", root);
  d.set("title", m.home_title.empty() ? m.site.department.name : m.home_title);
  d.set("intro", site_.home_html_);
  d.set("schools_count", count_noun(o.schools, "школа", "школы", "школ"));
  data facts = list();
  facts.push_back(field("Общеобразовательных организаций", format_count(o.schools)));
  facts.push_back(field("в городе", format_count(o.city)));
  facts.push_back(field("в сельской местности", format_count(o.rural)));
  if (o.branches > 0) facts.push_back(field("из них филиалов", format_count(o.branches)));
  if (o.year) {
    std::string label = fmt::format("Обучающихся в {}{}году", *o.year, std::string(kNbsp));
    if (o.schools_reporting < o.schools)
      label += fmt::format(" (по данным {} из {})", o.schools_reporting,
                           count_noun(o.schools, "школы", "школ", "школ"));
    facts.push_back(field(label, format_count(o.students)));
  }
  d.set("facts", facts);
  d.set("schools_href", root + "schools/");
  data pages = list();
  for (const auto& p : m.pages) {
    data item;
    item.set("title", p.title);
    item.set("description", p.description);
    item.set("href", root + p.slug + "/");
    pages.push_back(item);
  }
  d.set("pages", pages);
  return layout(page, m.site.department.name, templates_.at("home").render(d), list());
}

std::string SiteRenderer::Worker::schools(const PageRef& page) {
  const Municipality& m = site_.m_;
  std::string root = root_prefix(page.path);
  data rows = list();
  for (size_t i : site_.schools_by_name_) {
    const School& s = m.schools[i];
    const SchoolOverview& so = site_.overview_.per_school[i];
    data r;
    r.set("name", typographic_quotes(s.short_name));
    r.set("full_name", typographic_quotes(s.name));
    r.set("href", school_href(root, s));
    r.set("kind", s.kind.empty() ? "—" : s.kind);
    r.set("settlement", s.settlement.empty() ? "—" : s.settlement);
    r.set("locality", s.locality);
    r.set("students", count_or_dash(so.students));
    r.set("director", s.director.empty() ? "—" : s.director);
    if (!s.parent_id.empty()) {
      const School* parent = m.find(s.parent_id);
      r.set("parent_name", typographic_quotes(parent->short_name));
      r.set("parent_href", school_href(root, *parent));
    }
    rows.push_back(r);
  }
  const Overview& o = site_.overview_;
  data d;
  d.set("root", root);
  d.set("rows", rows);
  d.set("count", count_noun(o.schools, "общеобразовательная организация", "общеобразовательные организации",
                            "общеобразовательных организаций"));
  d.set("students_year", o.year ? std::to_string(*o.year) : std::string("—"));
  data crumbs = list();
  crumbs.push_back(crumb("Главная", root));
  crumbs.push_back(crumb("Школы", ""));
  return layout(page, "Школы", templates_.at("schools").render(d), crumbs);
}

std::string SiteRenderer::Worker::school(const PageRef& page) {
  const Municipality& m = site_.m_;
  const School& s = m.schools[page.index];
  std::string root = root_prefix(page.path);
  data d;
  d.set("root", root);
  d.set("short_name", typographic_quotes(s.short_name));
  d.set("name", typographic_quotes(s.name));
  data facts = list();
  if (!s.kind.empty()) facts.push_back(field("Тип", s.kind));
  if (!s.locality.empty()) facts.push_back(field("Местность", s.locality == "город" ? "городская" : "сельская"));
  if (!s.address.empty()) facts.push_back(field("Адрес", s.address));
  if (!s.phone.empty()) facts.push_back(field("Телефон", s.phone));
  if (!s.email.empty()) facts.push_back(field("Электронная почта", s.email, safe_external_url("mailto:" + s.email)));
  if (!s.website.empty()) facts.push_back(field("Сайт", s.website, safe_external_url(s.website)));
  if (!s.director.empty()) facts.push_back(field("Руководитель", s.director));
  if (const School* parent = m.find(s.parent_id)) facts.push_back(field("Филиал школы", typographic_quotes(parent->short_name), school_href(root, *parent)));
  for (const auto& b : s.branch_ids) {
    const School* branch = m.find(b);
    facts.push_back(field("Филиал", typographic_quotes(branch->short_name), school_href(root, *branch)));
  }
  if (const School* mentor = m.find(s.mentor_id)) {
    std::string label = s.mentor_since ? fmt::format("Школа-наставник (с {}{}г.)", *s.mentor_since, std::string(kNbsp))
                                       : std::string("Школа-наставник");
    facts.push_back(field(label, typographic_quotes(mentor->short_name), school_href(root, *mentor)));
  }
  d.set("facts", facts);

  data contingent = list();
  for (const auto& c : s.contingent) {
    data r;
    r.set("year", std::to_string(c.year));
    r.set("students", count_or_dash(c.students));
    r.set("ovz", count_or_dash(c.students_ovz));
    r.set("grade9", count_or_dash(c.grade9_graduates));
    r.set("grade10", count_or_dash(c.grade10_continued));
    contingent.push_back(r);
  }
  d.set("has_contingent", !s.contingent.empty());
  d.set("contingent", contingent);
  data staff = list();
  for (const auto& st : s.staff) {
    data r;
    r.set("year", std::to_string(st.year));
    r.set("teachers", count_or_dash(st.teachers));
    r.set("vacancies", count_or_dash(st.vacancies));
    r.set("young", count_or_dash(st.young_specialists));
    r.set("pension", count_or_dash(st.pension_age));
    staff.push_back(r);
  }
  d.set("has_staff", !s.staff.empty());
  d.set("staff", staff);
  if (!s.content_markdown.empty()) d.set("content", markdown_to_html(s.content_markdown));

  data crumbs = list();
  crumbs.push_back(crumb("Главная", root));
  crumbs.push_back(crumb("Школы", root + "schools/"));
  crumbs.push_back(crumb(typographic_quotes(s.short_name), ""));
  return layout(page, typographic_quotes(s.short_name), templates_.at("school").render(d), crumbs);
}

std::string SiteRenderer::Worker::content_page(const PageRef& page) {
  const ContentPage& p = site_.m_.pages[page.index];
  std::string root = root_prefix(page.path);
  data d;
  d.set("title", p.title);
  d.set("content", site_.page_html_[page.index]);
  data crumbs = list();
  crumbs.push_back(crumb("Главная", root));
  crumbs.push_back(crumb(p.title, ""));
  return layout(page, p.title, templates_.at("page").render(d), crumbs);
}

std::string SiteRenderer::Worker::not_found(const PageRef& page) {
  data d;
  d.set("root", "/");
  return layout(page, "Страница не найдена", templates_.at("not_found").render(d), list());
}

}  // namespace sveden
