// Markdown to HTML with cmark-gfm (tables, strikethrough, autolinks). Raw HTML in the text is left
// out and dangerous links removed unless `trusted` is set by a trusted source. Images point to their
// copies in the output (model/markdown_image.h); an image the loader did not accept is left out.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sveden {

// Where a text stands: its folder in the site folder, from which its images are resolved
// («content/news/»), and the way from the page that shows it to the output root («../../»).
struct MarkdownPlace {
  std::string base_dir;
  std::string root;
};

std::string markdown_to_html(std::string_view markdown, bool trusted = false, const MarkdownPlace& place = {});

}  // namespace sveden
