// Writes a build into a fresh folder beside the output and swaps it in only when everything has
// succeeded, so a failed or killed build leaves the previous output exactly as it was.
#pragma once
#include <atomic>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace sveden {

class StagedOutput {
 public:
  // Takes the output's lock (`.<out>.sveden-lock` beside it: a second build of the same output waits),
  // prepares a stage folder beside the output under a name no other build can take, and removes the
  // stages of builds that died — only folders that carry sveden's stage marker. Refuses an existing
  // non-empty folder that sveden did not create, so that no one's files are swapped away.
  static std::unique_ptr<StagedOutput> begin(const std::string& out_dir, std::string* error);
  ~StagedOutput();  // removes the stage unless committed

  // Creates every folder that files will be written to (call before writing from many threads).
  bool make_dirs(const std::set<std::string>& dirs, std::string* error);
  // Thread-safe for distinct paths whose folders exist.
  bool write(const std::string& rel_path, std::string_view contents, std::string* error);
  // Syncs the stage to disk, then atomically replaces the output with it.
  bool commit(std::string* error);

  const std::string& stage_dir() const { return stage_; }

  // A seam for the fault-injection tests: the Nth write (counting from 1 after the markers), the sync
  // or the swap fails as a full disk or a failing device would. Zero / false: no fault.
  struct Faults {
    size_t fail_write = 0;
    bool fail_sync = false, fail_swap = false;
  };
  static void inject_faults(const Faults& faults);
  size_t files_written() const { return files_; }

 private:
  StagedOutput(std::string out, std::string stage, int lock) : out_(std::move(out)), stage_(std::move(stage)), lock_(lock) {}
  std::string out_;
  std::string stage_;
  int lock_ = -1;  // held until the object goes
  bool ready_ = false;  // the markers are written
  bool committed_ = false;
  std::atomic<size_t> files_{0};
};

inline constexpr const char* kOutputMarker = ".sveden-output";

}  // namespace sveden
