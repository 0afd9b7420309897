// Reads a YAML map the way the code expects it: typed values, required keys and unknown keys
// reported with file:line:column and a suggestion («возможно, имелось в виду …»).
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <functional>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "load/yaml_tree.h"

namespace sveden {

class YamlMapReader {
 public:
  // `where` names the map in messages, e.g. «department» or «корень файла».
  // `root`: the whole file, so a missing key is reported about the file rather than a line.
  YamlMapReader(const YamlNode& node, const SourceText& src, Diagnostics& diag, std::string where, bool root = false);

  bool valid() const { return valid_; }
  const YamlNode* node(std::string_view key, bool required = false);
  std::optional<std::string> text(std::string_view key, bool required = false);
  // A text that names something (a department, a person, a unit): at most kMaxNameChars letters.
  std::optional<std::string> name(std::string_view key, bool required = false);
  std::optional<long> integer(std::string_view key, bool required = false, long min = 0, long max = 0);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::vector<std::string>> text_list(std::string_view key, bool required = false);
  // A map whose keys are free names (tables, column headers): every key is "known".
  const YamlNode* free_map(std::string_view key);

  // Reports missing required keys and the keys nobody asked for. Call once after reading.
  void finish();

  // Errors about a value this reader returned (wrong format of a date, say).
  void error_at(const YamlNode& n, std::string message, std::string hint);
  // The node must be a scalar; reports otherwise.
  bool expect_scalar(const YamlNode& n, std::string_view key);

  const SourceText& src() const { return src_; }
  Diagnostics& diag() { return diag_; }

 private:
  const YamlNode& node_;
  const SourceText& src_;
  Diagnostics& diag_;
  std::string where_;
  bool root_ = false;
  bool valid_ = true;
  std::set<std::string, std::less<>> asked_;
  std::vector<std::string> missing_;
};

// A scalar read as a number, with a decimal comma or point; nullopt otherwise.
std::optional<double> yaml_number(const YamlNode& n);

// The closest of `candidates` to `word` within a small edit distance, or "".
std::string closest_word(std::string_view word, const std::vector<std::string>& candidates);

// The bytes of a YAML file of the site as UTF-8 text; nullopt, with the first bad byte reported,
// when they are not UTF-8 (or not text at all).
std::optional<SourceText> decode_yaml_file(const std::string& shown, std::string_view bytes, Diagnostics& diag);

// Reads an optional YAML file of the site (nothing happens when it does not exist) and hands its
// tree to `fn`; read and syntax errors are reported.
void read_yaml_file(const Disk& disk, const std::string& prefix, const std::string& path, Diagnostics& diag,
                    const std::function<void(const SourceText&, const YamlNode&)>& fn);

}  // namespace sveden
