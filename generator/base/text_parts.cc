#include "base/text_parts.h"

namespace sveden {

void make_parts(const PartsMaker& make, const TextParts::Take& take, size_t part_bytes) {
  TextParts parts(take, part_bytes);
  make(parts);
  parts.finish();
}

std::string whole_text(const PartsMaker& make) {
  TextParts parts(nullptr);
  make(parts);
  return parts.release();
}

}  // namespace sveden
