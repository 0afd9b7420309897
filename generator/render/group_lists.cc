// The lists of the criteria's groups as the support and quality pages show them (render/group_lists.h).
#include "render/group_lists.h"

#include <fmt/format.h>

#include "render/analysis_text.h"
#include "render/html.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using data = TemplateValue;

std::string order_text(const Municipality& m, const ApprovingOrder& o, const std::string& root, bool link) {
  std::string text = fmt::format("приказом {} от {} №{}{} {}", m.site.department.words.full_genitive, format_date(o.date),
                                 kNbsp, escape_html(o.number), escape_html(typographic_quotes(quoted(o.title))));
  if (link && !o.file.empty())
    text += fmt::format(" (<a href=\"{}\">текст приказа</a>)", escape_html(root + "documents/" + escape_url_path(o.file)));
  return text;
}

data evidence_list(const Evidence& e) {
  data out = tlist();
  for (const auto& r : verdict_reasons(e)) append(out, data("text", r));
  return out;
}

const GroupYear& group_year(const Classification& cl, const Group& group, size_t school, size_t year_index) {
  return cl.group(group.id)->by_school[school][year_index];
}

}  // namespace sveden
