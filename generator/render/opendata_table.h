// A big open-data table (the indicators, the evidence… of every school) made row by row, field by field,
// into a TableSink: as its CSV's text, read for the workbook's columns on the way (table_csv), or as its
// workbook's cells (table_xlsx). Both take the same fields from the same maker, so the CSV and its workbook
// never differ; the workbook is made without writing the CSV's text again and reading it back.
#pragma once
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/text_parts.h"
#include "render/opendata_workbook.h"

namespace sveden {

// A CSV field for Russian Excel: quoted when it holds «;», quotes or line breaks; a text Excel would run
// as a formula gets a leading apostrophe (write/formula_guard.h), a number stays as it is.
std::string csv_field(std::string_view s);
void append_csv_field(std::string& out, std::string_view s);

// Where a table's rows go.
class TableSink {
 public:
  virtual ~TableSink() = default;
  // The next field of the row: its text as a reader sees it (the CSV quotes and guards it).
  virtual void field(std::string_view value) = 0;
  // The row is whole; a part of the text may end here.
  virtual void end_row() = 0;
  // Room for the text of the whole table, for a sink that makes text.
  virtual void reserve(size_t) {}
};

// Makes a table, its header row first: the same rows each time it is called.
using TableMaker = std::function<void(TableSink&)>;

// One row: `TableRow{sink} << a << b;` hands each field at once (a temporary in the statement lives
// until its end, no longer) and ends the row with the statement.
class TableRow {
 public:
  explicit TableRow(TableSink& sink) : sink_(sink) {}
  TableRow(const TableRow&) = delete;
  TableRow& operator=(const TableRow&) = delete;
  ~TableRow() { sink_.end_row(); }
  TableRow& operator<<(std::string_view field) {
    sink_.field(field);
    return *this;
  }

 private:
  TableSink& sink_;
};

// The CSV of the table (UTF-8 with BOM, «;», CRLF, quoted and guarded as csv_field), in parts; with
// `scanned`, the rows are also read for the workbook's columns (`sheet` names its sheet), which `scanned`
// gets once the text is made.
PartsMaker table_csv(TableMaker make, const std::string& sheet = "", std::function<void(OpendataColumns)> scanned = {});

// The workbook of the table, in parts (write_xlsx_table): its columns are `columns` when given (read as
// table_csv wrote the CSV), otherwise read first by a call of `make` of their own. Throws OutputError
// when the workbook cannot be written.
PartsMaker table_xlsx(TableMaker make, const std::string& sheet, const std::string& title, std::time_t created,
                      std::shared_ptr<const OpendataColumns> columns = nullptr);

}  // namespace sveden
