#include "load/text_encoding.h"

#include "base/control_chars.h"

#include <cmath>
#include <memory>

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

namespace sveden {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string hex_bytes(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size() && i < 4; ++i) {
    if (!out.empty()) out += ' ';
    out += fmt::format("0x{:02X}", static_cast<unsigned char>(s[i]));
  }
  return out;
}

DecodeResult decode_utf8(std::string_view bytes) {
  DecodeResult r;
  r.used = Encoding::utf8;
  size_t valid = valid_utf8_prefix(bytes);
  r.text.assign(bytes.substr(0, valid));
  if (valid == bytes.size()) {
    r.ok = true;
  } else {
    r.bad_offset = valid;
    r.bad_bytes = hex_bytes(bytes.substr(valid));
  }
  return r;
}

DecodeResult decode_windows1251(std::string_view bytes) {
  DecodeResult r;
  r.used = Encoding::windows1251;
  // 0x98 is the one byte Windows-1251 leaves unassigned; ICU would pass it through as a control.
  if (size_t bad = bytes.find('\x98'); bad != std::string_view::npos) {
    DecodeResult head = decode_windows1251(bytes.substr(0, bad));
    head.ok = false;
    head.bad_offset = bad;
    head.bad_bytes = hex_bytes(bytes.substr(bad, 1));
    return head;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open("windows-1251", &status), &ucnv_close);
  if (U_FAILURE(status)) return r;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  // Decode byte by byte range: every byte maps to one character or to nothing (0x98).
  icu::UnicodeString u;
  const char* src = bytes.data();
  const char* end = src + bytes.size();
  std::u16string buffer(bytes.size() + 1, u'\0');
  char16_t* target = buffer.data();
  ucnv_toUnicode(conv.get(), reinterpret_cast<UChar**>(&target), reinterpret_cast<UChar*>(buffer.data() + buffer.size()),
                 &src, end, nullptr, true, &status);
  u = icu::UnicodeString(reinterpret_cast<const UChar*>(buffer.data()), static_cast<int32_t>(target - buffer.data()));
  u.toUTF8String(r.text);
  if (U_FAILURE(status)) {
    // ICU stops after consuming the bad byte.
    r.bad_offset = static_cast<size_t>(src - bytes.data()) - 1;
    r.bad_bytes = hex_bytes(bytes.substr(r.bad_offset, 1));
    // Keep only the text before the bad byte: it is exactly bad_offset characters long.
    icu::UnicodeString before = u.tempSubString(0, static_cast<int32_t>(r.bad_offset));
    r.text.clear();
    before.toUTF8String(r.text);
    return r;
  }
  r.ok = true;
  return r;
}

// Decodes the whole of `bytes` with an ICU converter; false at the first byte sequence it cannot map.
bool icu_decode(std::string_view bytes, const char* converter, icu::UnicodeString* out, size_t* bad_offset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(converter, &status), &ucnv_close);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const char* src = bytes.data();
  std::u16string buffer(bytes.size() + 2, u'\0');
  char16_t* target = buffer.data();
  ucnv_toUnicode(conv.get(), reinterpret_cast<UChar**>(&target), reinterpret_cast<UChar*>(buffer.data() + buffer.size()), &src,
                 bytes.data() + bytes.size(), nullptr, true, &status);
  *out = icu::UnicodeString(reinterpret_cast<const UChar*>(buffer.data()), static_cast<int32_t>(target - buffer.data()));
  if (U_FAILURE(status)) {
    *bad_offset = static_cast<size_t>(src - bytes.data());
    return false;
  }
  return true;
}

DecodeResult decode_utf16(std::string_view bytes, bool little_endian) {
  DecodeResult r;
  r.used = Encoding::utf8;
  r.label = little_endian ? "UTF-16LE" : "UTF-16BE";
  icu::UnicodeString u;
  size_t bad = 0;
  bool ok = icu_decode(bytes, little_endian ? "UTF-16LE" : "UTF-16BE", &u, &bad);
  u.toUTF8String(r.text);
  if (!ok) {
    r.bad_offset = bad >= 2 ? bad - 2 : 0;
    r.bad_bytes = hex_bytes(bytes.substr(r.bad_offset, 2));
    return r;
  }
  r.ok = true;
  return r;
}

bool is_lower_cyrillic(UChar c) { return (c >= 0x0430 && c <= 0x044F) || c == 0x0451; }
bool is_upper_cyrillic(UChar c) { return (c >= 0x0410 && c <= 0x042F) || c == 0x0401; }

// Windows-1251 characters of 0x80–0xBF that Russian tables do not hold (Serbian, Ukrainian and
// Belarusian letters, ‰, ¤, ¦, †…): where they appear, the bytes were meant as another encoding.
bool is_rare_1251(UChar c) {
  static const std::u16string kUsual = u"«»—–…№\u00A0“”„’‘°·±ёЁ€";
  // 0x98 is unassigned and decoded as the C1 control U+0098: reported as a bad byte, not as a hint.
  return c >= 0xA0 && !is_lower_cyrillic(c) && !is_upper_cyrillic(c) && kUsual.find(static_cast<char16_t>(c)) == std::u16string::npos;
}

// ln of the frequency (per cent) of each letter а…я in Russian text, ё apart: a reading of the bytes
// whose letters are frequent is the likelier one.
double letter_weight(UChar lower) {
  static const double kPercent[32] = {8.0, 1.6, 4.5, 1.7, 3.0, 8.5, 0.9, 1.6, 7.4, 1.2, 3.5, 4.4, 3.2, 6.7, 11.0, 2.8,
                                      4.7, 5.5, 6.3, 2.6, 0.3, 1.0, 0.5, 1.4, 0.7, 0.4, 0.04, 1.9, 1.7, 0.3, 0.6, 2.0};
  if (lower == 0x0451) return std::log(0.04);
  return std::log(kPercent[lower - 0x0430]);
}

// How much a decoded text reads as Russian: frequent letters count for it; a capital inside a word
// («рУССКИЙ») and characters no table holds (box drawing, «Ђ», «‚») count against it.
double russian_score(const icu::UnicodeString& u) {
  double score = 0;
  UChar prev = 0;
  for (int32_t i = 0; i < u.length(); ++i) {
    UChar c = u.charAt(i);
    if (is_lower_cyrillic(c)) score += letter_weight(c);
    else if (is_upper_cyrillic(c)) score += letter_weight(c == 0x0401 ? 0x0451 : c + 0x20) - (is_lower_cyrillic(prev) ? 4 : 0);
    else if (c >= 0x80 && (c < 0xA0 || is_rare_1251(c))) score -= 4;
    prev = c;
  }
  return score;
}

// Bytes that are no UTF-8: Windows-1251 unless its reading looks wrong (rare characters, more
// capitals than small letters) and another Cyrillic encoding reads them clearly better.
std::string likelier_cyrillic(std::string_view bytes) {
  icu::UnicodeString as1251;
  size_t bad = 0;
  icu_decode(bytes, "windows-1251", &as1251, &bad);
  long lower = 0, upper = 0, rare = 0;
  for (int32_t i = 0; i < as1251.length(); ++i) {
    UChar c = as1251.charAt(i);
    lower += is_lower_cyrillic(c);
    upper += is_upper_cyrillic(c);
    rare += is_rare_1251(c);
  }
  if (rare == 0 && upper <= lower) return "";
  double best = russian_score(as1251) + 2;
  std::string name;
  for (const auto& [converter, label] : {std::pair{"KOI8-R", "KOI8-R"}, std::pair{"IBM866", "CP866"},
                                         std::pair{"x-mac-cyrillic", "MacCyrillic"}}) {
    icu::UnicodeString u;
    if (!icu_decode(bytes, converter, &u, &bad)) continue;
    double score = russian_score(u);
    if (score > best) {
      best = score;
      name = label;
    }
  }
  return name;
}

}  // namespace

std::optional<Encoding> parse_encoding_name(std::string_view name) {
  if (name == "auto" || name == "авто") return Encoding::automatic;
  if (name == "utf-8" || name == "utf8" || name == "UTF-8") return Encoding::utf8;
  if (name == "windows-1251" || name == "cp1251" || name == "Windows-1251" || name == "CP1251") return Encoding::windows1251;
  return std::nullopt;
}

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::automatic: return "auto";
    case Encoding::utf8: return "UTF-8";
    case Encoding::windows1251: return "Windows-1251";
  }
  return "";
}

size_t valid_utf8_prefix(std::string_view s) {
  size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    unsigned min;
    unsigned cp;
    if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return n;
}

// Text files have no control characters but tab and line breaks (load/control_chars.h); a NUL means
// a binary file (an Excel workbook renamed to .csv, say). Also when decoding stopped at a bad byte: a
// control character in the text before it is the first problem.
static void reject_controls(std::string_view original, DecodeResult& r) {
  auto bad = find_forbidden_char(r.text);
  if (!bad) return;
  r.ok = false;
  r.binary = true;
  r.bad_char = bad->code;
  size_t len = 1;
  while (bad->offset + len < r.text.size() && (static_cast<unsigned char>(r.text[bad->offset + len]) & 0xC0) == 0x80) ++len;
  r.bad_bytes = hex_bytes(std::string_view(r.text).substr(bad->offset, len));
  r.text.resize(bad->offset);
  // Where the character is in the input: the same bytes in UTF-8; C0 controls and DEL are the same
  // bytes in every supported encoding.
  if (r.used == Encoding::utf8 && original.substr(0, bad->offset) == r.text) {
    r.bad_offset = bad->offset;
    return;
  }
  for (size_t k = 0; k < original.size(); ++k)
    if (static_cast<unsigned char>(original[k]) == bad->code && bad->code < 0x80) {
      r.bad_offset = k;
      break;
    }
}

DecodeResult decode_text(std::string_view bytes, Encoding requested) {
  if (requested != Encoding::windows1251 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    DecodeResult r = decode_utf16(bytes.substr(2), bytes[0] == '\xFF');
    reject_controls(r.text, r);
    if (r.binary) r.bad_offset = 0;  // no byte offset in the UTF-8 text maps to the input
    r.bad_offset += 2;
    return r;
  }
  bool bom = bytes.substr(0, kBom.size()) == kBom;
  if (bom) bytes.remove_prefix(kBom.size());
  size_t shift = bom ? kBom.size() : 0;
  DecodeResult r;
  if (requested == Encoding::windows1251) {
    r = decode_windows1251(bytes);
  } else if (requested == Encoding::utf8 || bom) {
    r = decode_utf8(bytes);
  } else {
    // Russian text in Windows-1251 is practically never valid UTF-8, so validity decides.
    r = decode_utf8(bytes);
    if (!r.ok) {
      std::string likely = likelier_cyrillic(bytes);
      if (!likely.empty()) {
        r.likely = likely;
        r.bad_offset = r.text.size();
      } else {
        r = decode_windows1251(bytes);
      }
    }
  }
  if (r.label.empty()) r.label = encoding_name(r.used);
  reject_controls(bytes, r);
  r.bad_offset += shift;
  return r;
}

}  // namespace sveden
