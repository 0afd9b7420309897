// What in a Markdown text makes a browser load a file: the loader checks each (load/markdown_images).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sveden {

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
