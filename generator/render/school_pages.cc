// A school's own site under schools/<slug>/: its home page, «Сведения об образовательной
// организации» with the 14 subsections, the page on the quality of education, and its 404 page.
// Every link stays inside the school's folder, so the folder can be copied to the school's domain.
#include <fmt/format.h>

#include "analyse/indicators.h"
#include "load/food_loader.h"
#include "render/charts.h"
#include "render/html.h"
#include "render/markdown.h"
#include "render/openness_page.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using kainjow::mustache::data;

namespace {

std::string count_or_dash(const Count& c) { return c ? format_count(*c) : "—"; }

constexpr std::string_view kHidden = "скрыто";

// A count of persons out of a group too small to publish its share: the share could be recovered from it.
std::string part_or_hidden(const Count& part, const Count& whole, const IndicatorSet& set) {
  return part && whole && set.small_group(*whole) ? std::string(kHidden) : count_or_dash(part);
}

// Says why a table has «скрыто» in it.
std::string hidden_note(const std::string& group, const std::string& counts, int min_group) {
  return fmt::format("«Скрыто»: {} меньше {}, поэтому {} не публикуется — по такому числу можно узнать о конкретных людях.",
                     group, count_noun(min_group, "человека", "человек", "человек"), counts);
}

}  // namespace

std::string SiteRenderer::Worker::school_layout(const PageRef& page, const std::string& title, const std::string& body,
                                                data crumbs) {
  const Municipality& m = site_.m_;
  const School& s = m.schools[page.index];
  std::string root = site_.school_root(page);
  std::string rel = page.path.substr(("schools/" + s.slug + "/").size());
  data d;
  d.set("root", root);
  d.set("title", title);
  d.set("school_name", typographic_quotes(s.short_name));
  d.set("school_full_name", typographic_quotes(s.name));
  d.set("is_home", page.kind == PageRef::Kind::school);
  d.set("body", body);
  d.set("as_of", format_date(m.site.as_of));
  d.set("home_href", site_.href(root, ""));
  d.set("canonical", site_.school_base_[page.index] + "/" + escape_url_path(rel));
  data nav = tlist();
  auto add_nav = [&](const std::string& label, const std::string& path) {
    data item;
    item.set("label", label);
    item.set("href", site_.href(root, path));
    bool current = page.kind != PageRef::Kind::school_not_found && (path.empty() ? rel.empty() : rel.rfind(path, 0) == 0);
    item.set("current", current);
    nav.push_back(item);
  };
  add_nav("Главная", "");
  add_nav(site_.open_.title, site_.sveden_dir_from_school(page.index));
  add_nav("Качество образования", "kachestvo/");
  d.set("nav", nav);
  d.set("department_name", m.site.department.name);
  d.set("department_href", m.site.base_url + "/");
  d.set("has_breadcrumbs", crumbs.is_non_empty_list());
  d.set("breadcrumbs", crumbs);
  data contacts = tlist();
  if (!s.address.empty()) contacts.push_back(field("Адрес", s.address));
  if (!s.phone.empty()) contacts.push_back(field("Телефон", s.phone));
  if (!s.email.empty()) contacts.push_back(field("Электронная почта", s.email, safe_external_url("mailto:" + s.email)));
  d.set("contacts", contacts);
  d.set("ministries", ministries());
  d.set("invented_data", site_.m_.site.invented_data);
  return use("school_base", d);
}

std::string SiteRenderer::Worker::school(const PageRef& page) {
  const Municipality& m = site_.m_;
  const School& s = m.schools[page.index];
  std::string root = site_.school_root(page);
  data d;
  d.set("short_name", typographic_quotes(s.short_name));
  d.set("name", typographic_quotes(s.name));
  d.set("sveden_title", site_.open_.title);
  // A school's site stays deployable on its own: its links stay inside its folder.
  d.set("sveden_href", site_.href(root, site_.sveden_dir_from_school(page.index)));
  if (!s.own_site)
    d.set("sveden_note", fmt::format("У филиала нет своего сайта: сведения о нём — в разделе «Структура и органы управления» на сайте {}",
                                     typographic_quotes(m.find(s.parent_id)->short_name)));
  d.set("quality_href", site_.href(root, "kachestvo/"));
  data facts = tlist();
  if (!s.kind.empty()) facts.push_back(field("Тип", s.kind));
  if (!s.locality.empty()) facts.push_back(field("Местность", s.locality == "город" ? "городская" : "сельская"));
  if (!s.address.empty()) facts.push_back(field("Адрес", s.address));
  if (!s.phone.empty()) facts.push_back(field("Телефон", s.phone));
  if (!s.email.empty()) facts.push_back(field("Электронная почта", s.email, safe_external_url("mailto:" + s.email)));
  if (!s.director.empty()) facts.push_back(field("Руководитель", s.director));
  // Other schools are other sites: linked by their address, which works both on the schools' own
  // domains and under the portal.
  auto other = [&](const School& o) { return site_.school_base_[m.school_index.at(o.id)] + "/"; };
  if (const School* parent = m.find(s.parent_id)) facts.push_back(field("Филиал школы", parent->short_name, other(*parent)));
  for (const auto& b : s.branch_ids) facts.push_back(field("Филиал", m.find(b)->short_name, other(*m.find(b))));
  if (const School* mentor = m.find(s.mentor_id)) {
    std::string label = s.mentor_since ? fmt::format("Школа-наставник (с {}{}г.)", *s.mentor_since, std::string(kNbsp))
                                       : std::string("Школа-наставник");
    facts.push_back(field(label, mentor->short_name, other(*mentor)));
  }
  d.set("facts", facts);
  // Group sizes are published; who of a small group went on or is of pension age is not (docs/CRITERIA.md §4).
  const IndicatorSet& set = site_.analysis_.indicators;
  data contingent = tlist();
  bool hidden_grade10 = false;
  for (const auto& c : s.contingent) {
    data r;
    r.set("year", std::to_string(c.year));
    r.set("students", count_or_dash(c.students));
    r.set("ovz", count_or_dash(c.students_ovz));
    r.set("grade9", count_or_dash(c.grade9_graduates));
    std::string grade10 = part_or_hidden(c.grade10_continued, c.grade9_graduates, set);
    hidden_grade10 = hidden_grade10 || grade10 == kHidden;
    r.set("grade10", grade10);
    contingent.push_back(r);
  }
  d.set("has_contingent", !s.contingent.empty());
  d.set("contingent", contingent);
  d.set("has_contingent_note", hidden_grade10);
  d.set("contingent_note", hidden_note("выпускников 9 класса", "число продолживших обучение", set.min_group));
  data staff = tlist();
  bool hidden_staff = false;
  for (const auto& st : s.staff) {
    data r;
    r.set("year", std::to_string(st.year));
    r.set("teachers", count_or_dash(st.teachers));
    r.set("vacancies", count_or_dash(st.vacancies));
    std::string young = part_or_hidden(st.young_specialists, st.teachers, set);
    std::string pension = part_or_hidden(st.pension_age, st.teachers, set);
    hidden_staff = hidden_staff || young == kHidden || pension == kHidden;
    r.set("young", young);
    r.set("pension", pension);
    staff.push_back(r);
  }
  d.set("has_staff", !s.staff.empty());
  d.set("staff", staff);
  d.set("has_staff_note", hidden_staff);
  d.set("staff_note", hidden_note("педагогов", "число молодых специалистов и педагогов пенсионного возраста", set.min_group));
  if (!s.content_markdown.empty()) d.set("content", markdown_to_html(s.content_markdown, m.site.trusted_html, {"content/schools/", root_prefix(page.path)}));
  d.set("dep", words(site_.m_.site.department.words));
  return school_layout(page, typographic_quotes(s.short_name), use("school", d), tlist());
}

std::string SiteRenderer::Worker::sveden(const PageRef& page) {
  const OpennessVocabulary& v = site_.open_;
  std::string root = site_.school_root(page);
  data subs = tlist();
  for (const auto& sub : v.subsections) {
    data x;
    x.set("title", sub.title);
    x.set("href", site_.href(root, v.path + "/" + sub.path + "/"));
    subs.push_back(x);
  }
  data d;
  d.set("title", v.title);
  d.set("subsections", subs);
  data crumbs = trail(root, {{v.title, ""}});
  return school_layout(page, v.title, use("sveden", d), crumbs);
}

std::string SiteRenderer::Worker::sveden_section(const PageRef& page) {
  const Municipality& m = site_.m_;
  const School& s = m.schools[page.index];
  const OpennessVocabulary& v = site_.open_;
  const OpenSubsection& sub = v.subsections[page.sub];
  std::string root = site_.school_root(page);
  OpennessPage content = openness_page(s, sub, v, root, m.site.as_of);
  data nav = tlist();
  for (size_t i = 0; i < v.subsections.size(); ++i) {
    data x;
    x.set("title", v.subsections[i].title);
    x.set("href", site_.href(root, v.path + "/" + v.subsections[i].path + "/"));
    x.set("current", i == page.sub);
    nav.push_back(x);
  }
  data d;
  d.set("title", sub.title);
  d.set("section_title", v.title);
  d.set("section_href", site_.href(root, v.path + "/"));
  d.set("nav", nav);
  // The summary of the collapsed menu on a phone names where the reader is.
  d.set("current_number", std::to_string(page.sub + 1));
  d.set("count", std::to_string(v.subsections.size()));
  d.set("blocks", content.blocks);
  if (auto it = s.sveden_markdown.find(sub.path); it != s.sveden_markdown.end())
    d.set("content", markdown_to_html(it->second, m.site.trusted_html, {"content/schools/" + s.id + "/", root_prefix(page.path)}));
  // The information is current to the latest date its documents show (never after the as-of date);
  // a page without dated documents is current to the as-of date of the build.
  d.set("updated", format_date(latest_document_date(content.documents, m.site.as_of).value_or(m.site.as_of)));
  data crumbs = trail(root, {{v.title, site_.href(root, v.path + "/")}, {sub.title, ""}});
  return school_layout(page, sub.title, use("sveden_section", d), crumbs);
}

std::string SiteRenderer::Worker::food(const PageRef& page) {
  const Municipality& m = site_.m_;
  const School& s = m.schools[page.index];
  const OpennessVocabulary& v = site_.open_;
  std::string root = site_.school_root(page);
  static const char* kWeekdays[] = {"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"};
  // Links by the exact file name, relative to the folder: a robot that reads the folder's page
  // finds the same names as in the folder itself.
  auto item = [](const MenuFile& f, const std::string& text) {
    data x;
    x.set("href", escape_url_path(f.file.path));
    x.set("text", fmt::format("{} ({}, {})", text, f.file.format, format_file_size(f.file.bytes)));
    x.set("name", f.file.path);
    return x;
  };
  data daily = tlist(), other = tlist();
  for (auto it = s.food.rbegin(); it != s.food.rend(); ++it) {  // newest first
    const MenuFile& f = it->second;
    if (f.kind == MenuFile::Kind::daily)
      daily.push_back(item(f, fmt::format("Меню на {}, {}", format_date(*f.date), kWeekdays[day_of_week(*f.date)])));
  }
  for (const auto& [name, f] : s.food) {
    if (f.kind == MenuFile::Kind::typical) other.push_back(item(f, fmt::format("Типовое меню на {}{}год", f.year, std::string(kNbsp))));
    if (f.kind == MenuFile::Kind::kp) other.push_back(item(f, fmt::format("Файл мониторинга питания на {}{}год", f.year, std::string(kNbsp))));
  }
  const std::string title = "Меню ежедневного горячего питания";
  data d;
  d.set("title", title);
  d.set("daily", daily);
  d.set("has_daily", daily.is_non_empty_list());
  d.set("other", other);
  d.set("has_other", other.is_non_empty_list());
  d.set("updated", format_date(m.site.as_of));
  std::string catering_title, catering_href;
  for (const auto& sub : v.subsections)
    if (sub.path == "catering") catering_title = sub.title, catering_href = site_.href(root, v.path + "/" + sub.path + "/");
  d.set("catering_title", catering_title);
  d.set("catering_href", catering_href);
  d.set("has_catering", !catering_href.empty());
  data crumbs = catering_href.empty()
                    ? trail(root, {{v.title, site_.href(root, v.path + "/")}, {title, ""}})
                    : trail(root, {{v.title, site_.href(root, v.path + "/")}, {catering_title, catering_href}, {title, ""}});
  return school_layout(page, title, use("food", d), crumbs);
}

std::string SiteRenderer::Worker::school_not_found(const PageRef& page) {
  data d;
  d.set("home_href", site_.href(site_.school_root(page), ""));
  d.set("has_schools", false);  // a school's own site has no list of schools
  return school_layout(page, "Страница не найдена", use("not_found", d), tlist());
}

}  // namespace sveden
