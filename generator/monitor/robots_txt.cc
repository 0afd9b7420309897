// RFC 9309: groups, the product token match, the longest match with Allow winning a tie.
#include "monitor/robots_txt.h"

#include "base/ascii.h"

#include <algorithm>

namespace sveden {
namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Whether `pattern` («/a*b$») matches the start of `path`.
bool matches(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return false;
  // Iterative glob with backtracking to the last «*».
  size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (true) {
    if (p < pattern.size() && pattern[p] == '$' && p + 1 == pattern.size()) return s == path.size();
    if (p == pattern.size()) return true;  // a prefix match
    if (pattern[p] == '*') {
      star = p++;
      mark = s;
      continue;
    }
    if (s < path.size() && pattern[p] == path[s]) {
      ++p, ++s;
      continue;
    }
    if (star == std::string_view::npos || mark >= path.size()) return false;
    p = star + 1;
    s = ++mark;
  }
}

}  // namespace

RobotsTxt::RobotsTxt(std::string_view text, std::string_view product_token) {
  std::string token = lower_ascii(product_token);
  // Groups: the agents of consecutive User-agent lines, then their rules.
  struct Group {
    std::vector<std::string> agents;
    std::vector<Rule> rules;
  };
  std::vector<Group> groups;
  bool in_agents = false;
  for (size_t at = 0; at <= text.size();) {
    size_t eol = text.find('\n', at);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(at, eol - at);
    at = eol + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = lower_ascii(trim(line.substr(0, colon)));
    std::string_view value = trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) groups.push_back({});
      in_agents = true;
      groups.back().agents.push_back(lower_ascii(value));
    } else if (key == "allow" || key == "disallow") {
      in_agents = false;
      if (groups.empty()) continue;
      if (key == "disallow" && value.empty()) continue;  // «Disallow:» allows everything
      groups.back().rules.push_back({key == "allow", std::string(value)});
    } else {
      in_agents = false;
    }
  }
  bool specific = false;
  for (const Group& g : groups)
    for (const std::string& a : g.agents)
      if (a != "*" && !a.empty() && token.rfind(a, 0) == 0) specific = true;
  for (const Group& g : groups)
    for (const std::string& a : g.agents)
      if (specific ? (a != "*" && !a.empty() && token.rfind(a, 0) == 0) : a == "*") {
        rules_.insert(rules_.end(), g.rules.begin(), g.rules.end());
        break;
      }
}

bool RobotsTxt::allowed(std::string_view path) const {
  size_t best = 0;
  bool allow = true;
  for (const Rule& r : rules_) {
    if (!matches(r.pattern, path)) continue;
    if (r.pattern.size() > best || (r.pattern.size() == best && r.allow)) {
      best = r.pattern.size();
      allow = r.allow;
    }
  }
  return allow;
}

}  // namespace sveden
