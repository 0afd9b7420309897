// Small builders of template data shared by the pages: lists, breadcrumbs, labelled fields.
#pragma once
#include <algorithm>
#include <string>

#include "model/municipality.h"
#include "render/template_value.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

inline TemplateValue tlist() { return TemplateValue(TemplateValue::type::list); }

// Moved into an object or a list (set() and push_back() take their argument by value: a copy unless moved).
inline void put(TemplateValue& object, const std::string& key, TemplateValue&& value) { object.set(key, std::move(value)); }
inline void put(TemplateValue& object, const std::string& key, std::string&& text) { object.set(key, TemplateValue(std::move(text))); }
inline void append(TemplateValue& list, TemplateValue&& value) { list.push_back(std::move(value)); }

inline TemplateValue crumb(const std::string& title, const std::string& href) {
  TemplateValue d;
  d.set("title", title);
  if (!href.empty()) d.set("href", href);
  return d;
}

inline TemplateValue field(const std::string& label, const std::string& value, const std::string& href = "") {
  TemplateValue d;
  d.set("label", label);
  d.set("value", typographic_quotes(value));
  if (!href.empty()) d.set("href", href);
  return d;
}

// A count as the tables print it: «1 234», or «—» where the data have none.
inline std::string count_or_dash(const Count& c) { return c ? format_count(*c) : "—"; }

}  // namespace sveden
