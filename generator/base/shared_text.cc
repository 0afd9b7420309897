#include "base/shared_text.h"

namespace sveden {

SharedText::SharedText(std::string text) {
  if (!text.empty()) text_ = std::make_shared<const std::string>(std::move(text));
}

const std::string& SharedText::str() const {
  static const std::string kEmpty;
  return text_ ? *text_ : kEmpty;
}

void TextPool::intern(SharedText& text) {
  std::lock_guard lock(mutex_);
  auto [held, added] = texts_.insert(text);
  if (!added) text = *held;
}

size_t TextPool::size() const {
  std::lock_guard lock(mutex_);
  return texts_.size();
}

}  // namespace sveden
