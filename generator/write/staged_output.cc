#include "write/staged_output.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <future>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "base/disk.h"
#include "base/parallel.h"
#include "base/text_hash.h"
#include "write/exit_cleanup.h"

namespace sveden {

namespace fs = std::filesystem;

namespace {

// Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about «"." + string».
std::string stage_prefix(const fs::path& out) {
  std::string prefix = ".";
  prefix += out.filename().string();
  prefix += ".sveden-stage-";
  return prefix;
}

// The file inside every stage that says it is sveden's: a stale stage is removed only when it has it.
constexpr const char* kStageMarker = ".sveden-stage";
constexpr const char* kStageMarkerText = "Папка сборки sveden: удаляется автоматически.\n";

bool is_our_stage(const fs::path& dir) {
  int fd = ::open((dir / kStageMarker).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  char buf[256];
  ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  return n == static_cast<ssize_t>(std::strlen(kStageMarkerText)) && std::memcmp(buf, kStageMarkerText, static_cast<size_t>(n)) == 0;
}

// Stages of builds that died. Called with the output's lock held, so no other build of this output
// is running: every stage of ours is stale. A folder without the stage marker is not ours and stays.
void remove_stale_stages(const fs::path& out) {
  std::error_code ec;
  fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  std::string prefix = stage_prefix(out);
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0 || entry.is_symlink(ec) || !entry.is_directory(ec) || !is_our_stage(entry.path())) continue;
    fs::remove_all(entry.path(), ec);
  }
}

// A name no other build can take, even one with the same PID in another container.
std::string unique_suffix() {
  unsigned char bytes[6] = {};
  int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    (void)::read(fd, bytes, sizeof bytes);
    ::close(fd);
  }
  std::string out = std::to_string(getpid()) + "-";
  for (unsigned char b : bytes) out += fmt::format("{:02x}", b);
  return out;
}

// Syncs a file or folder to disk.
bool sync_path(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_DIRECTORY);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// Opens `rel_path` beneath the folder `dir` for reading, refusing symbolic links on the way and «..»:
// the previous output is read, never trusted to point elsewhere. -1 when it cannot.
int open_beneath(int dir, const std::string& rel_path) {
  struct open_how how = {};
  how.flags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  long fd = ::syscall(SYS_openat2, dir, rel_path.c_str(), &how, sizeof how);
  return fd < 0 ? -1 : static_cast<int>(fd);
}

// Whether the open file holds `bytes` at `at` (read in blocks: no copy of the file in memory).
bool same_bytes_at(int fd, size_t at, std::string_view bytes) {
  char block[1 << 16];
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::pread(fd, block, std::min(sizeof block, bytes.size() - done), static_cast<off_t>(at + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || std::memcmp(block, bytes.data() + done, static_cast<size_t>(n)) != 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// The first `bytes` of the open file `from` into the open file `to`, at its start.
bool copy_beginning(int from, int to, size_t bytes) {
  loff_t in = 0, out = 0;
  while (static_cast<size_t>(in) < bytes) {
    ssize_t n = ::copy_file_range(from, &in, to, &out, bytes - static_cast<size_t>(in), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n > 0) continue;
    if (n == 0) return false;  // the file is shorter than it was
    // Not between these two (another file system, an old kernel): through a buffer.
    char block[1 << 16];
    while (static_cast<size_t>(in) < bytes) {
      ssize_t r = ::pread(from, block, std::min(sizeof block, bytes - static_cast<size_t>(in)), in);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) return false;
      for (ssize_t w = 0; w < r;) {
        ssize_t k = ::pwrite(to, block + w, static_cast<size_t>(r - w), out);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        w += k;
        out += k;
      }
      in += r;
    }
  }
  return ::lseek(to, out, SEEK_SET) == out;
}

// The files a build has written so far while they are all the previous output's files: read from the
// previous output, and only those (a file the build no longer writes is not there).
class ListedDisk : public Disk {
 public:
  ListedDisk(const std::string& root, std::set<std::string> paths) : real_(root), paths_(std::move(paths)) {}
  Result<std::string> read(const std::string& path) const override {
    if (paths_.count(path)) return real_.read(path);
    return io_failure("нет такого файла");
  }
  bool is_file(const std::string& path) const override { return paths_.count(path) > 0; }
  bool exists(const std::string& path) const override {
    if (paths_.count(path)) return true;
    auto it = paths_.lower_bound(path + "/");  // a folder of written files
    return it != paths_.end() && it->compare(0, path.size() + 1, path + "/") == 0;
  }
  std::vector<std::string> list(const std::string& dir) const override {
    std::string prefix = dir.empty() ? "" : dir + "/";
    std::vector<std::string> out;
    for (auto it = paths_.lower_bound(prefix); it != paths_.end() && it->compare(0, prefix.size(), prefix) == 0; ++it) out.push_back(*it);
    return out;
  }

 private:
  RealDisk real_;
  std::set<std::string> paths_;
};

// A digest of a published output as it is (stat_listing). The ctimes hold still from the record to the
// next build: the links of the swap are gone by then (commit removes the previous output before
// remember_build), and can_link() links nothing of the output.
std::optional<std::string> output_digest(const std::string& out, int jobs) {
  auto listing = stat_listing(out, nullptr, jobs);
  if (!listing) return std::nullopt;
  return text_hash(*listing);
}

constexpr const char* kStateHeader = "sveden-build-state 2";  // 2: a folder by its path and mode

}  // namespace

namespace {

// The folder an output names, as swapped: an output that is a symbolic link (a web root often is) is
// written through, the link stays, and the folder it points to is the one swapped, atomically, beside itself.
Status real_output(const std::string& out_dir, fs::path& out) {
  out = fs::path(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  std::error_code ec;
  for (int hops = 0; fs::is_symlink(out, ec); ++hops) {
    if (hops == 40) {
      return io_failure(fmt::format("«{}»: символические ссылки образуют цикл", out_dir));
    }
    fs::path target = fs::read_symlink(out, ec);
    if (ec) {
      return io_failure(fmt::format("не удалось прочитать ссылку «{}»: {}", out.string(), ec.message()));
    }
    out = (target.is_absolute() ? target : out.parent_path() / target).lexically_normal();
    if (out.filename().empty()) out = out.parent_path();
  }
  return {};
}

// `.<out>.sveden-<what>` beside the output: its lock and its state.
fs::path beside_output(const fs::path& out, const char* what) {
  std::string name = stage_prefix(out);
  name.replace(name.size() - std::string("stage-").size(), std::string::npos, what);
  return (out.parent_path().empty() ? fs::path(".") : out.parent_path()) / name;
}

}  // namespace

void StagedOutput::expect_previous() {
  fs::path out;
  struct stat st{};
  if (!real_output(requested_, out).ok() || ::stat(beside_output(out, "state").c_str(), &st) != 0) return;
  early_out_ = out.string();
  early_digest_ = std::async(std::launch::async, [out = early_out_, jobs = jobs_] { return output_digest(out, jobs); });
}

Status StagedOutput::open() {
  const std::string& out_dir = requested_;
  fs::path out;
  if (Status real = real_output(out_dir, out); !real.ok()) return real;
  std::error_code ec;
  fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  fs::create_directories(parent, ec);
  if (ec) {
    return io_failure(fmt::format("не удалось создать папку «{}»: {}", parent.string(), ec.message()));
  }
  // One build of an output at a time: the second waits for the first to finish its swap.
  fs::path lock_path = beside_output(out, "lock");
  int lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (lock < 0) {
    return io_failure(fmt::format("не удалось создать файл блокировки «{}»: {}", lock_path.string(), std::strerror(errno)));
  }
  if (::flock(lock, LOCK_EX | LOCK_NB) != 0) {
    fmt::print(stderr, "Ждём, пока закончится другая сборка в папку «{}»…\n", out.string());
    while (::flock(lock, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  lock_ = lock;
  out_ = out.string();
  state_ = beside_output(out, "state").string();
  if (fs::exists(out, ec)) {
    if (!fs::is_directory(out, ec)) {
      return io_failure(fmt::format("«{}» — это файл, а не папка", out.string()));
    }
    bool empty = fs::is_empty(out, ec);
    if (!empty && !fs::exists(out / kOutputMarker, ec)) {
      return io_failure(fmt::format("папка «{}» не пуста и создана не sveden: её содержимое было бы заменено. "
                           "Укажите другую папку (--out) или очистите эту", out.string()));
    }
    // The previous output, whose unchanged files are carried over.
    if (!empty) previous_fd_ = ::open(out.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
  }
  remove_stale_stages(out);
  fs::path stage;
  for (int attempt = 0; attempt < 100 && stage.empty(); ++attempt) {
    fs::path candidate = parent / (stage_prefix(out) + unique_suffix());
    if (make_dir_on_signal(candidate.string(), 0755)) stage = candidate;
    else if (errno != EEXIST) break;
  }
  if (stage.empty()) {
    return io_failure(fmt::format("не удалось создать папку сборки рядом с «{}»: {}", out.string(), std::strerror(errno)));
  }
  stage_ = stage.string();
  stage_fd_ = ::open(stage_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
  struct stat made {};
  if (stage_fd_ < 0 || ::fstat(stage_fd_, &made) != 0) {
    return io_failure(fmt::format("не удалось открыть папку «{}»: {}", stage_, std::strerror(errno)));
  }
  folder_mode_ = made.st_mode;  // made as every folder in it is: 0755 under the umask
  writeback_ = std::make_unique<BackgroundWriteback>(stage_fd_);
  // The stage says it is ours before anything else is in it, and the output's marker is there
  // before the swap: a published output always carries it.
  if (Status made = write_new(kStageMarker, kStageMarkerText); !made.ok()) return made;
  // Nothing to carry over, or no way to link (no /proc, a file system without hard links): the stage
  // is made at once and every file written.
  materialised_ = previous_fd_ < 0 || !can_link();
  return write(kOutputMarker, kOutputMarkerText);
}

StagedOutput::~StagedOutput() {
  writeback_.reset();  // before the stage's descriptor it uses is closed
  std::error_code ec;
  if (previous_fd_ >= 0) ::close(previous_fd_);
  if (stage_fd_ >= 0) ::close(stage_fd_);
  if (!committed_ && !stage_.empty()) fs::remove_all(stage_, ec);
  if (!stage_.empty()) forget_on_signal(stage_);
  if (lock_ >= 0) ::close(lock_);  // releases the lock
}

bool StagedOutput::can_link() const {
  // Without touching the previous output (a link to one of its files would change that file's ctime, which
  // the record of the build compares): the same file system, and a link made through /proc inside the stage.
  struct stat previous{}, stage{};
  if (::fstat(previous_fd_, &previous) != 0 || ::fstat(stage_fd_, &stage) != 0 || previous.st_dev != stage.st_dev) return false;
  int fd = ::openat(stage_fd_, kStageMarker, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  std::string self = "/proc/self/fd/" + std::to_string(fd);
  const char* probe = ".sveden-link-probe";
  bool ok = ::linkat(AT_FDCWD, self.c_str(), stage_fd_, probe, AT_SYMLINK_FOLLOW) == 0;
  ::close(fd);
  if (ok) ::unlinkat(stage_fd_, probe, 0);
  return ok;
}

Status StagedOutput::make_dirs(const std::set<std::string>& dirs) {
  std::vector<const std::string*> now;
  {
    std::lock_guard lock(stage_mutex_);
    // Each folder with the folders it is in, from the deepest up: a folder already wanted has its parents
    // wanted too, so the walk stops there (most pages' folders share all but the last level).
    for (const auto& d : dirs) {
      std::string_view part = d;
      while (!part.empty()) {
        while (!part.empty() && part.back() == '/') part.remove_suffix(1);  // «schools/x/» is «schools/x»
        if (part.empty()) break;
        auto it = wanted_dirs_.lower_bound(part);
        if (it != wanted_dirs_.end() && *it == part) break;
        pending_dirs_.push_back(&*wanted_dirs_.emplace_hint(it, part));
        size_t slash = part.rfind('/');
        part = part.substr(0, slash == std::string_view::npos ? 0 : slash);
      }
    }
    if (!materialised_) return {};  // made when the stage is (materialise)
    now.swap(pending_dirs_);
  }
  // Made without the lock: files go on being written into the folders made before (the open data, while
  // the pages' folders are made: site/build.cc).
  return create_dirs(now);
}

Status StagedOutput::create_dirs(std::vector<const std::string*>& pending) {
  // Relative to the stage's descriptor, parents first (a parent sorts before what it holds), each folder once.
  std::sort(pending.begin(), pending.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  // The folders one level deep first («schools»), then each folder two levels deep («schools/x») with its own
  // tree below it, the trees in --jobs threads: the folders of a school's pages are most of all (180,000 at
  // 10,000 schools), and made one after another, before any page, they were a seventh of a build's CPU with
  // the other cores idle; the schools' own folders alone, made in turn, were 0.2 s at 2,000 schools.
  std::vector<const std::string*> shallow;
  std::map<std::string_view, std::vector<const std::string*>> trees;  // by the folder two levels deep they are in
  for (const std::string* part : pending) {
    size_t first = part->find('/'), second = first == std::string::npos ? first : part->find('/', first + 1);
    if (first == std::string::npos) shallow.push_back(part);
    else trees[std::string_view(*part).substr(0, second)].push_back(part);  // the tree's own folder first (sorted)
  }
  std::mutex failure_mutex;
  Status failure;
  auto make = [&](const std::string* part) {
    if (::mkdirat(stage_fd_, part->c_str(), 0755) == 0 || errno == EEXIST) return true;
    std::lock_guard lock(failure_mutex);
    if (failure.ok())
      failure = io_failure(fmt::format("не удалось создать папку «{}»: {}", (fs::path(stage_) / *part).string(), std::strerror(errno)));
    return false;
  };
  for (const std::string* part : shallow)
    if (!make(part)) return failure;
  std::vector<const std::vector<const std::string*>*> each;
  for (const auto& [top, parts] : trees) each.push_back(&parts);
  parallel_for(each.size(), jobs_, [&](size_t t, int) {
    for (const std::string* part : *each[t])
      if (!make(part)) return false;
    return true;
  });
  if (!failure.ok()) return failure;
  pending.clear();
  return {};
}

Status StagedOutput::materialise() {
  std::lock_guard lock(stage_mutex_);
  if (materialised_) return {};
  if (Status made = create_dirs(pending_dirs_); !made.ok()) return made;
  for (const auto& same : same_)
    if (Status linked = link_previous(same); !linked.ok()) return linked;
  same_.clear();
  same_.shrink_to_fit();
  paths_.clear();  // written() now reads the stage itself
  materialised_ = true;
  return {};
}

Status StagedOutput::link_previous(const Same& same) {
  int fd = open_beneath(previous_fd_, same.path);
  struct stat st {};
  bool ok = fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_ino == same.inode &&
            st.st_mtim.tv_sec == same.mtime.tv_sec && st.st_mtim.tv_nsec == same.mtime.tv_nsec &&
            static_cast<size_t>(st.st_size) == same.size;
  if (!ok) {
    if (fd >= 0) ::close(fd);
    return io_failure(fmt::format("файл «{}» прежнего результата изменился во время сборки: соберите ещё раз", out_ + "/" + same.path));
  }
  // The very file compared, through its descriptor: a link put in its place meanwhile is not followed.
  std::string self = "/proc/self/fd/" + std::to_string(fd);
  ok = ::linkat(AT_FDCWD, self.c_str(), stage_fd_, same.path.c_str(), AT_SYMLINK_FOLLOW) == 0;
  int saved = errno;
  ::close(fd);
  if (!ok) return io_failure(fmt::format("не удалось связать файл «{}»: {}", stage_ + "/" + same.path, std::strerror(saved)));
  return {};
}

std::optional<StagedOutput::Same> StagedOutput::previous_same(const std::string& rel_path, std::string_view contents) const {
  if (previous_fd_ < 0) return std::nullopt;
  int fd = open_beneath(previous_fd_, rel_path);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) == contents.size() &&
              same_bytes_at(fd, 0, contents);
  ::close(fd);
  if (!same) return std::nullopt;
  return Same{rel_path, st.st_ino, st.st_mtim, contents.size()};
}

Result<int> StagedOutput::create_new(const std::string& rel_path) {
  // Never through an existing name: it may be a link to the previous output's file.
  int fd = ::openat(stage_fd_, rel_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0 && errno == EEXIST && ::unlinkat(stage_fd_, rel_path.c_str(), 0) == 0)
    fd = ::openat(stage_fd_, rel_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return io_failure(fmt::format("не удалось создать файл «{}»: {}", stage_ + "/" + rel_path, std::strerror(errno)));
  return fd;
}

Status StagedOutput::append_new(int fd, const std::string& rel_path, std::string_view bytes) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = n == 0 ? ENOSPC : errno;
      return io_failure(fmt::format("не удалось записать файл «{}»: {}", stage_ + "/" + rel_path, std::strerror(saved)));
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (writeback_) writeback_->wrote(bytes.size());
  return {};
}

Status StagedOutput::close_new(int fd, const std::string& rel_path) {
  // As the file is now and stays: nothing after this changes its stat, unless it is linked (written_digest).
  struct stat st {};
  if (rel_path != kStageMarker && listed_by_writes_) {  // once a file is linked, the output is listed again anyway
    if (::fstat(fd, &st) == 0) {
      std::lock_guard lock(closed_mutex_);
      closed_.push_back({rel_path, st.st_mtim, st.st_ctim, st.st_size, st.st_ino, st.st_mode});
    } else {
      listed_by_writes_ = false;
    }
  }
  // No sync_file_range here to start the writing early: it made the kernel write each file to disk in the
  // thread that rendered it, a few KB at a time; writeback_ has the kernel's flusher do it in large batches.
  if (::close(fd) != 0) return io_failure(fmt::format("не удалось записать файл «{}»: {}", stage_ + "/" + rel_path, std::strerror(errno)));
  return {};
}

Status StagedOutput::write_new(const std::string& rel_path, std::string_view contents) {
  Result<int> fd = create_new(rel_path);
  if (!fd) return fd.status();
  if (Status written = append_new(*fd, rel_path, contents); !written.ok()) {
    ::close(*fd);
    return written;
  }
  return close_new(*fd, rel_path);
}

bool StagedOutput::carry_over(Same same) {
  bool link_now = false;
  {
    std::lock_guard lock(stage_mutex_);
    if (materialised_) {
      link_now = true;
    } else {
      paths_.insert(same.path);
      same_.push_back(same);
    }
  }
  // A link failing (another file system, no /proc, too many links) only means the file is written.
  if (link_now && !link_previous(same).ok()) return false;
  listed_by_writes_ = false;
  ++files_;
  return true;
}

Status StagedOutput::write(const std::string& rel_path, std::string_view contents) {
  if (auto same = previous_same(rel_path, contents); same && carry_over(std::move(*same))) return {};
  if (Status made = materialise(); !made.ok()) return made;
  if (Status written = write_new(rel_path, contents); !written.ok()) return written;
  ++files_;
  ++changed_;
  return {};
}

Status StagedOutput::write_parts(const std::string& rel_path, const PartsMaker& make) {
  int previous = previous_fd_ >= 0 ? open_beneath(previous_fd_, rel_path) : -1;
  struct stat st {};
  bool same = previous >= 0 && ::fstat(previous, &st) == 0 && S_ISREG(st.st_mode);
  size_t at = 0;  // bytes made so far
  int fd = -1;    // the new file, once a part differs
  Status failed;
  // The new file, with the `at` bytes that agreed copied from the previous one.
  auto start_new = [&]() -> Status {
    if (Status made = materialise(); !made.ok()) return made;
    Result<int> made = create_new(rel_path);
    if (!made) return made.status();
    fd = *made;
    if (at > 0 && !copy_beginning(previous, fd, at))
      return io_failure(fmt::format("не удалось скопировать начало файла «{}» из прежнего результата: соберите ещё раз", out_ + "/" + rel_path));
    return {};
  };
  make_parts(make, [&](std::string_view part) {
    if (!failed.ok()) return;
    if (same && at + part.size() <= static_cast<size_t>(st.st_size) && same_bytes_at(previous, at, part)) {
      at += part.size();
      return;
    }
    same = false;
    if (fd < 0 && !(failed = start_new()).ok()) return;
    failed = append_new(fd, rel_path, part);
    at += part.size();
  });
  if (failed.ok() && same && at == static_cast<size_t>(st.st_size) && carry_over(Same{rel_path, st.st_ino, st.st_mtim, at})) {
    ::close(previous);
    return {};
  }
  if (failed.ok() && fd < 0) failed = start_new();  // the beginning of the previous file, or all of it
  if (previous >= 0) ::close(previous);
  if (fd >= 0) {
    Status closed = close_new(fd, rel_path);
    if (failed.ok()) failed = closed;
  }
  if (!failed.ok()) return failed;
  ++files_;
  ++changed_;
  return {};
}

bool StagedOutput::unchanged() {
  if (unchanged_) return *unchanged_;
  unchanged_ = false;
  if (changed_ > 0 || previous_fd_ < 0 || materialised_) return false;
  // Every file of the stage is a link to the previous file of its path; the previous output is the same
  // when it has no other file or folder.
  size_t files = 0, dirs = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(out_, ec), end; !ec && it != end; it.increment(ec))
    ++(it->is_directory(ec) && !it->is_symlink(ec) ? dirs : files);
  unchanged_ = !ec && files == files_ && dirs == wanted_dirs_.size();
  return *unchanged_;
}

Status StagedOutput::sync() {
  if (synced_ || unchanged()) return {};
  if (Status made = materialise(); !made.ok()) return made;
  // The stage's marker goes first: what is synced is the output to publish.
  ::unlinkat(stage_fd_, kStageMarker, 0);
  if (writeback_) writeback_->stop();
  // One syncfs, not an fsync per new file and folder: each of those waits for its own journal commit,
  // and on this project's machines 11 000 files and 9 000 folders took 82 s against 0,35 s for syncfs
  // (docs/PERFORMANCE.md). Linked files were made durable by the build that wrote them.
  if (::syncfs(stage_fd_) != 0) {
    return io_failure(fmt::format("не удалось записать на диск папку «{}»: {}", stage_, std::strerror(errno)));
  }
  synced_ = true;
  return {};
}

std::unique_ptr<Disk> StagedOutput::written() const {
  std::lock_guard lock(stage_mutex_);
  if (materialised_) return std::make_unique<RealDisk>(stage_);
  return std::make_unique<ListedDisk>(out_, paths_);
}

std::string StagedOutput::folder() {
  listed_by_writes_ = false;  // what a program writes there is not known here
  return materialise().ok() ? stage_ : "";
}

Status StagedOutput::commit() {
  std::error_code ec;
  // Durability: every file and folder of the stage is on disk before the swap, so that a power cut
  // after it cannot leave empty files in the published output. The stage's marker goes: the swapped-in
  // folder is the output now, and its predecessor is removed below by name.
  if (Status synced = sync(); !synced.ok()) return synced;
  // The previous output's record goes first: from here on, the output may be this build's.
  if (!state_.empty()) ::unlink(state_.c_str());
  if (unchanged()) {
    // Nothing to publish: the previous output stays as it is, folders included, and the stage (links
    // only) goes. No swap, no sync.
    committed_ = true;
    fs::remove_all(stage_, ec);
    return {};
  }
  if (previous_fd_ >= 0) {
    ::close(previous_fd_);
    previous_fd_ = -1;
  }
  if (fs::exists(out_, ec)) {
    // One atomic step: the old output and the stage trade places; then the old one is removed.
    if (renameat2(AT_FDCWD, stage_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
      return io_failure(fmt::format("не удалось заменить папку «{}»: {}", out_, std::strerror(errno)));
    }
    committed_ = true;
    sync_path(fs::path(out_).parent_path().empty() ? fs::path(".") : fs::path(out_).parent_path());
    // Now holds the previous output: 80,000 names at 2,000 schools, removed on the build's threads.
    remove_tree(stage_, jobs_);
    return {};
  }
  if (::rename(stage_.c_str(), out_.c_str()) != 0) {
    return io_failure(fmt::format("не удалось переименовать «{}» в «{}»: {}", stage_, out_, std::strerror(errno)));
  }
  committed_ = true;
  sync_path(fs::path(out_).parent_path().empty() ? fs::path(".") : fs::path(out_).parent_path());
  return {};
}

}  // namespace sveden

namespace sveden {

std::optional<BuildRecord> StagedOutput::previous_build(const std::string& key) {
  if (state_.empty() || previous_fd_ < 0 || key.empty()) return std::nullopt;
  int fd = ::open(state_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return std::nullopt;
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0 && text.size() < 65536;) text.append(buffer, static_cast<size_t>(n));
  ::close(fd);
  std::map<std::string, std::string> fields;
  size_t start = 0;
  bool header = false;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) return std::nullopt;  // cut short
    std::string line = text.substr(start, end - start);
    start = end + 1;
    if (!header) {
      if (line != kStateHeader) return std::nullopt;
      header = true;
      continue;
    }
    size_t space = line.find(' ');
    if (space == std::string::npos) return std::nullopt;
    fields[line.substr(0, space)] = line.substr(space + 1);
  }
  auto number = [&](const char* name) -> std::optional<size_t> {
    auto it = fields.find(name);
    if (it == fields.end() || it->second.empty() || it->second.size() > 15 ||
        it->second.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    return static_cast<size_t>(std::stoull(it->second));
  };
  auto pages = number("pages"), files = number("files"), pdfs = number("pdfs"), errors = number("audit_errors");
  if (!header || fields["key"] != key || !pages || !files || !pdfs || !errors) return std::nullopt;
  // Read while the build loaded its data (expect_previous), when it was this very folder.
  auto digest = early_digest_.valid() && early_out_ == out_ ? early_digest_.get() : output_digest(out_, jobs_);
  if (!digest || fields["output"] != *digest) return std::nullopt;
  return BuildRecord{*pages, *files, *pdfs, static_cast<int>(*errors)};
}

std::optional<std::string> StagedOutput::written_digest() {
  if (!listed_by_writes_ || !materialised_ || unchanged()) return std::nullopt;
  struct timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  std::vector<std::pair<std::string_view, const Closed*>> entries;  // a folder's: nullptr
  entries.reserve(closed_.size() + wanted_dirs_.size());
  for (const Closed& c : closed_) entries.emplace_back(c.path, &c);
  for (const std::string& dir : wanted_dirs_) entries.emplace_back(dir, nullptr);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return listing_before(a.first, b.first); });
  std::string listing;
  listing.reserve(entries.size() * 96);
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0 && entries[i].first == entries[i - 1].first) return std::nullopt;  // a file written twice
    struct stat st {};
    st.st_mode = folder_mode_;
    if (const Closed* c = entries[i].second) {
      st.st_mode = c->mode;
      st.st_size = c->size;
      st.st_mtim = c->mtime;
      st.st_ctim = c->ctime;
      st.st_ino = c->inode;
      if (changed_too_recently(st, now)) return std::nullopt;
    }
    append_stat_line(listing, entries[i].first, st);
  }
  return text_hash(listing);
}

void StagedOutput::remember_build(const std::string& key, const BuildRecord& record) {
  if (state_.empty() || !committed_ || key.empty()) return;
  auto digest = written_digest();
  if (!digest) digest = output_digest(out_, jobs_);
  if (!digest) return;
  std::string text = fmt::format("{}\nkey {}\noutput {}\npages {}\nfiles {}\npdfs {}\naudit_errors {}\n", kStateHeader, key, *digest,
                                 record.pages, record.files, record.pdfs, record.audit_errors);
  // Written whole under another name, then renamed: a record is complete or absent. Not synced: a record
  // lost to a power cut only means that the next build renders everything.
  std::string temporary = state_ + ".new";
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return;
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temporary.c_str(), state_.c_str()) != 0) ::unlink(temporary.c_str());
}

}  // namespace sveden
