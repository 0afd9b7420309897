#include "base/text_index.h"

#include <algorithm>
#include <bit>

namespace sveden {

TextIndex::TextIndex(size_t expected) : slots_(std::bit_ceil(std::max<size_t>(16, 2 * expected + 1))) {}

size_t TextIndex::position(std::string_view text, size_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.text.data() == nullptr || (slot.hash == hash && slot.text == text)) return at;
  }
}

size_t TextIndex::add(std::string_view text, size_t hash) {
  if (2 * (size_ + 1) > slots_.size()) grow();
  if (text.data() == nullptr) text = std::string_view("", 0);  // a full slot's text always has data
  slots_[position(text, hash)] = {text, hash, size_};
  return size_++;
}

void TextIndex::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  for (const Slot& slot : old)
    if (slot.text.data() != nullptr) slots_[position(slot.text, slot.hash)] = slot;
}

}  // namespace sveden
