// The YAML reader on any bytes (content/criteria.yaml and content/roadmap.yaml reach it undecoded):
// it either reports an error or returns a tree within the limits, every node placed inside the file.
#include <cstdint>

#include "fuzz_support.h"
#include "load/yaml_tree.h"

using namespace sveden;

namespace {

constexpr YamlLimits kLimits{16, 5000};  // small, so that the fuzzer reaches them

size_t check_node(const YamlNode& n, const SourceText& src, int depth, size_t lines) {
  FUZZ_CHECK(depth <= kLimits.max_depth + 1);
  FUZZ_CHECK(n.pos.line >= 1 && static_cast<size_t>(n.pos.line) <= lines && n.pos.column >= 1);
  if (n.kind != YamlNode::Kind::scalar) FUZZ_CHECK(n.value.empty());
  if (n.kind != YamlNode::Kind::sequence) FUZZ_CHECK(n.items.empty());
  if (n.kind != YamlNode::Kind::map) FUZZ_CHECK(n.entries.empty());
  size_t count = 1;
  for (const YamlNode& item : n.items) count += check_node(item, src, depth + 1, lines);
  for (const auto& [k, v] : n.entries) {
    count += check_node(k, src, depth + 1, lines) + check_node(v, src, depth + 1, lines);
    if (k.is_scalar()) FUZZ_CHECK(n.find(k.value) != nullptr);
  }
  return count;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  SourceText src("content/fuzz.yaml", std::string(fuzz::as_text(data, size)));
  size_t lines = 1;
  for (char c : src.text()) lines += c == '\n';
  YamlNode root;
  Diagnostics diag;
  bool ok = parse_yaml(src, &root, diag, kLimits);
  FUZZ_CHECK(ok || diag.has_errors());
  if (ok) {
    // A file without a document gives a null node without a position; the limit counts alias copies.
    if (root.pos.line == 0) FUZZ_CHECK(root.is_null());
    else FUZZ_CHECK(check_node(root, src, 1, lines) <= kLimits.max_nodes);
  }
  fuzz::check_diagnostics(diag);
  return 0;
}
