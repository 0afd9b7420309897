// The forgiving HTML reader the audit uses on pages saved from any CMS: whatever the bytes, it
// returns a consistent tree (every subtree a contiguous range, parents before children, depth
// bounded) in linear time.
#include <cstdint>

#include "audit/html_document.h"
#include "fuzz_support.h"

using namespace sveden;

namespace {

void check_tree(const HtmlDocument& doc) {
  const auto& nodes = doc.nodes;
  const int n = static_cast<int>(nodes.size());
  FUZZ_CHECK(n >= 1);
  FUZZ_CHECK(nodes[0].type == HtmlNode::Type::document && nodes[0].parent == -1 && nodes[0].end == n);
  std::vector<int> depth(static_cast<size_t>(n), 0);
  for (int i = 0; i < n; ++i) {
    const HtmlNode& node = nodes[static_cast<size_t>(i)];
    FUZZ_CHECK(node.end > i && node.end <= n);
    if (i > 0) {
      FUZZ_CHECK(node.type != HtmlNode::Type::document);
      FUZZ_CHECK(node.parent >= 0 && node.parent < i);
      const HtmlNode& parent = nodes[static_cast<size_t>(node.parent)];
      FUZZ_CHECK(parent.type == HtmlNode::Type::document || parent.type == HtmlNode::Type::element);
      FUZZ_CHECK(node.end <= parent.end);
      FUZZ_CHECK(doc.contains(node.parent, i));
      depth[static_cast<size_t>(i)] = depth[static_cast<size_t>(node.parent)] + 1;
      // Elements stop at kMaxDepth; text or a comment may sit inside the deepest element.
      FUZZ_CHECK(depth[static_cast<size_t>(i)] <= HtmlDocument::kMaxDepth + (node.type != HtmlNode::Type::element));
      FUZZ_CHECK(node.pos.line >= 1 && node.pos.column >= 1);
    }
    // The children tile the subtree: the first right after the node, each next one where the last ends.
    int next = i + 1;
    for (int child : node.children) {
      FUZZ_CHECK(child == next);
      FUZZ_CHECK(nodes[static_cast<size_t>(child)].parent == i);
      next = nodes[static_cast<size_t>(child)].end;
    }
    FUZZ_CHECK(next == node.end);
    if (node.type == HtmlNode::Type::element) {
      FUZZ_CHECK(!node.tag.empty());
      for (char c : node.tag) FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
      for (size_t a = 0; a < node.attrs.size(); ++a) {
        for (char c : node.attrs[a].name) FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
        for (size_t b = 0; b < a; ++b) FUZZ_CHECK(node.attrs[a].name != node.attrs[b].name);
        FUZZ_CHECK(doc.attr(i, node.attrs[a].name) == &node.attrs[a].value);
      }
    } else if (node.type != HtmlNode::Type::document) {
      FUZZ_CHECK(node.children.empty() && node.attrs.empty());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html = fuzz::as_text(data, size);
  HtmlDocument doc = parse_html(html);
  check_tree(doc);
  // Nodes are made from the input: never more of them than bytes, plus the document.
  FUZZ_CHECK(doc.nodes.size() <= html.size() + 1);
  // What the audit reads from a page.
  std::string text = doc.text_content(0);
  FUZZ_CHECK(text.empty() || (text.front() != ' ' && text.back() != ' '));
  FUZZ_CHECK(text.find("  ") == std::string::npos);
  for (int a : doc.elements("a")) {
    FUZZ_CHECK(doc.nodes[static_cast<size_t>(a)].tag == "a");
    doc.text_content(a);
  }
  return 0;
}
