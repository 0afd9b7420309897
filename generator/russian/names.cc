#include "russian/names.h"

#include <algorithm>
#include <memory>

#include <unicode/coll.h>
#include <unicode/locid.h>

namespace sveden {

std::string typographic_quotes(std::string_view text) {
  if (text.find('"') == std::string_view::npos) return std::string(text);
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '"') {
      out += c;
      continue;
    }
    // A quote after a letter, digit or closing punctuation closes; otherwise it opens.
    bool after_word = i > 0 && text[i - 1] != ' ' && text[i - 1] != '(' && text[i - 1] != '"';
    bool closes = depth > 0 && (after_word || (i > 0 && text[i - 1] == '"'));
    if (closes) {
      out += depth > 1 ? "“" : "»";
      --depth;
    } else {
      out += depth > 0 ? "„" : "«";
      ++depth;
    }
  }
  return out;
}

std::string without_legal_form(std::string_view full) {
  static const std::string_view kForms[] = {"МБОУ", "МАОУ", "МКОУ", "МОУ", "ГБОУ", "ГОУ", "ЧОУ", "МБОО", "МАОО", "МКОО"};
  std::string name = " " + std::string(full) + " ";
  for (std::string_view form : kForms) {
    std::string word = " " + std::string(form) + " ";
    for (size_t p = name.find(word); p != std::string::npos; p = name.find(word)) name.erase(p, word.size() - 1);
  }
  name = name.substr(1, name.size() - 2);
  for (std::string_view q : {"«", "»", "\""})
    for (size_t p = name.find(q); p != std::string::npos; p = name.find(q)) name.erase(p, q.size());
  return name;
}

std::vector<size_t> order_by_name(const std::vector<std::string>& names) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> coll(icu::Collator::createInstance(icu::Locale("ru"), status));
  if (U_SUCCESS(status)) coll->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
  if (U_FAILURE(status)) coll.reset();
  std::vector<std::string> keys;
  for (const auto& n : names) keys.push_back(without_legal_form(n));
  std::vector<size_t> order(names.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (!coll) return keys[a] < keys[b];
    UErrorCode st = U_ZERO_ERROR;
    return coll->compareUTF8(keys[a], keys[b], st) == UCOL_LESS;
  });
  return order;
}

}  // namespace sveden
