// What a snapshot of a school's site shows: the audit of `sveden check --site-dir` on the pages as saved
// (each decoded with the Content-Type it was served with), and what only the live site shows — a site
// that does not answer, no HTTPS, required addresses answering 404, closed in robots.txt or redirecting
// to another site, documents that come as an HTML page, documents cut at the size limit.
#pragma once
#include <vector>

#include "model/openness.h"
#include "model/site_monitoring.h"
#include "monitor/site_crawl.h"

namespace sveden {

// `folder`: monitoring/<date>/<code>/ with site/ and fetch.tsv. Fills reachable, pages, documents, bytes
// and findings of `site`, each finding in its requirement group with its legal basis.
void audit_snapshot(const CrawlResult& crawl, const std::string& folder, const OpennessVocabulary& v, MonitoredSite* site);

// summary.csv and findings.csv of the school's folder (load/site_monitoring_loader.h reads them).
void write_monitored_site(const MonitoredSite& site, const std::string& folder);

}  // namespace sveden
