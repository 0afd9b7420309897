// Values that name links: several in one table cell, and what counts as a web address.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sveden {

// «a.pdf; b.pdf» or one per line → {"a.pdf", "b.pdf"}; empty parts dropped, spaces trimmed.
std::vector<std::string> split_list(std::string_view cell);

// http:// or https:// followed by a host, with nothing that could break out of an attribute.
bool is_web_address(std::string_view s);

// The %-escapes of a URL path decoded to their bytes («%D1%88» → «ш»); a «%» without two hex digits
// after it stays as it is.
std::string percent_decode(std::string_view s);

// The path of a site's address, as the root of its links: «https://edu.example.ru/uo» → «/uo/»,
// «https://school.example.ru» → «/». A 404 page is served at any depth, so its links start there.
std::string url_root_path(std::string_view url);

}  // namespace sveden
