// The department's portal under 8-ФЗ: home, the department, the register of schools, documents,
// news, the open data page and the pages of content/.
#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "model/links.h"

#include "render/html.h"
#include "render/markdown.h"
#include "render/openness_page.h"
#include "render/site_monitoring_page.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using kainjow::mustache::data;

namespace {

std::string count_or_dash(const Count& c) { return c ? format_count(*c) : "—"; }

data unit(const DepartmentInfo::Unit& u) {
  data d;
  // A value left empty is not set at all: Mustache renders a section for an empty string, and the page
  // would say «Телефон:» with nothing after it.
  for (const auto& [key, value] : {std::pair<const char*, const std::string&>{"name", u.name}, {"head", u.head}, {"post", u.post},
                                   {"phone", u.phone}, {"email", u.email}})
    if (!value.empty()) d.set(key, value);
  if (!u.email.empty()) d.set("email_href", safe_external_url("mailto:" + u.email));
  return d;
}

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

}  // namespace

kainjow::mustache::data SiteRenderer::Worker::news_list(const std::string& root, size_t limit) const {
  data out = tlist();
  const auto& news = site_.m_.news;
  for (size_t i = 0; i < news.size() && i < limit; ++i) {
    data x;
    x.set("title", news[i].title);
    x.set("date", format_date(news[i].date));
    x.set("date_iso", news[i].date.iso());
    x.set("description", news[i].description);
    x.set("href", site_.href(root, "news/" + news[i].slug + "/"));
    out.push_back(x);
  }
  return out;
}

std::string SiteRenderer::Worker::home(const PageRef& page) {
  const Municipality& m = site_.m_;
  const Overview& o = site_.overview_;
  std::string root = root_prefix(page.path);
  data d;
  d.set("title", m.home_title.empty() ? m.site.department.name : m.home_title);
  d.set("intro", site_.home_html_);
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
    s.set("href", site_.href(root, path));
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
  data news = news_list(root, 3);
  d.set("news", news);
  d.set("has_news", news.is_non_empty_list());
  d.set("news_href", site_.href(root, "news/"));
  return layout(page, m.site.department.name, use("home", d), tlist());
}

std::string SiteRenderer::Worker::schools(const PageRef& page) {
  const Municipality& m = site_.m_;
  const Overview& o = site_.overview_;
  std::string root = root_prefix(page.path);
  // Each school by name, its branches right after it. Whatever the data says (a branch of a branch,
  // two branches of each other), every row is listed once.
  std::map<std::string, std::vector<size_t>> branches;  // parent id → its branches by name
  for (size_t i : site_.schools_by_name_)
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
  for (size_t i : site_.schools_by_name_)
    if (!m.find(m.schools[i].parent_id)) add(i);
  for (size_t i : site_.schools_by_name_) add(i);
  data rows = tlist();
  std::vector<std::string> kinds;  // of the schools, for their functions, in the order met
  for (size_t i : order) {
    const School& s = m.schools[i];
    const SchoolOverview& so = o.per_school[i];
    data r = contacts(s.director, s.address, s.phone, s.email, s.website);
    r.set("name", typographic_quotes(s.short_name));
    r.set("full_name", typographic_quotes(s.name));
    r.set("href", site_.href(root, "schools/" + s.slug + "/"));
    r.set("sveden_href", site_.href(root, site_.sveden_dir(i)));
    if (!s.kind.empty() && s.kind != "филиал") r.set("kind", s.kind);
    r.set("students", count_or_dash(so.students));
    if (!s.functions.empty()) r.set("own_functions", typographic_quotes(s.functions));
    if (const School* parent = m.find(s.parent_id)) {
      r.set("branch", true);
      r.set("parent_name", typographic_quotes(parent->short_name));
      r.set("parent_href", site_.href(root, "schools/" + parent->slug + "/"));
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
  data crumbs = trail(root, {{"Школы", ""}});
  d.set("dep", words(site_.m_.site.department.words));
  return layout(page, with_others ? "Подведомственные организации" : "Подведомственные общеобразовательные организации",
                use("schools", d), crumbs);
}

std::string SiteRenderer::Worker::content_page(const PageRef& page) {
  const ContentPage& p = site_.m_.pages[page.index];
  std::string root = root_prefix(page.path);
  data d;
  d.set("title", p.title);
  d.set("content", site_.page_html_[page.index]);
  data crumbs = trail(root, {{p.title, ""}});
  return layout(page, p.title, use("page", d), crumbs);
}

std::string SiteRenderer::Worker::not_found(const PageRef& page) {
  data d;
  std::string root = url_root_path(site_.m_.site.base_url);
  d.set("home_href", site_.href(root, ""));
  d.set("schools_href", site_.href(root, "schools/"));
  d.set("has_schools", true);
  return layout(page, "Страница не найдена", use("not_found", d), tlist());
}

std::string SiteRenderer::Worker::department(const PageRef& page) {
  const Municipality& m = site_.m_;
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
  d.set("schools_href", site_.href(root, "schools/"));
  d.set("documents_href", site_.href(root, "documents/"));
  const Overview& o = site_.overview_;
  std::string subordinate = count_noun(o.schools, "общеобразовательная организация", "общеобразовательные организации",
                                       "общеобразовательных организаций");
  if (o.branches > 0) subordinate += fmt::format(" (у них {})", count_noun(o.branches, "филиал", "филиала", "филиалов"));
  if (o.organisations > 0)
    subordinate += fmt::format(" и{}{}", kNbsp, count_noun(o.organisations, "иная организация", "иные организации", "иных организаций"));
  d.set("schools_count", subordinate);
  d.set("dep", words(m.site.department.words));
  data crumbs = trail(root, {{m.site.department.words.about, ""}});
  return layout(page, m.site.department.words.about, use("department", d), crumbs);
}

std::string SiteRenderer::Worker::documents(const PageRef& page) {
  const Municipality& m = site_.m_;
  std::string root = root_prefix(page.path);
  data docs = tlist();
  for (const auto& doc : m.documents) docs.push_back(document_link(doc, m.files, root + "documents/"));
  data d;
  d.set("documents", docs);
  d.set("has_documents", docs.is_non_empty_list());
  d.set("schools_href", site_.href(root, "schools/"));
  data crumbs = trail(root, {{"Документы", ""}});
  return layout(page, "Документы", use("documents", d), crumbs);
}

std::string SiteRenderer::Worker::news(const PageRef& page) {
  const Municipality& m = site_.m_;
  std::string root = root_prefix(page.path);
  data items = news_list(root, m.news.size());
  data d;
  d.set("items", items);
  d.set("has_items", items.is_non_empty_list());
  d.set("feed_href", root + "news/atom.xml");
  data crumbs = trail(root, {{"Новости", ""}});
  return layout(page, "Новости", use("news", d), crumbs);
}

std::string SiteRenderer::Worker::news_item(const PageRef& page) {
  const NewsItem& n = site_.m_.news[page.index];
  std::string root = root_prefix(page.path);
  data d;
  d.set("title", n.title);
  d.set("date", format_date(n.date));
  d.set("date_iso", n.date.iso());
  d.set("content", site_.news_html_[page.index]);
  d.set("news_href", site_.href(root, "news/"));
  data crumbs = trail(root, {{"Новости", site_.href(root, "news/")}, {n.title, ""}});
  return layout(page, n.title, use("news_item", d), crumbs);
}

std::string SiteRenderer::Worker::opendata(const PageRef& page) {
  const Municipality& m = site_.m_;
  std::string root = root_prefix(page.path);
  data files = tlist();
  for (const auto& f : opendata_catalogue(m.roadmap.present)) {
    data x;
    x.set("title", f.title);
    x.set("description", f.description);
    data links = tlist();
    for (const auto& name : f.files) {
      data l;
      l.set("href", root + "opendata/" + name);
      l.set("name", name);
      std::string ext = name.substr(name.rfind('.') + 1);
      l.set("format", ext == "md" ? "Markdown" : ext == "csv" ? "CSV" : ext == "xlsx" ? "Excel, XLSX" : "JSON");
      links.push_back(l);
    }
    x.set("links", links);
    files.push_back(x);
  }
  data d;
  d.set("files", files);
  d.set("as_of", format_date(m.site.as_of));
  d.set("min_group", format_count(m.site.min_group));
  data crumbs = trail(root, {{"Открытые данные", ""}});
  return layout(page, "Открытые данные", use("opendata", d), crumbs);
}

// The completeness matrix of the audit page: a row per school, a column per table in which every school is
// expected every year, and in each cell what the school has — so a gap that shrinks the municipality's
// totals is seen before anyone reads them.
void SiteRenderer::Worker::completeness(const std::string& root, data& d) const {
  const Municipality& m = site_.m_;
  data headers = tlist(), rows = tlist();
  for (const auto& t : m.completeness) {
    data h;
    h.set("title", t.title);
    h.set("path", t.path);
    h.set("years", t.years.empty() ? std::string("строк нет") : years_text(t.years));
    headers.push_back(h);
  }
  int gaps = 0;
  for (size_t i : site_.schools_by_name_) {
    const School& s = m.schools[i];
    data row, cells = tlist();
    row.set("name", typographic_quotes(s.short_name));
    row.set("href", site_.href(root, "schools/" + s.slug + "/"));
    for (const auto& t : m.completeness) {
      data cell;
      auto it = t.years_of.find(s.id);
      std::vector<int> missing;
      for (int y : t.years)
        if (it == t.years_of.end() || !it->second.count(y)) missing.push_back(y);
      bool exempt = std::find(t.except_kinds.begin(), t.except_kinds.end(), s.kind) != t.except_kinds.end();
      std::string text, state;
      if (t.years.empty()) text = "нет данных", state = "none";
      else if (exempt && missing.size() == t.years.size()) text = fmt::format("не требуется ({})", s.kind), state = "exempt";
      else if (missing.empty()) text = "есть", state = "full";
      else if (missing.size() == t.years.size()) text = "нет строк", state = "gap";
      else text = "нет за " + years_text(missing), state = "gap";
      if (state == "gap") ++gaps;
      cell.set("text", text);
      cell.set("gap", state == "gap");
      cells.push_back(cell);
    }
    row.set("cells", cells);
    rows.push_back(row);
  }
  d.set("has_completeness", !m.completeness.empty() && !m.schools.empty());
  d.set("completeness_headers", headers);
  d.set("completeness_rows", rows);
  d.set("completeness_summary", gaps == 0 ? std::string("пропусков нет: каждая школа есть в каждой таблице за каждый её год")
                                          : fmt::format("{} — школа выпадает из итогов по муниципалитету за эти годы",
                                                        count_noun(gaps, "пропуск", "пропуска", "пропусков")));
}

// Where the published lists differ from the computed ones, and why: each manual inclusion and exclusion with
// its reason, changes that change nothing, and the reporting year's lists no order has approved yet.
void SiteRenderer::Worker::decisions(data& d) const {
  const Municipality& m = site_.m_;
  const Analysis& a = site_.analysis_;
  int last = a.classification.years.empty() ? 0 : a.classification.years.back();
  data items = tlist();
  auto name = [&](const std::string& id) {
    const School* s = m.find(id);
    return s ? fmt::format("{} ({})", typographic_quotes(s->short_name), id) : id;
  };
  for (const auto& list : a.lists) {
    std::string head = fmt::format("{}, {}{}г.", list.group->short_title, list.year, std::string(kNbsp));
    if (list.decision) {
      std::string by = list.approved() ? fmt::format("приказ от {} №{}{}", format_date(list.decision->order->date), kNbsp,
                                                     list.decision->order->number)
                                       : std::string("решение без приказа");
      for (const auto& [i, change] : list.excluded)
        items.push_back(data("text", fmt::format("{} ({}): исключение из перечня — {}, по расчёту в перечне; причина: {}", head, by,
                                                 name(m.schools[i].id), typographic_quotes(change->reason))));
      for (const auto& member : list.members)
        if (member.included)
          items.push_back(data("text", fmt::format("{} ({}): включение в перечень — {}, по расчёту не в перечне; причина: {}", head, by,
                                                   name(m.schools[member.school].id), typographic_quotes(member.included->reason))));
      for (const auto& idle : list.idle)
        items.push_back(data("text", fmt::format("{} ({}): решение о {} ничего не меняет — по расчёту и так {} ({}:{})", head, by,
                                                 name(idle.change->school), idle.in_list ? "в перечне" : "не в перечне",
                                                 "content/decisions.yaml", idle.change->pos.line)));
    }
    if (list.year == last && !list.approved())
      items.push_back(data("text", fmt::format("{}: перечень не утверждён приказом — {}", head,
                                               m.site.draft_lists ? "публикуется как проект" : "не публикуется (publish.unapproved_lists: hide)")));
  }
  d.set("decisions", items);
  d.set("has_decisions", items.is_non_empty_list());
}

std::string SiteRenderer::Worker::audit_page(const OutputAudit& audit) {
  PageRef page{PageRef::Kind::audit, 0, 0, "audit/"};
  std::string root = root_prefix(page.path);
  auto findings = [&](const std::vector<SiteFinding>& list, Severity severity) {
    data out = tlist();
    for (const auto& f : list) {
      if (f.severity != severity) continue;
      data x;
      if (!f.file.empty()) x.set("where", f.pos.line ? fmt::format("{}:{}:{}", f.file, f.pos.line, f.pos.column) : f.file);
      x.set("message", f.message);
      out.push_back(x);
    }
    return out;
  };
  auto group = [&](const std::string& title, const std::string& href, const std::vector<SiteFinding>& list) {
    data g;
    g.set("title", title);
    g.set("href", href);
    g.set("has_href", !href.empty());
    g.set("errors", findings(list, Severity::error));
    g.set("warnings", findings(list, Severity::warning));
    int e = 0, w = 0;
    for (const auto& f : list) (f.severity == Severity::error ? e : w)++;
    g.set("summary", fmt::format("{}, {}", count_noun(e, "ошибка", "ошибки", "ошибок"),
                                 count_noun(w, "предупреждение", "предупреждения", "предупреждений")));
    g.set("clean", list.empty());
    return g;
  };
  // Schools with findings each get a section; the rest are one list, so a big municipality's page
  // shows what needs work first.
  const MonitoringComparison* sites = site_.analysis_.site_monitoring;
  bool with_sites = sites && !sites->empty();
  data groups = tlist(), clean = tlist();
  if (!audit.portal.empty()) groups.push_back(group("Сайт " + site_.m_.site.department.words.full_genitive, "", audit.portal));
  size_t clean_count = 0;
  for (const auto& s : audit.schools) {
    if (!s.findings.empty()) {
      groups.push_back(group(s.name, site_.href(root, s.root + "/"), s.findings));
      continue;
    }
    data x;
    x.set("title", s.name);
    x.set("href", site_.href(root, s.root + "/"));
    clean.push_back(x);
    ++clean_count;
  }
  data d;
  d.set("groups", groups);
  d.set("clean", clean);
  d.set("has_clean", clean_count > 0);
  d.set("clean_count", count_noun(static_cast<long long>(clean_count), "сайт школы", "сайта школ", "сайтов школ"));
  d.set("total", fmt::format("{}, {}", count_noun(audit.errors, "ошибка", "ошибки", "ошибок"),
                             count_noun(audit.warnings, "предупреждение", "предупреждения", "предупреждений")));
  d.set("schools", count_noun(static_cast<long long>(audit.schools.size()), "сайт школы", "сайта школ", "сайтов школ"));
  d.set("has_incomplete", audit.incomplete_schools > 0);
  d.set("has_sites", with_sites);
  if (with_sites) {
    d.set("sites_href", site_.href(root, site_monitoring_path(site_.m_)));
    d.set("sites_date", format_date(*parse_iso_date(sites->date)));
  }
  d.set("incomplete", count_noun(audit.incomplete_schools, "сайт школы", "сайта школ", "сайтов школ"));
  d.set("date", format_date(site_.m_.site.as_of));
  d.set("dep", words(site_.m_.site.department.words));
  completeness(root, d);
  decisions(d);
  return layout(page, "Проверка опубликованных сайтов", use("audit", d), trail(root, {{"Проверка сайтов", ""}}));
}

}  // namespace sveden
