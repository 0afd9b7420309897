// Escaping for each context a value from data can land in: HTML text and attributes, and URLs.
#pragma once
#include <string>
#include <string_view>

namespace sveden {

// For text and for quoted attribute values: & < > " ' are replaced, and what drop_control_characters drops
// is dropped. `apostrophe` is what «'» becomes: templates' {{…}} write «&apos;», as Mustache's own escape
// did before it was folded into this one pass.
std::string escape_html(std::string_view s, std::string_view apostrophe = "&#39;");
// The same appended to `out`.
void escape_html_to(std::string& out, std::string_view s, std::string_view apostrophe = "&#39;");
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
