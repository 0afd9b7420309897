#include <doctest/doctest.h>

#include "base/control_chars.h"

using namespace sveden;

TEST_CASE("forbidden characters: C0 but tab and line breaks, DEL, C1, surrogates, noncharacters") {
  for (char32_t c : {0x00u, 0x01u, 0x0Bu, 0x0Cu, 0x1Bu, 0x1Fu, 0x7Fu, 0x80u, 0x85u, 0x9Fu, 0xD800u, 0xDFFFu, 0xFDD0u, 0xFFFEu, 0xFFFFu, 0x1FFFEu, 0x10FFFFu})
    CHECK_MESSAGE(is_forbidden_char(c), static_cast<unsigned>(c));
  for (char32_t c : {0x09u, 0x0Au, 0x0Du, 0x20u, 0xA0u, 0x401u, 0x2028u, 0xFFFDu, 0x1F600u})
    CHECK_FALSE_MESSAGE(is_forbidden_char(c), static_cast<unsigned>(c));
}

TEST_CASE("the first forbidden character is found at its byte offset") {
  CHECK_FALSE(find_forbidden_char("Школа №\t1\r\n"));
  auto vt = find_forbidden_char("Шк\x0bола");
  REQUIRE(vt);
  CHECK(vt->offset == 4);
  CHECK(vt->code == 0x0B);
  auto nel = find_forbidden_char("аб\xC2\x85");
  REQUIRE(nel);
  CHECK(nel->code == 0x85);
  auto fffe = find_forbidden_char("x\xEF\xBF\xBE");
  REQUIRE(fffe);
  CHECK(fffe->offset == 1);
  CHECK(fffe->code == 0xFFFE);
}

TEST_CASE("bidirectional overrides are found apart from forbidden characters") {
  std::string spoof = "Школа \xE2\x80\xAE" "1";
  CHECK_FALSE(find_forbidden_char(spoof));
  auto b = find_bidi_control(spoof);
  REQUIRE(b);
  CHECK(b->code == 0x202E);
}

TEST_CASE("characters are named by code and in words") {
  CHECK(describe_char(0x0B) == "управляющий символ U+000B (вертикальная табуляция)");
  CHECK(describe_char(0x1B) == "управляющий символ U+001B (escape)");
  CHECK(describe_char(0xFFFE) == "несимвол Юникода U+FFFE");
  CHECK(describe_char(0x202E) == "знак направления текста U+202E (замена направления справа налево)");
  CHECK(describe_char(0x9F) == "управляющий символ U+009F");
}
