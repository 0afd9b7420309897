#include "write/xlsx_cells.h"

#include <algorithm>

#include "base/source_text.h"

namespace sveden {

std::string xlsx_sheet_name(const std::string& preferred, const std::string& fallback) {
  bool ok = !preferred.empty() && utf8_length(preferred) <= 31 && preferred.find_first_of("[]:*?/\\") == std::string::npos &&
            preferred.front() != '\'' && preferred.back() != '\'';
  return ok ? preferred : fallback.substr(0, 31);
}

size_t xlsx_cell_chars(const XlsxCell& cell) {
  return cell.kind == XlsxCell::Kind::text ? utf8_length(cell.text) : cell.kind == XlsxCell::Kind::number ? 10 : 0;
}

double xlsx_column_width(size_t chars) { return std::clamp(static_cast<double>(chars) + 2, 8.0, 50.0); }

}  // namespace sveden
