// docs/CRITERIA.md and the readers of content/criteria.yaml and content/decisions.yaml name the same keys: every key
// of a key table of the document is read by a loader (none is documented and then rejected as unknown), and every
// key a loader reads is documented (none is accepted in silence). What a listed group publishes is asserted by
// listed_groups_test; the decisions' table says where each key is published.
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../support/test_files.h"

namespace fs = std::filesystem;
using namespace sveden;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = text.find('\n', from)) != std::string::npos; from = at + 1) out.push_back(text.substr(from, at - from));
  out.push_back(text.substr(from));
  return out;
}

// The keys in the first cell of the key tables (a header «| ключ |…») of sections 2 and 7.
std::set<std::string> documented_keys(const std::string& doc) {
  std::set<std::string> keys;
  bool section = false, table = false;
  for (const auto& line : lines_of(doc)) {
    if (line.rfind("## ", 0) == 0) section = line.rfind("## 2.", 0) == 0 || line.rfind("## 7.", 0) == 0;
    if (!section) continue;
    if (line.rfind("| ключ", 0) == 0) {
      table = true;
      continue;
    }
    if (line.rfind("|", 0) != 0) {
      table = false;
      continue;
    }
    if (!table || line.rfind("| `", 0) != 0) continue;
    std::string first = line.substr(1, line.find('|', 1) - 1);
    static const std::regex code("`([a-z_0-9]+)`");
    for (std::sregex_iterator it(first.begin(), first.end(), code), end; it != end; ++it) keys.insert((*it)[1]);
  }
  return keys;
}

// The keys the loaders ask a YAML map for: r.text("title"), r.node("any")…; and the ones read in a loop over names.
std::set<std::string> loader_keys(const std::string& source) {
  std::set<std::string> keys;
  static const std::regex call(R"(\b\w+\.(?:text|node|integer|boolean|text_list|name|free_map)\("([a-z_0-9]+)\")");
  for (std::sregex_iterator it(source.begin(), source.end(), call), end; it != end; ++it) keys.insert((*it)[1]);
  static const std::regex listed(R"(\{("[a-z_]+"(?:, "[a-z_]+")+)\})");
  static const std::regex word("\"([a-z_]+)\"");
  for (std::sregex_iterator it(source.begin(), source.end(), listed), end; it != end; ++it) {
    std::string inner = (*it)[1];
    for (std::sregex_iterator w(inner.begin(), inner.end(), word), wend; w != wend; ++w) keys.insert((*w)[1]);
  }
  return keys;
}

}  // namespace

TEST_CASE("criteria keys: every key docs/CRITERIA.md documents is read, every key the loaders read is documented") {
  fs::path root = SVEDEN_SOURCE_DIR;
  std::string doc = test::read_file(root / "docs/CRITERIA.md");
  std::set<std::string> documented = documented_keys(doc);
  std::set<std::string> read = loader_keys(test::read_file(root / "generator/load/criteria_loader.cc") +
                                           test::read_file(root / "generator/load/decisions_loader.cc"));
  REQUIRE(documented.size() > 40);
  REQUIRE(read.size() > 40);
  // The columns of social_index are the table social's (a free map, checked against vocab/tables.yaml).
  const std::set<std::string> social = {"higher_ed_parents", "single_parent", "unemployed_parents", "low_income", "non_native_russian",
                                        "preventive_register"};
  for (const auto& key : documented) {
    INFO("документирован, но не читается: ", key);
    CHECK((read.count(key) || social.count(key)));
  }
  // Read, and documented at least in words (`key` or `key:` in the text) when not in a key table.
  for (const auto& key : read) {
    INFO("читается, но не документирован: ", key);
    CHECK((documented.count(key) || doc.find("`" + key + "`") != std::string::npos || doc.find("`" + key + ":") != std::string::npos ||
           doc.find(key + ":") != std::string::npos));
  }
  // The keys of groups without rules (docs/CRITERIA.md 7.1, 7.2) are in both.
  for (const char* key : {"members", "federal_list", "schools"}) {
    CHECK(documented.count(key));
    CHECK(read.count(key));
  }
}
