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

// What in a text loads a file when the page is shown: each image «![](src)», and in trusted text each
// piece of raw HTML that names a file itself (<img>, <picture>, <iframe>, url(…)…). Line and column
// (in bytes) are 1-based and count from the start of `markdown`.
struct MarkdownResource {
  std::string src;    // the image's path as written; for raw HTML, the tag or «url(»
  int line = 0, column = 0;
  bool raw_html = false;
  int width = 1;  // bytes the image's markup takes on its line, when known
};
std::vector<MarkdownResource> markdown_resources(std::string_view markdown, bool trusted);

}  // namespace sveden
