// Findings matched between rounds by their key (group, address, message): positions may move.
#include "analyse/site_monitoring.h"

#include <cstdlib>
#include <set>

namespace sveden {

MonitoringComparison compare_rounds(const SiteMonitoring& monitoring) {
  MonitoringComparison out;
  if (monitoring.rounds.empty()) return out;
  const MonitoringRound& latest = monitoring.rounds.back();
  out.date = latest.date;
  if (monitoring.rounds.size() > 1) out.previous = monitoring.rounds[monitoring.rounds.size() - 2].date;
  for (const MonitoredSite& site : latest.sites) {
    SiteComparison c;
    c.code = site.code;
    c.name = site.name;
    c.website = site.website;
    c.reachable = site.reachable;
    c.pages = site.pages;
    c.documents = site.documents;
    c.signed_documents = site.signed_documents;
    // The site's rounds, oldest first; first_seen: the start of each finding's unbroken run.
    std::map<std::string, std::string> since, since_before;
    const MonitoredSite* before = nullptr;
    for (const MonitoringRound& r : monitoring.rounds) {
      const MonitoredSite* here = nullptr;
      for (const MonitoredSite& s : r.sites)
        if (s.code == site.code) here = &s;
      if (!here) continue;
      std::map<std::string, std::string> next;
      for (const MonitorFinding& f : here->findings) {
        auto it = since.find(f.key());
        next[f.key()] = it == since.end() ? r.date : it->second;
      }
      since_before = since;
      since = std::move(next);
      if (&r == &latest) break;
      before = here;
      c.previous = r.date;
    }
    std::set<std::string> now;
    for (const MonitorFinding& f : site.findings) {
      now.insert(f.key());
      bool was = false;
      if (before)
        for (const MonitorFinding& g : before->findings) was = was || g.key() == f.key();
      TrackedFinding t{f, was ? TrackedFinding::State::open : TrackedFinding::State::added, since[f.key()]};
      (was ? c.open : c.added)++;
      (f.severity == Severity::error ? c.errors_by_group : c.warnings_by_group)[f.group]++;
      (f.severity == Severity::error ? c.errors : c.warnings)++;
      c.findings.push_back(std::move(t));
    }
    if (before) {
      for (const MonitorFinding& g : before->findings)
        if (!now.count(g.key())) {
          c.findings.push_back({g, TrackedFinding::State::fixed, since_before[g.key()]});
          ++c.fixed;
        }
    }
    out.fixed += c.fixed;
    out.added += c.added;
    out.open += c.open;
    out.errors += c.errors;
    out.warnings += c.warnings;
    out.unreachable += !c.reachable;
    out.sites_without_errors += c.errors == 0;
    out.sites.push_back(std::move(c));
  }
  for (const MonitoringRound& r : monitoring.rounds) {
    int year = std::atoi(r.date.substr(0, 4).c_str()), month = std::atoi(r.date.substr(5, 2).c_str());
    QuarterPoint q;
    q.year = year;
    q.quarter = (month - 1) / 3 + 1;
    q.date = r.date;
    for (const MonitoredSite& s : r.sites) {
      int errors = 0;
      for (const MonitorFinding& f : s.findings) (f.severity == Severity::error ? errors : q.warnings)++;
      ++q.sites;
      q.errors += errors;
      q.sites_without_errors += errors == 0;
    }
    if (!out.trend.empty() && out.trend.back().year == q.year && out.trend.back().quarter == q.quarter) out.trend.back() = q;
    else out.trend.push_back(q);
  }
  return out;
}

}  // namespace sveden
