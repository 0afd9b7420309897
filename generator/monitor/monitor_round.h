// `sveden monitor`: one monitoring round of every subordinate organisation's own website, on the user's
// command. Each site is fetched into monitoring/<date>/<code>/ (site_crawl), checked (snapshot_audit),
// and compared with the previous round in the summary printed at the end. A site already finished in this
// round is not fetched again: an interrupted round resumes.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "base/diagnostics.h"
#include "model/date.h"
#include "model/municipality.h"
#include "monitor/http_client.h"
#include "monitor/site_crawl.h"

namespace sveden {

struct MonitorOptions {
  std::string site_dir;       // the site folder: data, and monitoring/ where the round is saved
  Date date;                  // the round's folder name
  std::string only;           // a Код ОО: this school alone
  CrawlOptions crawl;
};

struct MonitorSummary {
  int sites = 0, unreachable = 0, errors = 0, warnings = 0;
  int fixed = 0, added = 0, open = 0;  // against the previous round
  std::string previous;                // its date, "" when this is the first
};

// The User-Agent: the product, its version and the department that monitors («Управление образования …»).
std::string monitor_user_agent(const Municipality& m);

// Schools' websites in the data that cannot be monitored: empty, not an http(s) address (file:line named).
void check_websites(const Municipality& m, const std::string& display_prefix, Diagnostics& diag);

MonitorSummary run_monitor(const Municipality& m, HttpClient& client, const MonitorOptions& o,
                           const std::function<void(const std::string&)>& log);

}  // namespace sveden
