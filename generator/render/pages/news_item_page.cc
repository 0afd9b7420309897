// news/<slug>/: one news item, from content/news/<slug>.md.
#include <string>

#include "model/date.h"
#include "render/html.h"
#include "render/page_types.h"
#include "russian/typography.h"

namespace sveden {
namespace {

// The keys of templates/news_item.mustache (docs/THEMES.md).
struct NewsItemView {
  std::string title;
  std::string date;      // «10 марта 2023 г.»
  std::string date_iso;  // 2023-03-10, for <time datetime>
  std::string content;   // the item's Markdown as HTML
  std::string news_href;

  TemplateValue to_data() const {
    TemplateValue d;
    d.set("title", title);
    d.set("date", date);
    d.set("date_iso", date_iso);
    d.set("content", content);
    d.set("news_href", news_href);
    return d;
  }
};

std::string news_item_page(SiteRenderer::Worker& w, const PageRef& page) {
  const SiteRenderer& site = w.site();
  const NewsItem& n = site.municipality().news[page.index];
  std::string root = root_prefix(page.path);
  NewsItemView v{n.title, format_date(n.date), n.date.iso(), site.news_html(page.index), site.href(root, "news/")};
  return w.layout(page, n.title, w.use("news_item", v.to_data()),
                  w.trail(root, {{"Новости", v.news_href}, {n.title, ""}}));
}

}  // namespace

const PageType kNewsItemPage = {
    "news_item", PageType::Scope::portal, {"news_item"},
    [](const SiteRenderer& site, size_t, std::vector<PageRef>& out) {
      const auto& news = site.municipality().news;
      for (size_t i = 0; i < news.size(); ++i) out.push_back({nullptr, i, 0, "news/" + news[i].slug + "/"});
    },
    news_item_page,
    [](const SiteRenderer& site, const PageRef& p) { return "content/news/" + site.municipality().news[p.index].slug + ".md"; }};

}  // namespace sveden
