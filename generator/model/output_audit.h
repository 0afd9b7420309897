// What the audit of a published site found (audit/site_audit.h finds it): per school site and for the
// pages outside them, each finding with its file and place. The department's audit page (render) and
// `sveden check` (cli) print it.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/shared_text.h"
#include "base/text_pos.h"

namespace sveden {

// The file and the message are shared texts: the auditor of a build holds one copy of each distinct text
// (OutputAuditor), and a message is the same for every school that lacks the same item.
struct SiteFinding {
  Severity severity = Severity::error;
  SharedText file;    // relative to the audited folder; "" for the site as a whole
  TextPos pos;        // {0, 0} for the file as a whole
  SharedText message;
  bool incomplete = false;  // required information written as absent («отсутствует»)
};

struct SchoolAudit {
  std::string root;  // folder of the school's site within the audited folder («schools/sosh-1», or "")
  std::string name;  // from the site's home page
  std::vector<SiteFinding> findings;  // errors first, then warnings; each in file order
  int incomplete = 0;                 // findings of required information written as absent
};

struct OutputAudit {
  std::vector<SchoolAudit> schools;
  std::vector<SiteFinding> portal;  // pages outside the school sites
  int errors = 0, warnings = 0;
  int incomplete_schools = 0;  // school sites with required information written as absent
};

}  // namespace sveden
