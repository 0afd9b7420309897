// The lists of the criteria's groups as the support and quality pages show them: the order that approved a
// list, in words, and the grounds of a school's verdict as template data.
#pragma once
#include <string>

#include "render/template_value.h"

#include "model/classification.h"
#include "model/municipality.h"

namespace sveden {

// «приказом управления образования от 15 сентября 2025 г. № 102-од «Об утверждении перечня…»», in HTML, with a
// link to the order's file (from a page whose way to the root is `root`) when `link` and there is one.
std::string order_text(const Municipality& m, const ApprovingOrder& o, const std::string& root, bool link);

// The reasons of a verdict, one {{text}} each.
TemplateValue evidence_list(const Evidence& e);

// A school's verdict in a group for a year of the classification.
const GroupYear& group_year(const Classification& cl, const Group& group, size_t school, size_t year_index);

}  // namespace sveden
