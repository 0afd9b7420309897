// RFC 4180 reading of decoded CSV text as Russian Excel users produce it: `;`, `,` or tab (detected
// from the header line), quoted fields with doubled quotes and line breaks, CRLF or LF, blank lines,
// an optional trailing delimiter.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_text.h"

namespace sveden {

struct CsvField {
  std::string value;  // unquoted
  size_t offset = 0;  // byte offset in the source text where the field starts
  size_t length = 0;  // bytes the field occupies in the source, quotes included
  int sheet_row = 0;     // 1-based row and column when the field is a cell of a workbook's sheet
  int sheet_column = 0;
};

struct CsvRow {
  std::vector<CsvField> fields;
  size_t offset = 0;  // where the row starts
};

struct CsvTable {
  char delimiter = ';';
  std::vector<CsvRow> rows;  // the header first; blank rows dropped
};

// `delimiter` 0 means detect. Broken quoting is reported to `diag`; returns false on an error that
// makes the rest of the file unreadable.
bool read_csv(const SourceText& src, char delimiter, CsvTable* out, Diagnostics& diag);

// The same reading row by row, for a table too big to hold twice: `each` gets every non-blank row in
// order and may move its fields out. `delimiter` 0 means detect.
bool for_each_csv_row(const SourceText& src, char delimiter, Diagnostics& diag, const std::function<void(CsvRow&)>& each);
// The same for a text sveden made itself (its quoting right by construction): broken quoting is not
// reported, only the return value says so. Positions are offsets in `text`.
bool for_each_csv_row(std::string_view text, char delimiter, const std::function<void(CsvRow&)>& each);

// The delimiter used by the first non-blank line: the most frequent of `;`, tab and `,` outside quotes.
char detect_delimiter(std::string_view text);

std::string delimiter_name(char delimiter);  // «точка с запятой», …

}  // namespace sveden
