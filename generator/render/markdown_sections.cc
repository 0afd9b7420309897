// A Markdown text as the sections of a printed report (render/markdown_sections.h).
#include "render/markdown_sections.h"

#include <cstring>

#include "render/markdown.h"
#include "render/site_renderer.h"

namespace sveden {
namespace {

// HTML of a heading back to text (cmark escapes & < > "), for the contents.
std::string decode_title(const std::string& html) {
  std::string out;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      i = html.find('>', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (html[i] == '&') {
      static const std::pair<const char*, char> kEntities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
      bool done = false;
      for (const auto& [e, c] : kEntities)
        if (html.compare(i, std::strlen(e), e) == 0) {
          out += c;
          i += std::strlen(e) - 1;
          done = true;
          break;
        }
      if (done) continue;
    }
    out += html[i];
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> markdown_sections(const std::string& markdown, bool trusted_html) {
  std::string html = markdown_to_html(markdown, trusted_html, {"content/reports/", kReportRoot});
  std::vector<std::pair<std::string, std::string>> out;
  size_t pos = 0;
  std::string title;
  while (true) {
    size_t h = html.find("<h2>", pos);
    out.emplace_back(title, html.substr(pos, h == std::string::npos ? std::string::npos : h - pos));
    if (h == std::string::npos) break;
    size_t end = html.find("</h2>", h);
    title = decode_title(html.substr(h + 4, end - h - 4));
    pos = end + 5;
  }
  return out;
}

}  // namespace sveden
