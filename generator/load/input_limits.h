// How long an input value may be, by kind of field (docs/DATA.md, «Пределы»): a value longer than
// this is a broken export or an attack, not text to publish on every page of the site.
#pragma once
#include <cstddef>

namespace sveden {

// A name (of the department, a school, a person, a unit): printed in headers, titles and reports.
inline constexpr size_t kMaxNameChars = 1000;
// Any other value: a cell of a table, a value of a YAML file.
inline constexpr size_t kMaxValueChars = 20000;

}  // namespace sveden
