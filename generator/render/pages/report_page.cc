// reports/<name>/: every printed report, from the same model as the site — the year's analytical report (and an
// earlier year's), every school's profile (one by one and all in one), the roadmap's progress, the monitoring
// reports and the department's own reports in Markdown. One print layout for all: cover with the approving
// block, contents, numbered sections, tables and figures; the theme's report.css says how they fall on A4.
#include <optional>
#include <string>
#include <utility>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "render/analysis_report.h"
#include "render/group_lists.h"
#include "render/markdown_sections.h"
#include "render/monitoring_report.h"
#include "render/page_types.h"
#include "render/report_blocks.h"
#include "render/roadmap_report.h"
#include "render/school_report.h"
#include "render/site_monitoring_page.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {
namespace {

using data = TemplateValue;

// The keys of templates/report.mustache (docs/THEMES.md).
struct ReportView {
  std::string title;
  std::string subtitle;
  std::optional<std::string> intro;  // HTML before the first section: a report of content/reports/
  data sections = tlist();           // rendered report_section.mustache, each a mark the output's HTML replaces
  bool has_toc = false;
  std::string organisation;
  std::string municipality;
  std::string place;
  std::string year;
  std::string date;
  std::string approver_position;
  std::string approver_name;
  std::string css_href;
  std::string reports_href;
  std::string home_href;
  bool has_pdf = false;
  std::string pdf_href;
  std::string as_of;
  bool invented_data = false;

  data to_data() && {
    data d;
    put(d, "subtitle", std::move(subtitle));
    d.set("has_intro", intro.has_value());
    if (intro) put(d, "intro", std::move(*intro));
    d.set("has_toc", has_toc);
    put(d, "sections", std::move(sections));
    put(d, "title", std::move(title));
    put(d, "organisation", std::move(organisation));
    put(d, "municipality", std::move(municipality));
    d.set("has_place", !place.empty());
    put(d, "place", std::move(place));
    put(d, "year", std::move(year));
    put(d, "date", std::move(date));
    d.set("has_approver", !approver_name.empty());
    put(d, "approver_position", std::move(approver_position));
    put(d, "approver_name", std::move(approver_name));
    put(d, "css_href", std::move(css_href));
    put(d, "reports_href", std::move(reports_href));
    put(d, "home_href", std::move(home_href));
    d.set("has_pdf", has_pdf);
    put(d, "pdf_href", std::move(pdf_href));
    put(d, "as_of", std::move(as_of));
    d.set("invented_data", invented_data);
    return d;
  }
};

// The analytical report of the reporting year (`which` 0) or of an earlier one (k: the site's k-th past year,
// from the municipality as it was then); returns its subtitle.
std::string analysis_report(const SiteRenderer& site, size_t which, int& tables, int& figures, ReportSections& sections) {
  const Municipality& now = site.municipality();
  auto build = [&](const PastYear& year) {
    AnalysisReport report({year.m, year.analysis, year.overview, site.schools_by_name(),
                           [&now](const ApprovingOrder& order) { return order_text(now, order, "", false); },
                           [&now](const std::string& markdown) { return markdown_sections(markdown, now.site.trusted_html); }},
                          tables, figures, sections);
    report.build();
  };
  if (which == 0) {
    build({now, site.overview(), site.analysis()});
    return now.site.municipality;
  }
  std::string subtitle;
  site.past()[which - 1].with([&](const PastYear& year) {
    build(year);
    subtitle = year.m.site.municipality;
  });
  return subtitle;
}

// A report of content/reports/: the Markdown's level-2 headings are its sections, numbered like the other reports.
void custom_report(const SiteRenderer& site, const ContentPage& p, int& tables, int& figures, ReportSections& sections,
                   ReportView& v) {
  auto parts = markdown_sections(p.markdown, site.municipality().site.trusted_html);
  for (size_t k = 1; k < parts.size(); ++k) {
    Blocks b(tables, figures);
    sections.add(parts[k].first, b.html(parts[k].second).take());
  }
  v.intro = bind_units(parts.front().second);
  v.subtitle = p.description;
}

// `profile`: a school's report's profile, made already (by the report of all schools); made here when null.
std::string report_page(SiteRenderer::Worker& worker, const PageRef& page, ProfileParts* profile) {
  const SiteRenderer& site = worker.site();
  const Municipality& m = site.municipality();
  const ReportRef& r = site.reports()[page.index];
  std::string root = root_prefix(page.path);
  int tables = 0, figures = 0;
  ReportSections sections([&worker](const data& s) { return worker.use("report_section", s); },
                          r.kind == ReportRef::Kind::all_schools);
  ReportView v;
  switch (r.kind) {
    case ReportRef::Kind::analysis: v.subtitle = analysis_report(site, r.index, tables, figures, sections); break;
    case ReportRef::Kind::roadmap: v.subtitle = roadmap_report(site, tables, figures, sections); break;
    case ReportRef::Kind::monitoring:
      v.subtitle = monitoring_report(site, static_cast<int>(r.index), tables, figures, sections);
      break;
    case ReportRef::Kind::site_monitoring: v.subtitle = site_monitoring_report(site, tables, figures, sections); break;
    case ReportRef::Kind::school: {
      add_profile(profile ? std::move(*profile) : school_profile(site, r.index), tables, figures, sections);
      v.subtitle = typographic_quotes(m.schools[r.index].name);
      break;
    }
    case ReportRef::Kind::all_schools: {
      // Every profile in one file (or the volume's, kSchoolsPerVolume of them), each from a new page, its
      // parts under their headings.
      // Each profile made here makes the school's own report too, when the worker takes pages rendered by the way.
      const auto& order = site.schools_by_name();
      auto [from, to] = volume_profiles(r.index, order.size());
      for (size_t k = from; k < to; ++k) {
        size_t i = order[k];
        ProfileParts parts = school_profile(site, i);
        if (worker.by_the_way) {
          const PageRef& own = site.pages()[site.school_report_page(i)];
          ProfileParts copy = parts;
          worker.by_the_way(own, report_page(worker, own, &copy));
        }
        sections.open_group(typographic_quotes(m.schools[i].short_name));
        add_profile(std::move(parts), tables, figures, sections);
        sections.close_group();
      }
      std::string all = count_schools(site.overview().schools, site.overview().branches);
      if (order.size() <= kSchoolsPerVolume) v.subtitle = fmt::format(FMT_COMPILE("{}: {}"), m.site.municipality, all);
      else
        v.subtitle = fmt::format(FMT_COMPILE("{}: профили с{}{} по{}{} из{}{} ({}), по алфавиту"), m.site.municipality, kNbsp, from + 1, kNbsp, to, kNbsp,
                                 format_count(static_cast<long long>(order.size())), all);
      break;
    }
    case ReportRef::Kind::custom: custom_report(site, m.reports[r.index], tables, figures, sections, v); break;
  }
  v.sections = sections.take();
  // A note of a page or two (a справка of three sections) needs no contents page.
  v.has_toc = v.sections.list_value().size() >= 4;
  v.title = r.title;
  v.organisation = m.site.department.name;
  v.municipality = m.site.municipality;
  v.place = m.site.reports.place;
  v.year = std::to_string(m.site.as_of.year);
  v.date = format_date(m.site.as_of);
  v.approver_position = m.site.reports.approver.position;
  v.approver_name = m.site.reports.approver.name;
  v.css_href = root + "assets/report.css";
  v.reports_href = site.href(root, "reports/");
  v.home_href = site.href(root, "");
  v.has_pdf = site.with_pdf();
  v.pdf_href = r.file_stem + ".pdf";
  v.as_of = format_date(m.site.as_of);
  v.invented_data = m.site.invented_data;
  return sections.splice(worker.use("report", std::move(v).to_data()));
}

}  // namespace

const PageType kReportPage = {
    "report", PageType::Scope::portal, {"report", "report_section"},
    [](const SiteRenderer& site, size_t, std::vector<PageRef>& out) {
      for (size_t i = 0; i < site.reports().size(); ++i) out.push_back({nullptr, i, 0, site.reports()[i].path});
    },
    [](SiteRenderer::Worker& worker, const PageRef& page) { return report_page(worker, page, nullptr); },
    [](const SiteRenderer& site, const PageRef& p) {
      const ReportRef& r = site.reports()[p.index];
      return r.kind == ReportRef::Kind::custom ? "content/reports/" + site.municipality().reports[r.index].slug + ".md" : std::string();
    }};

}  // namespace sveden
