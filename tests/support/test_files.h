// Files the tests read from the repository and from builds: one file whole, a folder as path →
// contents, a folder as an in-memory site. Shared by the unit tests and the fuzz targets.
#pragma once
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "load/disk.h"

namespace sveden::test {

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every regular file under `root`, by its path relative to `root` with «/».
inline std::map<std::string, std::string> read_tree(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    if (e.is_regular_file()) files[std::filesystem::relative(e.path(), root).generic_string()] = read_file(e.path());
  return files;
}

inline MemoryDisk memory_disk(const std::map<std::string, std::string>& files) {
  MemoryDisk disk;
  for (const auto& [path, contents] : files) disk.put(path, contents);
  return disk;
}

// tests/fixtures/minimal, the smallest complete site, as an in-memory folder.
inline MemoryDisk minimal_site() {
  return memory_disk(read_tree(std::filesystem::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal"));
}

}  // namespace sveden::test
