// A text made and used in parts, for files too big to hold whole (an open-data table of 10,000 schools
// is hundreds of megabytes): its maker appends to text() and says where a part may end (a row's end);
// a part of about `part_bytes` is then handed on and its memory reused. A maker called again makes the
// same text, so a file can be read twice (its workbook) without being kept.
#pragma once
#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace sveden {

class TextParts {
 public:
  using Take = std::function<void(std::string_view)>;
  static constexpr size_t kPartBytes = size_t{1} << 20;

  // `take` gets each part in order; without it, the text is kept whole (whole_text).
  explicit TextParts(Take take, size_t part_bytes = kPartBytes) : take_(std::move(take)), part_bytes_(part_bytes) {}

  std::string& text() { return text_; }
  // Room for the text: all of it when it is kept whole, a part's when parts are handed on.
  void reserve(size_t bytes) { text_.reserve(take_ ? std::min(bytes, part_bytes_ + part_bytes_ / 4) : bytes); }
  // A part may end here: when the text so far is big enough, it is handed on.
  void may_end() {
    if (take_ && text_.size() >= part_bytes_) hand_on();
  }
  // The rest, handed on (called by make_parts after the maker).
  void finish() {
    if (take_ && !text_.empty()) hand_on();
  }
  std::string release() { return std::move(text_); }

 private:
  void hand_on() {
    take_(text_);
    text_.clear();  // keeps its capacity for the next part
  }
  std::string text_;
  Take take_;
  size_t part_bytes_;
};

// Makes a text into `parts`: the same text each time it is called.
using PartsMaker = std::function<void(TextParts& parts)>;

// Each part of the text `make` makes, in order.
void make_parts(const PartsMaker& make, const TextParts::Take& take, size_t part_bytes = TextParts::kPartBytes);

// The text `make` makes, whole.
std::string whole_text(const PartsMaker& make);

}  // namespace sveden
