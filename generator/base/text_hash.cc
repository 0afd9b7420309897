#include "base/text_hash.h"

#include <cstdint>
#include <functional>

#include <fmt/format.h>

namespace sveden {

std::string text_hash(std::string_view text) {
  // Two unrelated 64-bit hashes: FNV-1a and the standard library's (MurmurHash64A in libstdc++).
  uint64_t fnv = 14695981039346656037ull;
  for (unsigned char c : text) {
    fnv ^= c;
    fnv *= 1099511628211ull;
  }
  uint64_t murmur = std::hash<std::string_view>{}(text);
  return fmt::format("{:016x}{:016x}", fnv, murmur);
}

}  // namespace sveden
