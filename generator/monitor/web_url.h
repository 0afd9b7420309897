// Absolute http(s) addresses as the crawler needs them: parsed, resolved against a page, compared by
// host; fragments dropped. Not a general URL library: what a school's links need (RFC 3986 §5.2).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace sveden {

struct WebUrl {
  std::string scheme;  // «http» or «https»
  std::string host;    // lower case, with «:port» when one is given
  std::string path;    // starts with «/»
  std::string query;   // without «?»; "" when none
  std::string str() const { return scheme + "://" + host + path + (query.empty() ? "" : "?" + query); }
  std::string path_and_query() const { return path + (query.empty() ? "" : "?" + query); }
};

// nullopt unless an absolute http:// or https:// address with a host.
std::optional<WebUrl> parse_web_url(std::string_view text);

// `href` of a page at `base`; nullopt for mailto:, javascript:, tel:, other schemes and empty links.
std::optional<WebUrl> resolve_web_url(const WebUrl& base, std::string_view href);

// «www.school.ru» and «school.ru» are one site, http and https of it too; another port is another site.
bool same_site(const WebUrl& a, const WebUrl& b);

}  // namespace sveden
