// The data a theme's template is rendered with: an object of named values, a list, a string or a
// boolean, with the interface of kainjow's mustache::data that the page builders use. An object keeps
// its names in a small vector searched in order (a page's objects have a few to a few dozen names),
// not a hash table behind a pointer; strings are held in place; moving is noexcept, so lists grow by
// moving. Building the data of every page with kainjow's type was a tenth of a build's CPU.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sveden {

class TemplateValue {
 public:
  enum class type { object, string, list, bool_true, bool_false };

  TemplateValue() = default;  // an empty object
  TemplateValue(type t) : type_(t) {}  // NOLINT: kainjow's data converts from its type too
  TemplateValue(const std::string& s) : type_(type::string), string_(s) {}
  TemplateValue(std::string&& s) : type_(type::string), string_(std::move(s)) {}
  TemplateValue(const char* s) : type_(type::string), string_(s) {}
  TemplateValue(bool b) : type_(b ? type::bool_true : type::bool_false) {}
  // An object of one name.
  TemplateValue(const std::string& name, TemplateValue value) { set(name, std::move(value)); }
  TemplateValue(const TemplateValue&) = default;
  TemplateValue(TemplateValue&&) noexcept = default;
  TemplateValue& operator=(const TemplateValue&) = default;
  TemplateValue& operator=(TemplateValue&&) noexcept = default;

  bool is_object() const { return type_ == type::object; }
  bool is_string() const { return type_ == type::string; }
  bool is_list() const { return type_ == type::list; }
  bool is_true() const { return type_ == type::bool_true; }
  bool is_false() const { return type_ == type::bool_false; }
  bool is_bool() const { return is_true() || is_false(); }
  bool is_empty_list() const { return is_list() && list_.empty(); }
  bool is_non_empty_list() const { return is_list() && !list_.empty(); }

  // An object's value named `name` becomes `value` (replaced if it had one); nothing for other types.
  void set(const std::string& name, TemplateValue value) {
    if (!is_object()) return;
    for (auto& [key, v] : object_)
      if (same_name(key, name)) {
        v = std::move(value);
        return;
      }
    object_.emplace_back(name, std::move(value));
  }
  // The object's value named `name`, nullptr when it has none or is not an object.
  const TemplateValue* get(std::string_view name) const {
    for (const auto& [key, v] : object_)
      if (same_name(key, name)) return &v;
    return nullptr;
  }
  // Appended to a list; nothing for other types.
  void push_back(TemplateValue value) {
    if (is_list()) list_.push_back(std::move(value));
  }

  const std::vector<TemplateValue>& list_value() const { return list_; }
  std::vector<TemplateValue>& list_items() { return list_; }
  const std::string& string_value() const { return string_; }
  const std::vector<std::pair<std::string, TemplateValue>>& object_value() const { return object_; }

 private:
  // Names of one length mostly differ in their first byte (a page's template looks up every name of an
  // object in turn): compared there before the call that compares them whole.
  static bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
  }

  type type_ = type::object;
  std::string string_;
  std::vector<std::pair<std::string, TemplateValue>> object_;
  std::vector<TemplateValue> list_;
};

}  // namespace sveden
