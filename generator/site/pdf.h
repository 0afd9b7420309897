// Printing the reports of a build to PDF with headless Chromium (Debian's `chromium`): A4 and
// backgrounds as the report's CSS says, no browser header or footer, a document outline from the
// headings. Each PDF lands next to its HTML: reports/roadmap/index.html → reports/roadmap/roadmap.pdf.
#pragma once
#include "base/status.h"
#include <optional>
#include <string>
#include <vector>

namespace sveden {

// The Chromium to print with: $SVEDEN_CHROMIUM, or chromium / chromium-browser / google-chrome on PATH.
std::optional<std::string> find_chromium();
// What to tell a user who has none.
std::string chromium_missing_message();

struct PdfResult {
  Status status;                     // the first report Chromium could not print
  std::vector<std::string> written;  // PDF paths relative to the output folder
};

// Reports in `out_dir` (folders under reports/ with an index.html). `names` selects some by their
// folder («roadmap», «analysis-2025», «schools/sosh-1»); empty means every report. No reports folder is
// ExitCode::io (nothing was built there); a name that is not a report is ExitCode::usage.
Status find_reports(const std::string& out_dir, const std::vector<std::string>& names, std::vector<std::string>* found);

// Prints `reports` (folders relative to out_dir) with `chromium`, `jobs` at a time.
PdfResult print_reports(const std::string& chromium, const std::string& out_dir, const std::vector<std::string>& reports, int jobs);

}  // namespace sveden
