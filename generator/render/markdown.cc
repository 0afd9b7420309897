#include "render/markdown.h"

#include "base/markdown_tree.h"
#include "model/markdown_image.h"

namespace sveden {

std::string markdown_to_html(std::string_view markdown, bool trusted, const MarkdownPlace& place) {
  MarkdownTree tree(markdown, trusted);
  tree.each_node([&](cmark_node* node) {
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
  return tree.html();
}

}  // namespace sveden
