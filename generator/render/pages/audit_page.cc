// audit/: the department's own page — the findings of the audit of the published output, school by school,
// the completeness of the data by school and table, and where the published lists differ from the computed
// ones and why. Rendered after every other page, from their audit (site/build.cc), so it is listed by no one.
#include <algorithm>
#include <map>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "model/links.h"
#include "render/html.h"
#include "render/page_types.h"
#include "render/site_monitoring_page.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using data = TemplateValue;

namespace {

// The completeness matrix of the audit page: a row per school, a column per table in which every school is
// expected every year, and in each cell what the school has — so a gap that shrinks the municipality's
// totals is seen before anyone reads them.
void completeness(const SiteRenderer& site, const std::string& root, data& d) {
  const Municipality& m = site.municipality();
  data headers = tlist(), rows = tlist();
  for (const auto& t : m.completeness) {
    data h;
    h.set("title", t.title);
    h.set("path", t.path);
    h.set("years", t.years.empty() ? std::string("строк нет") : years_text(t.years));
    headers.push_back(h);
  }
  int gaps = 0;
  for (size_t i : site.schools_by_name()) {
    const School& s = m.schools[i];
    data row, cells = tlist();
    row.set("name", typographic_quotes(s.short_name));
    row.set("href", site.href(root, "schools/" + s.slug + "/"));
    for (const auto& t : m.completeness) {
      data cell;
      auto it = t.years_of.find(s.id);
      std::vector<int> missing;
      for (int y : t.years)
        if (it == t.years_of.end() || !it->second.count(y)) missing.push_back(y);
      bool exempt = std::find(t.except_kinds.begin(), t.except_kinds.end(), s.kind) != t.except_kinds.end();
      std::string text, state;
      if (t.years.empty()) text = "нет данных", state = "none";
      else if (exempt && missing.size() == t.years.size()) text = fmt::format(FMT_COMPILE("не требуется ({})"), s.kind), state = "exempt";
      else if (missing.empty()) text = "есть", state = "full";
      else if (missing.size() == t.years.size()) text = "нет строк", state = "gap";
      else text = "нет за " + years_text(missing), state = "gap";
      if (state == "gap") ++gaps;
      cell.set("text", text);
      cell.set("gap", state == "gap");
      append(cells, std::move(cell));
    }
    put(row, "cells", std::move(cells));
    append(rows, std::move(row));
  }
  d.set("has_completeness", !m.completeness.empty() && !m.schools.empty());
  put(d, "completeness_headers", std::move(headers));
  put(d, "completeness_rows", std::move(rows));
  d.set("completeness_summary", gaps == 0 ? std::string("пропусков нет: каждая школа есть в каждой таблице за каждый её год")
                                          : fmt::format(FMT_COMPILE("{} — школа выпадает из итогов по муниципалитету за эти годы"),
                                                        count_noun(gaps, "пропуск", "пропуска", "пропусков")));
}

// Where the published lists differ from the computed ones, and why: each manual inclusion and exclusion with
// its reason, changes that change nothing, and the reporting year's lists no order has approved yet.
void decisions(const SiteRenderer& site, data& d) {
  const Municipality& m = site.municipality();
  const Analysis& a = site.analysis();
  int last = a.classification.years.empty() ? 0 : a.classification.years.back();
  data items = tlist();
  auto name = [&](const std::string& id) {
    const School* s = m.find(id);
    return s ? fmt::format(FMT_COMPILE("{} ({})"), typographic_quotes(s->short_name), id) : id;
  };
  for (const auto& list : a.lists) {
    std::string head = fmt::format(FMT_COMPILE("{}, {}{}г."), list.group->short_title, list.year, std::string(kNbsp));
    if (list.decision) {
      std::string by = list.approved() ? fmt::format(FMT_COMPILE("приказ от {} №{}{}"), format_date(list.decision->order->date), kNbsp,
                                                     list.decision->order->number)
                                       : std::string("решение без приказа");
      for (const auto& [i, change] : list.excluded)
        items.push_back(data("text", fmt::format(FMT_COMPILE("{} ({}): исключение из перечня — {}, по расчёту в перечне; причина: {}"), head, by,
                                                 name(m.schools[i].id), typographic_quotes(change->reason))));
      for (const auto& member : list.members)
        if (member.included)
          items.push_back(data("text", fmt::format(FMT_COMPILE("{} ({}): включение в перечень — {}, по расчёту не в перечне; причина: {}"), head, by,
                                                   name(m.schools[member.school].id), typographic_quotes(member.included->reason))));
      for (const auto& idle : list.idle)
        items.push_back(data("text", fmt::format(FMT_COMPILE("{} ({}): решение о {} ничего не меняет — по расчёту и так {} ({}:{})"), head, by,
                                                 name(idle.change->school), idle.in_list ? "в перечне" : "не в перечне",
                                                 "content/decisions.yaml", idle.change->pos.line)));
    }
    if (list.year != last || list.approved() || members_from_data(*list.group)) continue;  // Rosobrnadzor's, «500+»: data, no order
    if (!list_given(a.lists, list.group->id, list.year))
      append(items, data("text", fmt::format(FMT_COMPILE("{}: перечень не задан — в content/decisions.yaml нет перечня этого года, в группе нет школ"), head)));
    else
      items.push_back(data("text", fmt::format(FMT_COMPILE("{}: перечень не утверждён приказом — {}"), head,
                                               m.site.draft_lists ? "публикуется как проект" : "не публикуется (publish.unapproved_lists: hide)")));
  }
  d.set("decisions", items);
  d.set("has_decisions", items.is_non_empty_list());
}

}  // namespace

void SiteRenderer::Worker::audit_page(const OutputAudit& audit, TextParts& out) {
  PageRef page{&kAuditPage, 0, 0, "audit/"};
  std::string root = root_prefix(page.path);
  auto findings = [&](const std::vector<SiteFinding>& list, Severity severity) {
    data out = tlist();
    for (const auto& f : list) {
      if (f.severity != severity) continue;
      data x;
      if (!f.file.empty()) put(x, "where", f.pos.line ? fmt::format(FMT_COMPILE("{}:{}:{}"), f.file, f.pos.line, f.pos.column) : std::string(f.file));
      x.set("message", f.message.str());
      append(out, std::move(x));
    }
    return out;
  };
  auto group = [&](const std::string& title, const std::string& href, const std::vector<SiteFinding>& list) {
    data g;
    g.set("title", title);
    g.set("href", href);
    g.set("has_href", !href.empty());
    put(g, "errors", findings(list, Severity::error));
    put(g, "warnings", findings(list, Severity::warning));
    int e = 0, w = 0;
    for (const auto& f : list) (f.severity == Severity::error ? e : w)++;
    g.set("summary", fmt::format(FMT_COMPILE("{}, {}"), count_noun(e, "ошибка", "ошибки", "ошибок"),
                                 count_noun(w, "предупреждение", "предупреждения", "предупреждений")));
    g.set("clean", list.empty());
    return g;
  };
  // Schools with findings each get a section; the rest are one list, so a big municipality's page
  // shows what needs work first.
  const MonitoringComparison* sites = site_.analysis_.site_monitoring;
  bool with_sites = sites && !sites->empty();
  data clean = tlist();
  std::vector<const SchoolAudit*> with_findings;  // nullptr: the department's portal
  if (!audit.portal.empty()) with_findings.push_back(nullptr);
  size_t clean_count = 0;
  for (const auto& s : audit.schools) {
    if (!s.findings.empty()) {
      with_findings.push_back(&s);
      continue;
    }
    data x;
    x.set("title", s.name);
    x.set("href", site_.href(root, s.root + "/"));
    append(clean, std::move(x));
    ++clean_count;
  }
  // The audited sites are schools', and organisations' of organisations.csv when the department gave them one.
  bool organisations = !site_.m_.organisation_sites.empty();
  auto sites_count = [&](long long n) {
    return organisations ? count_noun(n, "сайт", "сайта", "сайтов") : count_noun(n, "сайт школы", "сайта школ", "сайтов школ");
  };
  data d;
  put(d, "clean", std::move(clean));
  d.set("has_clean", clean_count > 0);
  d.set("organisations", organisations);
  d.set("clean_count", sites_count(static_cast<long long>(clean_count)));
  d.set("total", fmt::format(FMT_COMPILE("{}, {}"), count_noun(audit.errors, "ошибка", "ошибки", "ошибок"),
                             count_noun(audit.warnings, "предупреждение", "предупреждения", "предупреждений")));
  d.set("schools", sites_count(static_cast<long long>(audit.schools.size())));
  d.set("has_incomplete", audit.incomplete_schools > 0);
  d.set("has_sites", with_sites);
  if (with_sites) {
    d.set("sites_href", site_.href(root, site_monitoring_path(site_.m_)));
    d.set("sites_date", format_date(*parse_iso_date(sites->date)));
  }
  d.set("incomplete", sites_count(audit.incomplete_schools));
  d.set("date", format_date(site_.m_.site.as_of));
  d.set("dep", words(site_.m_.site.department.words));
  completeness(site_, root, d);
  decisions(site_, d);
  // Tens of MB at 2,000 schools: each group's data made and freed in turn (a finding's data is several times
  // its text), and the text handed on in parts as it is made, inside the layout's text before and after it.
  auto item = [&](size_t k) {
    const SchoolAudit* s = with_findings[k];
    return s ? group(s->name, site_.href(root, s->root + "/"), s->findings)
             : group("Сайт " + site_.m_.site.department.words.full_genitive, "", audit.portal);
  };
  data layout = layout_data(page, "Проверка опубликованных сайтов", trail(root, {{"Проверка сайтов", ""}}));
  auto around = frame("base", layout);
  if (!around) {  // a layout that does not print the body raw once: rendered with the body itself, as any page
    std::string body;
    use_list("audit", d, "groups", with_findings.size(), item, [&body](std::string_view text) { body += text; });
    d = data();
    put(layout, "body", std::move(body));
    out.text() += use("base", layout);
    return;
  }
  auto part = [&out](std::string_view text) {
    out.text() += text;
    out.may_end();
  };
  part(around->first);
  use_list("audit", d, "groups", with_findings.size(), item, part);
  part(around->second);
}

// Listed by no one: the build renders it from the audit of the other pages (Worker::audit_page).
const PageType kAuditPage = {"audit", PageType::Scope::portal, {"audit"}, [](const SiteRenderer&, size_t, std::vector<PageRef>&) {},
                             nullptr};

}  // namespace sveden
