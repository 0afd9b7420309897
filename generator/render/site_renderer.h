// The output as a list of pages and their rendering through the theme: the department's portal
// (8-ФЗ) and, under schools/<slug>/, every school's own site with its «Сведения об образовательной
// организации». Site-wide parts (menus, the sorted school list, Markdown of shared pages) are
// prepared once and shared by all threads; each thread renders with its own parsed templates.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "analyse/overview.h"
#include "model/municipality.h"
#include "model/openness.h"
#include "model/output_audit.h"
#include "render/opendata.h"
#include "render/theme.h"

namespace sveden {

class ReportSections;  // render/report_pages.cc

struct PageRef {
  enum class Kind {
    home, schools, page, not_found, department, support, roadmap, monitoring, indicator, documents, news, news_item,
    opendata, reports, report, audit, site_monitoring,
    school, sveden, sveden_section, quality, food, school_not_found
  };
  Kind kind;
  size_t index = 0;   // school, content page, news item or indicator series
  size_t sub = 0;     // subsection of «Сведения…»
  std::string path;   // directory of the page («», «schools/», «schools/x/») or a file («404.html»)
  std::string file() const;  // output file relative to the output root
  bool in_school() const { return kind >= Kind::school; }
};

// A printed report: its kind, what it is about (a school, a page of content/reports/) and its title.
struct ReportRef {
  enum class Kind { analysis, school, all_schools, roadmap, custom, monitoring, site_monitoring };
  Kind kind;
  size_t index = 0;   // school, content/reports page or the year of the monitoring report; analysis: 0 the reporting year, k an earlier year (past_[k - 1])
  std::string path;   // «reports/analysis-2025/»
  std::string title;
  std::string file_stem;  // the PDF's name next to the HTML: «analysis-2025»
};

// Every printed report stands at «reports/<name>/»: the way from it to the output root.
inline constexpr const char* kReportRoot = "../../";

// An earlier year's analysis, for its own analysis report: the municipality up to that year and its analysis.
struct PastAnalysis {
  int year;
  const Municipality& m;
  const Overview& overview;
  const Analysis& analysis;
};

class SiteRenderer {
 public:
  // `with_pdf`: the report pages link the PDF that the build prints next to each report.
  // `past`: earlier years with their own analysis report (reports/analysis-<year>/), oldest first.
  SiteRenderer(const Municipality& m, const Theme& theme, const Overview& overview, const Analysis& analysis,
               bool with_pdf = false, std::vector<PastAnalysis> past = {});

  const std::vector<PageRef>& pages() const { return pages_; }
  // Everything that is not a page: assets of every site, documents, sitemaps, robots.txt, the feed.
  std::vector<OutputFile> files() const;
  const std::vector<ReportRef>& reports() const { return reports_; }

  // A link to a directory page from a page whose way to the root is `root`: «…/sveden/common/index.html»,
  // or «…/sveden/common/» when site.yaml asks for pretty links (a server answers for the folder).
  std::string href(const std::string& root, const std::string& dir) const;

  class Worker {
   public:
    explicit Worker(const SiteRenderer& site);
    std::string render(const PageRef& page);
    // The audit of the built output (`audit/`), for the department's own use.
    std::string audit_page(const OutputAudit& audit);

   private:
    using data = kainjow::mustache::data;
    std::string layout(const PageRef& page, const std::string& title, const std::string& body, data crumbs);
    std::string school_layout(const PageRef& page, const std::string& title, const std::string& body, data crumbs);
    std::string use(const std::string& name, const data& d);
    data ministries() const;  // ПП 1802, п. 17: links to the ministries, on every page
    // The department's kind in the cases its templates use: {{dep.about}}, {{dep.Dative}}, {{dep.full_genitive}}…
    static data words(const DepartmentWords& w);
    void completeness(const std::string& root, data& d) const;
    void decisions(data& d) const;  // the audit page's differences between approved and computed lists
    // Lists as published (approved, draft or hidden) and the order that approved one, in HTML.
    data published_lists_data(const std::string& root, const Group& group) const;
    std::string order_text(const ApprovingOrder& o, const std::string& root, bool link) const;  // the audit page's school × table × year matrix
    // Breadcrumbs from the home page: each step a title and a link, the current page last with "".
    data news_list(const std::string& root, size_t limit) const;  // newest first
    data trail(const std::string& root, std::initializer_list<std::pair<std::string, std::string>> steps) const;
    // Portal
    std::string home(const PageRef& page);
    std::string schools(const PageRef& page);
    std::string content_page(const PageRef& page);
    std::string not_found(const PageRef& page);
    std::string department(const PageRef& page);
    std::string support(const PageRef& page);
    std::string roadmap(const PageRef& page);
    std::string monitoring(const PageRef& page);
    std::string indicator(const PageRef& page);
    std::string documents(const PageRef& page);
    std::string news(const PageRef& page);
    std::string news_item(const PageRef& page);
    std::string opendata(const PageRef& page);
    // Printed reports
    std::string reports(const PageRef& page);
    std::string report(const PageRef& page);
    data analysis_report(const std::string& root, size_t which, int& tables, int& figures, ReportSections& sections);
    void school_report(size_t school, int& tables, int& figures, ReportSections& sections);
    data roadmap_report(const std::string& root, int& tables, int& figures, ReportSections& sections);
    data monitoring_report(int year, int& tables, int& figures, ReportSections& sections);
    // render/site_monitoring_page.cc: the monitoring of schools' own websites
    std::string site_monitoring(const PageRef& page);
    data site_monitoring_report(int& tables, int& figures, ReportSections& sections);
    static std::string decode_title(const std::string& html);
    // A Markdown text as report sections, one per level-2 heading; returns the HTML before the first.
    // Pairs of title and HTML; the first pair has no title (what stands before the first heading).
    std::vector<std::pair<std::string, std::string>> markdown_sections(const std::string& markdown) const;
    // A school's site
    std::string school(const PageRef& page);
    std::string sveden(const PageRef& page);
    std::string sveden_section(const PageRef& page);
    std::string quality(const PageRef& page);
    std::string food(const PageRef& page);  // the index of the school's /food folder
    std::string school_not_found(const PageRef& page);
    const SiteRenderer& site_;
    std::map<std::string, kainjow::mustache::mustache> templates_;
  };

 private:
  friend class Worker;
  std::string school_root(const PageRef& page) const;  // from the page to its school site's root
  // From the portal's root to the section «Сведения…» that describes a school: its own, or for a
  // branch without a site of its own the head school's subsection «Структура…».
  std::string sveden_dir(size_t school) const;
  // The same from the school's own root: its own «sveden/», which keeps its site deployable alone,
  // or up to the portal and on to its head school's.
  std::string sveden_dir_from_school(size_t school) const;
  const Municipality& m_;
  const Theme& theme_;
  const Overview& overview_;
  const Analysis& analysis_;
  const OpennessVocabulary& open_;
  bool pretty_ = false;
  std::vector<PageRef> pages_;
  std::vector<size_t> schools_by_name_;  // school indexes in Russian alphabetical order
  std::string home_html_;
  std::vector<std::string> page_html_;
  std::vector<std::string> news_html_;
  std::vector<std::string> news_feed_html_;  // the same for news/atom.xml: images by their full address
  std::vector<std::string> school_base_;  // each school site's address (canonical, sitemap)
  std::vector<ReportRef> reports_;
  std::vector<PastAnalysis> past_;
  bool with_pdf_ = false;
  std::vector<SeriesKey> series_;        // indicator series with a page under monitoring/
  std::vector<std::string> series_slug_;
};

}  // namespace sveden
