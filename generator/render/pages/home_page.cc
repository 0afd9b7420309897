// «»: the portal's home page — the municipality in figures, the sections of the portal, the latest news.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/links.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using data = TemplateValue;

namespace {

std::string home_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const Overview& o = site.overview();
  std::string root = root_prefix(page.path);
  data d;
  d.set("title", m.home_title.empty() ? m.site.department.name : m.home_title);
  d.set("intro", site.home_html());
  data facts = tlist();
  facts.push_back(field("Общеобразовательных организаций", format_count(o.schools)));
  facts.push_back(field("из них в городе", format_count(o.city)));
  facts.push_back(field("в сельской местности", format_count(o.rural)));
  if (o.branches > 0) facts.push_back(field("Филиалов школ", format_count(o.branches)));
  if (o.organisations > 0) facts.push_back(field("Иных подведомственных организаций", format_count(o.organisations)));
  if (o.year) {
    std::string label = fmt::format("Обучающихся в {}{}году", *o.year, std::string(kNbsp));
    if (o.schools_reporting < o.schools || o.branches_reporting < o.branches)
      label += fmt::format(" (нет данных по {})",
                           count_schools_dative(o.schools - o.schools_reporting, o.branches - o.branches_reporting));
    facts.push_back(field(label, format_count(o.students)));
  }
  d.set("facts", facts);
  data sections = tlist();
  auto section = [&](const std::string& title, const std::string& text, const std::string& path) {
    data s;
    s.set("title", title);
    s.set("description", text);
    s.set("href", site.href(root, path));
    sections.push_back(s);
  };
  section("Школы", fmt::format("{}: адреса, руководители, сайты и сведения об образовательной организации каждой{}",
                               count_schools(o.schools, o.branches), o.organisations > 0 ? "; иные подведомственные организации" : ""),
          "schools/");
  section("Поддержка школ с низкими образовательными результатами", "Перечни школ, критерии, наставники, дорожная карта", "support/");
  section("Мониторинг", "Показатели муниципальной системы образования по годам", "monitoring/");
  const DepartmentWords& dep = m.site.department.words;
  section("Документы", "Приказы, положения и программы " + dep.genitive, "documents/");
  section(dep.about, "Полномочия, структура, руководство, обращения граждан", "department/");
  section("Открытые данные", "Реестр подведомственных организаций, показатели и результаты анализа в CSV, Excel (XLSX) и JSON", "opendata/");
  for (size_t i = 0; i < m.pages.size(); ++i) section(m.pages[i].title, m.pages[i].description, m.pages[i].slug + "/");
  d.set("sections", sections);
  data news = w.news_list(root, 3);
  d.set("news", news);
  d.set("has_news", news.is_non_empty_list());
  d.set("news_href", site.href(root, "news/"));
  return w.layout(page, m.site.department.name, w.use("home", d), tlist());
}


}  // namespace

const PageType kHomePage = {"home", PageType::Scope::portal, {"home"}, single_page(""), home_page};

}  // namespace sveden
