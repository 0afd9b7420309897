#include "base/markdown_tree.h"

#include <cstdlib>
#include <mutex>
#include <vector>

#include <cmark-gfm-core-extensions.h>

namespace sveden {

int markdown_options(bool trusted) { return CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | (trusted ? CMARK_OPT_UNSAFE : 0); }

MarkdownTree::MarkdownTree(std::string_view markdown, bool trusted) : trusted_(trusted) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  parser_ = cmark_parser_new(markdown_options(trusted));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser_, ext);
  cmark_parser_feed(parser_, markdown.data(), markdown.size());
  doc_ = cmark_parser_finish(parser_);
}

MarkdownTree::~MarkdownTree() {
  cmark_node_free(doc_);
  cmark_parser_free(parser_);
}

void MarkdownTree::each_node(const std::function<void(cmark_node*)>& fn) const {
  cmark_iter* iter = cmark_iter_new(doc_);
  std::vector<cmark_node*> nodes;
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  for (cmark_node* n : nodes) fn(n);
}

std::string MarkdownTree::html() const {
  char* html = cmark_render_html(doc_, markdown_options(trusted_), cmark_parser_get_syntax_extensions(parser_));
  std::string out(html);
  std::free(html);
  return out;
}

}  // namespace sveden
