// The images of the site's Markdown texts, checked where the text is read: each «![](…)» must name a
// PNG, JPEG, GIF or WebP file inside the site folder (model/markdown_image.h), whose first bytes say
// it is that kind of image; it is read through the Disk and kept for the output (assets/images/…).
#pragma once
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/municipality.h"

namespace sveden {

// Where the text stands in its file: the file's text, the byte offset at which `markdown` starts in
// it (a .md file after its front matter), and whether `markdown` is that file's text verbatim from
// there. A YAML value is not: a literal block («|») is its file's lines after `block_line`, each
// without `block_indent` bytes of indentation; any other value's problems are shown at the value.
struct MarkdownOrigin {
  const SourceText& file;
  size_t offset = 0;
  bool verbatim = true;
  std::string base_dir;  // the folder images are resolved from: «content/reports/»
  int block_line = 0;    // the line of «|» of a literal block, 0 for anything else
  size_t block_indent = 0;
};

// A Markdown text that is a YAML value: problems are shown where they are in a literal block, at the
// value otherwise; images are resolved from content/.
MarkdownOrigin yaml_origin(const SourceText& file, TextPos value);

// Checks the images of one text; the accepted ones go to `m.images`.
void load_markdown_images(const Disk& disk, std::string_view markdown, const MarkdownOrigin& origin, Municipality& m,
                          Diagnostics& diag);

// The kind of image the first bytes show: «PNG», «JPEG», «GIF», «WebP», or "" for anything else.
std::string image_signature(std::string_view bytes);

}  // namespace sveden
