// The seam between loading and the file system: the real disk confined to a site folder, or an
// in-memory folder for tests. Paths are relative to the site folder, with «/».
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sveden {

class Disk {
 public:
  virtual ~Disk() = default;
  // Contents of a file, or nullopt with `error` set (in Russian).
  virtual std::optional<std::string> read(const std::string& path, std::string* error) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  // Files under `dir`, recursively, relative to the site folder, sorted.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
};

// Reads under `root`; refuses paths that leave it, also through symbolic links.
class RealDisk : public Disk {
 public:
  explicit RealDisk(std::string root);
  std::optional<std::string> read(const std::string& path, std::string* error) const override;
  bool is_file(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;

 private:
  bool inside(const std::string& path) const;
  std::string root_;
  std::string canonical_root_;
};

class MemoryDisk : public Disk {
 public:
  void put(const std::string& path, std::string contents) { files_[path] = std::move(contents); }
  void remove(const std::string& path) { files_.erase(path); }
  std::optional<std::string> read(const std::string& path, std::string* error) const override;
  bool is_file(const std::string& path) const override { return files_.count(path) > 0; }
  std::vector<std::string> list(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

// A path as shown in messages: `path` inside the --site folder as the user wrote it («» or «.»: as is).
std::string display_path(const std::string& prefix, const std::string& path);

// A relative path that stays inside its folder: no «..», no leading «/», no empty parts.
bool is_safe_relative_path(std::string_view path);

}  // namespace sveden
