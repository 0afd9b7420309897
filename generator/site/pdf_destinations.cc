#include "site/pdf_destinations.h"

#include <cctype>
#include <cstdlib>
#include <functional>
#include <set>
#include <vector>

namespace sveden {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

// Offsets of the dictionaries of objects «N 0 obj», by object number.
std::map<long, size_t> object_offsets(std::string_view pdf) {
  std::map<long, size_t> objects;
  for (size_t pos = pdf.find(" 0 obj"); pos != std::string_view::npos; pos = pdf.find(" 0 obj", pos + 1)) {
    size_t start = pos;
    while (start > 0 && std::isdigit(static_cast<unsigned char>(pdf[start - 1]))) --start;
    if (start == pos || (start > 0 && !is_space(pdf[start - 1]))) continue;
    long number = std::strtol(std::string(pdf.substr(start, pos - start)).c_str(), nullptr, 10);
    objects.emplace(number, pos + 6);
  }
  return objects;
}

// The text of an object up to its stream or its end.
std::string_view object_text(std::string_view pdf, const std::map<long, size_t>& objects, long number) {
  auto it = objects.find(number);
  if (it == objects.end()) return {};
  std::string_view rest = pdf.substr(it->second);
  size_t end = std::min(rest.find("endobj"), rest.find("stream"));
  return rest.substr(0, end);
}

// The object a key refers to («/Key N 0 R»), or -1.
long reference(std::string_view dict, std::string_view key) {
  for (size_t at = dict.find(key); at != std::string_view::npos; at = dict.find(key, at + 1)) {
    size_t after = at + key.size();
    if (after < dict.size() && !is_space(dict[after])) continue;  // «/Pages» is not «/PagesX»
    while (after < dict.size() && is_space(dict[after])) ++after;
    char* end = nullptr;
    std::string tail(dict.substr(after, 24));
    long n = std::strtol(tail.c_str(), &end, 10);
    if (end != tail.c_str() && std::string_view(end).rfind(" 0 R", 0) == 0) return n;
  }
  return -1;
}

// The references «N 0 R» in `text`, in order.
std::vector<long> references(std::string_view text) {
  std::vector<long> out;
  for (size_t pos = text.find(" 0 R"); pos != std::string_view::npos; pos = text.find(" 0 R", pos + 1)) {
    size_t start = pos;
    while (start > 0 && std::isdigit(static_cast<unsigned char>(text[start - 1]))) --start;
    if (start < pos) out.push_back(std::strtol(std::string(text.substr(start, pos - start)).c_str(), nullptr, 10));
  }
  return out;
}

// A PDF name with its #xx escapes decoded.
std::string decode_name(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '#' && i + 2 < name.size() && std::isxdigit(static_cast<unsigned char>(name[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(name[i + 2]))) {
      out += static_cast<char>(std::strtol(std::string(name.substr(i + 1, 2)).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += name[i];
    }
  }
  return out;
}

}  // namespace

std::map<std::string, int> pdf_destination_pages(std::string_view pdf) {
  std::map<std::string, int> pages;
  std::map<long, size_t> objects = object_offsets(pdf);
  std::string_view catalog;
  for (const auto& [number, offset] : objects) {
    std::string_view text = object_text(pdf, objects, number);
    if (text.find("/Type /Catalog") != std::string_view::npos) catalog = text;
  }
  if (catalog.empty()) return pages;

  // Pages in order: the page tree's leaves, depth first.
  std::map<long, int> page_number;
  std::set<long> seen;  // a damaged tree that loops ends here
  std::function<void(long)> walk = [&](long node) {
    if (!seen.insert(node).second) return;
    std::string_view text = object_text(pdf, objects, node);
    if (text.find("/Type /Pages") != std::string_view::npos) {
      size_t kids = text.find("/Kids");
      if (kids == std::string_view::npos) return;
      size_t open = text.find('[', kids), close = text.find(']', kids);
      if (open == std::string_view::npos || close == std::string_view::npos || close < open) return;
      for (long kid : references(text.substr(open, close - open))) walk(kid);
    } else if (text.find("/Type /Page") != std::string_view::npos) {
      int n = static_cast<int>(page_number.size()) + 1;
      page_number.emplace(node, n);
    }
  };
  long root = reference(catalog, "/Pages");
  if (root < 0) return pages;
  walk(root);

  // /Dests: in the catalog or an object of its own; each entry «/name [page 0 R /XYZ x y z]».
  std::string_view dests;
  size_t at = catalog.find("/Dests");
  if (at == std::string_view::npos) return pages;
  long dests_object = reference(catalog, "/Dests");
  if (dests_object >= 0) {
    dests = object_text(pdf, objects, dests_object);
  } else {
    size_t open = catalog.find("<<", at), close = catalog.find(">>", open == std::string_view::npos ? at : open);
    if (open == std::string_view::npos || close == std::string_view::npos) return pages;
    dests = catalog.substr(open, close - open);
  }
  size_t pos = dests.find("<<");
  if (pos == std::string_view::npos) return pages;
  for (pos = dests.find('/', pos); pos != std::string_view::npos; pos = dests.find('/', pos)) {
    size_t end = pos + 1;
    while (end < dests.size() && !is_space(dests[end]) && dests[end] != '[' && dests[end] != '/') ++end;
    std::string name = decode_name(dests.substr(pos + 1, end - pos - 1));
    size_t open = dests.find('[', end), close = dests.find(']', end);
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) break;
    std::vector<long> target = references(dests.substr(open, close - open));
    if (!target.empty())
      if (auto p = page_number.find(target.front()); p != page_number.end()) pages[name] = p->second;
    pos = close + 1;
  }
  return pages;
}

}  // namespace sveden
