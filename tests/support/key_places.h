// The documents of the formats (docs/ROADMAP.md, docs/CRITERIA.md) list each key in a table with a column
// «где публикуется»; a test fills each key with a marker and looks for the marker in each place named. This is
// the shared part: reading a key table's rows, and the check in both directions.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace sveden::test {

struct DocKey {
  std::string key;                  // as the test's markers name it: «activity.title», «rule.window»
  std::vector<std::string> places;  // «страница», «отчёт», …; empty for a key that holds other keys
};

inline std::string trim_spaces(std::string s) {
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

inline std::vector<std::string> split(const std::string& s, const std::string& by) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = s.find(by, from)) != std::string::npos; from = at + by.size()) out.push_back(s.substr(from, at - from));
  out.push_back(s.substr(from));
  return out;
}

// Reads the key tables line by line: a table whose header row starts «| ключ» and has a column «где публикуется»,
// until the first line that is not a table row. add() returns the keys of one row, each with `prefix`
// («`period.from`, `period.to`»: each key of the first cell).
class KeyTables {
 public:
  std::vector<DocKey> add(const std::string& line, const std::string& prefix) {
    if (line.rfind("| ключ", 0) == 0) {
      in_table_ = line.find("где публикуется") != std::string::npos;
      return {};
    }
    if (line.rfind("|", 0) != 0) {
      in_table_ = false;
      return {};
    }
    if (!in_table_ || line.rfind("| `", 0) != 0) return {};
    std::vector<std::string> cells = split(line.substr(1, line.size() - 2), "|");  // no key or text of these tables has «|»
    std::string places = trim_spaces(cells.back());
    std::vector<std::string> where;
    if (places.rfind("ключи", 0) != 0)
      for (auto& p : split(places, ", ")) where.push_back(trim_spaces(p));
    std::vector<DocKey> out;
    const std::string& first = cells[0];
    for (size_t at = 0; (at = first.find('`', at)) != std::string::npos;) {
      size_t end = first.find('`', at + 1);
      out.push_back({prefix + first.substr(at + 1, end - at - 1), where});
      at = end + 1;
    }
    return out;
  }

 private:
  bool in_table_ = false;
};

// A non-breaking space as a space: «17 ноября 2025» is found whichever space binds it.
inline std::string without_nbsp(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\u00A0") == 0) {
      out += ' ';
      ++i;
    } else if (s.compare(i, 6, "&nbsp;") == 0) {
      out += ' ';
      i += 5;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Each documented key's marker (one of its published forms) is in each place `document` names, every place named
// is one the test read, and every key the fixture fills is documented.
inline void check_key_places(const std::vector<DocKey>& keys, const std::map<std::string, std::vector<std::string>>& markers,
                             const std::map<std::string, std::string>& places, const std::string& document) {
  std::set<std::string> seen;
  for (const auto& k : keys) {
    CAPTURE(k.key);
    seen.insert(k.key);
    if (k.places.empty()) continue;  // a key that holds keys: those are checked
    auto marker = markers.find(k.key);
    REQUIRE_MESSAGE(marker != markers.end(), "a key of " << document << " the fixture does not fill");
    for (const auto& place : k.places) {
      CAPTURE(place);
      auto text = places.find(place);
      REQUIRE_MESSAGE(text != places.end(), document << " names a place this test does not know");
      bool found = false;
      for (const auto& form : marker->second) found = found || text->second.find(form) != std::string::npos;
      CHECK_MESSAGE(found, "not published where " << document << " says");
    }
  }
  // And the other way: every key the fixture fills is in the document.
  for (const auto& entry : markers) {
    const std::string& key = entry.first;  // a named variable: clang 14 captures no structured binding
    CAPTURE(key);
    CHECK(seen.count(key));
  }
}

}  // namespace sveden::test
