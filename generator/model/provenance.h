// Where a criterion comes from: a line of a document (with a short quotation) or the choice of whoever
// wrote the criteria, with the reason. Every rule, combination and weight of a built-in preset has one.
#pragma once
#include <string>
#include <vector>

namespace sveden {

struct Provenance {
  std::string document;  // the document's title, «Приказ … от 23.06.2020 № 98/1, приложение 3»
  std::string item;      // where in it: a table row, an item, a line
  std::string quote;     // a short quotation of the wording
  std::string choice;    // the preset's own choice and why; with a document: how it was derived from it
  // What content/criteria.yaml `changes:` altered in it: «(content/criteria.yaml:12): порог 25 вместо 20 —
  // решение рабочей группы», printed after «изменено управлением образования».
  std::vector<std::string> changes;
  // The department whose choice or change it is, as site.yaml names its kind (name_department).
  std::string owner_genitive = "управления образования";
  std::string owner_instrumental = "управлением образования";
  bool is_source() const { return !document.empty() && choice.empty(); }
  bool is_derived() const { return !document.empty() && !choice.empty(); }  // a choice built on a document
  bool is_choice() const { return document.empty() && !choice.empty(); }
  // Neither: a site's own criteria.yaml said nothing, so it is the department's choice.
  bool empty() const { return document.empty() && choice.empty(); }
};

}  // namespace sveden
