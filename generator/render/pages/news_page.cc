// news/: every news item, newest first, and the Atom feed.
#include <string>

#include "render/html.h"
#include "render/page_types.h"

namespace sveden {
namespace {

// The keys of templates/news.mustache (docs/THEMES.md).
struct NewsView {
  TemplateValue items;  // Worker::news_list: title, date, date_iso, description, href
  std::string feed_href;

  TemplateValue to_data() const {
    TemplateValue d;
    d.set("items", items);
    d.set("has_items", items.is_non_empty_list());
    d.set("feed_href", feed_href);
    return d;
  }
};

std::string news_page(SiteRenderer::Worker& w, const PageRef& page) {
  std::string root = root_prefix(page.path);
  NewsView v{w.news_list(root, w.site().municipality().news.size()), root + "news/atom.xml"};
  return w.layout(page, "Новости", w.use("news", v.to_data()), w.trail(root, {{"Новости", ""}}));
}

}  // namespace

const PageType kNewsPage = {"news", PageType::Scope::portal, {"news"}, single_page("news/"), news_page};

}  // namespace sveden
