#include "render/site_renderer.h"

#include <algorithm>
#include <utility>
#include <memory>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "analyse/indicators.h"
#include "load/openness_loader.h"
#include "load/openness_vocabulary.h"
#include "load/site_loader.h"
#include "model/links.h"
#include "model/markdown_image.h"
#include "render/feeds.h"
#include "render/html.h"
#include "render/markdown.h"
#include "render/monitoring_report.h"
#include "render/site_monitoring_page.h"
#include "render/openness_page.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using data = TemplateValue;

std::string PageRef::file() const { return path.empty() || path.back() == '/' ? path + "index.html" : path; }

bool PageRef::in_school() const { return type->scope == PageType::Scope::school; }

std::string SiteRenderer::page_source(const PageRef& page) const { return page.type->source ? page.type->source(*this, page) : ""; }

SiteRenderer::SiteRenderer(const Municipality& m, const Theme& theme, const Overview& overview, const Analysis& analysis,
                           bool with_pdf, std::vector<PastAnalysis> past)
    : m_(m), theme_(theme), overview_(overview), analysis_(analysis), open_(builtin_openness()), pretty_(m.site.pretty_links),
      past_(std::move(past)), with_pdf_(with_pdf) {
  // Printed reports: the year's analysis, the roadmap, every school's profile, all profiles in one,
  // and the department's own reports from content/reports/.
  using R = ReportRef::Kind;
  // The reporting year's analysis first, then each earlier year's, newest first.
  auto analysis_report = [&](size_t index, int year) {
    reports_.push_back({R::analysis, index, fmt::format(FMT_COMPILE("reports/analysis-{}/"), year),
                        fmt::format(FMT_COMPILE("Аналитический отчёт по итогам мониторинга школ с низкими образовательными результатами за {}{}год"),
                                    year, std::string(kNbsp)),
                        fmt::format(FMT_COMPILE("analysis-{}"), year)});
  };
  int year = analysis.classification.years.empty() ? m.site.as_of.year : analysis.classification.years.back();
  analysis_report(0, year);
  if (analysis.monitoring) reports_.push_back(monitoring_report_ref(year));
  for (size_t k = past_.size(); k > 0; --k) analysis_report(k, past_[k - 1].year);
  reports_.push_back({R::roadmap, 0, "reports/roadmap/", "Отчёт о реализации дорожной карты", "roadmap"});
  // All profiles in one report; beyond kSchoolsPerVolume schools, in volumes: the first at reports/schools/,
  // the k-th at reports/schools/tom-k/.
  size_t volumes = (m.schools.size() + kSchoolsPerVolume - 1) / kSchoolsPerVolume;
  if (volumes <= 1) reports_.push_back({R::all_schools, 0, "reports/schools/", "Профили школ и адресные рекомендации", "schools"});
  else
    for (size_t v = 0; v < volumes; ++v) {
      auto [first, last] = volume_profiles(v, m.schools.size());
      reports_.push_back({R::all_schools, v, v == 0 ? "reports/schools/" : fmt::format(FMT_COMPILE("reports/schools/tom-{}/"), v + 1),
                          fmt::format(FMT_COMPILE("Профили школ и адресные рекомендации. Том{}{} из{}{} (профили {}–{})"), kNbsp, v + 1, kNbsp, volumes,
                                      first + 1, last),
                          v == 0 ? "schools" : fmt::format(FMT_COMPILE("schools-tom-{}"), v + 1)});
    }
  for (size_t i = 0; i < m.schools.size(); ++i)
    reports_.push_back({R::school, i, "reports/schools/" + m.schools[i].slug + "/",
                        "Профиль школы и адресные рекомендации: " + typographic_quotes(m.schools[i].short_name), m.schools[i].slug});
  // content/reports/analysis-<year>.md is the department's conclusions inside that year's analysis report,
  // not a report of its own.
  for (size_t i = 0; i < m.reports.size(); ++i)
    if (std::none_of(reports_.begin(), reports_.end(),
                     [&](const ReportRef& r) { return r.kind == R::analysis && r.file_stem == m.reports[i].slug; }))
      reports_.push_back({R::custom, i, "reports/" + m.reports[i].slug + "/", m.reports[i].title, m.reports[i].slug});
  // The monitoring of schools' own websites, when the site folder has rounds of `sveden monitor` (its page: kSiteMonitoringPage).
  if (analysis.site_monitoring && !analysis.site_monitoring->empty())
    reports_.push_back(site_monitoring_report_ref(m, *analysis.site_monitoring));
  // Monitoring: a page per indicator series, in the order of the vocabulary.
  for (const auto& spec : analysis.indicators.specs)
    for (const auto& [key, series] : analysis.indicators.series)
      if (key.indicator == spec.id) {
        series_.push_back(key);
        // Stable addresses: the indicator and its transliterated subject, «oge-mean-matematika».
        std::string slug = spec.id;
        if (!key.param.empty()) slug += "-" + slug_from_name(key.param);
        std::replace(slug.begin(), slug.end(), '_', '-');
        series_slug_.push_back(slug);
      }
  // The pages, kind by kind in the registry's order: the portal's, then each school's with its school.
  auto list = [&](const PageType& type, size_t school) {
    size_t first = pages_.size();
    type.list(*this, school, pages_);
    for (size_t k = first; k < pages_.size(); ++k) pages_[k].type = &type;
  };
  for (const PageType* type : page_types())
    if (type->scope == PageType::Scope::portal) list(*type, 0);
  for (size_t i = 0; i < m.site_count(); ++i)  // schools, then organisations with a site of their own
    for (const PageType* type : page_types())
      if (type->scope == PageType::Scope::school) list(*type, i);

  std::vector<std::string> names;
  for (const auto& s : m.schools) names.push_back(s.short_name);
  schools_by_name_ = order_by_name(names);
  school_report_page_.resize(m.schools.size());
  for (size_t k = 0; k < pages_.size(); ++k)
    if (pages_[k].type == &kReportPage && reports_[pages_[k].index].kind == ReportRef::Kind::school)
      school_report_page_[reports_[pages_[k].index].index] = k;
  volume_of_.resize(m.schools.size());
  for (const ReportRef& r : reports_)
    if (r.kind == ReportRef::Kind::all_schools) {
      auto [first, last] = volume_profiles(r.index, schools_by_name_.size());
      for (size_t k = first; k < last; ++k) volume_of_[schools_by_name_[k]] = r.path;
    }
  school_base_ = school_base_urls(m);
  bool trusted = m.site.trusted_html;
  home_html_ = markdown_to_html(m.home_markdown, trusted, {"content/", ""});
  for (const auto& p : m.pages) page_html_.push_back(markdown_to_html(p.markdown, trusted, {"content/", root_prefix(p.slug + "/")}));
  for (const auto& n : m.news) {
    news_html_.push_back(markdown_to_html(n.markdown, trusted, {"content/news/", root_prefix("news/" + n.slug + "/")}));
    // A feed reader shows an entry away from the site: its images by their full address.
    news_feed_html_.push_back(markdown_to_html(n.markdown, trusted, {"content/news/", m.site.base_url + "/"}));
  }
}

std::string SiteRenderer::href(const std::string& root, const std::string& dir) const {
  if (pretty_ || (!dir.empty() && dir.back() != '/')) return root + dir;
  return root + dir + "index.html";
}

std::string SiteRenderer::sveden_dir(size_t school) const {
  const School& s = m_.site_owner(school);
  if (s.own_site) return "schools/" + s.slug + "/" + open_.path + "/";
  // A branch without a site of its own: the head school's «Структура…» describes it (filInfo).
  const School& parent = *m_.find(s.parent_id);
  return "schools/" + parent.slug + "/" + open_.path + "/struct/";
}

std::string SiteRenderer::sveden_dir_from_school(size_t school) const {
  return m_.site_owner(school).own_site ? open_.path + "/" : "../../" + sveden_dir(school);
}

std::string SiteRenderer::school_root(const PageRef& page) const {
  std::string rel = page.path.substr(("schools/" + m_.site_owner(page.index).slug + "/").size());
  return page.type->any_depth ? url_root_path(school_base_[page.index]) : root_prefix(rel);
}

std::vector<OutputFile> SiteRenderer::files() const {
  std::vector<OutputFile> out;
  const Municipality& m = m_;
  auto copy = [&](std::string path, std::shared_ptr<const std::string> contents) {
    out.push_back({std::move(path), [contents] { return *contents; }});
  };
  for (const auto& [name, contents] : theme_.assets) {
    auto shared = std::make_shared<const std::string>(contents);
    copy("assets/" + name, shared);
    for (size_t i = 0; i < m.site_count(); ++i) copy("schools/" + m.site_owner(i).slug + "/assets/" + name, shared);
  }
  for (const auto& [path, f] : m.files) copy("documents/" + path, f.contents);
  for (const auto& [path, f] : m.images) copy(markdown_image_output(path), f.contents);
  for (size_t i = 0; i < m.site_count(); ++i)
    for (const auto& [path, f] : m.site_owner(i).files) copy("schools/" + m.site_owner(i).slug + "/documents/" + path, f.contents);
  // Menus at the root of the school's site, under their exact names: the monitoring reads /food/<name>.
  for (const auto& s : m.schools)
    for (const auto& [name, menu] : s.food) copy("schools/" + s.slug + "/food/" + name, menu.file.contents);

  // The findings of the monitoring of schools' websites, when it is published on the portal.
  if (m.site.site_monitoring_public && analysis_.site_monitoring && !analysis_.site_monitoring->empty())
    out.push_back({kSiteMonitoringCsv, [this] { return site_monitoring_csv(m_, *analysis_.site_monitoring); }});

  // Sitemaps and robots.txt: the portal's, and each school's for its own domain.
  std::vector<std::string> portal;
  for (const auto& p : pages_)
    if (!p.in_school() && !p.type->any_depth && (m.site.audit_public || p.path.rfind("audit/", 0) != 0)) portal.push_back(p.path);
  for (size_t i = 0; i < m.site_count(); ++i) portal.push_back("schools/" + m.site_owner(i).slug + "/");
  // The audit page is for the department; public only when site.yaml says so.
  if (m.site.audit_public) portal.push_back("audit/");
  out.push_back({"sitemap.xml", [this, portal] { return sitemap_xml(m_.site.base_url, portal, m_.site.as_of); }});
  out.push_back({"robots.txt", [this] {
    std::string r = robots_txt(m_.site.base_url);
    return m_.site.audit_public ? r : r.insert(r.find("\n\n"), "\nDisallow: /audit/");
  }});
  out.push_back({"news/atom.xml", [this] { return atom_feed(m_, news_feed_html_); }});
  for (size_t i = 0; i < m.site_count(); ++i) {
    const School& s = m.site_owner(i);
    const std::string& base = school_base_[i];
    std::vector<std::string> paths = {""};
    if (s.own_site) {
      paths.push_back(open_.path + "/");
      for (const auto& sub : open_.subsections) paths.push_back(open_.path + "/" + sub.path + "/");
    }
    if (m.school_site(i)) paths.push_back("kachestvo/");
    if (!s.food.empty()) paths.push_back("food/");
    std::string dir = "schools/" + s.slug + "/";
    out.push_back({dir + "sitemap.xml", [this, base, paths] { return sitemap_xml(base, paths, m_.site.as_of); }});
    out.push_back({dir + "robots.txt", [base] { return robots_txt(base); }});
  }
  return out;
}

SiteRenderer::Worker::Worker(const SiteRenderer& site) : site_(site) {
  for (const auto& [name, text] : site.theme_.templates) templates_.emplace(name, MustacheTemplate(text));
}

void SiteRenderer::Worker::render_to(const std::string& name, const data& d, std::string& out) {
  if (observe) observe(name, d);
  templates_.at(name).render(d, out);
}

std::string SiteRenderer::Worker::use(const std::string& name, const data& d) {
  std::string out;
  render_to(name, d, out);
  return out;
}

namespace {

// Where the body goes in a rendered layout: escaped, its «<» and «>» would not be found, and the control
// characters are not in any text (an escaped one is dropped).
const std::string kBodyMark = "<\x1Fsveden-body\x1F>";

// Where a list's items go in a template split at its section (Worker::list_split): a line of its own.
const std::string kListMark = "<\x1Fsveden-list\x1F>";

// Whether only blanks stand between `from` and `to` of `text`.
bool blank_between(const std::string& text, size_t from, size_t to) {
  return text.find_first_not_of(" \t", from) >= to;
}

}  // namespace

SiteRenderer::Worker::ListSplit* SiteRenderer::Worker::list_split(const std::string& name, const std::string& list) {
  auto [it, added] = splits_.try_emplace({name, list});
  if (!added) return it->second.get();
  // The section's two tags, each alone on its line (Mustache then drops both lines), and no other tag that
  // names the list (another section, an inverted one, a variable) or changes the delimiters.
  const std::string& text = site_.theme_.templates.at(name);
  size_t a = std::string::npos, b = std::string::npos, named = 0;
  for (size_t start = text.find("{{"); start != std::string::npos; start = text.find("{{", start + 2)) {
    size_t end = text.find("}}", start + 2);
    if (end == std::string::npos) return nullptr;
    std::string_view tag = std::string_view(text).substr(start + 2, end - start - 2);
    if (!tag.empty() && tag.front() == '=') return nullptr;
    char sigil = tag.empty() ? ' ' : tag.front();
    if (std::string_view("#^/&>!{").find(sigil) != std::string_view::npos) tag.remove_prefix(1);
    size_t first = tag.find_first_not_of(" \t"), last = tag.find_last_not_of(" \t");
    if (first == std::string_view::npos || tag.substr(first, last - first + 1) != list) continue;
    ++named;
    if (sigil == '#' && tag.size() == list.size()) a = start;
    if (sigil == '/' && tag.size() == list.size()) b = start;
  }
  const std::string open = "{{#" + list + "}}", close = "{{/" + list + "}}";
  if (named != 2 || a == std::string::npos || b == std::string::npos || b < a) return nullptr;
  size_t open_line = text.rfind('\n', a) == std::string::npos ? 0 : text.rfind('\n', a) + 1;
  size_t open_end = text.find('\n', a), close_line = text.rfind('\n', b) + 1, close_end = text.find('\n', b);
  if (open_end == std::string::npos || close_end == std::string::npos || open_end >= close_line ||
      !blank_between(text, open_line, a) || !blank_between(text, a + open.size(), open_end) ||
      !blank_between(text, close_line, b) || !blank_between(text, b + close.size(), close_end))
    return nullptr;
  std::string outer = text.substr(0, open_line) + kListMark + "\n" + text.substr(close_end + 1);
  it->second = std::make_unique<ListSplit>(ListSplit{MustacheTemplate(outer), MustacheTemplate(text.substr(open_end + 1, close_line - open_end - 1))});
  if (!it->second->outer.is_valid() || !it->second->inner.is_valid()) it->second.reset();
  return it->second.get();
}

void SiteRenderer::Worker::use_list(const std::string& name, data& d, const std::string& list, size_t count,
                                    const std::function<data(size_t)>& item, const std::function<void(std::string_view)>& sink) {
  ListSplit* split = list_split(name, list);
  std::string outer;
  if (split) {
    if (observe) observe(name, d);
    split->outer.render(d, outer);
  }
  size_t at = outer.find(kListMark);
  if (!split || (at != std::string::npos && outer.find(kListMark, at + 1) != std::string::npos)) {
    data items = TemplateValue::type::list;
    for (size_t k = 0; k < count; ++k) append(items, item(k));
    put(d, list, std::move(items));
    std::string text;
    render_to(name, d, text);
    sink(text);
    return;
  }
  if (at == std::string::npos) {  // the section is inside one that is not shown
    sink(outer);
    return;
  }
  sink(std::string_view(outer).substr(0, at));
  std::string text;
  for (size_t k = 0; k < count; ++k) {
    const data one = item(k);
    text.clear();
    split->inner.render({&d, &one}, text);
    sink(text);
  }
  sink(std::string_view(outer).substr(at + kListMark.size() + 1));
}

std::optional<std::pair<std::string, std::string>> SiteRenderer::Worker::frame(const std::string& name, data& d) {
  put(d, "body", std::string(kBodyMark));
  std::string text = use(name, d);
  size_t at = text.find(kBodyMark);
  if (at == std::string::npos || text.find(kBodyMark, at + kBodyMark.size()) != std::string::npos) return std::nullopt;
  return std::pair{text.substr(0, at), text.substr(at + kBodyMark.size())};
}

std::string SiteRenderer::Worker::framed(const std::string& name, data& d, std::string body) {
  // Mustache leaves out a line that holds a section tag and nothing but blanks: a blank body is rendered as
  // itself, or the mark would keep that line.
  if (body.find_first_not_of(" \t\r\n") != std::string::npos)
    if (auto around = frame(name, d)) {
      std::string page;
      page.reserve(around->first.size() + body.size() + around->second.size());
      return page.append(around->first).append(body).append(around->second);
    }
  put(d, "body", std::move(body));
  return use(name, d);
}

std::string SiteRenderer::Worker::layout(const PageRef& page, const std::string& title, std::string body, data crumbs) {
  data d = layout_data(page, title, std::move(crumbs));
  return framed("base", d, std::move(body));
}

std::string SiteRenderer::render_group(const PageRef& page) const {
  if (page.type != &kReportPage) return "";
  const ReportRef& r = reports_[page.index];
  if (r.kind == ReportRef::Kind::all_schools) return r.path;
  return r.kind == ReportRef::Kind::school && r.index < volume_of_.size() ? volume_of_[r.index] : "";
}

std::string SiteRenderer::Worker::render(const PageRef& page) {
  return page.type->build ? page.type->build(*this, page) : std::string();  // audit/ is rendered from the audit, later
}

SiteRenderer::Worker::data SiteRenderer::Worker::layout_data(const PageRef& page, const std::string& title, data crumbs) {
  const Municipality& m = site_.m_;
  // The 404 page is served at any depth, so its links start at the path of the site's address: «/» or,
  // for a site published in a subfolder (https://edu.example.ru/uo), «/uo/».
  std::string root = page.type->any_depth ? url_root_path(m.site.base_url) : root_prefix(page.path);
  data d;
  d.set("root", root);
  d.set("title", title);
  d.set("site_name", m.site.department.name);
  d.set("site_short_name", m.site.department.short_name);
  d.set("municipality", m.site.municipality);
  d.set("is_home", page.type == &kHomePage);
  // The department's working pages: audit/ and what it holds (the monitoring of websites with site_monitoring: audit).
  d.set("noindex", (page.type == &kAuditPage || page.path.rfind("audit/", 0) == 0) && !m.site.audit_public);
  d.set("as_of", format_date(m.site.as_of));
  d.set("home_href", site_.href(root, ""));
  d.set("canonical", m.site.base_url + "/" + escape_url_path(page.type == &kHomePage ? "" : page.path));
  d.set("feed_href", root + "news/atom.xml");
  data nav = tlist();
  auto add_nav = [&](const std::string& label, const std::string& path) {
    data item;
    item.set("label", label);
    item.set("href", site_.href(root, path));
    bool current = !page.type->any_depth && !path.empty() ? page.path.rfind(path, 0) == 0 : page.path == path;
    item.set("current", current && !page.type->any_depth);
    append(nav, std::move(item));
  };
  add_nav("Главная", "");
  add_nav(m.site.department.words.about, "department/");
  add_nav("Школы", "schools/");
  add_nav("Поддержка школ", "support/");
  add_nav("Система работы со ШНОР", "system/");
  add_nav("Мониторинг", "monitoring/");
  add_nav("Документы", "documents/");
  add_nav("Новости", "news/");
  add_nav("Отчёты", "reports/");
  for (const auto& p : m.pages) add_nav(p.title, p.slug + "/");
  add_nav("Открытые данные", "opendata/");
  put(d, "nav", std::move(nav));
  d.set("has_breadcrumbs", crumbs.is_non_empty_list());
  put(d, "breadcrumbs", std::move(crumbs));
  data contacts = tlist();
  if (!m.site.department.address.empty()) contacts.push_back(field("Адрес", m.site.department.address));
  if (!m.site.department.phone.empty()) contacts.push_back(field("Телефон", m.site.department.phone));
  if (!m.site.department.email.empty())
    contacts.push_back(field("Электронная почта", m.site.department.email, safe_external_url("mailto:" + m.site.department.email)));
  if (!m.department.working_hours.empty()) contacts.push_back(field("Режим работы", m.department.working_hours));
  d.set("contacts", contacts);
  data social = tlist();
  for (const auto& l : m.department.social) social.push_back(field(l.name, l.name, safe_external_url(l.url)));
  d.set("social", social);
  d.set("has_social", social.is_non_empty_list());
  d.set("ministries", ministries());
  d.set("invented_data", m.site.invented_data);
  return d;
}

TemplateValue SiteRenderer::Worker::trail(const std::string& root,
                                                    std::initializer_list<std::pair<std::string, std::string>> steps) const {
  data out = tlist();
  out.push_back(crumb("Главная", site_.href(root, "")));
  for (const auto& [title, href] : steps) out.push_back(crumb(title, href));
  return out;
}

TemplateValue SiteRenderer::Worker::words(const DepartmentWords& w) {
  data d;
  d.set("about", w.about);
  d.set("genitive", w.genitive);
  d.set("dative", w.dative);
  d.set("Dative", upper_first(w.dative));
  d.set("full_genitive", w.full_genitive);
  return d;
}

TemplateValue SiteRenderer::Worker::ministries() const {
  data out = tlist();
  for (const auto& l : site_.open_.ministries) out.push_back(field(l.text, l.text, safe_external_url(l.url)));
  return out;
}

}  // namespace sveden
