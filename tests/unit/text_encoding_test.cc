#include <doctest/doctest.h>

#include "load/text_encoding.h"

using namespace sveden;

TEST_CASE("UTF-8 with and without BOM") {
  auto a = decode_text("\xEF\xBB\xBFКод;Год", Encoding::automatic);
  CHECK(a.ok);
  CHECK(a.text == "Код;Год");
  auto b = decode_text("Код;Год", Encoding::automatic);
  CHECK(b.used == Encoding::utf8);
}

TEST_CASE("Windows-1251 is detected and decoded") {
  auto r = decode_text("\xCA\xEE\xE4;\xC3\xEE\xE4;\xB8\xEB\xEA\xE0", Encoding::automatic);  // «Код;Год;ёлка»
  CHECK(r.ok);
  CHECK(r.used == Encoding::windows1251);
  CHECK(r.text == "Код;Год;ёлка");
}

TEST_CASE("undecodable bytes are located") {
  auto r = decode_text("ab\xCA\xEE", Encoding::utf8);
  CHECK_FALSE(r.ok);
  CHECK(r.bad_offset == 2);
  CHECK(r.bad_bytes == "0xCA 0xEE");
  auto w = decode_text("ab\x98z", Encoding::windows1251);
  CHECK_FALSE(w.ok);
  CHECK(w.bad_offset == 2);
  CHECK(w.text == "ab");
}

TEST_CASE("overlong and surrogate UTF-8 sequences are invalid") {
  CHECK(valid_utf8_prefix("a\xC0\xAF") == 1);
  CHECK(valid_utf8_prefix("a\xED\xA0\x80") == 1);
  CHECK(valid_utf8_prefix("ё") == 2);
}

TEST_CASE("a control byte before an undecodable byte is the first problem") {
  // Found by tests/fuzz/csv_reader_fuzz: the text up to the bad byte kept the NUL, and the message
  // named the later byte.
  auto r = decode_text(std::string_view("ab\0c\x98z", 6), Encoding::automatic);
  CHECK_FALSE(r.ok);
  CHECK(r.binary);
  CHECK(r.bad_offset == 2);
  CHECK(r.bad_bytes == "0x00");
  CHECK(r.text == "ab");
}
