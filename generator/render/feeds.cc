#include "render/feeds.h"

#include <map>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "model/links.h"
#include "render/html.h"

namespace sveden {

std::string sitemap_xml(const std::string& base_url, const std::vector<std::string>& paths, const Date& as_of) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : paths)
    out += fmt::format(FMT_COMPILE("  <url><loc>{}/{}</loc><lastmod>{}</lastmod></url>\n"), escape_html(base_url),
                       escape_html(escape_url_path(p)), as_of.iso());
  out += "</urlset>\n";
  return out;
}

std::string robots_txt(const std::string& base_url) {
  return fmt::format(FMT_COMPILE("User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n"), base_url);
}

std::string atom_feed(const Municipality& m, const std::vector<std::string>& html) {
  const std::string& base = m.site.base_url;
  std::string updated = (m.news.empty() ? m.site.as_of : m.news.front().date).iso() + "T00:00:00Z";
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ru\">\n";
  out += fmt::format(FMT_COMPILE("  <title>{}: новости</title>\n"), escape_html(m.site.department.name));
  out += fmt::format(FMT_COMPILE("  <id>{}/news/</id>\n"), escape_html(base));
  out += fmt::format(FMT_COMPILE("  <link rel=\"self\" href=\"{}/news/atom.xml\"/>\n"), escape_html(base));
  out += fmt::format(FMT_COMPILE("  <link rel=\"alternate\" type=\"text/html\" href=\"{}/news/\"/>\n"), escape_html(base));
  out += fmt::format(FMT_COMPILE("  <updated>{}</updated>\n"), updated);
  out += fmt::format(FMT_COMPILE("  <author><name>{}</name></author>\n"), escape_html(m.site.department.name));
  for (size_t i = 0; i < m.news.size(); ++i) {
    const NewsItem& n = m.news[i];
    std::string url = fmt::format(FMT_COMPILE("{}/news/{}/"), base, escape_url_path(n.slug));
    out += "  <entry>\n";
    out += fmt::format(FMT_COMPILE("    <title>{}</title>\n"), escape_html(n.title));
    out += fmt::format(FMT_COMPILE("    <id>{}</id>\n"), escape_html(url));
    out += fmt::format(FMT_COMPILE("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n"), escape_html(url));
    out += fmt::format(FMT_COMPILE("    <updated>{}T00:00:00Z</updated>\n"), n.date.iso());
    if (!n.description.empty()) out += fmt::format(FMT_COMPILE("    <summary>{}</summary>\n"), escape_html(n.description));
    out += fmt::format(FMT_COMPILE("    <content type=\"html\">{}</content>\n"), escape_html(html[i]));
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::vector<std::string> school_base_urls(const Municipality& m) {
  std::map<std::string, int> websites;
  for (const auto& s : m.schools)
    if (s.own_site) ++websites[s.website];
  std::vector<std::string> out;
  for (size_t i = 0; i < m.site_count(); ++i) {  // schools, then organisations with a site of their own
    const School& s = m.site_owner(i);
    if (s.own_site && websites[s.website] == 1 && is_web_address(s.website)) {
      std::string w = s.website;
      while (!w.empty() && w.back() == '/') w.pop_back();
      out.push_back(w);
    } else {
      out.push_back(m.site.base_url + "/schools/" + escape_url_path(s.slug));
    }
  }
  return out;
}

}  // namespace sveden
