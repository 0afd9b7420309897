// Orchestration of the pipeline: load → analyse → render → write, each phase timed. Used by the
// `build` and `check` commands.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/status.h"
#include "model/date.h"
#include "model/output_audit.h"
#include "write/preview_site.h"
#include "write/output.h"

namespace sveden {

struct BuildOptions {
  std::string site_dir = ".";
  std::string out_dir;  // empty: <site_dir>/output
  int jobs = 1;
  std::optional<Date> as_of;
  // A rebuild whose inputs, program and options are those of the build that published the output, and
  // whose output no one has touched since, keeps that output without rendering (site/build_key.h).
  // `check` turns it off: it needs the audit in full.
  bool reuse = true;
  bool pdf = false;  // also print the reports to PDF (headless Chromium) before the output is replaced
  // Called from the main thread with (pages done, pages total) while rendering.
  std::function<void(size_t, size_t)> progress;
  // Called once the data are loaded and analysed without errors and the pages are known, before anything
  // is rendered or written: the site in memory, which outlives the build as long as it is held (serve).
  std::function<void(std::shared_ptr<const PreviewSite>)> on_preview;
  // Given what the build rendered from (the model, its analysis, the list of pages) as the build returns,
  // instead of freeing it: a program about to exit keeps it, and the system takes the memory back at once
  // rather than piece by piece (a quarter of a second at 2,000 schools, of a rebuild with nothing to do).
  std::function<void(std::shared_ptr<const void>)> outlive;
};

struct BuildReport {
  // Success; or input errors (ExitCode::input, listed in `diagnostics`), a file that could not be read
  // or written (io), a needed program missing (tool: Chromium for the PDF), each with its message.
  Status status;
  Diagnostics diagnostics;
  int schools = 0, branches = 0;  // a branch is counted apart, never as a school
  int organisations = 0;          // subordinate organisations that are not schools
  size_t pages = 0;
  size_t files = 0;          // of the output, markers included
  size_t files_changed = 0;  // new or changed: the rest are the previous output's files, untouched
  size_t pdfs = 0;
  int audit_errors = 0;  // errors the audit of the written output found (see audit/index.html)
  OutputAudit audit;     // that audit in full (`sveden check` prints it); the page audit/ itself is not in it
  double seconds = 0;
  // Each stage's time, in the order run (printed by `sveden build --verbose`).
  struct Stage {
    std::string name;
    double seconds = 0;
  };
  std::vector<Stage> stages;
  std::string out_dir;
  std::string first_steps;  // for a site without schools: what to fill first (site/init.h)
};

// Reads the site folder, writes into the staged output folder (write/staged_output.h).
BuildReport build_site(const BuildOptions& options);
// The same from any input and into any output (tests: MemoryDisk, MemoryOutput, a faulty output).
BuildReport build_site(const BuildOptions& options, const Disk& input, Output& output);
// Loads and validates everything a build reads, writes nothing.
BuildReport check_site(const BuildOptions& options);

}  // namespace sveden
