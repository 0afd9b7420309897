// Texts to their numbers (0, 1, 2… in the order they were added), by open addressing in one array at most
// half full. A lookup costs a cache miss for the slot and one for the text; a node-based map costs one more
// for the node, and its buckets another. That tells once there are hundreds of thousands of texts: the
// files of an output at 10,000 schools, every link of every page looked up among them (audit/site_audit),
// or a big table's cell texts (write/xlsx_table).
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace sveden {

class TextIndex {
 public:
  static constexpr size_t npos = static_cast<size_t>(-1);

  // Room for `expected` texts before the array grows.
  explicit TextIndex(size_t expected = 0);

  static size_t hash_of(std::string_view text) { return std::hash<std::string_view>{}(text); }

  // The number of `text`, or npos; `hash`: hash_of(text), for a caller that has it already.
  size_t find(std::string_view text) const { return find(text, hash_of(text)); }
  size_t find(std::string_view text, size_t hash) const { return slots_[position(text, hash)].number; }

  // Adds `text`, which is not in yet, under the next number, and returns it. The text is viewed, not
  // copied: its characters must stay where they are for as long as the index is used.
  size_t add(std::string_view text) { return add(text, hash_of(text)); }
  size_t add(std::string_view text, size_t hash);

  size_t size() const { return size_; }

 private:
  struct Slot {
    std::string_view text;  // no data: an empty slot
    size_t hash = 0, number = npos;
  };
  // Where `text` is in slots_, or the empty slot where it goes.
  size_t position(std::string_view text, size_t hash) const;
  void grow();

  std::vector<Slot> slots_;  // a power of two
  size_t size_ = 0;
};

}  // namespace sveden
