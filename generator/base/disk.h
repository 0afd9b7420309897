// The seam between loading and the file system: the real disk confined to a site folder, or an
// in-memory folder for tests. Paths are relative to the site folder, with «/».
#pragma once
#include <sys/stat.h>

#include <map>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sveden {

class Disk {
 public:
  virtual ~Disk() = default;
  // Contents of a file, or a failure (ExitCode::io) that says in Russian what is wrong with it.
  virtual Result<std::string> read(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  // Something is at `path`, a file or not (a folder, a link, a device): reading it says what is wrong.
  virtual bool exists(const std::string& path) const { return is_file(path); }
  // Files under `dir`, recursively, relative to the site folder, sorted.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  // A text that changes whenever anything under the root changes (a file written, added, removed,
  // renamed or replaced), leaving out the folder `skip` (the output, when it is inside the site
  // folder), sveden's own files beside an output (`.*.sveden-lock`, `-state`, `-stage-*`) and `.git`;
  // nullopt when there is no such text (a folder in memory) or when it could miss a change (a file system
  // with whole-second times, and an entry changed within the last second). Read by stat, never by contents.
  virtual std::optional<std::string> signature(const std::string& skip) const {
    (void)skip;
    return std::nullopt;
  }
};

// Reads under `root` through descriptors, one path component at a time, following no symbolic
// link: a link is refused with a message saying where it leads (docs/DATA.md, «Файлы и ссылки»),
// and only regular files are read.
class RealDisk : public Disk {
 public:
  explicit RealDisk(std::string root);
  Result<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  bool exists(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  std::optional<std::string> signature(const std::string& skip) const override;

 private:
  // A descriptor of `path` opened beneath the root (a regular file when `want_file`), or -1 with `error`.
  int open_beneath(const std::string& path, bool want_file, struct stat* st, std::string* error) const;
  std::string root_;
};

class MemoryDisk : public Disk {
 public:
  void put(const std::string& path, std::string contents) { files_[path] = std::move(contents); }
  void remove(const std::string& path) { files_.erase(path); }
  Result<std::string> read(const std::string& path) const override;
  bool is_file(const std::string& path) const override { return files_.count(path) > 0; }
  std::vector<std::string> list(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

// Every entry under `folder` (those `skip` names left out, with what is beneath them), a line each, in one
// order (names in byte order within a folder, a folder's entries right after its own line; listing_before):
// path, mode, size, mtime, ctime and inode by lstat, a folder's path and mode only (append_stat_line).
// Whatever changes an entry (written, replaced, touched, removed, added, edited with its mtime put back,
// a folder's mode changed) changes the text. nullopt if the folder cannot be read
// whole, or on a file system with whole-second times when an entry changed within the last second.
// `skip` is asked of each entry with its full path (the folder's canonical path, then «/» and the path within it)
// and its name. The folders two levels down (a school's under schools/) are listed on `jobs` threads; the
// text is the same for any number.
using StatSkip = std::function<bool(const std::string& path, std::string_view name)>;
std::optional<std::string> stat_listing(const std::string& folder, const StatSkip& skip, int jobs = 1);

// One line of a stat listing: «path\tmode\tsize\tmtime\tctime\tinode\n», a folder's «path\tmode\n».
void append_stat_line(std::string& out, std::string_view path, const struct stat& st);
// Whether the path `a` comes before `b` in a stat listing: name by name, each in byte order.
bool listing_before(std::string_view a, std::string_view b);
// An entry changed within the last second `now` is in, on a file system with whole-second times: a state
// a listing cannot tell from an edit made later in that second.
bool changed_too_recently(const struct stat& st, const struct timespec& now);

// Removes `folder` and everything beneath it, as std::filesystem::remove_all does (symbolic links are
// removed, never followed), the folders two levels down (a school's under schools/) on `jobs` threads.
void remove_tree(const std::string& folder, int jobs);

// What read() says of a folder where a file is expected.
inline constexpr const char* kFolderNotFile = "это папка, а не файл";

// A path as shown in messages: `path` inside the --site folder as the user wrote it («» or «.»: as is).
std::string display_path(const std::string& prefix, const std::string& path);

// A relative path that stays inside its folder: no «..», no leading «/», no empty parts.
bool is_safe_relative_path(std::string_view path);

}  // namespace sveden
