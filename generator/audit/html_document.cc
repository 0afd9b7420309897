// A forgiving HTML5 tokenizer and tree builder: the WHATWG rules simplified to what matters for
// auditing markup (implied end tags, raw text elements, scopes that stray end tags cannot cross).
#include "audit/html_document.h"

#include <algorithm>
#include <initializer_list>
#include <map>

namespace sveden {
namespace {

using Tags = std::initializer_list<std::string_view>;
constexpr size_t kMaxAttributes = 256;

bool one_of(std::string_view s, Tags set) { return std::find(set.begin(), set.end(), s) != set.end(); }
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

const Tags kVoid = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                    "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"};
const Tags kRawText = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};
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

struct Entity {
  std::string_view name, utf8;
  bool legacy;  // recognised without the semicolon too
};
const Entity kEntities[] = {
    {"amp", "&", true},      {"lt", "<", true},        {"gt", ">", true},       {"quot", "\"", true},
    {"apos", "'", false},    {"nbsp", "\u00A0", true}, {"laquo", "«", true},    {"raquo", "»", true},
    {"mdash", "—", false},   {"ndash", "–", false},    {"hellip", "…", false},  {"copy", "©", true},
    {"reg", "®", true},      {"trade", "™", false},    {"deg", "°", true},      {"plusmn", "±", true},
    {"times", "×", true},    {"divide", "÷", true},    {"middot", "·", true},   {"bull", "•", false},
    {"lsquo", "‘", false},   {"rsquo", "’", false},    {"ldquo", "“", false},   {"rdquo", "”", false},
    {"bdquo", "„", false},   {"sbquo", "‚", false},    {"shy", "\u00AD", true}, {"euro", "€", false},
    {"numero", "№", false},  {"sect", "§", true},      {"para", "¶", true},     {"thinsp", "\u2009", false},
    {"ensp", "\u2002", false}, {"emsp", "\u2003", false}, {"zwnj", "\u200C", false}, {"zwj", "\u200D", false},
    {"minus", "−", false},   {"le", "≤", false},       {"ge", "≥", false},      {"ne", "≠", false},
    {"larr", "←", false},    {"rarr", "→", false},     {"frac12", "½", true},   {"sup2", "²", true},
    {"sup3", "³", true},     {"Tab", "\t", false},     {"NewLine", "\n", false}};

// Numeric references to 0x80–0x9F mean Windows-1252, as browsers read them (&#150; is an en dash).
const char32_t kWindows1252[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
  int extra = cp < 0x80 ? 0 : cp < 0x800 ? 1 : cp < 0x10000 ? 2 : 3;
  const unsigned kLead[] = {0x00, 0xC0, 0xE0, 0xF0};
  out += static_cast<char>(kLead[extra] | (cp >> (6 * extra)));
  for (int k = extra - 1; k >= 0; --k) out += static_cast<char>(0x80 | ((cp >> (6 * k)) & 0x3F));
}

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
  while (i < r.size() && i < 33 && is_alnum(r[i])) ++i;
  std::string_view name = r.substr(1, i - 1);
  bool semicolon = i < r.size() && r[i] == ';';
  for (const Entity& e : kEntities) {
    if (e.name != name) continue;
    // Without «;» only the legacy names count, and in attributes not before «=» (query strings).
    if (!semicolon && (!e.legacy || (in_attribute && i < r.size() && r[i] == '='))) return 0;
    out += e.utf8;
    return i + (semicolon ? 1 : 0);
  }
  return 0;
}

std::string decode(std::string_view s, bool in_attribute) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t used = s[i] == '&' ? decode_reference(s.substr(i), in_attribute, out) : 0;
    if (used == 0) out += s[i++];
    else i += used;
  }
  return out;
}

class TreeBuilder {
 public:
  explicit TreeBuilder(std::string_view src) : src_(src) {
    if (src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = tracked_ = 3;
    HtmlNode root;
    root.type = HtmlNode::Type::document;
    root.pos = {1, 1};
    doc_.nodes.push_back(std::move(root));
    stack_.push_back(0);
  }

  HtmlDocument run() {
    while (pos_ < src_.size()) {
      size_t lt = src_.find('<', pos_);
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
    return std::move(doc_);
  }

 private:
  // Line and column of `offset`; offsets are asked for in increasing order, so this is linear.
  TextPos position(size_t offset) {
    for (; tracked_ < offset; ++tracked_) {
      unsigned char c = static_cast<unsigned char>(src_[tracked_]);
      bool crlf = c == '\r' && tracked_ + 1 < src_.size() && src_[tracked_ + 1] == '\n';
      if (c == '\n' || (c == '\r' && !crlf)) at_ = {at_.line + 1, 1};
      else if ((c & 0xC0) != 0x80 && !crlf) ++at_.column;
    }
    return at_;
  }

  int add_node(HtmlNode node) {
    int id = static_cast<int>(doc_.nodes.size());
    node.parent = stack_.back();
    node.end = id + 1;
    doc_.nodes[static_cast<size_t>(node.parent)].children.push_back(id);
    doc_.nodes.push_back(std::move(node));
    return id;
  }

  void add_text(size_t offset, std::string_view raw, bool decode_refs) {
    std::string text = decode_refs ? decode(raw, false) : std::string(raw);
    HtmlNode& parent = doc_.nodes[static_cast<size_t>(stack_.back())];
    // Adjacent text joins the previous text node (then the last node of the document).
    if (!parent.children.empty() && doc_.nodes[static_cast<size_t>(parent.children.back())].type == HtmlNode::Type::text) {
      doc_.nodes[static_cast<size_t>(parent.children.back())].text += text;
      return;
    }
    HtmlNode node;
    node.type = HtmlNode::Type::text;
    node.text = std::move(text);
    node.pos = position(offset);
    add_node(std::move(node));
  }

  void add_special(HtmlNode::Type type, size_t offset, std::string_view body) {
    HtmlNode node;
    node.type = type;
    node.text = std::string(body);
    node.pos = position(offset);
    add_node(std::move(node));
  }

  const std::string& tag_at(size_t stack_index) const { return doc_.nodes[static_cast<size_t>(stack_[stack_index])].tag; }

  void pop() {
    HtmlNode& node = doc_.nodes[static_cast<size_t>(stack_.back())];
    node.end = static_cast<int>(doc_.nodes.size());
    if (node.tag == "svg" || node.tag == "math") --foreign_;
    --open_[node.tag];
    stack_.pop_back();
  }

  // The stack index of the nearest open element named in `targets`, searching no further than an
  // element of `scope`; 0 when there is none (the document node is never closed).
  size_t find_open(Tags targets, Tags scope) const {
    if (std::none_of(targets.begin(), targets.end(), [&](std::string_view t) { return open_count(t) > 0; })) return 0;
    for (size_t i = stack_.size() - 1; i > 0; --i) {
      if (one_of(tag_at(i), targets)) return i;
      if (one_of(tag_at(i), scope)) return 0;
    }
    return 0;
  }

  void close_from(size_t stack_index) {
    if (stack_index == 0) return;
    while (stack_.size() > stack_index) pop();
  }

  void close_implied(const std::string& tag) {
    if (one_of(tag, kClosesP)) close_from(find_open({"p"}, kButtonScope));
    if (one_of(tag, kHeadings) && one_of(tag_at(stack_.size() - 1), kHeadings)) pop();
    if (tag == "li") close_from(find_open({"li"}, kListScope));
    if (tag == "dd" || tag == "dt") close_from(find_open({"dd", "dt"}, {"dl", "html", "table", "td", "th", "template"}));
    if (tag == "option" || tag == "optgroup") {
      if (tag_at(stack_.size() - 1) == "option") pop();
      if (tag == "optgroup" && tag_at(stack_.size() - 1) == "optgroup") pop();
    }
    if (tag == "td" || tag == "th") close_from(find_open({"td", "th"}, kRowScope));
    // A row closes the open row (or a cell outside any row); a table section, the open section.
    bool section = tag == "thead" || tag == "tbody" || tag == "tfoot";
    if (section || tag == "tr") {
      size_t i = section ? find_open({"thead", "tbody", "tfoot"}, kTableScope) : 0;
      if (i == 0) i = find_open({"tr"}, kTableScope);
      if (i == 0) i = find_open({"td", "th"}, kTableScope);
      close_from(i);
    }
    if (tag == "a") close_from(find_open({"a"}, kScope));
    if (tag == "body") close_from(find_open({"head"}, kScope));
  }

  void start_tag(size_t offset, std::string tag, std::vector<HtmlAttr> attrs, bool self_closing) {
    close_implied(tag);
    while (stack_.size() > static_cast<size_t>(HtmlDocument::kMaxDepth)) pop();
    HtmlNode node;
    node.tag = std::move(tag);
    node.attrs = std::move(attrs);
    node.pos = position(offset);
    bool foreign_root = node.tag == "svg" || node.tag == "math";
    bool childless = one_of(node.tag, kVoid) || (self_closing && (foreign_ > 0 || foreign_root));
    bool raw = one_of(node.tag, kRawText) && foreign_ == 0;
    bool rcdata = node.tag == "textarea" || node.tag == "title";
    std::string name = node.tag;
    int id = add_node(std::move(node));
    if (childless) return;
    stack_.push_back(id);
    ++open_[name];
    if (foreign_root) ++foreign_;
    if (!raw) return;
    // Raw text runs to «</name» followed by a delimiter; nothing inside is markup.
    size_t end = pos_;
    for (; (end = src_.find("</", end)) != std::string_view::npos; end += 2) {
      size_t after = end + 2 + name.size();
      if (lowered(src_.substr(end + 2, name.size())) == name &&
          (after >= src_.size() || is_space(src_[after]) || src_[after] == '/' || src_[after] == '>'))
        break;
    }
    if (end == std::string_view::npos) end = src_.size();
    if (end > pos_) add_text(pos_, src_.substr(pos_, end - pos_), rcdata);
    pop();
    size_t gt = src_.find('>', end);
    pos_ = gt == std::string_view::npos ? src_.size() : gt + 1;
  }

  void end_tag(const std::string& tag) {
    if (one_of(tag, kVoid)) return;
    Tags scope = one_of(tag, {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "table"}) ? kTableScope
                 : tag == "li"                                                                 ? kListScope
                 : tag == "p"                                                                  ? kButtonScope
                                                                                               : kScope;
    close_from(find_open({tag}, scope));
  }

  // At '<': a tag, comment or doctype; false when the '<' is literal text.
  bool markup() {
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
      else body = skip_to("-->", pos_ + 4);
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
    bool closing = rest.size() > 2 && rest[1] == '/';
    size_t i = pos_ + (closing ? 2 : 1);
    if (i >= src_.size() || !is_alpha(src_[i])) return false;
    size_t name_start = i;
    while (i < src_.size() && !is_space(src_[i]) && src_[i] != '/' && src_[i] != '>') ++i;
    std::string tag = lowered(src_.substr(name_start, i - name_start));
    std::vector<HtmlAttr> attrs;
    bool self_closing = false;
    while (true) {
      while (i < src_.size() && (is_space(src_[i]) || src_[i] == '/')) {
        self_closing = src_[i] == '/' && i + 1 < src_.size() && src_[i + 1] == '>';
        ++i;
      }
      if (i >= src_.size()) {  // a tag cut off by the end of input is dropped, as browsers do
        pos_ = src_.size();
        return true;
      }
      if (src_[i] == '>') break;
      size_t a = i++;
      while (i < src_.size() && !is_space(src_[i]) && src_[i] != '/' && src_[i] != '>' && src_[i] != '=') ++i;
      HtmlAttr attr{lowered(src_.substr(a, i - a)), ""};
      size_t j = i;
      while (j < src_.size() && is_space(src_[j])) ++j;
      if (j < src_.size() && src_[j] == '=') {
        for (++j; j < src_.size() && is_space(src_[j]);) ++j;
        if (j < src_.size() && (src_[j] == '"' || src_[j] == '\'')) {
          size_t q = src_.find(src_[j], j + 1);
          if (q == std::string_view::npos) {
            pos_ = src_.size();
            return true;
          }
          attr.value = decode(src_.substr(j + 1, q - j - 1), true);
          j = q + 1;
        } else {
          size_t v = j;
          while (j < src_.size() && !is_space(src_[j]) && src_[j] != '>') ++j;
          attr.value = decode(src_.substr(v, j - v), true);
        }
        i = j;
      }
      // The first of duplicates wins; a bound on the count keeps the duplicate search linear.
      bool duplicate = std::any_of(attrs.begin(), attrs.end(), [&](const HtmlAttr& x) { return x.name == attr.name; });
      if (!duplicate && attrs.size() < kMaxAttributes) attrs.push_back(std::move(attr));
    }
    pos_ = i + 1;
    if (closing) end_tag(tag);
    else start_tag(start, std::move(tag), std::move(attrs), self_closing);
    return true;
  }

  std::string_view src_;
  size_t pos_ = 0;
  size_t tracked_ = 0;
  TextPos at_{1, 1};
  HtmlDocument doc_;
  std::vector<int> stack_;
  int foreign_ = 0;  // open svg and math elements, where «/>» closes a tag
  std::map<std::string, int, std::less<>> open_;  // open elements by tag: most searches end here

  int open_count(std::string_view tag) const {
    auto it = open_.find(tag);
    return it == open_.end() ? 0 : it->second;
  }
};

}  // namespace

HtmlDocument parse_html(std::string_view html) { return TreeBuilder(html).run(); }

std::string decode_html_entities(std::string_view text) { return decode(text, false); }

const std::string* HtmlDocument::attr(int node, std::string_view name) const {
  for (const HtmlAttr& a : nodes[static_cast<size_t>(node)].attrs)
    if (a.name == name) return &a.value;
  return nullptr;
}

std::string HtmlDocument::text_content(int node) const {
  std::string out;
  bool space = false;
  std::vector<int> block_ends;  // ends of the open block elements, innermost last
  int end = nodes[static_cast<size_t>(node)].end;
  for (int i = node; i < end; ++i) {
    while (!block_ends.empty() && block_ends.back() <= i) space = true, block_ends.pop_back();
    const HtmlNode& n = nodes[static_cast<size_t>(i)];
    if (n.type == HtmlNode::Type::element && one_of(n.tag, {"script", "style", "template"}) && i != node) {
      i = n.end - 1;
      continue;
    }
    if (n.type == HtmlNode::Type::element && one_of(n.tag, kBlock)) {
      space = true;
      block_ends.push_back(n.end);
    }
    if (n.type != HtmlNode::Type::text) continue;
    for (size_t k = 0; k < n.text.size(); ++k) {
      bool nbsp = n.text.compare(k, 2, "\u00A0") == 0;
      if (is_space(n.text[k]) || nbsp) {
        space = true;
        k += nbsp ? 1 : 0;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += n.text[k];
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
  return find_all([&](const HtmlNode& n) { return n.type == HtmlNode::Type::element && n.tag == tag; });
}

}  // namespace sveden
