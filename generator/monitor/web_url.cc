// Parsing and RFC 3986 resolution of the addresses found on school sites.
#include "monitor/web_url.h"

#include "base/ascii.h"

#include <vector>

namespace sveden {
namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

// Dot segments removed (RFC 3986 §5.2.4).
std::string normalized_path(std::string_view path) {
  std::vector<std::string> parts;
  size_t at = 0;
  bool trailing = false;
  while (at <= path.size()) {
    size_t slash = path.find('/', at);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(at, slash - at);
    at = slash + 1;
    trailing = seg.empty() || seg == "." || seg == "..";
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(std::string(seg));
    }
  }
  std::string out;
  for (const auto& p : parts) out += "/" + p;
  if (out.empty() || trailing) out += "/";
  return out;
}

// The host with its port (another port is another site), without «www.».
std::string strip_www(const std::string& host) { return host.rfind("www.", 0) == 0 ? host.substr(4) : host; }

}  // namespace

std::optional<WebUrl> parse_web_url(std::string_view text) {
  text = trim(text);
  if (size_t hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
  size_t colon = text.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  WebUrl u;
  u.scheme = lower_ascii(text.substr(0, colon));
  if (u.scheme != "http" && u.scheme != "https") return std::nullopt;
  std::string_view rest = text.substr(colon + 3);
  size_t end = rest.find_first_of("/?");
  std::string_view host = rest.substr(0, end);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);  // no credentials
  if (host.empty() || host.find_first_of(" \t\"'<>\\`") != std::string_view::npos) return std::nullopt;
  u.host = lower_ascii(host);
  if (u.host.size() > 3 && u.host.compare(u.host.size() - 3, 3, ":80") == 0 && u.scheme == "http") u.host.resize(u.host.size() - 3);
  if (u.host.size() > 4 && u.host.compare(u.host.size() - 4, 4, ":443") == 0 && u.scheme == "https") u.host.resize(u.host.size() - 4);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  size_t q = rest.find('?');
  u.path = normalized_path(rest.substr(0, q));
  if (q != std::string_view::npos) u.query = std::string(rest.substr(q + 1));
  return u;
}

std::optional<WebUrl> resolve_web_url(const WebUrl& base, std::string_view href) {
  href = trim(href);
  if (size_t hash = href.find('#'); hash != std::string_view::npos) href = href.substr(0, hash);
  if (href.empty()) return std::nullopt;
  size_t colon = href.find(':');
  size_t first_delim = href.find_first_of("/?");
  if (colon != std::string_view::npos && (first_delim == std::string_view::npos || colon < first_delim)) {
    return parse_web_url(href);  // an absolute address: http(s) only
  }
  if (href.substr(0, 2) == "//") return parse_web_url(base.scheme + ":" + std::string(href));
  WebUrl u = base;
  u.query.clear();
  size_t q = href.find('?');
  std::string_view path = href.substr(0, q);
  if (q != std::string_view::npos) u.query = std::string(href.substr(q + 1));
  if (path.empty()) {
    if (q == std::string_view::npos) u.query = base.query;
    return u;
  }
  if (path.front() == '/') u.path = normalized_path(path);
  else u.path = normalized_path(base.path.substr(0, base.path.rfind('/') + 1) + std::string(path));
  return u;
}

bool same_site(const WebUrl& a, const WebUrl& b) { return strip_www(a.host) == strip_www(b.host); }

}  // namespace sveden
