// schools/<slug>/: a school's home page — what it is, its contacts, branches and mentor, its pupils and
// teachers by year (counts behind a small group's share hidden), and the way to «Сведения…».
#include <string>
#include <vector>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "model/links.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"
#include "analyse/indicators.h"
#include "render/markdown.h"

namespace sveden {

using data = TemplateValue;

namespace {

constexpr std::string_view kHidden = "скрыто";

// A count of persons out of a group too small to publish its share: the share could be recovered from it.
std::string part_or_hidden(const Count& part, const Count& whole, const IndicatorSet& set) {
  return part && whole && set.small_group(*whole) ? std::string(kHidden) : count_or_dash(part);
}

// Says why a table has «скрыто» in it.
std::string hidden_note(const std::string& group, const std::string& counts, int min_group) {
  return fmt::format(FMT_COMPILE("«Скрыто»: {} меньше {}, поэтому {} не публикуется — по такому числу можно узнать о конкретных людях."),
                     group, count_noun(min_group, "человека", "человек", "человек"), counts);
}

std::string school_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const School& s = m.site_owner(page.index);
  std::string root = site.school_root(page);
  data d;
  d.set("short_name", typographic_quotes(s.short_name));
  d.set("name", typographic_quotes(s.name));
  d.set("sveden_title", site.openness().title);
  // A school's site stays deployable on its own: its links stay inside its folder.
  d.set("sveden_href", site.href(root, site.sveden_dir_from_school(page.index)));
  if (!s.own_site)
    d.set("sveden_note", fmt::format(FMT_COMPILE("У филиала нет своего сайта: сведения о нём — в разделе «Структура и органы управления» на сайте {}"),
                                     typographic_quotes(m.find(s.parent_id)->short_name)));
  // An organisation of organisations.csv is not a school: no analysis, and its pupils and teachers are not
  // the analysis's data.
  bool school = m.school_site(page.index);
  if (school) d.set("quality_href", site.href(root, "kachestvo/"));
  else d.set("sveden_note", std::string("Сведения, которые организация публикует по закону: документы, руководство, педагоги и другое"));
  data facts = tlist();
  if (!s.kind.empty()) facts.push_back(field(school ? "Тип" : "Вид", s.kind));  // organisations.csv says «Вид»
  if (!s.locality.empty()) facts.push_back(field("Местность", s.locality == "город" ? "городская" : "сельская"));
  if (!s.address.empty()) facts.push_back(field("Адрес", s.address));
  if (!s.phone.empty()) facts.push_back(field("Телефон", s.phone));
  if (!s.email.empty()) facts.push_back(field("Электронная почта", s.email, safe_external_url("mailto:" + s.email)));
  if (!s.director.empty()) facts.push_back(field("Руководитель", s.director));
  if (!school && !s.functions.empty()) facts.push_back(field("Задачи и функции", typographic_quotes(s.functions)));
  // Other schools are other sites: linked by their address, which works both on the schools' own
  // domains and under the portal.
  auto other = [&](const School& o) { return site.school_base(m.school_index.at(o.id)) + "/"; };
  if (const School* parent = m.find(s.parent_id)) facts.push_back(field("Филиал школы", parent->short_name, other(*parent)));
  for (const auto& b : s.branch_ids) facts.push_back(field("Филиал", m.find(b)->short_name, other(*m.find(b))));
  if (const School* mentor = m.find(s.mentor_id)) {
    std::string label = s.mentor_since ? fmt::format(FMT_COMPILE("Школа-наставник (с {}{}г.)"), *s.mentor_since, std::string(kNbsp))
                                       : std::string("Школа-наставник");
    facts.push_back(field(label, mentor->short_name, other(*mentor)));
  }
  d.set("facts", facts);
  // Group sizes are published; who of a small group went on or is of pension age is not (docs/CRITERIA.md §4).
  const IndicatorSet& set = site.analysis().indicators;
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
  d.set("dep", SiteRenderer::Worker::words(site.municipality().site.department.words));
  return w.school_layout(page, typographic_quotes(s.short_name), w.use("school", d), tlist());
}


}  // namespace

const PageType kSchoolPage = {"school", PageType::Scope::school, {"school"},
                              [](const SiteRenderer& site, size_t school, std::vector<PageRef>& out) {
                                out.push_back({nullptr, school, 0, school_folder(site, school)});
                              },
                              school_page};

}  // namespace sveden
