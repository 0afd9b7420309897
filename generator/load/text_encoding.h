// Turns the bytes of an input file into UTF-8: UTF-8 with or without BOM, UTF-16 with BOM (Excel's
// «Текст Юникод»), or Windows-1251 as Excel writes «CSV (разделители — запятые)» on a Russian
// Windows; detected unless the site says which. Bytes that read as Windows-1251 but make sense only
// as KOI8-R, CP866 or Mac Cyrillic are refused with that name rather than published as mojibake.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/site_config.h"

namespace sveden {


std::optional<Encoding> parse_encoding_name(std::string_view name);  // "auto", "utf-8", "windows-1251", "cp1251"
const char* encoding_name(Encoding e);

struct DecodeResult {
  bool ok = false;
  Encoding used = Encoding::utf8;
  std::string text;          // UTF-8 without BOM; when !ok, the text up to the bad bytes
  size_t bad_offset = 0;     // when !ok: byte offset of the first undecodable byte in the input
  std::string bad_bytes;     // e.g. "0xC3 0x28"
  bool binary = false;       // a forbidden character (load/control_chars.h), NUL included
  char32_t bad_char = 0;     // when binary: that character
  std::string label;         // the encoding read, for messages: «UTF-8», «Windows-1251», «UTF-16LE»
  std::string likely;        // when !ok: a Cyrillic encoding that is not read but fits the bytes («KOI8-R»)
};

DecodeResult decode_text(std::string_view bytes, Encoding requested);

// Length of the valid UTF-8 prefix of `s`.
size_t valid_utf8_prefix(std::string_view s);

}  // namespace sveden
