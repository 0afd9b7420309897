// A Markdown text of content/ as the sections of a printed report: one per level-2 heading.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace sveden {

// Pairs of title and HTML, one per level-2 heading; the first pair has no title (what stands before the
// first heading). Links and images are placed as from content/reports/ into a report (kReportRoot).
std::vector<std::pair<std::string, std::string>> markdown_sections(const std::string& markdown, bool trusted_html);

}  // namespace sveden
