// Printing the reports of a build to PDF with headless Chromium (Debian's `chromium`): A4 and
// backgrounds as the report's CSS says, no browser header or footer, a document outline from the
// headings. Each PDF lands next to its HTML: reports/roadmap/index.html → reports/roadmap/roadmap.pdf.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace sveden {

// The Chromium to print with: $SVEDEN_CHROMIUM, or chromium / chromium-browser / google-chrome on PATH.
std::optional<std::string> find_chromium();
// What to tell a user who has none.
std::string chromium_missing_message();

struct PdfResult {
  bool ok = true;
  std::vector<std::string> written;  // PDF paths relative to the output folder
  std::string error;                 // in Russian, when !ok
};

// Reports in `out_dir` (folders under reports/ with an index.html). `names` selects some by their
// folder («roadmap», «analysis-2025», «schools/sosh-1»); empty means every report.
std::vector<std::string> find_reports(const std::string& out_dir, const std::vector<std::string>& names, std::string* error);

// Prints `reports` (folders relative to out_dir) with `chromium`, `jobs` at a time.
PdfResult print_reports(const std::string& chromium, const std::string& out_dir, const std::vector<std::string>& reports, int jobs);

}  // namespace sveden
