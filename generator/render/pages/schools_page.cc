// schools/: the register of subordinate organisations — schools with their branches, then the other
// organisations, each with its contacts, and what schools of each kind are for.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model/links.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"
#include <algorithm>
#include <functional>
#include <map>

namespace sveden {

using data = TemplateValue;

namespace {


// Who to turn to and how, as the register shows it for a school and any other organisation: absent
// values are left out, e-mail and website are links (the website without its «https://»).
data contacts(const std::string& director, const std::string& address, const std::string& phone, const std::string& email,
              const std::string& website) {
  data d;
  d.set("director", director.empty() ? std::string("—") : director);
  d.set("address", address.empty() ? std::string("—") : typographic_quotes(address));
  // Several numbers («2-15-05; 2-15-06») each kept on one line, the list free to wrap between them.
  std::vector<std::string> numbers;
  for (size_t start = 0; start < phone.size();) {
    size_t end = std::min(phone.find(';', start), phone.size());
    std::string one = phone.substr(start, end - start);
    one.erase(0, one.find_first_not_of(' '));
    one.erase(one.find_last_not_of(' ') + 1);
    if (!one.empty()) numbers.push_back(one);
    start = end + 1;
  }
  data phones = tlist();
  for (size_t k = 0; k < numbers.size(); ++k) {
    data x("number", numbers[k]);
    x.set("sep", k + 1 < numbers.size() ? "; " : "");
    phones.push_back(x);
  }
  d.set("phones", phones);
  d.set("has_phones", !numbers.empty());
  if (!email.empty()) {
    d.set("email", email);
    if (auto href = safe_external_url("mailto:" + email); !href.empty()) d.set("email_href", href);
  }
  if (auto href = safe_external_url(website); !href.empty()) {
    std::string shown = website.substr(website.find("//") + 2);
    if (!shown.empty() && shown.back() == '/') shown.pop_back();
    d.set("website", shown);
    d.set("website_href", href);
  } else if (!website.empty()) {
    d.set("website", website);  // not a web address: shown as written, never as a link
  }
  return d;
}


// What schools of each kind are for (273-ФЗ, ст. 23: the levels of general education a school of the
// kind teaches), grouped: levels → «СОШ, гимназия, лицей». Kinds without a known level are left out.
std::vector<std::pair<std::string, std::string>> school_functions(const std::vector<std::string>& kinds) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kLevels = {
      {"начального общего, основного общего и среднего общего образования",
       {"СОШ", "СОШ с УИОП", "гимназия", "лицей", "центр образования"}},
      {"начального общего и основного общего образования", {"ООШ"}},
      {"начального общего образования", {"НОШ"}},
  };
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [levels, of] : kLevels) {
    std::vector<std::string> present;
    for (const auto& k : of)
      if (std::find(kinds.begin(), kinds.end(), k) != kinds.end()) present.push_back(k);
    if (!present.empty()) out.emplace_back(levels, fmt::format("{}", fmt::join(present, ", ")));
  }
  return out;
}


std::string schools_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const Municipality& m = site.municipality();
  const Overview& o = site.overview();
  std::string root = root_prefix(page.path);
  // Each school by name, its branches right after it. Whatever the data says (a branch of a branch,
  // two branches of each other), every row is listed once.
  std::map<std::string, std::vector<size_t>> branches;  // parent id → its branches by name
  for (size_t i : site.schools_by_name())
    if (m.find(m.schools[i].parent_id)) branches[m.schools[i].parent_id].push_back(i);
  std::vector<size_t> order;
  std::vector<bool> listed(m.schools.size());
  std::function<void(size_t)> add = [&](size_t i) {
    if (listed[i]) return;
    listed[i] = true;
    order.push_back(i);
    if (auto it = branches.find(m.schools[i].id); it != branches.end())
      for (size_t b : it->second) add(b);
  };
  for (size_t i : site.schools_by_name())
    if (!m.find(m.schools[i].parent_id)) add(i);
  for (size_t i : site.schools_by_name()) add(i);
  data rows = tlist();
  std::vector<std::string> kinds;  // of the schools, for their functions, in the order met
  for (size_t i : order) {
    const School& s = m.schools[i];
    const SchoolOverview& so = o.per_school[i];
    data r = contacts(s.director, s.address, s.phone, s.email, s.website);
    r.set("name", typographic_quotes(s.short_name));
    r.set("full_name", typographic_quotes(s.name));
    r.set("href", site.href(root, "schools/" + s.slug + "/"));
    r.set("sveden_href", site.href(root, site.sveden_dir(i)));
    if (!s.kind.empty() && s.kind != "филиал") r.set("kind", s.kind);
    r.set("students", count_or_dash(so.students));
    if (!s.functions.empty()) r.set("own_functions", typographic_quotes(s.functions));
    if (const School* parent = m.find(s.parent_id)) {
      r.set("branch", true);
      r.set("parent_name", typographic_quotes(parent->short_name));
      r.set("parent_href", site.href(root, "schools/" + parent->slug + "/"));
    } else if (!s.kind.empty() && std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end()) {
      kinds.push_back(s.kind);
    }
    rows.push_back(r);
  }
  data functions = tlist();
  auto by_kind = school_functions(kinds);
  for (size_t k = 0; k < by_kind.size(); ++k) {
    data f;
    f.set("kinds", by_kind[k].second);
    f.set("levels", by_kind[k].first);
    f.set("end", k + 1 < by_kind.size() ? ";" : ".");
    functions.push_back(f);
  }
  data others = tlist();
  for (const Organisation& org : m.organisations) {
    data r = contacts(org.director, org.address, org.phone, org.email, org.website);
    r.set("name", typographic_quotes(org.short_name.empty() ? org.name : org.short_name));
    if (!org.short_name.empty()) r.set("full_name", typographic_quotes(org.name));
    r.set("kind", org.kind);
    r.set("functions", org.functions.empty() ? std::string("—") : typographic_quotes(org.functions));
    // With a «Код ОО», the organisation has a site of its own with «Сведения…» (docs/DATA.md, 3.14).
    for (size_t i = m.schools.size(); i < m.site_count(); ++i)
      if (m.site_owner(i).id == org.id) {
        r.set("href", site.href(root, "schools/" + m.site_owner(i).slug + "/"));
        r.set("sveden_href", site.href(root, site.sveden_dir(i)));
      }
    others.push_back(r);
  }
  bool with_others = others.is_non_empty_list();
  data d;
  d.set("title", with_others ? "Подведомственные организации" : "Подведомственные общеобразовательные организации");
  d.set("rows", rows);
  d.set("count", count_schools(o.schools, o.branches));
  d.set("has_branches", o.branches > 0);
  d.set("functions", functions);
  d.set("has_functions", functions.is_non_empty_list());
  d.set("others", others);
  d.set("has_others", with_others);
  d.set("others_count", count_noun(o.organisations, "организация", "организации", "организаций"));
  d.set("others_number", format_count(o.organisations));
  d.set("students_year", o.year ? std::to_string(*o.year) : std::string("—"));
  d.set("csv_href", root + "opendata/organisations.csv");
  d.set("json_href", root + "opendata/organisations.json");
  data crumbs = w.trail(root, {{"Школы", ""}});
  d.set("dep", SiteRenderer::Worker::words(site.municipality().site.department.words));
  return w.layout(page, with_others ? "Подведомственные организации" : "Подведомственные общеобразовательные организации",
                w.use("schools", d), crumbs);
}


}  // namespace

const PageType kSchoolsPage = {"schools", PageType::Scope::portal, {"schools"}, single_page("schools/"), schools_page};

}  // namespace sveden
