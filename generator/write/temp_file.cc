#include "write/temp_file.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace sveden {

TempFile::TempFile(const char* stem) {
  std::error_code ec;
  std::string dir = std::filesystem::temp_directory_path(ec).string();
  if (ec || dir.empty()) dir = "/tmp";
  path_ = dir + "/" + stem + "-XXXXXX";
  int fd = mkstemp(path_.data());
  if (fd < 0) path_.clear();
  else close(fd);
}

TempFile::~TempFile() {
  if (!path_.empty()) std::remove(path_.c_str());
}

std::optional<std::string> TempFile::contents() const {
  if (path_.empty()) return std::nullopt;
  std::FILE* in = std::fopen(path_.c_str(), "rb");
  if (!in) return std::nullopt;
  std::string out;
  char buf[65536];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) out.append(buf, n);
  std::fclose(in);
  return out;
}

}  // namespace sveden
