// A theme's Mustache template, parsed once and rendered from TemplateValue data into a string, with the bytes
// kainjow's renderer gives (its line handling included: a line that held a shown section's tag and
// nothing but blanks is left out; a hidden section's line is not). kainjow walks a tree of one node per
// word and per blank through std::function calls and looks every name up by a hash of a new string; this
// walks compiled nodes and appends to one string. Templates that use what it does not do (partials) are
// rendered by kainjow itself, from a copy of the data as kainjow's, as are those kainjow cannot parse
// (which then render nothing, as there).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "render/template_value.h"

namespace sveden {

class MustacheTemplate {
 public:
  using data = TemplateValue;

  explicit MustacheTemplate(const std::string& text);
  MustacheTemplate(MustacheTemplate&&) noexcept;
  MustacheTemplate& operator=(MustacheTemplate&&) noexcept;
  ~MustacheTemplate();

  // Whether kainjow parses it (an invalid template renders nothing).
  bool is_valid() const;

  // Rendered with `d` and appended to `out`.
  void render(const data& d, std::string& out) const;
  std::string render(const data& d) const {
    std::string out;
    render(d, out);
    return out;
  }
  // Rendered with a stack of data, innermost last (the item of a list over the data around it), appended.
  void render(const std::vector<const data*>& stack, std::string& out) const;

  struct Node;  // a parsed piece (mustache_template.cc)

  // The same data as kainjow's (for kainjow's renderer and the tests that compare with it).
  static kainjow::mustache::data as_kainjow(const data& d);

 private:
  struct Compiled;
  // The parse, tag by tag as kainjow's parser reads them; false where kainjow would fail or where the
  // template uses what this renderer does not do.
  static bool compile(const std::string& input, std::vector<Node>& root);
  std::unique_ptr<Compiled> compiled_;                       // null: kainjow renders
  std::unique_ptr<kainjow::mustache::mustache> fallback_;    // kainjow's own, where compiled_ is null
};

}  // namespace sveden
