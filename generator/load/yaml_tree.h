// YAML read into a plain tree whose every node knows its line and column, built from yaml-cpp's
// event parser so that duplicate keys, expanding aliases and deep nesting are caught as errors.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "load/input_limits.h"
#include "base/source_text.h"

namespace sveden {

struct YamlNode {
  enum class Kind { null, scalar, sequence, map };
  // Defined out of line: clang (14, with libstdc++ 12, C++20) cannot otherwise instantiate
  // std::pair<YamlNode, YamlNode> while YamlNode's own default constructor is being declared.
  YamlNode();
  Kind kind = Kind::null;
  std::string value;  // scalar text
  bool quoted = false;
  TextPos pos;
  std::vector<YamlNode> items;                          // sequence
  std::vector<std::pair<YamlNode, YamlNode>> entries;   // map: key, value

  bool is_map() const { return kind == Kind::map; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_null() const { return kind == Kind::null; }
  const YamlNode* find(std::string_view key) const;
};

struct YamlLimits {
  int max_depth = 64;
  size_t max_nodes = 200000;  // counting the copies aliases make
  size_t max_bytes = size_t{16} << 20;  // text in all values, copies included
  size_t max_scalar_chars = kMaxValueChars;  // one value, in letters: as long as a cell of a table
};

// Parses `src` (one document; an empty file gives a null node). Errors go to `diag`; returns false
// when the file could not be read as YAML.
bool parse_yaml(const SourceText& src, YamlNode* out, Diagnostics& diag, YamlLimits limits = {});

// «строка», «число», «список», «словарь», «пусто» — for messages.
const char* yaml_kind_name(YamlNode::Kind kind);

}  // namespace sveden
