// A forgiving HTML5 tokenizer and tree builder: the WHATWG rules simplified to what matters for
// auditing markup (implied end tags, raw text elements, scopes that stray end tags cannot cross).
#include "audit/html_document.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "audit/html_encoding.h"
#include "load/embedded_files.h"

namespace sveden {
namespace {

using Tags = std::initializer_list<std::string_view>;
constexpr size_t kMaxAttributes = 256;
constexpr size_t kMaxSearch = 1024;  // open elements an end tag looks through

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// What the tokenizer asks of a byte, one table lookup instead of a chain of comparisons.
enum CharClass : uint8_t {
  kSpace = 1,          // ' ' \t \n \r \f
  kEndsTagName = 2,    // a space, '/' or '>'
  kEndsAttrName = 4,   // those or '='
  kEndsBareValue = 8,  // a space or '>': an unquoted attribute value
  kMayBeBlank = 16,    // a space or 0xC2, which begins U+00A0: what text_content() collapses
};
constexpr std::array<uint8_t, 256> kCharClass = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : std::string_view(" \t\n\r\f")) t[c] = kSpace | kEndsTagName | kEndsAttrName | kEndsBareValue;
  t['/'] = kEndsTagName | kEndsAttrName;
  t['>'] = kEndsTagName | kEndsAttrName | kEndsBareValue;
  t['='] = kEndsAttrName;
  for (unsigned char c : std::string_view(" \t\n\r\f\xC2")) t[c] |= kMayBeBlank;
  return t;
}();
bool is(char c, CharClass cls) { return kCharClass[static_cast<unsigned char>(c)] & cls; }

const Tags kVoid = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                    "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"};
// <noscript> too, as a browser with scripting enabled (and the robot's parse5) reads it: its markup is text.
const Tags kRawText = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"};
const Tags kClosesP = {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir",
                       "div", "dl", "dd", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
                       "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav",
                       "ol", "p", "pre", "section", "summary", "table", "ul"};
const Tags kHeadings = {"h1", "h2", "h3", "h4", "h5", "h6"};
const Tags kBlock = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
                     "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                     "h6", "header", "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section",
                     "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"};
// Scopes: an element of these kinds stops the search for an open element to close.
const Tags kScope = {"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"};
const Tags kButtonScope = {"applet", "caption", "html", "table", "td", "th", "marquee", "object",
                           "template", "button"};
const Tags kListScope = {"applet", "caption", "html", "table", "td", "th", "marquee", "object",
                         "template", "ol", "ul"};
const Tags kTableScope = {"html", "table", "template"};
const Tags kRowScope = {"html", "table", "template", "tr"};
const Tags kDefinitionScope = {"dl", "html", "table", "td", "th", "template"};
// Elements whose text a reader does not see as the page's text.
const Tags kUnread = {"script", "style", "template", "noscript"};
// Tags the tree builder's rules name that no list above has, so that each has a number of its own; and
// tags no rule names that are common on pages (charts' SVG above all), numbered so that their elements are
// counted and found by number, not by name (a numbered tag without bits follows the same rules as any
// other tag no list names).
const Tags kOtherKnown = {"a", "body", "head", "optgroup", "svg", "math",
                          "span", "strong", "em", "b", "i", "small", "abbr", "time", "code", "sup", "sub", "label",
                          "select", "mark", "g", "rect", "line", "circle", "path", "text", "tspan", "desc", "defs",
                          "pattern", "polyline", "polygon", "ellipse", "use", "stop", "lineargradient", "clippath"};

// What the tree builder needs to know of a tag, as bits: the lists above are looked up once per tag,
// by a hash of its name, instead of name by name.
enum TagBit : uint32_t {
  kIsVoid = 1u << 0, kIsRawText = 1u << 1, kIsClosesP = 1u << 2, kIsHeading = 1u << 3, kIsBlock = 1u << 4,
  kInScope = 1u << 5, kInButtonScope = 1u << 6, kInListScope = 1u << 7, kInTableScope = 1u << 8,
  kInRowScope = 1u << 9, kInDefinitionScope = 1u << 10, kIsUnread = 1u << 11,
};

struct TagInfo {
  int id = 0;          // 0: a tag none of the lists names
  uint32_t bits = 0;
};

// A small open-addressing table over the tags' names: looking up a tag is a hash of a few bytes and one
// or two comparisons (std::unordered_map's hash of a string_view was a tenth of parsing a page).
class TagTable {
 public:
  TagTable() {
    add(kVoid, kIsVoid);
    add(kRawText, kIsRawText);
    add(kClosesP, kIsClosesP);
    add(kHeadings, kIsHeading);
    add(kBlock, kIsBlock);
    add(kScope, kInScope);
    add(kButtonScope, kInButtonScope);
    add(kListScope, kInListScope);
    add(kTableScope, kInTableScope);
    add(kRowScope, kInRowScope);
    add(kDefinitionScope, kInDefinitionScope);
    add(kUnread, kIsUnread);
    add(kOtherKnown, 0);
  }
  TagInfo find(std::string_view tag) const { return find(tag, hash(tag)); }
  // `h`: hash(tag), which the tokenizer works out as it lowers the name.
  TagInfo find(std::string_view tag, uint32_t h) const {
    for (size_t at = h % kSlots;; at = (at + 1) % kSlots) {
      const Slot& s = slots_[at];
      if (s.name.empty()) return TagInfo{};
      if (s.hash == h && same_bytes(s.name, tag)) return s.info;
    }
  }
  int id(std::string_view tag) const { return find(tag).id; }
  int count() const { return count_ + 1; }
  // FNV-1a, one byte at a time.
  static constexpr uint32_t kHashStart = 2166136261u;
  static uint32_t hash_step(uint32_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * 16777619u; }
  static uint32_t hash(std::string_view tag) {
    uint32_t h = kHashStart;
    for (char c : tag) h = hash_step(h, c);
    return h;
  }

 private:
  static constexpr size_t kSlots = 512;  // a power of two, several times the number of tags
  struct Slot {
    std::string_view name;
    TagInfo info;
    uint32_t hash = 0;
  };
  // Byte by byte: the names are short, and the call of memcmp cost more than the comparison.
  static bool same_bytes(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k)
      if (a[k] != b[k]) return false;
    return true;
  }
  static size_t slot_of(std::string_view tag) { return hash(tag) % kSlots; }
  void add(Tags tags, uint32_t bit) {
    for (std::string_view t : tags) {
      size_t at = slot_of(t);
      while (!slots_[at].name.empty() && slots_[at].name != t) at = (at + 1) % kSlots;
      Slot& s = slots_[at];
      if (s.name.empty()) s = Slot{t, TagInfo{++count_, 0}, hash(t)};
      s.info.bits |= bit;
    }
  }
  Slot slots_[kSlots];
  int count_ = 0;
};

const TagTable& tag_table() {
  static const TagTable table;
  return table;
}

uint32_t tag_bits(std::string_view tag) { return tag_table().find(tag).bits; }

void append_utf8(std::string& out, char32_t cp) {
  int extra = cp < 0x80 ? 0 : cp < 0x800 ? 1 : cp < 0x10000 ? 2 : 3;
  const unsigned kLead[] = {0x00, 0xC0, 0xE0, 0xF0};
  out += static_cast<char>(kLead[extra] | (cp >> (6 * extra)));
  for (int k = extra - 1; k >= 0; --k) out += static_cast<char>(0x80 | ((cp >> (6 * k)) & 0x3F));
}

// The WHATWG table of named references (vocab/html_entities.tsv, generated by tools/html_entities.py):
// name («amp;», or «amp» for a legacy name read without the semicolon) → UTF-8.
const std::unordered_map<std::string, std::string>& entities() {
  static const std::unordered_map<std::string, std::string> table = [] {
    std::unordered_map<std::string, std::string> t;
    std::string_view tsv = vocab_file("html_entities.tsv").value_or("");
    for (size_t at = 0; at < tsv.size();) {
      size_t eol = tsv.find('\n', at);
      if (eol == std::string_view::npos) eol = tsv.size();
      std::string_view line = tsv.substr(at, eol - at);
      at = eol + 1;
      size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
      std::string utf8;
      for (size_t i = tab + 1; i < line.size();) {
        size_t sp = line.find(' ', i);
        if (sp == std::string_view::npos) sp = line.size();
        append_utf8(utf8, static_cast<char32_t>(std::stoul(std::string(line.substr(i, sp - i)), nullptr, 16)));
        i = sp + 1;
      }
      t.emplace(line.substr(0, tab), std::move(utf8));
    }
    return t;
  }();
  return table;
}
constexpr size_t kLongestEntity = 32;  // «CounterClockwiseContourIntegral;»

// Numeric references to 0x80–0x9F mean Windows-1252, as browsers read them (&#150; is an en dash).
const char32_t kWindows1252[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  c = lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// Decodes the reference at the start of `r` (which begins with '&') into `out`; returns the bytes
// consumed, 0 when it is not a reference (the '&' is then literal).
size_t decode_reference(std::string_view r, bool in_attribute, std::string& out) {
  size_t i = 1;
  if (i < r.size() && r[i] == '#') {
    bool hex = ++i < r.size() && lower(r[i]) == 'x';
    if (hex) ++i;
    size_t start = i;
    char32_t cp = 0;
    for (; i < r.size() && (hex ? hex_value(r[i]) >= 0 : is_digit(r[i])); ++i)
      if (cp < 0x110000) cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(hex ? hex_value(r[i]) : r[i] - '0');
    if (i == start) return 0;
    if (i < r.size() && r[i] == ';') ++i;
    if (cp >= 0x80 && cp <= 0x9F) cp = kWindows1252[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    append_utf8(out, cp);
    return i;
  }
  while (i < r.size() && i <= kLongestEntity && is_alnum(r[i])) ++i;
  if (i < r.size() && r[i] == ';') {
    auto it = entities().find(std::string(r.substr(1, i)));
    if (it != entities().end()) {
      out += it->second;
      return i + 1;
    }
  }
  // The longest legacy name that starts the run («&copy2023», «&notit;» as «¬it;»); in attributes not
  // before «=» or a letter or digit (query strings).
  for (size_t end = i; end > 1; --end) {
    auto it = entities().find(std::string(r.substr(1, end - 1)));
    if (it == entities().end()) continue;
    if (in_attribute && end < r.size() && (r[end] == '=' || is_alnum(r[end]))) return 0;
    out += it->second;
    return end;
  }
  return 0;
}

// Appends `s` decoded to `out`: straight into the string of a node, and onto the text that adjacent text joins.
void append_decoded(std::string& out, std::string_view s, bool in_attribute) {
  size_t amp = s.find('&');
  if (amp == std::string_view::npos) {  // most text and values: no reference
    out.append(s);
    return;
  }
  out.reserve(out.size() + s.size());
  for (size_t i = 0; i < s.size();) {
    out.append(s.substr(i, amp - i));
    i = amp;
    if (i == s.size()) break;
    size_t used = decode_reference(s.substr(i), in_attribute, out);
    if (used == 0) out += s[i++];
    else i += used;
    amp = s.find('&', i);
    if (amp == std::string_view::npos) amp = s.size();
  }
}

// Decodes `s` into `out`, whose capacity is kept: the visitor's attributes reuse their strings.
void decode_into(std::string& out, std::string_view s, bool in_attribute) {
  out.clear();
  append_decoded(out, s, in_attribute);
}

std::string decode(std::string_view s, bool in_attribute) {
  std::string out;
  decode_into(out, s, in_attribute);
  return out;
}

// The numbers of the tags the tree builder names in its rules.
struct KnownTags {
  int p, li, dd, dt, td, th, thead, tbody, tfoot, tr, a, head, body, option, optgroup, svg, math, textarea, title,
      caption, table;
};

const KnownTags& known_tags() {
  static const KnownTags k = [] {
    const TagTable& t = tag_table();
    return KnownTags{t.id("p"),     t.id("li"),    t.id("dd"),     t.id("dt"),       t.id("td"),      t.id("th"),
                     t.id("thead"), t.id("tbody"), t.id("tfoot"),  t.id("tr"),       t.id("a"),       t.id("head"),
                     t.id("body"),  t.id("option"), t.id("optgroup"), t.id("svg"),   t.id("math"),    t.id("textarea"),
                     t.id("title"), t.id("caption"), t.id("table")};
  }();
  return k;
}

#ifdef __cpp_aggregate_paren_init
// TreeBuilder::new_node() names the members of a node in order: parent before end.
static_assert([] {
  HtmlNode node(HtmlNode::Type::text, std::string(), std::vector<HtmlAttr>(), std::string(), 1, std::vector<int>(), 2, TextPos{3, 4});
  return node.parent == 1 && node.end == 2 && node.pos.line == 3;
}());
#endif

class TreeBuilder {
 public:
  // With `visit`, elements are handed to it as they start and only the open ones are kept.
  // `attributes` (lower-case) are the only ones given to `visit`; all of them without it.
  using Visit = std::function<void(const HtmlNode&, const ElementPlace&)>;
  explicit TreeBuilder(std::string_view src, const Visit* visit = nullptr,
                       const std::vector<std::string_view>* attributes = nullptr)
      : src_(src), visit_(visit), attributes_(attributes) {
    if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = tracked_ = 3;
    HtmlNode root;
    root.type = HtmlNode::Type::document;
    root.pos = {1, 1};
    // Room for all the nodes at once, not a doubling that moves every node made so far: our pages have a
    // node for every 26 to 40 bytes (29 for half of them), so one for every 24 bytes holds all of the
    // 2,450 pages of the benchmark (with 40, 2,447 of them grew once). Not when only open elements are
    // kept (visit_).
    if (!visit_) doc_.nodes.reserve(std::min<size_t>(src_.size() / 24 + 16, size_t{1} << 20));
    doc_.nodes.push_back(std::move(root));
    stack_.push_back(Open{});
    open_known_.assign(static_cast<size_t>(tag_table().count()), 0);
    if (attributes_)
      for (std::string_view want : *attributes_)
        if (!want.empty()) wanted_lengths_[static_cast<unsigned char>(want[0])] |= length_bit(want.size());
  }

  HtmlDocument run() {
    while (pos_ < src_.size()) {
      size_t lt = find_byte('<', pos_);
      if (lt == std::string_view::npos) lt = src_.size();
      if (lt > pos_) add_text(pos_, src_.substr(pos_, lt - pos_), true);
      pos_ = lt;
      if (pos_ < src_.size() && !markup()) {
        add_text(pos_, "<", false);
        ++pos_;
      }
    }
    while (stack_.size() > 1) pop();
    doc_.nodes[0].end = static_cast<int>(doc_.nodes.size());
    doc_.nodes[0].children.assign(kids_.begin(), kids_.end());
    return std::move(doc_);
  }

 private:
  // Line and column of `offset`; offsets are asked for in increasing order, so this is linear. Columns count
  // characters: the bytes that do not continue a UTF-8 sequence, eight at a time while none is below 0x0E
  // (none can then be a line break).
  TextPos position(size_t offset) {
    const char* s = src_.data();
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    // In locals while counting: the compiler keeps members in memory across the loop.
    size_t at = tracked_;
    TextPos pos = at_;
    while (at < offset) {
      for (uint64_t w; at + 8 <= offset; at += 8) {
        std::memcpy(&w, s + at, 8);
        if ((w - kOnes * 0x0E) & ~w & kHigh) break;  // a byte below 0x0E: \t, \n, \r…
        uint64_t continuing = (w & ~(w << 1) & kHigh) >> 7;  // 1 in each byte 10xxxxxx
        pos.column += 8 - static_cast<int>((continuing * kOnes) >> 56);
      }
      if (at == offset) break;
      unsigned char c = static_cast<unsigned char>(s[at]);
      bool crlf = c == '\r' && at + 1 < src_.size() && s[at + 1] == '\n';
      if (c == '\n' || (c == '\r' && !crlf)) pos = {pos.line + 1, 1};
      else if ((c & 0xC0) != 0x80 && !crlf) ++pos.column;
      ++at;
    }
    tracked_ = at;
    at_ = pos;
    return pos;
  }

  static TextPos place(void* builder, size_t offset) { return static_cast<TreeBuilder*>(builder)->position(offset); }

  // Where new nodes go: the innermost open element, or below kMaxDepth the element at that depth, as in
  // Chromium (the parser's stack keeps every open element, so end tags and implied ends stay right).
  size_t attach_index() const { return std::min(stack_.size(), static_cast<size_t>(HtmlDocument::kMaxDepth)) - 1; }
  int attach_point() const { return stack_[attach_index()].node; }

  // A node added to the tree (parse_html; the visitor keeps no tree), made in its place; the caller fills
  // in what its type has. Its number goes to kids_, its parent's children until the parent is closed.
  HtmlNode& new_node(HtmlNode::Type type, size_t offset) {
    const int id = static_cast<int>(doc_.nodes.size());
    kids_.push_back(id);
#ifdef __cpp_aggregate_paren_init
    // Every member named: a node made with emplace_back() is value-initialized, which GCC does with a
    // «rep stosq» over its 144 bytes before it sets the members; that cost more than the stores (a tenth
    // of parsing). The static_assert above TreeBuilder keeps the order of the members.
    return doc_.nodes.emplace_back(type, std::string(), std::vector<HtmlAttr>(), std::string(), attach_point(),
                                   std::vector<int>(), id + 1, position(offset));
#else
    // Clang before 16 (the sanitized and fuzzing builds) cannot make an aggregate from parentheses.
    const int parent = attach_point();
    HtmlNode& node = doc_.nodes.emplace_back();
    node.type = type;
    node.parent = parent;
    node.end = id + 1;
    node.pos = position(offset);
    return node;
#endif
  }

  void add_text(size_t offset, std::string_view raw, bool decode_refs) {
    if (visit_) return;  // elements only
    // Adjacent text joins the previous text node (then the last node of the document), decoded onto its end.
    if (kids_.size() > stack_[attach_index()].kids) {
      HtmlNode& last = doc_.nodes[static_cast<size_t>(kids_.back())];
      if (last.type == HtmlNode::Type::text) {
        if (decode_refs) append_decoded(last.text, raw, false);
        else last.text.append(raw);
        return;
      }
    }
    HtmlNode& node = new_node(HtmlNode::Type::text, offset);
    if (decode_refs) append_decoded(node.text, raw, false);
    else node.text.assign(raw);
  }

  void add_special(HtmlNode::Type type, size_t offset, std::string_view body) {
    if (visit_) return;
    new_node(type, offset).text.assign(body);
  }

  // The name of an open element of a tag the table does not number (the visitor keeps it in other_names_).
  std::string_view tag_at(size_t stack_index) const {
    return visit_ ? std::string_view(other_names_[stack_index]) : doc_.nodes[static_cast<size_t>(stack_[stack_index].node)].tag;
  }
  int id_at(size_t stack_index) const { return stack_[stack_index].info.id; }

  void pop() {
    const Open& open = stack_.back();
    // An element below kMaxDepth has no children: its kids_ are those of the element new nodes go to.
    if (!visit_ && stack_.size() <= static_cast<size_t>(HtmlDocument::kMaxDepth)) {
      HtmlNode& node = doc_.nodes[static_cast<size_t>(open.node)];
      node.end = static_cast<int>(doc_.nodes.size());
      node.children.assign(kids_.begin() + static_cast<std::ptrdiff_t>(open.kids), kids_.end());
      kids_.resize(open.kids);
    }
    int id = open.info.id;
    if (id == ids_.svg || id == ids_.math) --foreign_;
    if (id != 0) --open_known_[static_cast<size_t>(id)];
    else --open_other_[open.hash % kOtherBuckets];
    stack_.pop_back();
  }

  // The stack index of the nearest open element for which `match` holds, searching no further than an
  // element with the `scope` bit; 0 when there is none (the document node is never closed).
  template <class Match>
  size_t search(Match match, uint32_t scope) const {
    // The search is bounded, so that a page of a million unclosed elements still parses in linear time.
    size_t lowest = stack_.size() > kMaxSearch ? stack_.size() - kMaxSearch : 1;
    for (size_t i = stack_.size() - 1; i >= lowest; --i) {
      if (match(i)) return i;
      if (stack_[i].info.bits & scope) return 0;
    }
    return 0;
  }

  // The nearest open element of the tags numbered `targets` (most searches end at their counts).
  size_t find_open(std::initializer_list<int> targets, uint32_t scope) const {
    if (std::none_of(targets.begin(), targets.end(), [&](int t) { return open_known_[static_cast<size_t>(t)] > 0; })) return 0;
    return search([&](size_t i) { return std::find(targets.begin(), targets.end(), id_at(i)) != targets.end(); }, scope);
  }

  // The nearest open element named tag_, a tag the lists do not name.
  size_t find_open_other(uint32_t scope) const {
    if (open_other_[tag_hash_ % kOtherBuckets] == 0) return 0;
    return search([&](size_t i) { return id_at(i) == 0 && tag_at(i) == tag_; }, scope);
  }

  void close_from(size_t stack_index) {
    if (stack_index == 0) return;
    while (stack_.size() > stack_index) pop();
  }

  void close_implied(TagInfo tag) {
    const int id = tag.id;
    if (id == 0) return;  // none of the rules below is about a tag the lists do not name
    const auto& k = ids_;
    if (tag.bits & kIsClosesP) close_from(find_open({k.p}, kInButtonScope));
    if ((tag.bits & kIsHeading) && (stack_.back().info.bits & kIsHeading)) pop();
    if (id == k.li) close_from(find_open({k.li}, kInListScope));
    if (id == k.dd || id == k.dt) close_from(find_open({k.dd, k.dt}, kInDefinitionScope));
    if (id == k.option || id == k.optgroup) {
      if (id_at(stack_.size() - 1) == k.option) pop();
      if (id == k.optgroup && id_at(stack_.size() - 1) == k.optgroup) pop();
    }
    if (id == k.td || id == k.th) close_from(find_open({k.td, k.th}, kInRowScope));
    // A row closes the open row (or a cell outside any row); a table section, the open section.
    bool section = id == k.thead || id == k.tbody || id == k.tfoot;
    if (section || id == k.tr) {
      size_t i = section ? find_open({k.thead, k.tbody, k.tfoot}, kInTableScope) : 0;
      if (i == 0) i = find_open({k.tr}, kInTableScope);
      if (i == 0) i = find_open({k.td, k.th}, kInTableScope);
      close_from(i);
    }
    if (id == k.a) close_from(find_open({k.a}, kInScope));
    if (id == k.body) close_from(find_open({k.head}, kInScope));
  }

  // The start tag named tag_, with its attributes in raw_attrs_ (the tree) or the visitor's node.
  void start_tag(size_t offset, bool self_closing) {
    const TagInfo info = tag_table().find(tag_, tag_hash_);
    close_implied(info);
    int node = 0;
    if (visit_) {
      // One node for every element, its strings' and vector's room kept (a node made and freed for each
      // element was a fifth of the visit); tag_ is its tag.
      (*visit_)(visited_, ElementPlace(&place, this, offset));  // its position when asked
    } else {
      node = static_cast<int>(doc_.nodes.size());
      HtmlNode& element = new_node(HtmlNode::Type::element, offset);
      element.tag.assign(tag_);
      // One vector of the right size, each name lowered and each value decoded into its own string.
      element.attrs.resize(raw_attrs_.size());
      for (size_t k = 0; k < raw_attrs_.size(); ++k) {
        HtmlAttr& attr = element.attrs[k];
        const std::string_view name = raw_attrs_[k].name;
        attr.name.assign(name);
        for (char& c : attr.name) c = lower(c);
        append_decoded(attr.value, raw_attrs_[k].value, true);
      }
    }
    bool foreign_root = info.id != 0 && (info.id == ids_.svg || info.id == ids_.math);
    bool childless = (info.bits & kIsVoid) || (self_closing && (foreign_ > 0 || foreign_root));
    bool raw = (info.bits & kIsRawText) && foreign_ == 0;
    bool rcdata = info.id != 0 && (info.id == ids_.textarea || info.id == ids_.title);
    if (childless) return;
    stack_.push_back(Open{node, info, tag_hash_, kids_.size()});
    if (info.id != 0) {
      ++open_known_[static_cast<size_t>(info.id)];
    } else {
      ++open_other_[tag_hash_ % kOtherBuckets];
      if (visit_) {
        if (other_names_.size() < stack_.size()) other_names_.resize(stack_.size());
        other_names_[stack_.size() - 1] = tag_;
      }
    }
    if (foreign_root) ++foreign_;
    if (!raw) return;
    // Raw text runs to «</name» followed by a delimiter; nothing inside is markup.
    const std::string_view name = tag_;
    size_t end = pos_;
    for (; (end = src_.find("</", end)) != std::string_view::npos; end += 2) {
      size_t after = end + 2 + name.size();
      if (after <= src_.size() && equals_lowered(src_.substr(end + 2, name.size()), name) &&
          (after >= src_.size() || is(src_[after], kEndsTagName)))
        break;
    }
    if (end == std::string_view::npos) end = src_.size();
    if (end > pos_) add_text(pos_, src_.substr(pos_, end - pos_), rcdata);
    pop();
    size_t gt = src_.find('>', end);
    pos_ = gt == std::string_view::npos ? src_.size() : gt + 1;
  }

  // The first `c` from `from`, npos when there is none: the first bytes looked at here, then memchr. Text
  // between tags and attribute values are mostly a few bytes (a line break, «3,5», «#5a6370»), for which
  // the call of memchr was most of the search.
  size_t find_byte(char c, size_t from) const {
    const size_t near = std::min(src_.size(), from + 16);
    for (size_t k = from; k < near; ++k)
      if (src_[k] == c) return k;
    return near == src_.size() ? std::string_view::npos : src_.find(c, near);
  }

  // Whether `s` lowered is `lower_name`.
  static bool equals_lowered(std::string_view s, std::string_view lower_name) {
    if (s.size() != lower_name.size()) return false;
    for (size_t k = 0; k < s.size(); ++k)
      if (lower(s[k]) != lower_name[k]) return false;
    return true;
  }

  // The end tag named tag_.
  void end_tag() {
    const TagInfo info = tag_table().find(tag_, tag_hash_);
    if (info.bits & kIsVoid) return;
    if (info.id == 0) {
      close_from(find_open_other(kInScope));
      return;
    }
    const auto& k = ids_;
    const int id = info.id;
    bool table_part = id == k.td || id == k.th || id == k.tr || id == k.tbody || id == k.thead || id == k.tfoot ||
                      id == k.caption || id == k.table;
    uint32_t scope = table_part ? kInTableScope : id == k.li ? kInListScope : id == k.p ? kInButtonScope : kInScope;
    close_from(find_open({id}, scope));
  }

  // tag_ and tag_hash_ for a name longer than 32 bytes: `name` lowered and its hash, worked out in one pass.
  void set_long_tag(std::string_view name) {
    std::string& tag = visit_ ? visited_.tag : long_tag_;
    tag.assign(name);
    uint32_t h = TagTable::kHashStart;
    for (char& c : tag) h = TagTable::hash_step(h, c = lower(c));
    tag_ = tag;
    tag_hash_ = h;
  }

  // Whether two names of attributes are the same once lowered.
  static bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k)
      if (lower(a[k]) != lower(b[k])) return false;
    return true;
  }

  // An attribute added to the visitor's node, taken with its strings' room from those of earlier tags.
  HtmlAttr& new_attribute(std::vector<HtmlAttr>& attrs) {
    if (spare_.empty()) return attrs.emplace_back();
    attrs.push_back(std::move(spare_.back()));
    spare_.pop_back();
    return attrs.back();
  }

  // Empties the visitor's attributes for the next tag, keeping the strings for new_attribute().
  void recycle_attributes() {
    std::vector<HtmlAttr>& attrs = visited_.attrs;
    for (HtmlAttr& a : attrs) spare_.push_back(std::move(a));
    attrs.clear();
  }

  // At '<': a tag, comment or doctype; false when the '<' is literal text.
  bool markup() {
    // Start and end tags first: almost all markup is.
    const size_t start = pos_;
    const char next = start + 1 < src_.size() ? src_[start + 1] : '\0';
    if (is_alpha(next)) return tag(start, false);
    if (next == '/' && start + 2 < src_.size() && is_alpha(src_[start + 2])) return tag(start, true);
    return other_markup();
  }

  // At '<' not followed by a tag's name: a comment, a doctype, «</>», or a literal '<' (false).
  bool other_markup() {
    size_t start = pos_;
    std::string_view rest = src_.substr(pos_);
    auto skip_to = [&](std::string_view close, size_t from) {
      size_t e = src_.find(close, from);
      size_t body_end = e == std::string_view::npos ? src_.size() : e;
      pos_ = e == std::string_view::npos ? src_.size() : e + close.size();
      return src_.substr(from, body_end - from);
    };
    if (rest.substr(0, 4) == "<!--") {
      std::string_view body;
      if (rest.substr(4, 1) == ">" || rest.substr(4, 2) == "->") pos_ += rest[4] == '>' ? 5 : 6;  // «<!-->», «<!--->»
      else {
        // «--!>» ends a comment as «-->» does: whichever comes first, found in one pass (a search for
        // «--!>» to the end of the page from every comment made a page of many comments quadratic).
        std::string_view close = "-->";
        for (size_t e = pos_ + 4; (e = src_.find("--", e)) != std::string_view::npos; ++e) {
          if (e + 2 < src_.size() && src_[e + 2] == '>') break;
          if (e + 3 < src_.size() && src_[e + 2] == '!' && src_[e + 3] == '>') {
            close = "--!>";
            break;
          }
        }
        body = skip_to(close, pos_ + 4);
      }
      add_special(HtmlNode::Type::comment, start, body);
      return true;
    }
    if (rest.substr(0, 3) == "</>") {  // dropped
      pos_ += 3;
      return true;
    }
    if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?' || (rest[1] == '/' && rest.size() > 2 && !is_alpha(rest[2])))) {
      std::string_view body = skip_to(">", pos_ + (rest[1] == '?' ? 1 : 2));  // «<?» keeps its «?», as in browsers
      bool doctype = rest[1] == '!' && lowered(body.substr(0, 7)) == "doctype";
      add_special(doctype ? HtmlNode::Type::doctype : HtmlNode::Type::comment, start, body);
      return true;
    }
    return false;  // what is left cannot start a tag: markup() has taken «<a» and «</a»
  }

  // At «<name» or «</name»: reads the tag and hands it to start_tag() or end_tag().
  bool tag(size_t start, bool closing) {
    size_t i = start + (closing ? 2 : 1);
    // The name lowered and hashed as it is read, in one pass, into a buffer on the stack (a char stored in
    // a member may alias src_, which would then be read again for every byte). The tree copies it once,
    // into the element (not at all for an end tag): tag_ views the buffer while start_tag() or end_tag()
    // runs, called from here. The visitor's node holds it while it is visited.
    char name[32];
    size_t length = 0;
    uint32_t h = TagTable::kHashStart;
    for (; i < src_.size() && !is(src_[i], kEndsTagName); ++i, ++length) {
      const char c = lower(src_[i]);
      h = TagTable::hash_step(h, c);
      if (length < sizeof name) name[length] = c;
    }
    if (length <= sizeof name) {
      if (visit_) tag_ = visited_.tag.assign(name, length);
      else tag_ = std::string_view(name, length);
      tag_hash_ = h;
    } else {
      set_long_tag(src_.substr(i - length, length));
    }
    if (visit_) recycle_attributes();
    else raw_attrs_.clear();
    std::vector<HtmlAttr>& attrs = visited_.attrs;
    bool self_closing = false;
    while (true) {
      while (i < src_.size() && (is(src_[i], kSpace) || src_[i] == '/')) {
        self_closing = src_[i] == '/' && i + 1 < src_.size() && src_[i + 1] == '>';
        ++i;
      }
      if (i >= src_.size()) {  // a tag cut off by the end of input is dropped, as browsers do
        pos_ = src_.size();
        return true;
      }
      if (src_[i] == '>') break;
      size_t a = i++;
      while (i < src_.size() && !is(src_[i], kEndsAttrName)) ++i;
      std::string_view name = src_.substr(a, i - a), value;
      size_t j = i;
      while (j < src_.size() && is(src_[j], kSpace)) ++j;
      if (j < src_.size() && src_[j] == '=') {
        for (++j; j < src_.size() && is(src_[j], kSpace);) ++j;
        if (j < src_.size() && (src_[j] == '"' || src_[j] == '\'')) {
          size_t q = find_byte(src_[j], j + 1);
          if (q == std::string_view::npos) {
            pos_ = src_.size();
            return true;
          }
          value = src_.substr(j + 1, q - j - 1);
          j = q + 1;
        } else {
          size_t v = j;
          while (j < src_.size() && !is(src_[j], kEndsBareValue)) ++j;
          value = src_.substr(v, j - v);
        }
        i = j;
      }
      // The first of duplicates wins; a bound on the count keeps the duplicate search linear.
      if (!visit_) {
        if (raw_attrs_.size() < kMaxAttributes &&
            std::none_of(raw_attrs_.begin(), raw_attrs_.end(), [&](const RawAttr& x) { return same_name(x.name, name); }))
          raw_attrs_.push_back(RawAttr{name, value});
        continue;
      }
      // An attribute the visitor does not read is neither lowered nor decoded.
      if (attrs.size() >= kMaxAttributes || !wanted(name)) continue;
      HtmlAttr& attr = new_attribute(attrs);
      attr.name.assign(name);
      for (char& c : attr.name) c = lower(c);
      if (std::any_of(attrs.begin(), attrs.end() - 1, [&](const HtmlAttr& x) { return x.name == attr.name; })) {
        spare_.push_back(std::move(attrs.back()));
        attrs.pop_back();
        continue;
      }
      decode_into(attr.value, value, true);
    }
    pos_ = i + 1;
    if (closing) end_tag();
    else start_tag(start, self_closing);
    return true;
  }

  // Whether the visitor reads attribute `name` (as written: any case): all of them without a list.
  bool wanted(std::string_view name) const {
    if (!attributes_) return true;
    // Most names are ruled out by their first letter and length before they are compared.
    if (!(wanted_lengths_[static_cast<unsigned char>(lower(name[0]))] & length_bit(name.size()))) return false;
    return std::any_of(attributes_->begin(), attributes_->end(), [&](std::string_view want) {
      return want.size() == name.size() && std::equal(want.begin(), want.end(), name.begin(), [](char w, char c) { return w == lower(c); });
    });
  }

  // A bit for the length of an attribute's name; one bit for all from 31 bytes on.
  static uint32_t length_bit(size_t length) { return 1u << std::min<size_t>(length, 31); }

  // An open element: its node (in the tree; 0 for the visitor), what the table knows of its tag, the tag's
  // hash, and where its children begin in kids_.
  struct Open {
    int node = 0;
    TagInfo info;
    uint32_t hash = 0;
    size_t kids = 0;
  };
  // An attribute of the tag being read for the tree, as written: lowered and decoded only if the tag starts
  // an element, into the element's own strings.
  struct RawAttr {
    std::string_view name;
    std::string_view value;
  };
  static constexpr size_t kOtherBuckets = 256;

  std::string_view src_;
  size_t pos_ = 0;
  size_t tracked_ = 0;
  TextPos at_{1, 1};
  HtmlDocument doc_;
  const Visit* visit_ = nullptr;
  const std::vector<std::string_view>* attributes_ = nullptr;  // with visit_: the attributes it reads
  // By the first byte of a name the visitor reads, the length_bit()s of those names.
  std::array<uint32_t, 256> wanted_lengths_{};
  HtmlNode visited_;  // with visit_: the element handed to it, reused
  std::vector<std::string> other_names_;  // with visit_: by stack index, the name of an open element the table does not number
  std::string long_tag_;  // for the tree: the name of the tag being read when it is longer than 32 bytes
  // The name of the tag being read, lowered: in tag()'s buffer, long_tag_ or the visitor's node.
  std::string_view tag_;
  uint32_t tag_hash_ = 0;
  std::vector<RawAttr> raw_attrs_;  // for the tree: the attributes of the tag being read
  // For the tree: the children of the open elements so far, each element's after its parent's (a child
  // vector grown one child at a time was made and copied several times over); an element closed takes its own.
  std::vector<int> kids_;
  std::vector<HtmlAttr> spare_;  // attributes of earlier tags, their strings' room kept
  std::vector<Open> stack_;
  int foreign_ = 0;  // open svg and math elements, where «/>» closes a tag
  // Open elements by tag, so that most searches end before they start: the tags the table numbers by
  // number, any other by a bucket of its hash (a count that only says whether a search may find one).
  std::vector<int> open_known_;
  std::array<int, kOtherBuckets> open_other_{};
  const KnownTags& ids_ = known_tags();
};

}  // namespace

HtmlDocument parse_html(std::string_view bytes, std::string_view content_type) {
  std::string storage;
  return TreeBuilder(html_text(bytes, content_type, storage)).run();
}

void visit_elements(std::string_view bytes, const std::vector<std::string_view>& attributes,
                    const std::function<void(const HtmlNode&, const ElementPlace&)>& visit) {
  std::string storage;
  TreeBuilder(html_text(bytes, {}, storage), &visit, &attributes).run();
}

std::string decode_html_entities(std::string_view text) { return decode(text, false); }

const std::string* HtmlNode::attr(std::string_view name) const {
  for (const HtmlAttr& a : attrs)
    if (a.name == name) return &a.value;
  return nullptr;
}

const std::string* HtmlDocument::attr(int node, std::string_view name) const { return nodes[static_cast<size_t>(node)].attr(name); }

std::string HtmlDocument::text_content(int node) const {
  std::string out;
  bool space = false;
  std::vector<int> block_ends;  // ends of the open block elements, innermost last
  int end = nodes[static_cast<size_t>(node)].end;
  for (int i = node; i < end; ++i) {
    while (!block_ends.empty() && block_ends.back() <= i) space = true, block_ends.pop_back();
    const HtmlNode& n = nodes[static_cast<size_t>(i)];
    const uint32_t bits = n.type == HtmlNode::Type::element ? tag_bits(n.tag) : 0;
    if ((bits & kIsUnread) && i != node) {
      i = n.end - 1;
      continue;
    }
    if (bits & kIsBlock) {
      space = true;
      block_ends.push_back(n.end);
    }
    if (n.type != HtmlNode::Type::text) continue;
    // Runs between blanks (spaces and U+00A0) are copied whole.
    const std::string& t = n.text;
    auto blank_at = [&t](size_t k) {
      return is_space(t[k]) ? 1 : t[k] == '\xC2' && k + 1 < t.size() && t[k + 1] == '\xA0' ? 2 : 0;
    };
    for (size_t k = 0; k < t.size();) {
      if (int blank = blank_at(k)) {
        space = true;
        k += static_cast<size_t>(blank);
        continue;
      }
      // To the next blank, one lookup a byte: only the bytes kMayBeBlank are looked at further.
      size_t run = k + 1;
      while (run < t.size() && !(is(t[run], kMayBeBlank) && blank_at(run))) ++run;
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(t, k, run - k);
      k = run;
    }
  }
  return out;
}

std::vector<int> HtmlDocument::find_all(const std::function<bool(const HtmlNode&)>& pred) const {
  std::vector<int> found;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (pred(nodes[i])) found.push_back(static_cast<int>(i));
  return found;
}

std::vector<int> HtmlDocument::elements(std::string_view tag) const {
  // A loop of its own, not find_all's call of a std::function per node: a page's audit asks for its links,
  // titles, headings and stylesheets, each over every node.
  std::vector<int> found;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].type == HtmlNode::Type::element && nodes[i].tag == tag) found.push_back(static_cast<int>(i));
  return found;
}

}  // namespace sveden
