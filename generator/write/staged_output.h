// Writes a build into a fresh folder beside the output and swaps it in only when everything has
// succeeded, so a failed or killed build leaves the previous output exactly as it was. A file whose
// content is the same as in the previous output is not written again: the previous file is hard-linked
// into the stage (same inode, same mtime), so a rebuild without changes writes no file and `rsync`
// uploads only what changed (docs/ARCHITECTURE.md, «Запись»).
#pragma once
#include <atomic>
#include <future>
#include <sys/stat.h>

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "write/background_writeback.h"
#include "write/output.h"

namespace sveden {

class StagedOutput : public Output {
 public:
  explicit StagedOutput(std::string out_dir, int jobs = 1) : requested_(std::move(out_dir)), jobs_(jobs) {}
  ~StagedOutput() override;  // removes the stage unless committed

  // Takes the output's lock (`.<out>.sveden-lock` beside it: a second build of the same output waits),
  // prepares a stage folder beside the output under a name no other build can take, and removes the
  // stages of builds that died — only folders that carry sveden's stage marker. Refuses an existing
  // non-empty folder that sveden did not create, so that no one's files are swapped away.
  Status open() override;
  Status make_dirs(const std::set<std::string>& dirs) override;
  // A file equal to the previous output's file of the same path is linked, not written.
  Status write(const std::string& rel_path, std::string_view contents) override;
  // Compared with the previous output's file part by part while they agree, and linked if they agree to
  // the end; from the first part that differs, written, its agreeing beginning copied from that file.
  Status write_parts(const std::string& rel_path, const PartsMaker& make) override;
  // Makes the stage durable (its files, links and folders) before it is published.
  Status sync() override;
  // Syncs (if not done yet), then atomically replaces the output with the stage; when every file was
  // carried over and the previous output has nothing more, keeps the previous output and drops the stage.
  Status commit() override;

  std::unique_ptr<Disk> written() const override;
  // The stage, with every file carried over so far linked in (a program writes into it directly).
  std::string folder() override;
  // The record beside the output (`.<out>.sveden-state`): the key of the build that published it and a
  // digest of the output as it left it (every path, type, size, mtime, ctime and inode). When every file
  // was written new, from what each said of itself when written (written_digest); otherwise the output is
  // listed again.
  std::optional<BuildRecord> previous_build(const std::string& key) override;
  // When the output has a record, its digest is taken on another thread from now on.
  void expect_previous() override;
  void remember_build(const std::string& key, const BuildRecord& record) override;
  size_t files() const override { return files_; }
  size_t files_changed() const override { return changed_; }
  const std::string& stage_dir() const { return stage_; }

 private:
  // A file of the previous output with the same bytes as a file being written: linked into the stage
  // when the stage is made (the first changed file), if it is still that very file.
  struct Same {
    std::string path;
    ino_t inode;
    struct timespec mtime;
    size_t size;
  };
  std::optional<Same> previous_same(const std::string& rel_path, std::string_view contents) const;
  Status link_previous(const Same& same);
  // Makes the stage a real folder: its folders, and links to the files carried over so far. Until the
  // first changed file nothing is created, so a rebuild without changes touches nothing.
  Status materialise();
  Status create_dirs(std::vector<const std::string*>& pending);  // emptied once they are made
  bool can_link() const;  // whether the previous output's files can be linked into the stage
  Status write_new(const std::string& rel_path, std::string_view contents);
  // write_new in steps: a new file in the stage (its descriptor), its bytes, and its end.
  Result<int> create_new(const std::string& rel_path);
  Status append_new(int fd, const std::string& rel_path, std::string_view bytes);
  Status close_new(int fd, const std::string& rel_path);
  // `same` is carried over: linked now when the stage exists, or when it is made. False when a link
  // failed (another file system, too many links): the file must be written.
  bool carry_over(Same same);
  // Every file was carried over and the previous output has nothing else: it is the new output as it is.
  bool unchanged();
  // The digest output_digest would give of the committed output, from its files as each was when closed and
  // its folders as made, without listing it again (80,000 names at 2,000 schools, 0.5 s, a twentieth of a
  // build); nullopt when that does not hold: a file linked from the previous output (the removal of that
  // output changes its ctime), one a program wrote into folder(), a stat that failed.
  std::optional<std::string> written_digest();

  std::string requested_;  // as the user named it
  int jobs_ = 1;           // threads for listing the output (its digest)
  std::string out_;        // the real folder (symbolic links followed)
  std::string stage_;
  std::string state_;  // the record of the build that published the output (previous_build)
  int lock_ = -1;      // held until the object goes
  int stage_fd_ = -1;  // the stage, for every *at() call: a stage removed by a signal is not created again
  int previous_fd_ = -1;  // the previous output, or -1
  bool synced_ = false;
  bool committed_ = false;
  std::optional<bool> unchanged_;  // decided once, at sync
  std::atomic<size_t> files_{0}, changed_{0};
  mutable std::mutex stage_mutex_;
  bool materialised_ = false;          // the stage's folders and links exist
  std::set<std::string, std::less<>> wanted_dirs_;   // folders files go to
  std::vector<const std::string*> pending_dirs_;     // of them, not created yet
  std::vector<Same> same_;                           // carried over, not linked yet
  std::set<std::string> paths_;                      // every file carried over until the stage is made, for written()
  std::string early_out_;                            // the folder expect_previous() found
  std::future<std::optional<std::string>> early_digest_;  // and its digest, being taken
  std::unique_ptr<BackgroundWriteback> writeback_;        // the stage's file system to disk as it is written
  mode_t folder_mode_ = 0;                                // of the folders made (the stage's own)
  std::mutex closed_mutex_;
  // Every file written new, as it was when closed: what a stat listing says of it, in 56 bytes beside its path
  // (a struct stat is 144; 223,000 files at 10,000 schools).
  struct Closed {
    std::string path;
    struct timespec mtime, ctime;
    off_t size;
    ino_t inode;
    mode_t mode;
  };
  std::vector<Closed> closed_;
  std::atomic<bool> listed_by_writes_{true};                 // closed_ and wanted_dirs_ are the whole stage
};

inline constexpr const char* kOutputMarker = ".sveden-output";
inline constexpr const char* kOutputMarkerText = "Эта папка создана sveden и заменяется при каждой сборке.\n";

}  // namespace sveden
