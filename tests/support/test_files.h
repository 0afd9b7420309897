// Files the tests read from the repository and from builds: one file whole, a folder as path →
// contents, a folder as an in-memory site. Shared by the unit tests and the fuzz targets.
#pragma once
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <stdlib.h>

#include "base/disk.h"

namespace sveden::test {

// The text with each non-breaking space as a plain one: Russian dates and numbers keep their parts
// together with U+00A0; a test compares them as read.
inline std::string plain_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    bool nbsp = s.compare(i, 2, "\u00A0") == 0;
    out += nbsp ? ' ' : s[i];
    i += nbsp;
  }
  return out;
}

// A fresh temporary folder, removed with everything in it when the test ends.
struct TempFolder {
  std::filesystem::path path;
  explicit TempFolder(const std::string& prefix = "sveden-test") {
    std::string tmpl = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp: " + tmpl);
    path = tmpl;
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
};

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

// The open data's CSV (UTF-8 with BOM, «;», quoted fields, CRLF) as rows of fields.
inline std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') quoted = true;
    else if (c == ';') row.push_back(std::move(field)), field.clear();
    else if (c == '\r') continue;
    else if (c == '\n') row.push_back(std::move(field)), field.clear(), rows.push_back(std::move(row)), row.clear();
    else field += c;
  }
  return rows;
}

}  // namespace sveden::test
