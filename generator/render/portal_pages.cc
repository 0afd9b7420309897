// What the portal's pages share: the latest news. The pages of the portal are each in a file of render/pages/.
#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "model/links.h"

#include "render/html.h"
#include "render/markdown.h"
#include "render/openness_page.h"
#include "render/page_types.h"
#include "render/site_monitoring_page.h"
#include "render/site_renderer.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using data = TemplateValue;

TemplateValue SiteRenderer::Worker::news_list(const std::string& root, size_t limit) const {
  data out = tlist();
  const auto& news = site_.m_.news;
  for (size_t i = 0; i < news.size() && i < limit; ++i) {
    data x;
    x.set("title", news[i].title);
    x.set("date", format_date(news[i].date));
    x.set("date_iso", news[i].date.iso());
    x.set("description", news[i].description);
    x.set("href", site_.href(root, "news/" + news[i].slug + "/"));
    out.push_back(x);
  }
  return out;
}

}  // namespace sveden
