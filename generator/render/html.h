// Escaping for each context a value from data can land in: HTML text and attributes, and URLs.
#pragma once
#include <string>
#include <string_view>

namespace sveden {

// For text and for quoted attribute values: & < > " ' are replaced.
std::string escape_html(std::string_view s);
// Text without the characters HTML and XML may not carry: C0 controls other than tab and line breaks,
// U+FFFE and U+FFFF. Everything from data passes through it on its way to a page or a feed (input
// refuses them too; this is the last line).
std::string drop_control_characters(std::string_view s);
// Percent-encodes everything but unreserved characters and «/» (for paths built from data).
std::string escape_url_path(std::string_view s);
// An external link from data is used only if it is http(s) or mailto; otherwise "".
std::string safe_external_url(std::string_view url);
// «../» repeated for a page at `path` («schools/x/» → «../../»; the home page → «./»).
std::string root_prefix(std::string_view page_path);

}  // namespace sveden
