// analyse/site_monitoring: fixed, new and still open findings between rounds, first-seen dates, quarters.
#include <doctest/doctest.h>

#include "analyse/site_monitoring.h"

using namespace sveden;

namespace {
MonitorFinding finding(const std::string& group, const std::string& message, int line = 0) {
  MonitorFinding f;
  f.group = group;
  f.url = "https://s.ru/sveden/" + group;
  f.pos = {line, 1};
  f.message = message;
  return f;
}
MonitoredSite site(const std::string& code, std::vector<MonitorFinding> findings) {
  MonitoredSite s;
  s.code = code;
  s.reachable = true;
  s.findings = std::move(findings);
  return s;
}
}  // namespace

TEST_CASE("site monitoring: each finding fixed, new or open, with the date it was first seen") {
  SiteMonitoring m;
  m.rounds = {{"2026-01-20", {site("A", {finding("common", "нет h1"), finding("budget", "нет плана")})}},
              {"2026-03-10", {site("A", {finding("common", "нет h1", 12), finding("grants", "нет стипендий")}), site("B", {})}},
              {"2026-06-15", {site("A", {finding("common", "нет h1", 30), finding("inter", "нет договоров")}),
                              site("B", {finding("site", "не открывается")})}}};
  MonitoringComparison c = compare_rounds(m);
  CHECK(c.date == "2026-06-15");
  CHECK(c.previous == "2026-03-10");
  REQUIRE(c.sites.size() == 2);
  const SiteComparison& a = c.sites[0];
  CHECK(a.open == 1);  // the heading moved down the page: the same finding
  CHECK(a.added == 1);
  CHECK(a.fixed == 1);
  REQUIRE(a.findings.size() == 3);
  CHECK(a.findings[0].state == TrackedFinding::State::open);
  CHECK(a.findings[0].first_seen == "2026-01-20");
  CHECK(a.findings[1].state == TrackedFinding::State::added);
  CHECK(a.findings[1].first_seen == "2026-06-15");
  CHECK(a.findings[2].state == TrackedFinding::State::fixed);
  CHECK(a.findings[2].finding.message == "нет стипендий");
  CHECK(a.findings[2].first_seen == "2026-03-10");
  CHECK(c.sites[1].added == 1);
  CHECK(c.fixed == 1);
  CHECK(c.added == 2);
  CHECK(c.open == 1);
  CHECK(c.sites_without_errors == 0);
  // A finding that went away and came back is seen anew.
  m.rounds.push_back({"2026-06-30", {site("A", {finding("common", "нет h1")}), site("B", {})}});
  m.rounds.push_back({"2026-09-01", {site("A", {finding("inter", "нет договоров")}), site("B", {})}});
  c = compare_rounds(m);
  CHECK(c.sites[0].findings[0].first_seen == "2026-09-01");
  // The trend: the last round of each quarter.
  REQUIRE(c.trend.size() == 3);
  CHECK(c.trend[0].quarter == 1);
  CHECK(c.trend[0].date == "2026-03-10");
  CHECK(c.trend[1].date == "2026-06-30");
  CHECK(c.trend[2].quarter == 3);
  CHECK(c.trend[2].sites_without_errors == 1);
}
