// The seam between a build and where its files go, as ninja's DiskInterface and LevelDB's Env are:
// the staged real output (write/staged_output.h) or a folder in memory (write/memory_output.h) for
// tests, and any wrapper between them (tests/support/faulty_output.h fails the Nth call).
#pragma once
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "base/disk.h"
#include "base/status.h"
#include "base/text_parts.h"

namespace sveden {

// What a build said about the output it published, kept for the next build (Output::remember_build).
struct BuildRecord {
  size_t pages = 0, files = 0, pdfs = 0;
  int audit_errors = 0;
};

// Each step that can fail says so with a Status (base/status.h): ExitCode::io and the message in Russian.
class Output {
 public:
  virtual ~Output() = default;
  // Called once, when the build knows it will write: takes what the output needs (a lock, a stage).
  virtual Status open() = 0;
  // Creates every folder that files will be written to, before they are written. Thread-safe: files go on
  // being written into folders made by an earlier call meanwhile.
  virtual Status make_dirs(const std::set<std::string>& dirs) = 0;
  // Thread-safe for distinct paths whose folders exist. `rel_path` is relative to the output, with «/».
  virtual Status write(const std::string& rel_path, std::string_view contents) = 0;
  // The same for the text `make` makes, taken part by part: an output on disk never holds it whole (an
  // open-data table of 10,000 schools is hundreds of megabytes). Here, it is made whole and written.
  virtual Status write_parts(const std::string& rel_path, const PartsMaker& make) { return write(rel_path, whole_text(make)); }
  // Everything written is durable before commit() publishes it.
  virtual Status sync() = 0;
  // Publishes the whole output at once; before this, the previous output is untouched.
  virtual Status commit() = 0;

  // What has been written so far, to read back (the audit, the PDF printer): paths relative to the output.
  virtual std::unique_ptr<Disk> written() const = 0;
  // The folder holding what has been written, for programs that need a real path (Chromium); "" in memory.
  virtual std::string folder() = 0;
  // Files of the output (markers included), and how many of them were new or changed.
  virtual size_t files() const = 0;
  virtual size_t files_changed() const = 0;

  // Before open(), as early as a build can: the previous output may begin to be read for previous_build()
  // while the build loads and analyses its data (the digest of 80,000 files and folders takes as long as
  // loading 2,000 schools).
  virtual void expect_previous() {}
  // After open(): when the previous output was published by a build with this `key` (its inputs,
  // program and options: site/build_key.h) and is still exactly as that build left it, what that build
  // said; the output is then the one this build would write, and nothing needs rendering. nullopt
  // otherwise, and always where outputs are not remembered (in memory).
  virtual std::optional<BuildRecord> previous_build(const std::string& key) {
    (void)key;
    return std::nullopt;
  }
  // After commit(): remembers the key and the record for the next build. commit() forgets the previous
  // one before it publishes, so a build stopped between the two leaves nothing to trust.
  virtual void remember_build(const std::string& key, const BuildRecord& record) {
    (void)key;
    (void)record;
  }
};

}  // namespace sveden
