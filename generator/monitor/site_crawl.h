// One school's site fetched into a snapshot folder: robots.txt, the home page, /sveden/ and its 14
// subsections at their addresses, every page of the /sveden/ subtree and every addRef page they link,
// their stylesheets and documents, and the status of every other link on those pages. Bodies are saved
// as `wget --mirror` would (site/…); what each request answered is a line of fetch.tsv, written as it
// comes, so that an interrupted run resumes where it stopped and a later build works offline.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "model/openness.h"
#include "monitor/http_client.h"
#include "monitor/web_url.h"

namespace sveden {

struct CrawlOptions {
  HttpLimits limits;
  int max_requests = 400;                     // per school
  long long max_bytes = 300LL << 20;          // bodies per school
  int delay_ms = 1000;                        // between two requests to the school's host
  std::string product_token = "sveden";       // what robots.txt is read for
};

// What one request answered (a line of fetch.tsv).
struct FetchRecord {
  std::string url;
  std::string role;          // robots, home, section, subsection, page, addref, stylesheet, document, link
  long status = 0;           // 0: no answer, or not asked (robots.txt, the limits)
  std::string content_type;
  long long length = -1;
  bool truncated = false;
  std::string location;      // where a redirect leads
  std::string file;          // the saved body, relative to site/; "" when none was saved
  std::string error;         // why there is no answer
  std::string from;          // the page that linked it
  std::string signature;     // documents: «PDF /Sig» when the format carries a signature
};

struct CrawlResult {
  std::string base;          // the site's address as fetched (https:// tried first)
  bool https_failed = false; // the site answers over http only
  std::string https_error;   // what https:// answered then
  std::vector<FetchRecord> records;
};

// `website` from the school data; `folder` is monitoring/<date>/<school>/. `log` receives one line per request.
CrawlResult crawl_site(HttpClient& client, const std::string& website, const std::string& folder, const OpennessVocabulary& v,
                       const CrawlOptions& o, const std::function<void(const std::string&)>& log);

// The records of a snapshot (fetch.tsv), in the order they were made.
std::vector<FetchRecord> read_fetch_log(const std::string& folder);

// Where a body is saved under site/: «/» → index.html, «/sveden/common» (a page) → sveden/common/index.html,
// «/a/page.php» → a/page.php.html, a document at its own path.
std::string snapshot_file(const WebUrl& url, bool html);

bool is_document_path(const std::string& path);

}  // namespace sveden
