#include "load/embedded_files.h"

namespace sveden {

std::optional<std::string_view> vocab_file(std::string_view path) {
  for (size_t i = 0; i < embedded::kVocabFilesCount; ++i)
    if (embedded::kVocabFiles[i].path == path) return embedded::kVocabFiles[i].contents;
  return std::nullopt;
}

}  // namespace sveden
