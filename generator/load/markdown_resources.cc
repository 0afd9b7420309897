#include "load/markdown_resources.h"

#include <algorithm>

#include "base/markdown_tree.h"

namespace sveden {
namespace {

// The raw HTML that makes a browser load a file: the tags that embed one and CSS «url(».
std::string loading_html(std::string_view html) {
  std::string lower(html);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* tag : {"<img", "<picture", "<source", "<image", "<iframe", "<frame", "<object", "<embed", "<video", "<audio",
                          "<input", "<link", "<svg", "<base", "<track", "srcset", "background=", "url("})
    if (lower.find(tag) != std::string::npos) return tag;
  return "";
}

}  // namespace

std::vector<MarkdownResource> markdown_resources(std::string_view markdown, bool trusted) {
  std::vector<MarkdownResource> out;
  MarkdownTree tree(markdown, trusted);
  tree.each_node([&](cmark_node* node) {
    auto type = cmark_node_get_type(node);
    int line = cmark_node_get_start_line(node), column = cmark_node_get_start_column(node);
    for (cmark_node* up = node; line == 0 && (up = cmark_node_parent(up));) {
      line = cmark_node_get_start_line(up);
      column = cmark_node_get_start_column(up);
    }
    if (type == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(node);
      int end = cmark_node_get_end_line(node) == line ? cmark_node_get_end_column(node) : 0;
      out.push_back({url ? url : "", line, column, false, std::max(end - column + 1, 1)});
    } else if (trusted && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE)) {
      const char* literal = cmark_node_get_literal(node);
      std::string tag = loading_html(literal ? literal : "");
      if (!tag.empty()) out.push_back({tag, line, column, true, static_cast<int>(tag.size())});
    }
  });
  return out;
}

}  // namespace sveden
