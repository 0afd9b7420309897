#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "russian/typography.h"

using namespace sveden;

TEST_CASE("numbers: non-breaking thousands, decimal comma") {
  CHECK(format_number(1234.5, 1) == "1\u00A0234,5");
  CHECK(format_number(1234567, 0) == "1\u00A0234\u00A0567");
  CHECK(format_number(999, 0) == "999");
  CHECK(format_number(-12.25, 2) == "−12,25");
  CHECK(format_decimal(12.0) == "12");
  CHECK(format_decimal(12.5) == "12,5");
  CHECK(format_percent(45.25, 1) == "45,3\u00A0%");
}

TEST_CASE("dates") {
  CHECK(format_date(Date{2023, 3, 10}) == "10\u00A0марта\u00A02023\u00A0г.");
  CHECK(format_date(Date{2025, 10, 1}) == "1\u00A0октября\u00A02025\u00A0г.");
}

TEST_CASE("plural forms") {
  const std::string one = "школа", few = "школы", many = "школ";
  CHECK(plural(1, one, few, many) == one);
  CHECK(plural(2, one, few, many) == few);
  CHECK(plural(5, one, few, many) == many);
  CHECK(plural(11, one, few, many) == many);
  CHECK(plural(21, one, few, many) == one);
  CHECK(plural(22, one, few, many) == few);
  CHECK(plural(111, one, few, many) == many);
  CHECK(count_noun(2000, one, few, many) == "2\u00A0000\u00A0школ");
}

TEST_CASE("schools and branches are counted apart") {
  CHECK(count_schools(17, 1) == "17\u00A0школ и\u00A01\u00A0филиал");
  CHECK(count_schools(21, 3) == "21\u00A0школа и\u00A03\u00A0филиала");
  CHECK(count_schools(3, 0) == "3\u00A0школы");
  CHECK(count_schools(0, 5) == "5\u00A0филиалов");
  CHECK(count_schools(0, 0) == "0\u00A0школ");
  CHECK(count_schools_dative(4, 1) == "4\u00A0школам и\u00A01\u00A0филиалу");
  CHECK(count_schools_dative(1, 0) == "1\u00A0школе");
  CHECK(count_schools_dative(0, 2) == "2\u00A0филиалам");
}

TEST_CASE("bind_units keeps a number on one line with its unit") {
  const std::string nb(kNbsp);
  CHECK(bind_units("входит в 20 % школ") == "входит в 20" + nb + "% школ");
  CHECK(bind_units("на 1 февраля 2023 г. и в 2024 гг.") == "на 1 февраля 2023" + nb + "г. и в 2024" + nb + "гг.");
  CHECK(bind_units("5 чел., 3 тыс. руб., 2 млн") == "5" + nb + "чел., 3" + nb + "тыс. руб., 2" + nb + "млн");
  CHECK(bind_units("3 гостя, 4 млнX, 25 школ") == "3 гостя, 4 млнX, 25 школ");  // words, not units
  CHECK(bind_units("5 %") == "5" + nb + "%");
  CHECK(bind_units(" % 7 ") == " % 7 ");
  CHECK(bind_units("") == "");
  CHECK(bind_units("% 20 и 20%") == "% 20 и 20%");
}

TEST_CASE("lower_text: the letters ICU's Russian rules give, with or without ICU") {
  // lower_text lowers most texts itself (ASCII, Russian Cyrillic, signs without case) and the rest with
  // ICU: every mix of both kinds, broken UTF-8 too, must come out as ICU alone makes it.
  auto icu_lower = [](const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))).toLower(icu::Locale("ru")).toUTF8String(out);
    return out;
  };
  std::vector<std::string> pieces = {"A", "z", "Q", "1", " ", "\t", "-", "\u00A0", "«", "»", "—", "–", "…", "№", "µ", "Σ", "Ω",
                                     "Ä", "İ", "Ї", "Ґ", "Ѣ", "ѣ", "Ӂ", "\xD0", "\xD1", "\x80", "\xBF", "\xC2", "\xE2\x80", "\xE2\x84",
                                     "\xE2\x84\x96", "\xF0\x9F\x98\x80", "€", "™"};
  for (char32_t cp = 0x400; cp < 0x460; ++cp) {  // every letter of U+0400–U+045F
    icu::UnicodeString one(static_cast<UChar32>(cp));
    std::string utf8;
    pieces.push_back(one.toUTF8String(utf8));
  }
  for (const auto& p : pieces) CHECK_MESSAGE(lower_text(p) == icu_lower(p), p);
  std::mt19937 random(17);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (int k = static_cast<int>(random() % 12); k-- > 0;) s += pieces[random() % pieces.size()];
    REQUIRE_MESSAGE(lower_text(s) == icu_lower(s), s);
  }
  CHECK(lower_text("ПРИЁМ В 1-Й КЛАСС «ОСНОВНЫЕ СВЕДЕНИЯ»") == "приём в 1-й класс «основные сведения»");
}
