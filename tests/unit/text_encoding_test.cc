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

TEST_CASE("UTF-16 with BOM, as Excel saves «Текст Юникод», is read in both byte orders") {
  // «Код\tГод\r\n» in UTF-16LE and UTF-16BE.
  std::string le("\xFF\xFE\x1A\x04\x3E\x04\x34\x04\x09\x00\x13\x04\x3E\x04\x34\x04\x0D\x00\x0A\x00", 20);
  auto a = decode_text(le, Encoding::automatic);
  CHECK(a.ok);
  CHECK(a.label == "UTF-16LE");
  CHECK(a.text == "Код\tГод\r\n");
  std::string be("\xFE\xFF\x04\x1A\x04\x3E\x04\x34", 8);
  auto b = decode_text(be, Encoding::automatic);
  CHECK(b.ok);
  CHECK(b.label == "UTF-16BE");
  CHECK(b.text == "Код");
  auto odd = decode_text(std::string("\xFF\xFE\x1A\x04\x3E", 5), Encoding::automatic);  // cut in the middle of a letter
  CHECK_FALSE(odd.ok);
}

TEST_CASE("KOI8-R, CP866 and Mac Cyrillic are named, not read as Windows-1251") {
  // «школа;Русский язык» in each encoding.
  auto koi8 = decode_text("\xDB\xCB\xCF\xCC\xC1;\xF2\xD5\xD3\xD3\xCB\xC9\xCA \xD1\xDA\xD9\xCB", Encoding::automatic);
  CHECK_FALSE(koi8.ok);
  CHECK(koi8.likely == "KOI8-R");
  auto cp866 = decode_text("\xE8\xAA\xAE\xAB\xA0;\x90\xE3\xE1\xE1\xAA\xA8\xA9 \xEF\xA7\xEB\xAA", Encoding::automatic);
  CHECK_FALSE(cp866.ok);
  CHECK(cp866.likely == "CP866");
  auto mac = decode_text("\xF8\xEA\xEE\xEB\xE0;\x90\xF3\xF1\xF1\xEA\xE8\xE9 \xDF\xE7\xFB\xEA", Encoding::automatic);
  CHECK_FALSE(mac.ok);
  CHECK(mac.likely == "MacCyrillic");
  // The same words in Windows-1251 stay Windows-1251, also all in capitals.
  auto cp1251 = decode_text("\xF8\xEA\xEE\xEB\xE0;\xD0\xF3\xF1\xF1\xEA\xE8\xE9 \xFF\xE7\xFB\xEA", Encoding::automatic);
  CHECK(cp1251.ok);
  CHECK(cp1251.text == "школа;Русский язык");
  auto capitals = decode_text("\xCC\xC1\xCE\xD3 \xD1\xCE\xD8 \xB9 1", Encoding::automatic);  // «МБОУ СОШ № 1»
  CHECK(capitals.ok);
  CHECK(capitals.text == "МБОУ СОШ № 1");
}
