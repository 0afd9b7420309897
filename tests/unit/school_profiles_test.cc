// A school's profile is made once per build: the report of all schools (or its volume) makes each school's own
// report by the way, from the profile it has just made (SiteRenderer::Worker::by_the_way). Such a report must be
// the page rendered on its own, its tables and figures numbered from 1, and the volume must not change.
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "analyse/analyse.h"
#include "base/disk.h"
#include "load/site_loader.h"
#include "render/page_types.h"
#include "render/site_renderer.h"
#include "render/theme.h"
#include "synth/synthetic_site.h"
#include "../support/test_files.h"

using namespace sveden;

namespace {

// How many table or figure captions a report has: «Таблица 3 — …».
size_t captions(const std::string& html, const std::string& word) {
  size_t n = 0;
  for (size_t at = html.find(">" + word); at != std::string::npos; at = html.find(">" + word, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("school profiles: a volume makes its schools' own reports by the way, each the page rendered on its own") {
  test::TempFolder tmp;
  // 130 schools: two volumes, of 100 and 30 profiles.
  Status written = write_synthetic_site(SynthOptions{130, 3}, tmp.path.string());
  REQUIRE_MESSAGE(written.ok(), written.message());
  RealDisk disk(tmp.path.string());
  Diagnostics diag;
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE_MESSAGE(m, format_all(diag));
  auto theme = load_theme(disk, m->site.theme, "", diag);
  REQUIRE(theme);
  auto result = analyse(*m, 2);
  SiteRenderer site(*m, *theme, result->overview, *result->view);

  std::vector<const PageRef*> volumes;
  for (const auto& page : site.pages())
    if (page.type == &kReportPage && site.reports()[page.index].kind == ReportRef::Kind::all_schools) volumes.push_back(&page);
  REQUIRE(volumes.size() == 2);

  SiteRenderer::Worker alone(site);  // renders every page itself
  size_t made_in_all = 0;
  for (size_t v = 0; v < volumes.size(); ++v) {
    SiteRenderer::Worker worker(site);
    std::map<std::string, std::string> made;  // path → page, in the order handed over
    std::vector<std::string> order;
    worker.by_the_way = [&](const PageRef& page, std::string html) {
      CHECK_MESSAGE(!made.count(page.path), page.path << " handed over twice");
      order.push_back(page.path);
      made[page.path] = std::move(html);
    };
    std::string volume = worker.render(*volumes[v]);
    size_t tables = 0;
    // The volume is the same with or without the pages made by the way.
    CHECK(volume == alone.render(*volumes[v]));
    // Its schools' reports, each once, in the volume's (alphabetical) order, and no other page.
    auto [first, last] = volume_profiles(v, m->schools.size());
    REQUIRE(order.size() == last - first);
    for (size_t k = first; k < last; ++k) {
      const PageRef& own = site.pages()[site.school_report_page(site.schools_by_name()[k])];
      CHECK(own.type == &kReportPage);
      CHECK(site.render_group(own) == volumes[v]->path);
      CHECK(order[k - first] == own.path);
      const std::string& html = made[own.path];
      CHECK_MESSAGE(html == alone.render(own), own.path << " differs from the page rendered on its own");
      // Numbered from 1 in its own report.
      CHECK(html.find("Таблица 1 —") != std::string::npos);
      tables += captions(html, "Таблица ");
    }
    // In the volume, numbered on from the profiles before: its last table is the sum of its schools' tables.
    CHECK(captions(volume, "Таблица ") == tables);
    CHECK(volume.find(fmt::format("Таблица {} —", tables)) != std::string::npos);
    CHECK(volume.find(fmt::format("Таблица {} —", tables + 1)) == std::string::npos);
    made_in_all += made.size();
  }
  CHECK(made_in_all == m->schools.size());
  // A page of no volume renders alone.
  CHECK(site.render_group(site.pages().front()).empty());
}
