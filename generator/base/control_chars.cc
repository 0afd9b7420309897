#include "base/control_chars.h"

#include <fmt/format.h>

namespace sveden {

bool is_forbidden_char(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
  if (c >= 0x7F && c <= 0x9F) return true;
  if (c >= 0xD800 && c <= 0xDFFF) return true;
  if (c >= 0xFDD0 && c <= 0xFDEF) return true;
  return (c & 0xFFFE) == 0xFFFE;  // U+FFFE, U+FFFF and the same at the end of every plane
}

bool is_bidi_control(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }

namespace {

// Decodes the code point at `i` of valid UTF-8 (a lone surrogate's three bytes included) and moves `i` past it.
char32_t next_code(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<size_t>(len);
  return cp;
}

template <typename Pred>
std::optional<CharAt> find_char(std::string_view text, Pred pred) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    // Fast path: printable ASCII is never reported.
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    size_t at = i;
    char32_t cp = next_code(text, i);
    if (pred(cp)) return CharAt{at, cp};
  }
  return std::nullopt;
}

}  // namespace

std::optional<CharAt> find_forbidden_char(std::string_view text) { return find_char(text, is_forbidden_char); }
std::optional<CharAt> find_bidi_control(std::string_view text) { return find_char(text, is_bidi_control); }

std::string describe_char(char32_t c) {
  const char* name = nullptr;
  switch (c) {
    case 0x00: name = "нулевой байт"; break;
    case 0x07: name = "звуковой сигнал"; break;
    case 0x08: name = "возврат на шаг"; break;
    case 0x0B: name = "вертикальная табуляция"; break;
    case 0x0C: name = "перевод страницы"; break;
    case 0x1B: name = "escape"; break;
    case 0x7F: name = "удаление"; break;
    case 0x85: name = "следующая строка"; break;
    case 0x202A: name = "встраивание слева направо"; break;
    case 0x202B: name = "встраивание справа налево"; break;
    case 0x202C: name = "конец встраивания"; break;
    case 0x202D: name = "замена направления слева направо"; break;
    case 0x202E: name = "замена направления справа налево"; break;
    case 0x2066: case 0x2067: case 0x2068: name = "изоляция направления"; break;
    case 0x2069: name = "конец изоляции"; break;
    default: break;
  }
  std::string code = fmt::format("U+{:04X}", static_cast<uint32_t>(c));
  const char* kind = is_bidi_control(c)                     ? "знак направления текста"
                     : (c >= 0xD800 && c <= 0xDFFF)         ? "непарный суррогат"
                     : (c >= 0xFDD0 && ((c & 0xFFFE) == 0xFFFE || c <= 0xFDEF)) ? "несимвол Юникода"
                                                                                 : "управляющий символ";
  return name ? fmt::format("{} {} ({})", kind, code, name) : fmt::format("{} {}", kind, code);
}

std::string forbidden_char_problem(char32_t c) {
  return fmt::format("{}: в тексте он не виден, а XML страниц и ленты с ним не читается", describe_char(c));
}

std::string forbidden_char_hint(char32_t c) {
  if (c == 0) return "удалите его; если это книга Excel или другой двоичный файл, переименованный в текстовый, сохраните данные заново как текст UTF-8";
  return "удалите этот знак (в редакторе он может выглядеть как пробел, квадратик или не виден вовсе)";
}

std::string visible_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size();) {
    size_t at = i;
    char32_t cp = next_code(line, i);
    if (is_bidi_control(cp) || (is_forbidden_char(cp) && cp != '\t')) out += "\xEF\xBF\xBD";  // U+FFFD, one letter wide
    else out.append(line.substr(at, i - at));
  }
  return out;
}

std::string bidi_control_problem(char32_t c) {
  return fmt::format("{}: на странице текст покажется не в том порядке, в каком записан", describe_char(c));
}

std::string bidi_control_hint() { return "удалите этот невидимый знак, если он попал в текст случайно"; }

}  // namespace sveden
