#include "render/mustache_template.h"

#include <sstream>
#include <string_view>

#include "render/html.h"

namespace sveden {

struct MustacheTemplate::Node {
  enum class Kind { text, newline, variable, raw_variable, section, inverted };
  Kind kind = Kind::text;
  std::string text;                // text, a line break as written, or a name
  std::vector<std::string> path;   // a dotted name's parts, as kainjow splits it
  std::vector<Node> children;      // a section's
};

struct MustacheTemplate::Compiled {
  std::vector<Node> nodes;
};

namespace {

// kainjow trims and checks delimiters with std::isspace in the "C" locale.
bool c_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && c_space(s[b])) ++b;
  while (e > b && c_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

// «a.b.c» as std::getline splits it: a last empty part (after a final dot) is not one.
std::vector<std::string> dotted_parts(const std::string& name) {
  std::vector<std::string> parts;
  size_t from = 0;
  for (size_t dot; (dot = name.find('.', from)) != std::string::npos; from = dot + 1) parts.push_back(name.substr(from, dot - from));
  if (from < name.size()) parts.push_back(name.substr(from));
  return parts;
}

// Only ' ' and '\t' between `from` and the end of `out` (kainjow's test of a line to leave out).
bool blanks_only(const std::string& out, size_t from) {
  for (size_t i = from; i < out.size(); ++i)
    if (out[i] != ' ' && out[i] != '\t') return false;
  return true;
}

// A {{variable}}: kainjow's html_escape after drop_control_characters, in one pass (render/html.h), with
// Mustache's «&apos;».
void escape_variable(std::string& out, std::string_view s) { escape_html_to(out, s, "&apos;"); }

}  // namespace

MustacheTemplate::MustacheTemplate(const std::string& text) {
  auto compiled = std::make_unique<Compiled>();
  if (compile(text, compiled->nodes)) compiled_ = std::move(compiled);
  else {
    fallback_ = std::make_unique<kainjow::mustache::mustache>(text);
    fallback_->set_custom_escape([](const std::string& s) {
      std::string out;
      escape_variable(out, s);
      return out;
    });
  }
}

MustacheTemplate::MustacheTemplate(MustacheTemplate&&) noexcept = default;
MustacheTemplate& MustacheTemplate::operator=(MustacheTemplate&&) noexcept = default;
MustacheTemplate::~MustacheTemplate() = default;

kainjow::mustache::data MustacheTemplate::as_kainjow(const data& d) {
  using K = kainjow::mustache::data;
  if (d.is_string()) return K(d.string_value());
  if (d.is_bool()) return K(d.is_true());
  if (d.is_list()) {
    K list(K::type::list);
    for (const auto& item : d.list_value()) list.push_back(as_kainjow(item));
    return list;
  }
  K object;
  for (const auto& [name, value] : d.object_value()) object.set(name, as_kainjow(value));
  return object;
}

bool MustacheTemplate::is_valid() const { return compiled_ || fallback_->is_valid(); }

namespace {

struct Renderer {
  std::vector<const TemplateValue*> stack;  // innermost last
  std::string& out;
  size_t line_start = 0;
  bool section_tag = false;  // the current line held a shown section's tag

  const TemplateValue* find(const MustacheTemplate::Node& n) const {
    if (n.text.size() == 1 && n.text[0] == '.') return stack.back();
    if (n.path.empty()) {
      for (size_t i = stack.size(); i-- > 0;)
        if (const auto* v = stack[i]->get(n.text)) return v;
      return nullptr;
    }
    for (size_t i = stack.size(); i-- > 0;) {
      const TemplateValue* v = stack[i];
      for (const std::string& part : n.path)
        if (!(v = v->get(part))) break;
      if (v) return v;
    }
    return nullptr;
  }

  void end_line(std::string_view line_break) {
    if (section_tag && blanks_only(out, line_start)) out.resize(line_start);
    else out += line_break;
    line_start = out.size();
    section_tag = false;
  }

  void section(const std::vector<MustacheTemplate::Node>& children, const TemplateValue* pushed) {
    section_tag = true;
    if (pushed) stack.push_back(pushed);
    walk(children);
    if (pushed) stack.pop_back();
    section_tag = true;
  }

  void walk(const std::vector<MustacheTemplate::Node>& nodes) {
    using Kind = MustacheTemplate::Node::Kind;
    for (const auto& n : nodes) {
      switch (n.kind) {
        case Kind::text: out += n.text; break;
        case Kind::newline: end_line(n.text); break;
        case Kind::variable:
        case Kind::raw_variable:
          if (const auto* v = find(n); v && v->is_string()) {
            if (n.kind == Kind::variable) escape_variable(out, v->string_value());
            else out += v->string_value();
          }
          break;
        case Kind::section: {
          const auto* v = find(n);
          if (!v || v->is_false() || v->is_empty_list()) break;
          if (v->is_list())
            for (const auto& item : v->list_value()) section(n.children, &item);
          else
            section(n.children, v);
          break;
        }
        case Kind::inverted: {
          const auto* v = find(n);
          if (!v || v->is_false() || v->is_empty_list()) section(n.children, v);
          break;
        }
      }
    }
  }
};

}  // namespace

void MustacheTemplate::render(const data& d, std::string& out) const { render(std::vector<const data*>{&d}, out); }

void MustacheTemplate::render(const std::vector<const data*>& stack, std::string& out) const {
  if (!compiled_) {
    if (!fallback_->is_valid()) return;  // as kainjow's render(data) does
    std::vector<kainjow::mustache::data> copies;
    copies.reserve(stack.size());
    for (const data* d : stack) copies.push_back(as_kainjow(*d));
    kainjow::mustache::context<std::string> context;
    for (const auto& d : copies) context.push(&d);
    std::ostringstream text;
    fallback_->render(context, text);
    out += text.str();
    return;
  }
  Renderer r{stack, out, out.size(), false};
  r.walk(compiled_->nodes);
  if (r.section_tag && blanks_only(out, r.line_start)) out.resize(r.line_start);  // the last line, as kainjow ends
}

bool MustacheTemplate::compile(const std::string& input, std::vector<Node>& root) {
  using N = MustacheTemplate::Node;
  std::string begin = "{{", end = "}}";
  bool braces = true;
  std::vector<std::vector<N>*> sections{&root};
  std::vector<const std::string*> names;  // of the open sections
  std::string text;
  auto flush = [&] {
    if (text.empty()) return;
    N n;
    n.text = std::move(text);
    sections.back()->push_back(std::move(n));
    text.clear();
  };
  const size_t size = input.size();
  for (size_t at = 0; at < size;) {
    if (input.compare(at, begin.size(), begin) != 0) {
      size_t line_break = input[at] == '\r' && at + 1 < size && input[at + 1] == '\n' ? 2 : input[at] == '\n' || input[at] == '\r' ? 1 : 0;
      if (!line_break) {
        text += input[at++];
        continue;
      }
      flush();
      N n;
      n.kind = N::Kind::newline;
      n.text = input.substr(at, line_break);
      sections.back()->push_back(std::move(n));
      at += line_break;
      continue;
    }
    flush();
    size_t contents = at + begin.size();
    const bool raw = braces && at != size - 2 && input.at(contents) == begin[0];
    if (raw) ++contents;
    static const std::string kRawClose = "}}}";
    const std::string& close = raw ? kRawClose : end;
    size_t close_at = input.find(close, contents);
    if (close_at == std::string::npos) return false;  // «Unclosed tag»
    std::string tag = trimmed(std::string_view(input).substr(contents, close_at - contents));
    at = close_at + close.size();
    if (!tag.empty() && tag[0] == '=') {  // new delimiters: «{{=<% %>=}}»
      if (tag.size() < 5 || tag.back() != '=') return false;
      std::string inner = trimmed(std::string_view(tag).substr(1, tag.size() - 2));
      size_t space = inner.find(' ');
      if (space == std::string::npos) return false;
      size_t next = inner.find_first_not_of(' ', space + 1);
      std::string b = inner.substr(0, space), e = inner.substr(next);
      for (const std::string* d : {&b, &e})
        for (char c : *d)
          if (c == '=' || c_space(c)) return false;
      begin = b;
      end = e;
      braces = begin == "{{" && end == "}}";
      continue;
    }
    N n;
    char sigil = raw || tag.empty() ? ' ' : tag[0];
    switch (sigil) {
      case '#': n.kind = N::Kind::section; break;
      case '^': n.kind = N::Kind::inverted; break;
      case '&': n.kind = N::Kind::raw_variable; break;
      case '/':
      case '!': break;
      case '>': return false;  // a partial: kainjow renders the template
      default: n.kind = raw ? N::Kind::raw_variable : N::Kind::variable; break;
    }
    n.text = sigil == ' ' || std::string_view("#^/&>!").find(sigil) == std::string_view::npos ? tag : trimmed(std::string_view(tag).substr(1));
    if (sigil == '!') continue;
    if (sigil == '/') {
      if (names.empty() || *names.back() != n.text) return false;  // «Unopened section» or «Unclosed section»
      sections.pop_back();
      names.pop_back();
      continue;
    }
    if (n.text.find('.') != std::string::npos && n.text != ".") n.path = dotted_parts(n.text);
    sections.back()->push_back(std::move(n));
    if (sections.back()->back().kind == N::Kind::section || sections.back()->back().kind == N::Kind::inverted) {
      N& opened = sections.back()->back();
      names.push_back(&opened.text);
      sections.push_back(&opened.children);
    }
  }
  flush();
  return names.empty();  // else «Unclosed section»
}

}  // namespace sveden
