// Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks). Raw HTML in the text is left
// out and dangerous links removed unless `trusted` is set by a trusted source.
#pragma once
#include <string>
#include <string_view>

namespace sveden {

std::string markdown_to_html(std::string_view markdown, bool trusted = false);

}  // namespace sveden
