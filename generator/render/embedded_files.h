// Files compiled into the binary (the default theme), so that `sveden` builds any site folder.
#pragma once
#include <cstddef>
#include <string_view>

namespace sveden {

struct EmbeddedFile {
  const char* path;  // relative to the theme folder, e.g. "templates/base.mustache"
  std::string_view contents;
};

namespace embedded {
extern const EmbeddedFile kDefaultTheme[];
extern const size_t kDefaultThemeCount;
}  // namespace embedded

}  // namespace sveden
