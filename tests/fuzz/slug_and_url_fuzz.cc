// The functions that turn data into addresses and markup: school slugs, HTML and URL escaping, the
// external-link and relative-path guards, list cells and web addresses. Each must keep its promise
// for any text, since every one of them is fed straight from a table or a YAML file.
#include <cstdint>

#include "audit/html_document.h"
#include "fuzz_support.h"
#include "base/disk.h"
#include "load/site_loader.h"
#include "model/links.h"
#include "render/html.h"

using namespace sveden;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void check_slug(std::string_view s) {
  std::string slug = slug_from_name(s);
  FUZZ_CHECK(slug.size() <= 60);
  for (char c : slug) FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!slug.empty()) FUZZ_CHECK(slug.front() != '-' && slug.back() != '-');
  FUZZ_CHECK(slug.find("--") == std::string::npos);
  FUZZ_CHECK(slug_from_name(s) == slug);  // the same name always gives the same address
}

void check_escape_html(std::string_view s) {
  std::string e = escape_html(s);
  FUZZ_CHECK(e.find_first_of("<>\"'") == std::string::npos);
  // Every «&» starts one of the five references, and the audit's reader gets the text back.
  for (size_t i = e.find('&'); i != std::string::npos; i = e.find('&', i + 1)) {
    std::string_view rest = std::string_view(e).substr(i);
    FUZZ_CHECK(rest.rfind("&amp;", 0) == 0 || rest.rfind("&lt;", 0) == 0 || rest.rfind("&gt;", 0) == 0 ||
               rest.rfind("&quot;", 0) == 0 || rest.rfind("&#39;", 0) == 0);
  }
  // …without the characters no page may carry (C0 controls but tab and line breaks, U+FFFE, U+FFFF).
  FUZZ_CHECK(decode_html_entities(e) == drop_control_characters(s));
  for (char c : e) FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r');
}

void check_escape_url_path(std::string_view s) {
  std::string e = escape_url_path(s);
  std::string back;
  for (size_t i = 0; i < e.size(); ++i) {
    char c = e[i];
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                 c == '.' || c == '~' || c == '/';
    if (plain) {
      back += c;
      continue;
    }
    FUZZ_CHECK(c == '%' && i + 2 < e.size() && hex(e[i + 1]) >= 0 && hex(e[i + 2]) >= 0);
    back += static_cast<char>(hex(e[i + 1]) * 16 + hex(e[i + 2]));
    i += 2;
  }
  FUZZ_CHECK(back == s);
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

void check_safe_external_url(std::string_view s) {
  std::string u = safe_external_url(s);
  if (u.empty()) return;
  FUZZ_CHECK(u == s);
  FUZZ_CHECK(starts_with_ci(u, "http://") || starts_with_ci(u, "https://") || starts_with_ci(u, "mailto:"));
  FUZZ_CHECK(u.find_first_of(" \t\r\n\"'<>`") == std::string::npos);
}

void check_safe_relative_path(std::string_view s) {
  if (!is_safe_relative_path(s)) return;
  FUZZ_CHECK(!s.empty() && s.front() != '/' && s.back() != '/');
  FUZZ_CHECK(s.find('\\') == std::string_view::npos && s.find('\0') == std::string_view::npos);
  size_t start = 0;
  while (true) {
    size_t end = s.find('/', start);
    std::string_view part = s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    FUZZ_CHECK(!part.empty() && part != "." && part != "..");
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

void check_split_list(std::string_view s) {
  for (const std::string& part : split_list(s)) {
    FUZZ_CHECK(!part.empty());
    FUZZ_CHECK(part.find_first_of(";\n") == std::string::npos);
    FUZZ_CHECK(!is_space(part.front()) && !is_space(part.back()));
    FUZZ_CHECK(s.find(part) != std::string_view::npos);
  }
}

void check_web_address(std::string_view s) {
  if (!is_web_address(s)) return;
  FUZZ_CHECK(starts_with_ci(s, "http://") || starts_with_ci(s, "https://"));
  FUZZ_CHECK(s.find_first_of(" \t\r\n\"'<>`\\") == std::string_view::npos);
  // What passes as a web address also passes as an external link.
  FUZZ_CHECK(safe_external_url(s) == s);
}

void check_root_prefix(std::string_view s) {
  std::string p = root_prefix(s);
  size_t depth = 0;
  for (char c : s) depth += c == '/';
  FUZZ_CHECK(depth == 0 ? p == "./" : p.size() == 3 * depth);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s = fuzz::as_text(data, size);
  check_escape_html(s);
  check_escape_url_path(s);
  check_safe_external_url(s);
  check_safe_relative_path(s);
  check_split_list(s);
  check_web_address(s);
  check_root_prefix(s);
  // Names come from decoded tables: always UTF-8.
  if (fuzz::is_utf8(s)) check_slug(s);
  return 0;
}
