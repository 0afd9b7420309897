// Text that a spreadsheet would run as a formula (OWASP «CSV injection»): a cell that starts with «=»,
// «+», «-», «@», a tab or a carriage return and is not a plain number. The CSV we write puts an
// apostrophe before such text, which Excel shows as text and does not run; XLSX stores it as a string.
#pragma once
#include <string>
#include <string_view>

namespace sveden {

// «-1,5», «+2», «-1.5», «12»: a number as we or Excel write it (no spaces, one decimal comma or point).
bool is_plain_number(std::string_view s);

// Whether Excel would take the text for a formula. Inline: an open-data table asks it of every field
// several times (its CSV, its columns, its cells), and nearly every field fails at its first character.
inline bool looks_like_formula(std::string_view s) {
  if (s.empty()) return false;
  char c = s.front();
  return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !is_plain_number(s);
}

// The text as a CSV cell should carry it: «'=HYPERLINK(…)» for a formula-like text, the text itself otherwise.
inline std::string_view formula_guard_prefix(std::string_view s) { return looks_like_formula(s) ? "'" : ""; }  // "'" or ""

// The original text of a cell written with the guard: «'=1» → «=1»; anything else unchanged.
inline std::string_view without_formula_guard(std::string_view s) {
  if (s.size() > 1 && s.front() == '\'' && looks_like_formula(s.substr(1))) return s.substr(1);
  return s;
}

}  // namespace sveden
