// Small builders of template data shared by the pages: lists, breadcrumbs, labelled fields.
#pragma once
#include <algorithm>
#include <string>

#include <kainjow/mustache.hpp>

#include "model/municipality.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

inline kainjow::mustache::data tlist() { return kainjow::mustache::data(kainjow::mustache::data::type::list); }

// kainjow's set() and push_back() copy their argument deeply, every nested list and string once per level
// (a fifth of a build's time, issue 17); these move it instead. The element is made by kainjow and is not
// const itself, so writing through the pointer get() and list_value() give is sound.
inline void put(kainjow::mustache::data& object, const std::string& key, kainjow::mustache::data&& value) {
  object.set(key, kainjow::mustache::data(false));
  *const_cast<kainjow::mustache::data*>(object.get(key)) = std::move(value);
}
inline void put(kainjow::mustache::data& object, const std::string& key, std::string&& text) {
  object.set(key, kainjow::mustache::data(kainjow::mustache::data::type::string));
  const_cast<std::string&>(object.get(key)->string_value()).swap(text);
}
// kainjow's move constructor is not noexcept, so a std::vector of its data copies every element deeply
// each time it grows: a list grows here by moving its elements into a bigger vector one by one.
inline void append(kainjow::mustache::data& list, kainjow::mustache::data&& value) {
  auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
  if (items.size() == items.capacity()) {
    kainjow::mustache::list bigger;
    bigger.reserve(std::max<size_t>(4, items.capacity() * 2));
    for (auto& item : items) {
      bigger.emplace_back(false);
      bigger.back() = std::move(item);
    }
    items.swap(bigger);
  }
  items.emplace_back(false);
  items.back() = std::move(value);
}

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
