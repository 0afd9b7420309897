// Reads the sheets of an XLSX workbook (a ZIP of XML parts, unpacked with libzip and parsed with
// expat) into cell texts as a CSV would hold them, so that a table given in Excel goes through the
// same checks and messages as one given in CSV.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sveden {

struct SheetRow {
  int number = 0;                  // 1-based row number in the sheet
  std::vector<std::string> cells;  // by column (A = 0) up to the last non-empty one
};

struct Sheet {
  std::string name;
  std::vector<SheetRow> rows;  // rows with at least one non-empty cell, in order
};

struct Workbook {
  std::vector<Sheet> sheets;  // in the order of the workbook's tabs
};

// A cell's value is the text Excel shows for it, in the spelling the table loader parses:
// numbers as written («12.5»), cells with a date format as «ДД.ММ.ГГГГ», with a percent format as
// «65%», formulas by their cached values, TRUE/FALSE as «да»/«нет». Merged cells spanning several rows
// repeat their value down the range (a school's code merged over its subjects).
// Returns false with `problem` set (in Russian) when the file is not a readable workbook.
bool read_workbook(std::string_view bytes, Workbook* out, std::string* problem);

// «D7» for row 7, column 4.
std::string cell_reference(int row, int column);

// The civil date of an Excel serial day number (1900 system unless `date1904`).
std::string excel_serial_date(double serial, bool date1904);

}  // namespace sveden
