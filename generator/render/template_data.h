// Small builders of template data shared by the pages: lists, breadcrumbs, labelled fields.
#pragma once
#include <string>

#include <kainjow/mustache.hpp>

#include "model/municipality.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

inline kainjow::mustache::data tlist() { return kainjow::mustache::data(kainjow::mustache::data::type::list); }

inline kainjow::mustache::data crumb(const std::string& title, const std::string& href) {
  kainjow::mustache::data d;
  d.set("title", title);
  if (!href.empty()) d.set("href", href);
  return d;
}

inline kainjow::mustache::data field(const std::string& label, const std::string& value, const std::string& href = "") {
  kainjow::mustache::data d;
  d.set("label", label);
  d.set("value", typographic_quotes(value));
  if (!href.empty()) d.set("href", href);
  return d;
}

// A count as the tables print it: «1 234», or «—» where the data have none.
inline std::string count_or_dash(const Count& c) { return c ? format_count(*c) : "—"; }

}  // namespace sveden
