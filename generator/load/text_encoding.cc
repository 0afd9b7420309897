#include "load/text_encoding.h"

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

// Text files have no control characters but tab and line breaks; a NUL or the like means a binary
// file (an Excel workbook renamed to .csv, say). Also when decoding stopped at a bad byte: a control
// character in the text before it is the first problem.
static void reject_controls(std::string_view original, DecodeResult& r) {
  for (size_t i = 0; i < r.text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(r.text[i]);
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') continue;
    r.ok = false;
    r.binary = true;
    r.bad_bytes = hex_bytes(r.text.substr(i, 1));
    r.text.resize(i);
    // Control bytes are the same in every supported encoding: find the first one in the input.
    for (size_t k = 0; k < original.size(); ++k) {
      unsigned char o = static_cast<unsigned char>(original[k]);
      if (o < 0x20 && o != '\t' && o != '\n' && o != '\r') {
        r.bad_offset = k;
        break;
      }
    }
    return;
  }
}

DecodeResult decode_text(std::string_view bytes, Encoding requested) {
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
    if (!r.ok) r = decode_windows1251(bytes);
  }
  reject_controls(bytes, r);
  r.bad_offset += shift;
  return r;
}

}  // namespace sveden
