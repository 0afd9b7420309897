// A forgiving HTML5 reader for auditing pages: ours and those saved from other CMSes. It builds a
// plain index-based tree, recovers from any malformed input, runs in linear time and bounds depth.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/text_pos.h"

namespace sveden {

struct HtmlAttr {
  std::string name;   // lower-cased
  std::string value;  // character references decoded; "" for a valueless attribute
};

struct HtmlNode {
  enum class Type { document, element, text, comment, doctype };
  Type type = Type::element;
  std::string tag;               // element: lower-cased name
  std::vector<HtmlAttr> attrs;   // element: in source order, the first of duplicates kept
  std::string text;              // text (decoded), comment or doctype body
  int parent = -1;               // -1 for the document node
  std::vector<int> children;
  int end = 0;                   // one past the last descendant: the subtree is [index, end)
  TextPos pos;                   // where the start tag (or text, comment) begins
  // The value of attribute `name` (lower-case), nullptr when it has none.
  const std::string* attr(std::string_view name) const;
};

struct HtmlDocument {
  // Deeper elements are attached at this depth, as Chromium does (kMaximumHTMLParserDOMTreeDepth).
  static constexpr int kMaxDepth = 512;

  std::vector<HtmlNode> nodes;  // in document order; nodes[0] is the document

  // The value of attribute `name` (lower-case) of an element, nullptr when it has none.
  const std::string* attr(int node, std::string_view name) const;
  // The text as a reader sees it: script and style left out, a space between block elements,
  // runs of whitespace (and no-break spaces) collapsed to one space, trimmed.
  std::string text_content(int node) const;
  // Whether `node` lies inside the subtree of `ancestor` (or is it).
  bool contains(int ancestor, int node) const { return node >= ancestor && node < nodes[ancestor].end; }
  // Indices of the nodes for which `pred` holds, in document order.
  std::vector<int> find_all(const std::function<bool(const HtmlNode&)>& pred) const;
  std::vector<int> elements(std::string_view tag) const;
};

// Reads the bytes of a page: decoded as a browser does (audit/html_encoding.h; `content_type` is the HTTP
// header saved with a monitored page), then parsed. Positions count characters of the decoded text, which
// are those of the file whatever its encoding.
HtmlDocument parse_html(std::string_view bytes, std::string_view content_type = {});

// Where a visited element begins, as parse_html() gives it in `pos`: worked out only when asked, because
// a check names few of the elements it visits (counting lines and columns was a sixth of the visit).
class ElementPlace {
 public:
  ElementPlace(TextPos (*where)(void*, size_t), void* parser, size_t offset) : where_(where), parser_(parser), offset_(offset) {}
  TextPos operator()() const { return where_(parser_, offset_); }

 private:
  TextPos (*where_)(void*, size_t);
  void* parser_;
  size_t offset_;
};

// Every element of a page in document order, each as parse_html() would give it (tag, attributes;
// no parent or children; its position from the ElementPlace, while the element is visited), without
// keeping the tree: memory bounded by the depth of the page, not its size, for checks that look at
// elements one by one (the link check of a report of every school, 55 MB at 500 schools). Only the
// `attributes` named (lower-case) are given: the others are skipped without being decoded (the link
// check reads six of a page's dozens).
void visit_elements(std::string_view bytes, const std::vector<std::string_view>& attributes,
                    const std::function<void(const HtmlNode&, const ElementPlace&)>& visit);

// Decodes character references (&amp; &laquo; &#171; &#x2014; …) in `text`.
std::string decode_html_entities(std::string_view text);

}  // namespace sveden
