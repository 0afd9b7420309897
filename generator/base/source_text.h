// A decoded (UTF-8) input file with its line index, so that any byte offset can be shown to a
// user as «line:column» with the line itself.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/text_pos.h"

namespace sveden {

class SourceText {
 public:
  SourceText() = default;
  SourceText(std::string path, std::string text);

  const std::string& path() const { return path_; }  // as shown to the user
  const std::string& text() const { return text_; }
  TextPos position(size_t offset) const;
  std::string_view line(int line) const;  // without the line break

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

// Number of UTF-8 code points in `s` (continuation bytes are not counted).
size_t utf8_length(std::string_view s);

}  // namespace sveden
