#include "write/xlsx_writer.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "base/source_text.h"
#include "write/formula_guard.h"
#include "write/temp_file.h"

namespace sveden {
namespace {

// Excel's limit for an inline list of a drop-down is 255 characters with the commas; libxlsxwriter 1.1
// copies the list into a buffer of that many bytes, so a Cyrillic list is measured in bytes.
bool fits_inline(const std::vector<std::string>& choices) {
  size_t bytes = choices.empty() ? 0 : choices.size() - 1;
  for (const auto& c : choices) {
    if (c.find(',') != std::string::npos || c.find('"') != std::string::npos) return false;
    bytes += c.size();
  }
  return bytes <= 250;
}

}  // namespace

std::mutex& xlsxwriter_mutex() {
  static std::mutex mutex;
  return mutex;
}

Result<std::string> xlsx_bytes(const XlsxWorkbook& book) {
  std::lock_guard lock(xlsxwriter_mutex());
  TempFile tmp("sveden-xlsx");
  if (tmp.path().empty()) {
    return io_failure("не удалось создать временный файл для книги Excel");
  }
  lxw_workbook* wb = workbook_new(tmp.path().c_str());
  if (!wb) {
    return io_failure(fmt::format("не удалось создать книгу Excel «{}»", book.title));
  }
  lxw_doc_properties props{};
  std::string title = book.title, author = book.author;
  props.title = title.data();
  props.author = author.data();
  // Never the clock: libxlsxwriter takes the current time for a created time of 0 (in docProps/core.xml
  // and in every ZIP entry), so a workbook without a date gets the ZIP epoch, 1 January 1980.
  props.created = book.created != 0 ? book.created : kXlsxNoDate;
  workbook_set_properties(wb, &props);

  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(head, 0xEEEEEE);
  format_set_border(head, LXW_BORDER_THIN);
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");  // typed text stays text when edited
  std::map<int, lxw_format*> number_formats;
  auto number_format = [&](int decimals) -> lxw_format* {
    if (decimals < 0) return nullptr;
    auto [it, added] = number_formats.try_emplace(decimals, nullptr);
    if (added) {
      it->second = workbook_add_format(wb);
      format_set_num_format(it->second, decimals == 0 ? "0" : ("0." + std::string(static_cast<size_t>(decimals), '0')).c_str());
    }
    return it->second;
  };

  std::vector<std::string> kept;  // strings libxlsxwriter points to until the workbook is closed
  for (const auto& sheet : book.sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
    if (!ws) {
      workbook_close(wb);
      return io_failure(fmt::format("недопустимое или повторное имя листа «{}» в книге Excel «{}»", sheet.name, book.title));
    }
    worksheet_freeze_panes(ws, 1, 0);
    std::vector<size_t> widths;
    for (const auto& c : sheet.columns) widths.push_back(utf8_length(c.header));
    for (const auto& row : sheet.rows)
      for (size_t c = 0; c < row.size() && c < widths.size(); ++c) widths[c] = std::max(widths[c], xlsx_cell_chars(row[c]));
    for (size_t c = 0; c < sheet.columns.size(); ++c) {
      const XlsxColumn& col = sheet.columns[c];
      auto lc = static_cast<lxw_col_t>(c);
      double width = col.width > 0 ? col.width : xlsx_column_width(widths[c]);
      worksheet_set_column(ws, lc, lc, width, col.as_text ? text : nullptr);
      worksheet_write_string(ws, 0, lc, col.header.c_str(), head);
      if (!col.comment.empty()) {
        lxw_comment_options opt{};
        opt.author = author.data();
        opt.width = 320;
        opt.height = static_cast<uint16_t>(std::min<size_t>(400, 40 + utf8_length(col.comment) / 40 * 16));
        worksheet_write_comment_opt(ws, 0, lc, col.comment.c_str(), &opt);
      }
      // A list too long for Excel's inline form gets none: libxlsxwriter 1.1 leaks the string of a range
      // formula (LXW_VALIDATION_TYPE_LIST_FORMULA); the header's note names the values instead.
      if (!col.choices.empty() && sheet.validated_rows > 0 && fits_inline(col.choices)) {
        lxw_data_validation v{};
        std::vector<char*> list;
        for (const auto& choice : col.choices) list.push_back(const_cast<char*>(choice.c_str()));
        list.push_back(nullptr);
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = list.data();
        std::string message = fmt::format("Выберите значение из списка «{}».", col.header);
        kept.push_back(message);
        v.error_title = const_cast<char*>("Значение не из списка");
        v.error_message = kept.back().data();
        v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        worksheet_data_validation_range(ws, 1, lc, static_cast<lxw_row_t>(sheet.validated_rows), lc, &v);
      }
    }
    lxw_row_t r = 1;
    for (const auto& row : sheet.rows) {
      for (size_t c = 0; c < row.size(); ++c) {
        const XlsxCell& cell = row[c];
        auto lc = static_cast<lxw_col_t>(c);
        if (cell.kind == XlsxCell::Kind::number) worksheet_write_number(ws, r, lc, cell.number, number_format(cell.decimals));
        // A string cell is never run as a formula; one that looks like a formula is also formatted as text,
        // so that it stays text when someone edits it in Excel (F2, Enter) rather than becoming a formula.
        else if (cell.kind == XlsxCell::Kind::text && !cell.text.empty())
          worksheet_write_string(ws, r, lc, cell.text.c_str(), looks_like_formula(cell.text) ? text : nullptr);
      }
      ++r;
    }
  }
  lxw_error status = workbook_close(wb);
  if (status != LXW_NO_ERROR) {
    return io_failure(fmt::format("не удалось записать книгу Excel «{}»: {}", book.title, lxw_strerror(status)));
  }
  std::optional<std::string> out = tmp.contents();
  if (!out) return io_failure(fmt::format("не удалось прочитать записанную книгу Excel «{}»", book.title));
  return std::move(*out);
}

}  // namespace sveden
