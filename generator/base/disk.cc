#include "base/disk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dirent.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <deque>
#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "base/parallel.h"

namespace sveden {

namespace fs = std::filesystem;

void remove_tree(const std::string& folder, int jobs) {
  std::error_code ec;
  std::vector<fs::path> parts;
  if (jobs > 1) {
    for (fs::directory_iterator top(folder, ec), end; !ec && top != end; top.increment(ec)) {
      std::error_code e;
      if (top->is_symlink(e) || !top->is_directory(e)) continue;
      for (fs::directory_iterator sub(top->path(), e), stop; !e && sub != stop; sub.increment(e)) parts.push_back(sub->path());
    }
    parallel_for(parts.size(), jobs, [&](size_t i, int) {
      std::error_code e;
      fs::remove_all(parts[i], e);
      return true;
    });
  }
  fs::remove_all(folder, ec);  // the rest, and all of it with one thread
}

std::string display_path(const std::string& prefix, const std::string& path) {
  return prefix.empty() || prefix == "." ? path : prefix + "/" + path;
}

bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) return false;
  if (path.find('\0') != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

namespace {

// A descriptor closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(o.release()) {}
  Fd& operator=(Fd&& o) noexcept {
    if (this != &o) reset(o.release());
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(-1); }
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }
  int release() { int fd = fd_; fd_ = -1; return fd; }
  void reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_;
};

// Whether a link's target, read from the folder `dir` (relative to the site folder), leaves the site.
bool target_leaves_site(const std::string& dir, const std::string& target) {
  if (target.empty() || target.front() == '/') return true;
  int depth = 0;
  for (char c : dir) depth += c == '/';
  if (!dir.empty()) ++depth;
  size_t start = 0;
  while (start <= target.size()) {
    size_t end = target.find('/', start);
    if (end == std::string::npos) end = target.size();
    std::string_view part(target.data() + start, end - start);
    if (part == "..") {
      if (--depth < 0) return true;
    } else if (!part.empty() && part != ".") {
      ++depth;
    }
    start = end + 1;
  }
  return false;
}

// What a symbolic link found at `name` in `dir_fd` is, said to the user. `dir` is the folder's path
// in the site, for telling whether the link leaves it.
std::string link_problem(int dir_fd, const std::string& dir, const std::string& name, bool last) {
  char buf[4096];
  ssize_t n = ::readlinkat(dir_fd, name.c_str(), buf, sizeof buf - 1);
  std::string target = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
  std::string what = last ? "это символическая ссылка" : "«" + (dir.empty() ? name : dir + "/" + name) + "» — символическая ссылка";
  if (target_leaves_site(dir, target)) return "путь ведёт за пределы папки сайта: " + what + " на «" + target + "»";
  return what + " на «" + target + "», а ссылки не читаются";
}

std::string kind_name(mode_t mode) {
  if (S_ISDIR(mode)) return kFolderNotFile;
  if (S_ISFIFO(mode)) return "это именованный канал (FIFO), а не файл";
  if (S_ISSOCK(mode)) return "это сокет, а не файл";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "это устройство, а не файл";
  return "это не обычный файл";
}

}  // namespace

// Every read opens its path from the site folder's descriptor one component at a time with
// O_NOFOLLOW, and checks what it opened with fstat: there is no moment between a check and an open
// in which a swapped-in symbolic link could be followed. (openat2 with RESOLVE_BENEATH would say the
// same in one call, but not on every kernel; one code path is the one that is tested.)
RealDisk::RealDisk(std::string root) : root_(std::move(root)) {}

int RealDisk::open_beneath(const std::string& path, bool want_file, struct stat* st, std::string* error) const {
  if (!is_safe_relative_path(path)) {
    *error = "путь ведёт за пределы папки сайта (через «..» или «/» в начале)";
    return -1;
  }
  Fd dir(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir.ok()) {
    *error = "папка сайта не открывается";
    return -1;
  }
  std::string walked;
  size_t start = 0;
  for (;;) {
    size_t slash = path.find('/', start);
    bool last = slash == std::string::npos;
    std::string name = path.substr(start, last ? std::string::npos : slash - start);
    int flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (last ? 0 : O_DIRECTORY);
    Fd next(::openat(dir.get(), name.c_str(), flags));
    if (!next.ok()) {
      int err = errno;
      struct stat lst {};
      bool found = ::fstatat(dir.get(), name.c_str(), &lst, AT_SYMLINK_NOFOLLOW) == 0;
      if (found && S_ISLNK(lst.st_mode)) *error = link_problem(dir.get(), walked, name, last);
      else if (!found || err == ENOENT) *error = "файл не найден";
      else if (!last && !S_ISDIR(lst.st_mode)) *error = "«" + (walked.empty() ? name : walked + "/" + name) + "» — файл, а не папка";
      else if (err == EACCES || err == EPERM) *error = "нет прав на чтение (проверьте права доступа)";
      else *error = "не удалось открыть файл для чтения";
      return -1;
    }
    if (last) {
      if (::fstat(next.get(), st) != 0) {
        *error = "не удалось узнать размер файла";
        return -1;
      }
      if (want_file && !S_ISREG(st->st_mode)) {
        *error = kind_name(st->st_mode);
        return -1;
      }
      return next.release();
    }
    walked = walked.empty() ? name : walked + "/" + name;
    dir = std::move(next);
    start = slash + 1;
  }
}

Result<std::string> RealDisk::read(const std::string& path) const {
  struct stat st {};
  std::string error;
  Fd fd(open_beneath(path, true, &st, &error));
  if (!fd.ok()) return io_failure(std::move(error));
  // Regular files only: reading blocks again so a file on a slow disk is read whole.
  ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);
  std::string out;
  out.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return io_failure("ошибка чтения файла");
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

bool RealDisk::is_file(const std::string& path) const {
  struct stat st {};
  std::string error;
  Fd fd(open_beneath(path, true, &st, &error));
  return fd.ok();
}

bool RealDisk::exists(const std::string& path) const {
  struct stat st {};
  std::string error;
  Fd fd(open_beneath(path, false, &st, &error));
  return fd.ok() || error != "файл не найден";
}

std::vector<std::string> RealDisk::list(const std::string& dir) const {
  // Names only: every file listed is then opened by read(), which follows no link; a link or a
  // special file is listed so that reading it names the problem instead of it silently vanishing.
  std::vector<std::string> out;
  std::error_code ec;
  fs::path base = fs::path(root_) / dir;
  if (!fs::is_directory(base, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(base, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) continue;
    // Lexically: fs::relative would follow a symbolic link and name «../elsewhere.csv» instead of the
    // link's own path.
    std::string rel = it->path().lexically_relative(base).generic_string();
    if (!rel.empty() && rel.rfind("..", 0) != 0) out.push_back(dir.empty() ? rel : dir + "/" + rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

void append_number(std::string& out, unsigned long long v, int base = 10) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, v, base).ptr);
}

// «seconds.nanoseconds», the nanoseconds in nine digits.
void append_time(std::string& out, const struct timespec& t) {
  append_number(out, static_cast<unsigned long long>(t.tv_sec));
  out += '.';
  char nine[9];
  char* end = std::to_chars(nine, nine + sizeof nine, static_cast<unsigned long long>(t.tv_nsec)).ptr;
  out.append(static_cast<size_t>(nine + sizeof nine - end), '0');
  out.append(nine, end);
}

}  // namespace

void append_stat_line(std::string& out, std::string_view path, const struct stat& st) {
  out.append(path);
  out += '\t';
  append_number(out, st.st_mode, 8);
  // A folder's times change with what it holds, which has lines of its own; its inode is no one's concern.
  if (S_ISDIR(st.st_mode)) {
    out += '\n';
    return;
  }
  out += '\t';
  append_number(out, static_cast<unsigned long long>(st.st_size));
  out += '\t';
  append_time(out, st.st_mtim);
  out += '\t';
  append_time(out, st.st_ctim);
  out += '\t';
  append_number(out, st.st_ino);
  out += '\n';
}

bool listing_before(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size()), i = 0;
  // Eight bytes at a time to the block where they differ: the paths of an output share their first dozens of
  // bytes (schools/<school>/sveden/…), and a build's record sorts 400,000 of them at 10,000 schools.
  while (i + 8 <= n && std::memcmp(a.data() + i, b.data() + i, 8) == 0) i += 8;
  for (; i < n; ++i)
    if (a[i] != b[i]) {
      // «/» ends a name: «a» and what it holds come before «a.b», «a-c»…
      auto rank = [](char c) { return c == '/' ? 0 : static_cast<unsigned char>(c) + 1; };
      return rank(a[i]) < rank(b[i]);
    }
  return a.size() < b.size();
}

bool changed_too_recently(const struct stat& st, const struct timespec& now) {
  return st.st_mtim.tv_nsec == 0 && st.st_ctim.tv_nsec == 0 && st.st_ctim.tv_sec >= now.tv_sec - 1;
}

namespace {

// What a listing does with a subfolder once its own line is written: lists it in place, or keeps it for
// later. Given the open folder above it, the subfolder's name and path and what lstat said of it.
using Descend = std::function<bool(int parent, const std::string& name, const std::string& path, const struct stat& st)>;

// Lists the folder open as `dir` (its path `rel` from the root, "" for the root) onto the last of `parts`,
// by descriptors: names in byte order, a folder's entries after its own line (`descend`); false when
// something could not be read. `dir` is closed.
bool list_stats(int dir, const std::string& rel, const std::string& root, const StatSkip& skip, const struct timespec& now,
                std::deque<std::string>& parts, const Descend& descend) {
  DIR* d = ::fdopendir(dir);
  if (!d) {
    ::close(dir);
    return false;
  }
  std::vector<std::string> names;
  errno = 0;
  while (struct dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  bool ok = errno == 0;
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    if (!ok) break;
    std::string path = rel.empty() ? name : rel + "/" + name;
    if (skip && skip(root + "/" + path, name)) continue;
    struct stat st{};
    if (::fstatat(::dirfd(d), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
      ok = false;  // gone while listed: not a state to remember
      break;
    }
    if (changed_too_recently(st, now)) {
      ok = false;
      break;
    }
    append_stat_line(parts.back(), path, st);
    if (S_ISDIR(st.st_mode)) ok = descend(::dirfd(d), name, path, st);
  }
  ::closedir(d);
  return ok;
}

// The subfolder `name` of the open folder `parent`, if it is still the folder lstat saw (not a link, not
// another folder put in its place); -1 otherwise.
int open_folder(int parent, const std::string& name, const struct stat& seen) {
  int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  struct stat now{};
  if (fd >= 0 && (::fstat(fd, &now) != 0 || now.st_ino != seen.st_ino || now.st_dev != seen.st_dev)) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Lists `dir` whole, on this thread, into `out` (empty).
bool list_all(int dir, const std::string& rel, const std::string& root, const StatSkip& skip, const struct timespec& now,
              std::string& out) {
  std::deque<std::string> parts(1);
  Descend down = [&](int parent, const std::string& name, const std::string& path, const struct stat& st) {
    int sub = open_folder(parent, name, st);
    return sub >= 0 && list_stats(sub, path, root, skip, now, parts, down);
  };
  bool ok = list_stats(dir, rel, root, skip, now, parts, down);
  out = std::move(parts.back());
  return ok;
}

}  // namespace

std::optional<std::string> stat_listing(const std::string& folder, const StatSkip& skip, int jobs) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(folder, ec);
  if (ec) return std::nullopt;
  // A file system that keeps whole seconds (no nanoseconds) cannot tell an edit made later in this very
  // second from the state read now: such a state is not one to remember.
  struct timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  int dir = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return std::nullopt;
  if (jobs <= 1) {
    std::string out;
    if (!list_all(dir, "", root.string(), skip, now, out)) return std::nullopt;
    return out;
  }
  // The root and its folders are listed here; the folders in those (a school's, of the thousands under
  // schools/) are kept in order, a place in `parts` each, and listed on `jobs` threads. The folders
  // above them stay open until then, a handful, and each kept folder is opened from its own.
  struct Later {
    int parent;
    std::string name, path;
    struct stat st;
    size_t part;
  };
  std::deque<std::string> parts(1);
  std::vector<Later> later;
  std::vector<int> kept;  // the open folders above those kept
  Descend split = [&](int parent, const std::string& name, const std::string& path, const struct stat& st) {
    int sub = open_folder(parent, name, st);
    if (sub < 0) return false;
    if (path.find('/') == std::string::npos) {
      int keep = ::dup(sub);
      if (keep < 0) {
        ::close(sub);
        return false;
      }
      kept.push_back(keep);
      return list_stats(sub, path, root.string(), skip, now, parts, split);
    }
    ::close(sub);
    later.push_back({kept.back(), name, path, st, parts.size()});
    parts.emplace_back();  // its listing
    parts.emplace_back();  // what follows it
    return true;
  };
  bool ok = list_stats(dir, "", root.string(), skip, now, parts, split);
  std::atomic<bool> whole = ok;
  if (ok) {
    parallel_for(later.size(), jobs, [&](size_t i, int) {
      int sub = open_folder(later[i].parent, later[i].name, later[i].st);
      if (sub < 0 || !list_all(sub, later[i].path, root.string(), skip, now, parts[later[i].part])) whole = false;
      return whole.load();  // false stops the others
    });
  }
  for (int fd : kept) ::close(fd);
  if (!whole) return std::nullopt;
  std::string out;
  size_t size = 0;
  for (const auto& part : parts) size += part.size();
  out.reserve(size);
  for (const auto& part : parts) out += part;
  return out;
}

std::optional<std::string> RealDisk::signature(const std::string& skip) const {
  std::error_code ec;
  fs::path skipped = skip.empty() ? fs::path() : fs::weakly_canonical(skip, ec);
  if (ec) skipped.clear();
  const std::string skipped_path = skipped.string();
  return stat_listing(root_, [&skipped_path](const std::string& path, std::string_view name) {
    // The output, and the lock, state and stages beside an output (write/staged_output.h).
    return (!skipped_path.empty() && path == skipped_path) || name == ".git" ||
           (name.size() > 1 && name[0] == '.' && name.find(".sveden-") != std::string_view::npos);
  });
}

Result<std::string> MemoryDisk::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return io_failure("файл не найден");
  return it->second;
}

std::vector<std::string> MemoryDisk::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, _] : files_)
    if (path.compare(0, prefix.size(), prefix) == 0) out.push_back(path);
  return out;
}

}  // namespace sveden
