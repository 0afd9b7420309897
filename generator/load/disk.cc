#include "load/disk.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sveden {

namespace fs = std::filesystem;

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

RealDisk::RealDisk(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  canonical_root_ = fs::weakly_canonical(fs::absolute(root_), ec).string();
}

bool RealDisk::inside(const std::string& path) const {
  if (!is_safe_relative_path(path)) return false;
  std::error_code ec;
  std::string real = fs::weakly_canonical(fs::path(root_) / path, ec).string();
  if (ec) return false;
  return real.size() > canonical_root_.size() && real.compare(0, canonical_root_.size(), canonical_root_) == 0 &&
         real[canonical_root_.size()] == '/';
}

std::optional<std::string> RealDisk::read(const std::string& path, std::string* error) const {
  if (!inside(path)) {
    *error = "путь ведёт за пределы папки сайта (через «..» или символическую ссылку)";
    return std::nullopt;
  }
  fs::path full = fs::path(root_) / path;
  std::error_code ec;
  if (!fs::is_regular_file(full, ec)) {
    *error = fs::exists(full, ec) ? "это не файл" : "файл не найден";
    return std::nullopt;
  }
  std::ifstream in(full, std::ios::binary);
  if (!in) {
    *error = "не удалось открыть файл для чтения (проверьте права доступа)";
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    *error = "ошибка чтения файла";
    return std::nullopt;
  }
  return ss.str();
}

bool RealDisk::is_file(const std::string& path) const {
  std::error_code ec;
  return inside(path) && fs::is_regular_file(fs::path(root_) / path, ec);
}

std::vector<std::string> RealDisk::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  fs::path base = fs::path(root_) / dir;
  if (!fs::is_directory(base, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(base, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec) && !it->is_symlink(ec)) continue;
    // Lexically: fs::relative would follow a symbolic link and name «../elsewhere.csv» instead of the
    // link's own path, which the loaders then report as leading out of the site.
    std::string rel = it->path().lexically_relative(base).generic_string();
    if (!rel.empty() && rel.rfind("..", 0) != 0) out.push_back(dir.empty() ? rel : dir + "/" + rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> MemoryDisk::read(const std::string& path, std::string* error) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    *error = "файл не найден";
    return std::nullopt;
  }
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
