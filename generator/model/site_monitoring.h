// The monitoring of schools' own websites (`sveden monitor`): the rounds saved under monitoring/ГГГГ-ММ-ДД/,
// what each found per organisation, and the comparison of rounds that the portal publishes.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/text_pos.h"

namespace sveden {

// A column of the table: the site, the section, each of the 14 subsections, links and documents.
struct MonitorGroup {
  std::string key;         // «site», «section», «common»…, «links»
  std::string title;       // short, for the column
  std::string long_title;
  std::string source;      // legal basis
};

struct MonitorFinding {
  std::string group;       // MonitorGroup::key
  Severity severity = Severity::error;
  std::string url;         // the page or document; "" for the site as a whole
  TextPos pos;             // in that page; {0, 0} for the page as a whole
  std::string message;     // in Russian
  std::string source;      // legal basis
  // Findings of two rounds are the same when this is: a page edited above the spot still has it.
  std::string key() const { return group + '\t' + url + '\t' + message; }
};

// One organisation's site in one round.
struct MonitoredSite {
  std::string code;        // Код ОО; «org-1»… for the other subordinate organisations
  std::string name;
  std::string website;     // as the data gives it
  bool reachable = false;  // its home page answered
  int pages = 0, documents = 0;
  int signed_documents = 0;  // documents that carry an electronic signature in the file (PDF /Sig, .sig)
  long long bytes = 0;
  std::vector<MonitorFinding> findings;
};

struct MonitoringRound {
  std::string date;        // ГГГГ-ММ-ДД, the folder's name
  std::vector<MonitoredSite> sites;  // by code
};

// Rounds oldest first; empty when the site folder has no monitoring/.
struct SiteMonitoring {
  std::vector<MonitorGroup> groups;
  std::vector<MonitoringRound> rounds;
};

}  // namespace sveden
