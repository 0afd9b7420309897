// Whether a file is an XLSX workbook, as the monitoring of school meals needs its menus: a ZIP
// archive with [Content_Types].xml and xl/workbook.xml, read from memory with libzip. A file that
// is something else is named for what it looks like (an old XLS, a renamed CSV, a PDF).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace sveden {

struct XlsxCheck {
  bool ok = false;
  std::string problem;  // in Russian, when not ok: «это текст (например, CSV), а не книга Excel»
};

XlsxCheck check_xlsx(std::string_view bytes);

// The uncompressed contents of one entry of a ZIP archive held in memory, or nullopt.
std::optional<std::string> zip_entry(std::string_view archive, const std::string& name);

}  // namespace sveden
