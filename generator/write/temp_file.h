// A file of its own in the temporary folder, removed when done: libxlsxwriter 1.1 writes a workbook only
// to a path, and the build wants the bytes in memory (staged output, byte-identical builds).
#pragma once
#include <optional>
#include <string>


namespace sveden {

class TempFile {
 public:
  explicit TempFile(const char* stem = "sveden");
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  // Empty when no file could be created.
  const std::string& path() const { return path_; }
  // The file's whole contents, or nullopt when it cannot be read.
  std::optional<std::string> contents() const;

 private:
  std::string dir_;  // a folder of its own, holding only the file
  std::string path_;
};

}  // namespace sveden
