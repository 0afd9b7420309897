// The latest round of the monitoring of schools' websites against the rounds before it: per site and per
// requirement, what was fixed, what is new and what is still open, with the date each finding was first
// seen; and the trend by quarter (the last round of each quarter).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/site_monitoring.h"

namespace sveden {

struct TrackedFinding {
  MonitorFinding finding;
  enum class State { open, added, fixed } state = State::added;
  std::string first_seen;  // ГГГГ-ММ-ДД of the round where it appeared (and stayed since)
};

struct SiteComparison {
  std::string code, name, website;
  bool reachable = false;
  int pages = 0, documents = 0, signed_documents = 0;
  std::string previous;                 // the date of the site's previous round, "" when none
  std::vector<TrackedFinding> findings; // present ones (open, then added) first, then the fixed
  int fixed = 0, added = 0, open = 0, errors = 0, warnings = 0;
  std::map<std::string, int> errors_by_group, warnings_by_group;  // present findings
};

struct QuarterPoint {
  int year = 0, quarter = 0;            // 2026, 1..4
  std::string date;                     // its last round
  int sites = 0, sites_without_errors = 0, errors = 0, warnings = 0;
};

struct MonitoringComparison {
  std::string date, previous;           // the latest round and the one before it
  std::vector<SiteComparison> sites;    // in the order of the latest round (by code)
  int fixed = 0, added = 0, open = 0, errors = 0, warnings = 0, unreachable = 0, sites_without_errors = 0;
  std::vector<QuarterPoint> trend;      // oldest first
  bool empty() const { return date.empty(); }
};

MonitoringComparison compare_rounds(const SiteMonitoring& monitoring);

}  // namespace sveden
