#include "audit/stylesheet.h"

#include <set>
#include <vector>

namespace sveden {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string without_comments(std::string_view css) {
  std::string out;
  for (size_t i = 0; i < css.size(); ++i) {
    if (css.compare(i, 2, "/*") == 0) {
      size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 1;
      out += ' ';
      continue;
    }
    out += css[i];
  }
  return out;
}

// The index of the «}» that closes the block opening at `open` (a «{»), or the end when none does.
size_t block_end(std::string_view css, size_t open) {
  int depth = 0;
  for (size_t i = open; i < css.size(); ++i) {
    if (css[i] == '{') ++depth;
    else if (css[i] == '}' && --depth == 0) return i;
  }
  return css.size();
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

// A media query every screen matches: «screen», «all», «only screen», «screen, print».
bool every_screen(std::string_view query) {
  std::string q = lower_ascii(query);
  if (q.find('(') != std::string::npos) return false;
  for (std::string_view part : split(q, ',')) {
    part = trim(part);
    if (part.substr(0, 5) == "only ") part = trim(part.substr(5));
    if (part == "screen" || part == "all") return true;
  }
  return false;
}

class Reader {
 public:
  // `depth` bounds the nesting of @media and @supports that is read: hostile input stays linear.
  void rules(std::string_view css, int depth = 0) {
    for (size_t i = 0; i < css.size();) {
      size_t brace = css.find_first_of("{;}", i);
      if (brace == std::string_view::npos) return;
      std::string_view prelude = trim(css.substr(i, brace - i));
      if (css[brace] != '{') {  // @import …; or a stray «}»
        i = brace + 1;
        continue;
      }
      size_t end = block_end(css, brace);
      std::string_view body = css.substr(brace + 1, end - brace - 1);
      if (!prelude.empty() && prelude[0] == '@') {
        std::string at = lower_ascii(prelude.substr(0, prelude.find_first_of(" \t\n\r\f(")));
        bool read = (at == "@media" && every_screen(prelude.substr(6))) || at == "@supports" || at == "@layer";
        if (read && depth < 8) rules(body, depth + 1);
      } else {
        rule(prelude, body);
      }
      i = end + 1;
    }
  }

  std::map<std::string, std::string> result() const {
    std::map<std::string, std::string> out;
    for (const auto& [name, why] : hidden_)
      if (!shown_.count(name)) out.emplace(name, why);
    return out;
  }

 private:
  void rule(std::string_view selectors, std::string_view declarations) {
    std::string hides, shows;
    for (std::string_view d : split(declarations, ';')) {
      size_t colon = d.find(':');
      if (colon == std::string_view::npos) continue;
      std::string property = lower_ascii(trim(d.substr(0, colon)));
      std::string value;
      for (char c : lower_ascii(d.substr(colon + 1)))
        if (!is_space(c)) value += c;
      if (size_t bang = value.find("!important"); bang != std::string::npos) value.resize(bang);
      if (property == "display") (value == "none" ? hides : shows) = "display:none";
      if (property == "visibility") (value == "hidden" || value == "collapse" ? hides : shows) = "visibility:hidden";
    }
    if (hides.empty() && shows.empty()) return;
    for (std::string_view selector : split(selectors, ',')) {
      selector = trim(selector);
      if (!shows.empty()) {
        // The classes of the last compound selector are shown in some state.
        size_t last = selector.find_last_of(" \t\n>+~");
        std::string_view compound = last == std::string_view::npos ? selector : selector.substr(last + 1);
        for (size_t dot = compound.find('.'); dot != std::string_view::npos; dot = compound.find('.', dot + 1)) {
          size_t end = dot + 1;
          while (end < compound.size() && is_name_char(compound[end])) ++end;
          shown_.insert(std::string(compound.substr(dot + 1, end - dot - 1)));
        }
      }
      if (hides.empty()) continue;
      // [tag].class and nothing else.
      size_t dot = selector.find('.');
      if (dot == std::string_view::npos || dot + 1 == selector.size()) continue;
      bool simple = true;
      for (size_t k = 0; k < dot; ++k) simple = simple && is_name_char(selector[k]);
      for (size_t k = dot + 1; k < selector.size(); ++k) simple = simple && is_name_char(selector[k]);
      if (simple) hidden_.emplace(std::string(selector.substr(dot + 1)), hides);
    }
  }

  std::map<std::string, std::string> hidden_;
  std::set<std::string> shown_;
};

}  // namespace

std::map<std::string, std::string> hidden_classes(std::string_view css) {
  Reader r;
  std::string text = without_comments(css);
  r.rules(text);
  return r.result();
}

const std::map<std::string, std::string>& HiddenClasses::of(std::string_view css) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = read_.find(css); it != read_.end()) return it->second;
  }
  // Read without the lock; a text two threads read at once is kept once (a node's value never moves).
  std::map<std::string, std::string> hidden = hidden_classes(css);
  std::lock_guard lock(mutex_);
  return read_.try_emplace(std::string(css), std::move(hidden)).first->second;
}

}  // namespace sveden
