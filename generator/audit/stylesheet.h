// What a stylesheet hides, read as far as the audit needs it (п. 27 приказа 1493: marked-up
// information is visible): classes that simple rules hide for every screen. Not a CSS engine.
#pragma once
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sveden {

// Classes hidden by rules whose selectors are a class alone or with a tag (`.spoiler`, `div.spoiler`)
// and whose declarations say `display: none` or `visibility: hidden` → that declaration. Rules
// inside `@media print` or a media query with conditions (a screen width) are not read: they hide on
// paper or on some screens only. A class that another rule shows again (`.tab.active {display:
// block}`) is not hidden: it is shown in some state.
std::map<std::string, std::string> hidden_classes(std::string_view css);

// hidden_classes() of stylesheets, each text read once however many sites link a copy of it (every school
// site of a build has the same two). Safe to use from several threads.
class HiddenClasses {
 public:
  // Stays valid as long as the object does.
  const std::map<std::string, std::string>& of(std::string_view css);

 private:
  struct Hash {  // found by a view of the text, not a copy (a stylesheet is tens of KB)
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::mutex mutex_;
  std::unordered_map<std::string, std::map<std::string, std::string>, Hash, std::equal_to<>> read_;  // by the text
};

}  // namespace sveden
