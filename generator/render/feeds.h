// The machine-read files of a site: sitemap.xml, robots.txt and the news feed (Atom).
#pragma once
#include <string>
#include <vector>

#include "model/date.h"
#include "model/municipality.h"

namespace sveden {

// `paths` are page directories relative to `base_url` («», «sveden/common/»).
std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& paths, const Date& as_of);
std::string robots_txt(const std::string& base_url);
// The department's news, newest first; `html` is each item's body already rendered.
std::string atom_feed(const Municipality& m, const std::vector<std::string>& html);

// The address of each school's own site, by school: its website from schools.csv when no other
// school with a site of its own shares it (a branch described by its head school has none), else its
// place under the portal.
std::vector<std::string> school_base_urls(const Municipality& m);

}  // namespace sveden
