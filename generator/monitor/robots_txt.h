// robots.txt as RFC 9309 reads it: the group of the most specific User-agent that names our product
// token (else «*»), Allow and Disallow by the longest matching path, «*» and «$» in patterns.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sveden {

class RobotsTxt {
 public:
  RobotsTxt() = default;  // no robots.txt: everything allowed
  RobotsTxt(std::string_view text, std::string_view product_token);
  // `path` with its query, as in the request line: «/sveden/common/?print=1».
  bool allowed(std::string_view path) const;

 private:
  struct Rule {
    bool allow;
    std::string pattern;
  };
  std::vector<Rule> rules_;
};

}  // namespace sveden
