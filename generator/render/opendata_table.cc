#include "render/opendata_table.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "write/formula_guard.h"

namespace sveden {
namespace {

// The field `s` with its guard (formula_guard_prefix of `s`) as the CSV carries it.
void append_guarded_csv_field(std::string& out, std::string_view guard, std::string_view s) {
  // A loop, not find_first_of: that calls memchr on the four characters for every character of the field.
  bool quoted = std::any_of(s.begin(), s.end(), [](char c) { return c == ';' || c == '"' || c == '\r' || c == '\n'; });
  if (!quoted) {
    out.append(guard);
    out.append(s);
    return;
  }
  out += '"';
  out.append(guard);
  // A quote is doubled; the text between quotes is copied in one go (an explanation is a few hundred bytes).
  for (size_t quote; (quote = s.find('"')) != std::string_view::npos; s.remove_prefix(quote + 1)) {
    out.append(s.data(), quote + 1);
    out += '"';
  }
  out.append(s);
  out += '"';
}

// The CSV's text, and with `columns` the rows read for the workbook.
class CsvText final : public TableSink {
 public:
  CsvText(TextParts& parts, OpendataColumns* columns) : parts_(parts), columns_(columns) { parts_.text() += kCsvBom; }
  void field(std::string_view value) override {
    std::string& out = parts_.text();
    if (!first_) out += ';';
    first_ = false;
    std::string_view guard = formula_guard_prefix(value);  // asked once for the text and the columns
    append_guarded_csv_field(out, guard, value);
    if (columns_) columns_->field(guard, value);
  }
  void end_row() override {
    parts_.text() += "\r\n";
    first_ = true;
    if (columns_) columns_->end_row();
    parts_.may_end();
  }
  void reserve(size_t bytes) override { parts_.reserve(bytes); }

 private:
  TextParts& parts_;
  OpendataColumns* columns_;
  bool first_ = true;
};

// The columns only, from a table whose CSV was not written first.
class ColumnsOnly final : public TableSink {
 public:
  explicit ColumnsOnly(OpendataColumns& columns) : columns_(columns) {}
  void field(std::string_view value) override { columns_.field(formula_guard_prefix(value), value); }
  void end_row() override { columns_.end_row(); }

 private:
  OpendataColumns& columns_;
};

// The workbook's cells, a row at a time, as its reader of the CSV would give them: the header row and
// rows of blanks only skipped.
class Cells final : public TableSink {
 public:
  Cells(const std::vector<bool>& numeric, const XlsxRowSink& sink) : numeric_(numeric), sink_(sink) {}
  void field(std::string_view value) override {
    std::string_view guard = formula_guard_prefix(value);
    if (count_ == cells_.size()) cells_.emplace_back();
    fill_opendata_cell(cells_[count_], guard, value, count_ < numeric_.size() && numeric_[count_]);
    blank_ = blank_ && blank_csv_field(guard, value);
    ++count_;
  }
  void end_row() override {
    if (!blank_ && !std::exchange(header_, false)) {
      cells_.resize(count_);
      sink_(cells_);
    }
    count_ = 0;
    blank_ = true;
  }

 private:
  const std::vector<bool>& numeric_;
  const XlsxRowSink& sink_;
  std::vector<XlsxCell> cells_;  // one row's, refilled
  size_t count_ = 0;
  bool blank_ = true, header_ = true;
};

}  // namespace

void append_csv_field(std::string& out, std::string_view s) {
  append_guarded_csv_field(out, formula_guard_prefix(s), s);  // Excel must not run a school's name as a formula
}

std::string csv_field(std::string_view s) {
  std::string out;
  append_csv_field(out, s);
  return out;
}

PartsMaker table_csv(TableMaker make, const std::string& sheet, std::function<void(OpendataColumns)> scanned) {
  return [make = std::move(make), sheet, scanned = std::move(scanned)](TextParts& parts) {
    if (!scanned) {
      CsvText text(parts, nullptr);
      make(text);
      return;
    }
    OpendataColumns columns(sheet);
    CsvText text(parts, &columns);
    make(text);
    scanned(std::move(columns));
  };
}

PartsMaker table_xlsx(TableMaker make, const std::string& sheet, const std::string& title, std::time_t created,
                      std::shared_ptr<const OpendataColumns> columns) {
  return [make = std::move(make), sheet, title, created, columns](TextParts& parts) {
    std::shared_ptr<const OpendataColumns> read = columns;
    if (!read) {
      auto own = std::make_shared<OpendataColumns>(sheet);
      ColumnsOnly only(*own);
      make(only);
      read = own;
    }
    XlsxTable table = read->sheet(title, created);
    table.fill = [&make, read](const XlsxRowSink& sink) {
      Cells cells(read->numeric(), sink);
      make(cells);
    };
    write_opendata_workbook(table, sheet, parts);
  };
}

}  // namespace sveden
