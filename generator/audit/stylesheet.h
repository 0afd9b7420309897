// What a stylesheet hides, read as far as the audit needs it (п. 27 приказа 1493: marked-up
// information is visible): classes that simple rules hide for every screen. Not a CSS engine.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace sveden {

// Classes hidden by rules whose selectors are a class alone or with a tag (`.spoiler`, `div.spoiler`)
// and whose declarations say `display: none` or `visibility: hidden` → that declaration. Rules
// inside `@media print` or a media query with conditions (a screen width) are not read: they hide on
// paper or on some screens only. A class that another rule shows again (`.tab.active {display:
// block}`) is not hidden: it is shown in some state.
std::map<std::string, std::string> hidden_classes(std::string_view css);

}  // namespace sveden
