// The output as a list of pages and their rendering through the theme: the department's portal
// (8-ФЗ) and, under schools/<slug>/, every school's own site with its «Сведения об образовательной
// организации». Site-wide parts (menus, the sorted school list, Markdown of shared pages) are
// prepared once and shared by all threads; each thread renders with its own parsed templates.
#pragma once
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "render/template_value.h"

#include "render/mustache_template.h"

#include "analyse/overview.h"
#include "model/municipality.h"
#include "model/openness.h"
#include "model/output_audit.h"
#include "render/opendata.h"
#include "base/text_parts.h"
#include "render/theme.h"

namespace sveden {

struct PageType;  // render/page_types.h: the registry of page kinds

struct PageRef {
  const PageType* type = nullptr;  // its kind, from the registry
  size_t index = 0;   // school, content page, news item, report or indicator series
  size_t sub = 0;     // subsection of «Сведения…»
  std::string path;   // directory of the page («», «schools/», «schools/x/») or a file («404.html»)
  std::string file() const;  // output file relative to the output root
  bool in_school() const;    // a page of a school's own site
};

// A printed report: its kind, what it is about (a school, a page of content/reports/) and its title.
struct ReportRef {
  enum class Kind { analysis, school, all_schools, roadmap, custom, monitoring, site_monitoring };
  Kind kind;
  size_t index = 0;   // school, content/reports page, volume of all_schools (from 0) or the year of the monitoring report; analysis: 0 the reporting year, k an earlier year (past_[k - 1])
  std::string path;   // «reports/analysis-2025/»
  std::string title;
  std::string file_stem;  // the PDF's name next to the HTML: «analysis-2025»
};

// The profiles of all schools in one printed report, in volumes of this many schools once there are more:
// a region's 2 000 profiles in one file would be some 220 MB of HTML, too big to hold, to open or to print.
inline constexpr size_t kSchoolsPerVolume = 100;
// The profiles [first, last) of volume `volume` (from 0), in the schools' alphabetical order, of `schools` in all.
inline std::pair<size_t, size_t> volume_profiles(size_t volume, size_t schools) {
  return {volume * kSchoolsPerVolume, std::min(schools, (volume + 1) * kSchoolsPerVolume)};
}

// A school's profile in the printed reports: its sections, each a title and its blocks (render/school_report.h).
using ProfileParts = std::vector<std::pair<std::string, TemplateValue>>;

// Every printed report stands at «reports/<name>/»: the way from it to the output root.
inline constexpr const char* kReportRoot = "../../";

// An earlier year's analysis, for its own analysis report: the municipality up to that year and its analysis.
struct PastYear {
  const Municipality& m;
  const Overview& overview;
  const Analysis& analysis;
};
struct PastAnalysis {
  int year;
  // Calls `use` with that year: the municipality and its analysis are made for the call and freed after it,
  // so that a build holds one year's analysis, not one per report of an earlier year. Thread-safe.
  std::function<void(const std::function<void(const PastYear&)>& use)> with;
};

class SiteRenderer {
 public:
  // `with_pdf`: the report pages link the PDF that the build prints next to each report.
  // `past`: earlier years with their own analysis report (reports/analysis-<year>/), oldest first.
  SiteRenderer(const Municipality& m, const Theme& theme, const Overview& overview, const Analysis& analysis,
               bool with_pdf = false, std::vector<PastAnalysis> past = {});

  const std::vector<PageRef>& pages() const { return pages_; }
  const Municipality& municipality() const { return m_; }
  const OpennessVocabulary& openness() const { return open_; }
  // The site folder's file whose name is the page's address (content/<slug>.md, a news item, a report of
  // content/reports/), or "" for a page whose address sveden chooses.
  std::string page_source(const PageRef& page) const;
  // Everything that is not a page: assets of every site, documents, sitemaps, robots.txt, the feed.
  std::vector<OutputFile> files() const;
  const std::vector<ReportRef>& reports() const { return reports_; }
  // Indicator series with a page under monitoring/<slug>/, in the vocabulary's order.
  const std::vector<std::string>& series_slugs() const { return series_slug_; }
  const std::vector<SeriesKey>& series_keys() const { return series_; }  // the same series by key
  const std::string& news_html(size_t item) const { return news_html_[item]; }
  const std::string& home_html() const { return home_html_; }
  const std::string& page_html(size_t page) const { return page_html_[page]; }
  const Overview& overview() const { return overview_; }
  const std::vector<size_t>& schools_by_name() const { return schools_by_name_; }  // in Russian alphabetical order
  // Pages best rendered one after the other on one worker, the first first: a report of all schools (or its
  // volume) and the reports of its schools, which it makes by the way (Worker::by_the_way). The same text
  // for the pages of a group (the volume's path), "" for a page of none.
  std::string render_group(const PageRef& page) const;
  // The index in pages() of school `school`'s own printed report.
  size_t school_report_page(size_t school) const { return school_report_page_[school]; }
  bool with_pdf() const { return with_pdf_; }  // the report pages link the PDF printed next to each report
  // From the portal's root to the section «Сведения…» that describes a school: its own, or for a
  // branch without a site of its own the head school's subsection «Структура…».
  std::string sveden_dir(size_t school) const;
  // sveden_dir() from the school's own root: its own «sveden/», which keeps its site deployable alone,
  // or up to the portal and on to its head school's.
  std::string sveden_dir_from_school(size_t school) const;
  std::string school_root(const PageRef& page) const;  // from a school's page to its school site's root
  const std::string& school_base(size_t school) const { return school_base_[school]; }  // the school site's address
  const Analysis& analysis() const { return analysis_; }
  const std::vector<PastAnalysis>& past() const { return past_; }  // earlier years with their own analysis report

  // A link to a directory page from a page whose way to the root is `root`: «…/sveden/common/index.html»,
  // or «…/sveden/common/» when site.yaml asks for pretty links (a server answers for the folder).
  std::string href(const std::string& root, const std::string& dir) const;

  class Worker {
   public:
    explicit Worker(const SiteRenderer& site);
    std::string render(const PageRef& page);
    // The audit of the built output (`audit/`), for the department's own use (render/pages/audit_page.cc):
    // tens of megabytes at 2,000 schools, made into `out` part by part, never whole.
    void audit_page(const OutputAudit& audit, TextParts& out);

    // What a page's builder (render/page_types.h) uses: the site, its layouts, a template, the trail.
    using data = TemplateValue;
    const SiteRenderer& site() const { return site_; }
    // The page: its layout around `body`. The body goes into the page once, never through the layout's data
    // (see framed).
    std::string layout(const PageRef& page, const std::string& title, std::string body, data crumbs);
    // The data of the portal's layout (`base`) of a page, but its body.
    data layout_data(const PageRef& page, const std::string& title, data crumbs);
    std::string school_layout(const PageRef& page, const std::string& title, std::string body, data crumbs);
    std::string use(const std::string& name, const data& d);
    // Template `name` with `d` into `sink`, its section {{#list}}…{{/list}} rendered once for each of `count`
    // items, the data of each made by `item(k)` and freed once its text is made: a list of tens of thousands
    // of items (audit/) is never whole in memory. The section is rendered as it would be with the items in
    // `d` (the item first, then `d`). A theme's template that does not hold the section once, on lines of
    // its own, is rendered with the whole list put in `d`.
    void use_list(const std::string& name, data& d, const std::string& list, size_t count, const std::function<data(size_t)>& item,
                  const std::function<void(std::string_view)>& sink);
    // Where a page's builder hands the pages it renders by the way, each as soon as it is made: a report of all
    // schools (or its volume) makes each school's own report from the profile it has just made, instead of that
    // report making it again (render/pages/report_page.cc). Without it, none is made by the way. site/build.cc
    // renders those pages in the volume's task (render_group) and writes them as they come.
    std::function<void(const PageRef& page, std::string html)> by_the_way;
    // Called with every template and the data it is rendered with (tests/unit/template_keys_test.cc).
    std::function<void(const std::string& name, const data& d)> observe;
    // Breadcrumbs from the home page: each step a title and a link, the current page last with "".
    data trail(const std::string& root, std::initializer_list<std::pair<std::string, std::string>> steps) const;
    data news_list(const std::string& root, size_t limit) const;  // newest first
    // The department's kind in the cases its templates use: {{dep.about}}, {{dep.Dative}}, {{dep.full_genitive}}…
    static data words(const DepartmentWords& w);

   private:
    // The layout `name` rendered with `d` around `body`: with a mark in place of {{{body}}}, which the body
    // then replaces. A theme's layout that does not print the body raw exactly once gets the body itself.
    std::string framed(const std::string& name, data& d, std::string body);
    // The layout's text before and after the body, when it prints the body raw exactly once.
    std::optional<std::pair<std::string, std::string>> frame(const std::string& name, data& d);
    // Renders a template, as observed, appended to `out`.
    void render_to(const std::string& name, const data& d, std::string& out);
    data ministries() const;  // ПП 1802, п. 17: links to the ministries, on every page
    // A template split at a list's section (use_list): `outer` with a mark on a line of its own
    // where the section was, `inner` the section's text. Absent where the template does not allow it.
    struct ListSplit {
      MustacheTemplate outer, inner;
    };
    ListSplit* list_split(const std::string& name, const std::string& list);
    const SiteRenderer& site_;
    std::map<std::string, MustacheTemplate> templates_;
    std::map<std::pair<std::string, std::string>, std::unique_ptr<ListSplit>> splits_;
  };

 private:
  friend class Worker;
  const Municipality& m_;
  const Theme& theme_;
  const Overview& overview_;
  const Analysis& analysis_;
  const OpennessVocabulary& open_;
  bool pretty_ = false;
  std::vector<PageRef> pages_;
  std::vector<size_t> schools_by_name_;  // school indexes in Russian alphabetical order
  std::vector<size_t> school_report_page_;  // by school: index in pages_ of its own report
  std::vector<std::string> volume_of_;   // by school: the path of the report of all schools (or volume) with its profile
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
