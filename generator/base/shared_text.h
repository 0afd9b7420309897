// Text held once and shared by every copy of it, and a pool that gives one copy per distinct text. An audit
// of 10,000 schools holds about 370,000 findings, most of whose messages are the same few hundred texts
// («нет обязательных сведений …» for each school that lacks the item): held once each, not 370,000 times.
#pragma once
#include <compare>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>

#include <fmt/format.h>

namespace sveden {

class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text);  // NOLINT: a text is given as a string wherever one is made
  SharedText(const char* text) : SharedText(std::string(text)) {}  // NOLINT

  const std::string& str() const;
  operator const std::string&() const { return str(); }  // NOLINT: read as the string it is
  operator std::string_view() const { return str(); }      // NOLINT
  bool empty() const { return str().empty(); }
  // Whether the two are one held copy (a pool's).
  bool same_copy(const SharedText& other) const { return text_ == other.text_; }

  // With another SharedText too (as a string_view): one overload, so that comparing with a std::string is
  // not ambiguous.
  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) {
    return a.text_ == b.text_ ? std::strong_ordering::equal : a.str() <=> b.str();
  }

 private:
  std::shared_ptr<const std::string> text_;
};

// One copy per distinct text; safe to use from several threads.
class TextPool {
 public:
  // `text` made the pool's copy of the same text, which it becomes when there is none yet.
  void intern(SharedText& text);
  size_t size() const;

 private:
  struct Hash {
    size_t operator()(const SharedText& t) const { return std::hash<std::string_view>{}(t.str()); }
  };
  mutable std::mutex mutex_;
  std::unordered_set<SharedText, Hash> texts_;
};

}  // namespace sveden

template <>
struct fmt::formatter<sveden::SharedText> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const sveden::SharedText& t, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.str(), ctx);
  }
};
