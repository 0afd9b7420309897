#include "write/temp_file.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "write/exit_cleanup.h"

namespace sveden {

TempFile::TempFile(const char* stem) {
  // The file lives in a folder of its own, registered for removal on a signal: the cleanup renames the
  // folder before removing it, so a thread still writing the file cannot create it again.
  std::string dir = make_temp_dir(stem);
  if (dir.empty()) return;
  dir_ = dir;
  path_ = dir + "/file";
  std::FILE* f = std::fopen(path_.c_str(), "wb");
  if (f) std::fclose(f);
}

TempFile::~TempFile() {
  if (dir_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
  forget_on_signal(dir_);
}

std::optional<std::string> TempFile::contents() const {
  std::FILE* in = path_.empty() ? nullptr : std::fopen(path_.c_str(), "rb");
  if (!in) return std::nullopt;
  std::string out;
  std::error_code ec;
  auto size = std::filesystem::file_size(path_, ec);
  if (!ec) out.reserve(static_cast<size_t>(size));  // at once, not grown by doubling
  char buf[65536];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, in)) > 0;) out.append(buf, n);
  bool ok = !std::ferror(in);
  std::fclose(in);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace sveden
