// The one way the site parses Markdown: cmark-gfm with the extensions every text uses (tables,
// strikethrough, autolinks, the tag filter), for the loader that checks a text's images and for the
// renderer that turns it into HTML, so that both read the same tree.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include <cmark-gfm.h>

namespace sveden {

// cmark's options: raw HTML is kept only in trusted text.
int markdown_options(bool trusted);

// A parsed text: its tree and the parser that owns the extensions the HTML renderer needs.
class MarkdownTree {
 public:
  MarkdownTree(std::string_view markdown, bool trusted);
  ~MarkdownTree();
  MarkdownTree(const MarkdownTree&) = delete;
  MarkdownTree& operator=(const MarkdownTree&) = delete;

  cmark_node* root() const { return doc_; }
  // Calls `fn` for every node, in document order, after the walk: `fn` may change the tree.
  void each_node(const std::function<void(cmark_node*)>& fn) const;
  std::string html() const;

 private:
  bool trusted_;
  cmark_parser* parser_;
  cmark_node* doc_;
};

}  // namespace sveden
