// A data table as the loader reads it: bytes decoded (UTF-8, UTF-16 with its BOM, or Windows-1251 when
// the bytes are not UTF-8, and Windows-1251 on request), then read as CSV with the delimiter detected.
#include <cstdint>

#include "fuzz_support.h"
#include "load/csv_reader.h"

using namespace sveden;
using fuzz::is_utf8;

namespace {

void check_decoded(std::string_view bytes, Encoding requested, const DecodeResult& r) {
  FUZZ_CHECK(is_utf8(r.text));
  for (char c : r.text) FUZZ_CHECK(static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r');
  if (!r.ok) {
    FUZZ_CHECK(r.bad_offset < bytes.size());
    FUZZ_CHECK(!r.bad_bytes.empty());
    return;
  }
  // UTF-16 with its BOM (Excel's «Текст Юникод») is converted: two or four bytes a character, at most
  // three bytes of UTF-8 for every two read.
  if (r.label.rfind("UTF-16", 0) == 0) {
    FUZZ_CHECK(bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF");
    FUZZ_CHECK(r.text.size() <= (bytes.size() - 2) / 2 * 3);
    return;
  }
  bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
  std::string_view body = bom ? bytes.substr(3) : bytes;
  // Windows-1251 maps every byte to one character; valid UTF-8 is kept as it is.
  if (r.used == Encoding::windows1251) FUZZ_CHECK(utf8_length(r.text) == body.size());
  else FUZZ_CHECK(r.text == body);
  if (requested == Encoding::automatic && is_utf8(body)) FUZZ_CHECK(r.used == Encoding::utf8);
}

void check_table(const std::string& text, bool ok, const CsvTable& table, const Diagnostics& diag) {
  FUZZ_CHECK(table.delimiter == ';' || table.delimiter == ',' || table.delimiter == '\t');
  FUZZ_CHECK(ok || diag.has_errors());
  size_t last_end = 0;
  for (const CsvRow& row : table.rows) {
    FUZZ_CHECK(!row.fields.empty());
    FUZZ_CHECK(row.offset >= last_end);
    size_t at = row.offset;
    for (const CsvField& f : row.fields) {
      FUZZ_CHECK(f.offset >= at && f.offset + f.length <= text.size());
      at = f.offset + f.length;
      std::string_view raw = std::string_view(text).substr(f.offset, f.length);
      if (raw.empty() || raw.front() != '"') {
        FUZZ_CHECK(f.value == raw);  // unquoted: the bytes as they are
      } else if (ok) {
        // Quoted, in a file without quoting errors: «"» … «"» around the value with its quotes doubled.
        std::string quoted = "\"";
        for (char c : f.value) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        FUZZ_CHECK(raw == quoted + "\"");
      }
    }
    last_end = at;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes = fuzz::as_text(data, size);
  for (Encoding e : {Encoding::automatic, Encoding::windows1251}) {
    DecodeResult decoded = decode_text(bytes, e);
    check_decoded(bytes, e, decoded);
    if (!decoded.ok) continue;
    SourceText src("data/fuzz.csv", decoded.text);
    FUZZ_CHECK(detect_delimiter(src.text()) == ';' || detect_delimiter(src.text()) == ',' ||
               detect_delimiter(src.text()) == '\t');
    CsvTable table;
    Diagnostics diag;
    bool ok = read_csv(src, 0, &table, diag);
    check_table(src.text(), ok, table, diag);
    fuzz::check_diagnostics(diag);
    if (e == Encoding::automatic && decoded.used == Encoding::windows1251) break;  // the same text twice
  }
  return 0;
}
