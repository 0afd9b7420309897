// examples/: each seed municipality's programme as a site folder. Each builds with no errors; every text of its
// roadmap and passport is published on its roadmap page, in the roadmap's report and in opendata/, as the plan
// writes it; and every page of it says that its data are invented.
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/test_files.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "load/site_loader.h"
#include "russian/names.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

// As a reader finds it: entities decoded, a non-breaking space as a space, quotes as the pages print them.
std::string readable(std::string s) {
  const std::pair<const char*, const char*> kEntities[] = {{"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"},
                                                           {"&nbsp;", " "},  {"\u00A0", " "}, {"\u00AD", ""}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities)
    for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += std::string(to).size()) s.replace(at, std::string(from).size(), to);
  return s;
}

struct Text {
  std::string what, text;
  bool in_report = true;
};

// Every text the department wrote in its roadmap.yaml: the passport, the plan, the targets, the control points.
std::vector<Text> roadmap_texts(const Roadmap& r) {
  std::vector<Text> out = {{"title", r.title}, {"approved.document", r.approved_document}, {"approved.number", r.approved_number},
                           {"developer", r.developer}, {"coordinator.position", r.coordinator.position},
                           {"coordinator.name", r.coordinator.name}, {"short_title", r.short_title, false}};
  for (const auto& x : r.goals) out.push_back({"goal", x});
  for (const auto& x : r.tasks) out.push_back({"task", x});
  for (const auto& x : r.expected_results) out.push_back({"expected_results", x});
  for (const auto& x : r.legal_bases) out.push_back({"legal_bases", x});
  for (const auto& f : r.financing) out.push_back({"financing", f.source});
  for (const auto& s : r.sections) {
    out.push_back({"section", s.title});
    for (const auto& a : s.activities) {
      for (const auto& t : std::vector<std::string>{a.number, a.title, a.expected_result, a.indicator, a.report_form, a.timing.words,
                                                    a.timing.schedule_title})
        out.push_back({"activity " + a.id, t});
      for (const auto& x : a.responsible) out.push_back({"responsible of " + a.id, x});
    }
  }
  for (const auto& t : r.targets) {
    out.push_back({"target", t.title});
    for (const auto& [year, pv] : t.plan) out.push_back({"target plan " + t.id, pv.text});
    for (const auto& [year, x] : t.entered_text) out.push_back({"target fact " + t.id, x});
  }
  for (const auto& cp : r.control_points) {
    out.push_back({"control point", cp.title});
    out.push_back({"control point target", cp.target});
  }
  std::erase_if(out, [](const Text& t) { return t.text.empty(); });
  return out;
}

}  // namespace

TEST_CASE("examples: each seed's programme builds and publishes every text of its roadmap, and says its data are invented") {
  fs::path examples = fs::path(SVEDEN_SOURCE_DIR) / "examples";
  std::vector<fs::path> sites;
  for (const auto& e : fs::directory_iterator(examples))
    if (fs::exists(e.path() / "site.yaml")) sites.push_back(e.path());
  std::sort(sites.begin(), sites.end());
  CHECK(sites.size() >= 5);  // one per seed municipality
  for (const auto& site : sites) {
    std::string name = site.filename().string();
    CAPTURE(name);
    RealDisk disk(site.string());
    Diagnostics diag;
    auto m = load_municipality(disk, LoadOptions{}, diag);
    REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
    REQUIRE(m);
    CHECK(m->site.invented_data);
    CHECK(m->schools.size() <= 8);  // small: the test stays fast
    test::BuiltSite built(site.string());
    std::string page = readable(test::read_file(built.out / "support/roadmap/index.html"));
    std::string report = readable(test::read_file(built.out / "reports/roadmap/index.html"));
    std::string opendata = test::read_file(built.out / "opendata/roadmap.csv") + test::read_file(built.out / "opendata/targets.csv") +
                           test::read_file(built.out / "opendata/roadmap.json");
    std::vector<Text> texts = roadmap_texts(m->roadmap);
    CHECK(texts.size() >= 10);
    for (const auto& t : texts) {
      std::string what = t.what, text = t.text;  // named: clang 14 captures no structured binding
      CAPTURE(what);
      CAPTURE(text);
      std::string shown = readable(typographic_quotes(text));
      CHECK(page.find(shown) != std::string::npos);
      if (t.in_report) CHECK(report.find(shown) != std::string::npos);
      // Open data keep the department's own characters; JSON escapes a double quote.
      std::string json = text;
      for (size_t at = 0; (at = json.find('"', at)) != std::string::npos; at += 2) json.insert(at, "\\");
      CHECK((opendata.find(text) != std::string::npos || opendata.find(json) != std::string::npos));
    }
    // Every page says the data are invented.
    int pages = 0;
    for (const auto& f : fs::recursive_directory_iterator(built.out)) {
      if (f.path().extension() != ".html") continue;
      std::string html = test::read_file(f.path());
      if (html.find("http-equiv=\"refresh\"") != std::string::npos) continue;  // a redirect is not a page
      ++pages;
      std::string file = f.path().string();
      CAPTURE(file);
      CHECK(html.find("Данные этого сайта вымышлены") != std::string::npos);
    }
    CHECK(pages > 10);
  }
}
