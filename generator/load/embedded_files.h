// Folders compiled into the binary (the default theme, the vocabularies), so that `sveden` builds
// any site folder without the repository beside it.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace sveden {

struct EmbeddedFile {
  const char* path;  // relative to the folder, e.g. "templates/base.mustache"
  std::string_view contents;
};

namespace embedded {
extern const EmbeddedFile kDefaultTheme[];
extern const size_t kDefaultThemeCount;
extern const EmbeddedFile kVocabFiles[];
extern const size_t kVocabFilesCount;
}  // namespace embedded

// The vocabulary file at `path` («tables.yaml», «criteria/yelnya.yaml»), if compiled in.
std::optional<std::string_view> vocab_file(std::string_view path);

}  // namespace sveden
