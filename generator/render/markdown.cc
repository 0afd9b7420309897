#include "render/markdown.h"

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "model/markdown_image.h"

namespace sveden {
namespace {

int options_for(bool trusted) { return CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | (trusted ? CMARK_OPT_UNSAFE : 0); }

// The parser with the extensions every text of the site uses; the caller frees it after the tree.
cmark_parser* new_parser(bool trusted) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_parser* parser = cmark_parser_new(options_for(trusted));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) cmark_parser_attach_syntax_extension(parser, ext);
  return parser;
}

cmark_node* parse(cmark_parser* parser, std::string_view markdown) {
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  return cmark_parser_finish(parser);
}

template <typename Fn>
void each_node(cmark_node* doc, Fn fn) {
  cmark_iter* iter = cmark_iter_new(doc);
  std::vector<cmark_node*> nodes;
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER) nodes.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  for (cmark_node* n : nodes) fn(n);  // after the walk: `fn` may change the tree
}

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

std::string markdown_to_html(std::string_view markdown, bool trusted, const MarkdownPlace& place) {
  cmark_parser* parser = new_parser(trusted);
  cmark_node* doc = parse(parser, markdown);
  each_node(doc, [&](cmark_node* node) {
    if (cmark_node_get_type(node) != CMARK_NODE_IMAGE) return;
    const char* url = cmark_node_get_url(node);
    ImageSource image = resolve_markdown_image(place.base_dir.empty() ? "content/" : place.base_dir, url ? url : "");
    if (image.ok()) {
      cmark_node_set_url(node, (place.root + markdown_image_output(image.site_path)).c_str());
      return;
    }
    // Not accepted by the loader (a text it did not check): the caption stays, the image goes.
    while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
    cmark_node_free(node);
  });
  char* html = cmark_render_html(doc, options_for(trusted), cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

std::vector<MarkdownResource> markdown_resources(std::string_view markdown, bool trusted) {
  std::vector<MarkdownResource> out;
  cmark_parser* parser = new_parser(trusted);
  cmark_node* doc = parse(parser, markdown);
  each_node(doc, [&](cmark_node* node) {
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
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

}  // namespace sveden
