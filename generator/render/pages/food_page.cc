// schools/<slug>/food/: the index of the school's menus folder, the daily menus newest first.
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
#include "load/food_loader.h"
#include "render/openness_page.h"

namespace sveden {

using data = TemplateValue;

namespace {

std::string food_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const School& s = m.site_owner(page.index);
  const OpennessVocabulary& v = site.openness();
  std::string root = site.school_root(page);
  static const char* kWeekdays[] = {"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"};
  // Links by the exact file name, relative to the folder: a robot that reads the folder's page
  // finds the same names as in the folder itself.
  auto item = [](const MenuFile& f, const std::string& text) {
    data x;
    x.set("href", escape_url_path(f.file.path));
    x.set("text", fmt::format(FMT_COMPILE("{} ({}, {})"), text, f.file.format, format_file_size(f.file.bytes)));
    x.set("name", f.file.path);
    return x;
  };
  data daily = tlist(), other = tlist();
  for (auto it = s.food.rbegin(); it != s.food.rend(); ++it) {  // newest first
    const MenuFile& f = it->second;
    if (f.kind == MenuFile::Kind::daily)
      daily.push_back(item(f, fmt::format(FMT_COMPILE("Меню на {}, {}"), format_date(*f.date), kWeekdays[day_of_week(*f.date)])));
  }
  for (const auto& [name, f] : s.food) {
    if (f.kind == MenuFile::Kind::typical) other.push_back(item(f, fmt::format(FMT_COMPILE("Типовое меню на {}{}год"), f.year, std::string(kNbsp))));
    if (f.kind == MenuFile::Kind::kp) other.push_back(item(f, fmt::format(FMT_COMPILE("Файл мониторинга питания на {}{}год"), f.year, std::string(kNbsp))));
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
    if (sub.path == "catering") catering_title = sub.title, catering_href = site.href(root, v.path + "/" + sub.path + "/");
  d.set("catering_title", catering_title);
  d.set("catering_href", catering_href);
  d.set("has_catering", !catering_href.empty());
  data crumbs = catering_href.empty()
                    ? w.trail(root, {{v.title, site.href(root, v.path + "/")}, {title, ""}})
                    : w.trail(root, {{v.title, site.href(root, v.path + "/")}, {catering_title, catering_href}, {title, ""}});
  return w.school_layout(page, title, w.use("food", d), crumbs);
}


}  // namespace

const PageType kFoodPage = {"food", PageType::Scope::school, {"food"},
                            [](const SiteRenderer& site, size_t school, std::vector<PageRef>& out) {
                              if (!site.municipality().site_owner(school).food.empty())
                                out.push_back({nullptr, school, 0, school_folder(site, school) + "food/"});
                            },
                            food_page};

}  // namespace sveden
