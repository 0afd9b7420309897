#include "russian/typography.h"

#include <cctype>
#include <cmath>
#include <memory>

#include <fmt/compile.h>
#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>

#include "base/fixed_text.h"

namespace sveden {
namespace {

std::string group_thousands(std::string digits) {
  std::string out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += kNbsp;
    out += digits[static_cast<size_t>(i)];
  }
  return out;
}

}  // namespace

double round_shown(double value, int decimals) {
  // Half away from zero, as taught and expected in reports (45,25 → 45,3), not half to even; the
  // nudge absorbs binary representation (2,675 is stored as 2,67499…).
  // 10^decimals from a table: pow() was most of this function's time, and gives these same exact values.
  static constexpr double kPow10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  double scale = decimals >= 0 && decimals <= 9 ? kPow10[decimals] : std::pow(10.0, decimals);
  double rounded = std::round(std::fabs(value) * scale * (1 + 1e-12)) / scale;
  return value < 0 ? -rounded : rounded;
}

std::string format_number(double value, int decimals) {
  double rounded = std::fabs(round_shown(value, decimals));
  std::string s = fixed_text(rounded, decimals);
  bool negative = value < 0 && s.find_first_not_of("0.") != std::string::npos;
  size_t dot = s.find('.');
  std::string whole = s.substr(0, dot);
  std::string out = (negative ? "−" : "") + group_thousands(whole);
  if (dot != std::string::npos) out += "," + s.substr(dot + 1);
  return out;
}

std::string format_decimal(double value, int max_decimals) {
  std::string s = format_number(value, max_decimals);
  if (s.find(',') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == ',') s.pop_back();
  return s;
}

std::string format_count(long long value) { return format_number(static_cast<double>(value), 0); }

std::string format_figure(double value, int decimals, std::string_view unit) {
  return unit == "%" ? format_decimal(value, decimals) : format_number(value, decimals);
}

std::string bind_units(std::string_view text) {
  static const std::string_view kUnits[] = {"%", "‰", "°", "гг.", "г.", "чел.", "руб.", "тыс.", "млн"};
  std::string out;
  out.reserve(text.size() + 8);
  size_t copied = 0;  // text[copied, i) is yet to be copied
  for (size_t i = text.find(' ', 1); i != std::string_view::npos; i = text.find(' ', i + 1)) {
    if (text[i - 1] < '0' || text[i - 1] > '9') continue;
    std::string_view rest = text.substr(i + 1);
    bool unit = false;
    for (std::string_view u : kUnits) {
      if (rest.substr(0, u.size()) != u) continue;
      // «г.» and the like end there: «5 гостей» and «3 млнX» are not units.
      std::string_view after = rest.substr(u.size());
      bool letter_follows = !after.empty() && u.back() != '.' && u != "%" && u != "‰" && u != "°" &&
                            (static_cast<unsigned char>(after[0]) >= 0x80 || std::isalpha(static_cast<unsigned char>(after[0])));
      if (!letter_follows) unit = true;
      break;
    }
    if (!unit) continue;
    out.append(text.substr(copied, i - copied)).append(kNbsp);
    copied = i + 1;
  }
  return out.append(text.substr(copied));
}

std::string format_percent(double value, int decimals) {
  return format_figure(value, decimals, "%") + std::string(kNbsp) + "%";
}

std::string format_date(const Date& d) {
  static const char* kMonths[] = {"января", "февраля", "марта",    "апреля",  "мая",    "июня",
                                  "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
  if (d.month < 1 || d.month > 12) return d.iso();
  return fmt::format(FMT_COMPILE("{}{}{}{}{}{}г."), d.day, kNbsp, kMonths[d.month - 1], kNbsp, d.year, kNbsp);
}

namespace {

// `text` in lower case without ICU, when every character is ASCII, Cyrillic of Russian (U+0400–U+045F)
// or a sign with no case (U+0080–U+00BF, general punctuation U+2000–U+203F, «№»): what nearly every text
// of a page is. Otherwise false, and ICU lowers it (its «ru» rules give the same letters for these).
bool lower_plain(std::string_view text, std::string& out) {
  out.resize(text.size());
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      out[i++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    bool continues = i + 1 < n && (s[i + 1] & 0xC0) == 0x80;
    if (c == 0xD0 && continues) {  // U+0400–U+043F
      unsigned cp = 0x400 | (s[i + 1] & 0x3Fu);
      if (cp < 0x410) cp += 0x50;       // Ѐ–Џ, Ё → ѐ–џ, ё
      else if (cp < 0x430) cp += 0x20;  // А–Я → а–я
      out[i] = static_cast<char>(0xC0 | (cp >> 6));
      out[i + 1] = static_cast<char>(0x80 | (cp & 0x3F));
      i += 2;
    } else if (continues && (c == 0xC2 || (c == 0xD1 && s[i + 1] < 0xA0))) {  // no case; а–я, ё…
      out[i] = static_cast<char>(c);
      out[i + 1] = static_cast<char>(s[i + 1]);
      i += 2;
    } else if (c == 0xE2 && i + 2 < n && (s[i + 2] & 0xC0) == 0x80 &&
               (s[i + 1] == 0x80 || (s[i + 1] == 0x84 && s[i + 2] == 0x96))) {  // – — « » … ‰; №
      out.replace(i, 3, text.substr(i, 3));
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string lower_text(std::string_view text) {
  std::string out;
  if (lower_plain(text, out)) return out;
  out.clear();
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toLower(icu::Locale("ru"))
      .toUTF8String(out);
  return out;
}

std::string upper_first(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (s.isEmpty()) return {};
  int32_t first = s.moveIndex32(0, 1);
  icu::UnicodeString head(s, 0, first);
  std::string out;
  head.toUpper(icu::Locale("ru")).append(s, first, s.length() - first).toUTF8String(out);
  return out;
}

std::string quoted(std::string_view text) {
  std::string inner(text);
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"«", "„"}, {"»", "“"}})
    for (size_t p = inner.find(from); p != std::string::npos; p = inner.find(from, p + to.size()))
      inner.replace(p, from.size(), to);
  return "«" + inner + "»";
}

std::string parenthetical(std::string_view text) {
  std::string out = "(";
  int quotes = 0;  // inside «…» the text is quoted as written
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "«") == 0) ++quotes;
    if (text.compare(i, 2, "»") == 0 && quotes > 0) --quotes;
    char c = text[i];
    if (quotes == 0 && c == '(') {
      while (out.size() > 1 && out.back() == ' ') out.pop_back();
      if (out.size() > 1) out += ", ";
      continue;
    }
    if (quotes == 0 && c == ')') {
      if (i + 1 < text.size() && text[i + 1] == ' ') out += ',';  // «a (b) c» → «a, b, c»
      continue;
    }
    out += c;
  }
  return out + ")";
}

std::string and_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " и " : ", ") + items[i];
  return out;
}

std::string years_text(const std::vector<int>& years) {
  std::vector<std::string> items;
  for (int y : years) items.push_back(std::to_string(y));
  return and_list(items) + std::string(kNbsp) + (years.size() == 1 ? "г." : "гг.");
}

const std::string& plural(long long n, const std::string& one, const std::string& few, const std::string& many) {
  static const std::unique_ptr<icu::PluralRules> rules = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::PluralRules> r(icu::PluralRules::forLocale(icu::Locale("ru"), status));
    return U_SUCCESS(status) ? std::move(r) : nullptr;
  }();
  std::string keyword;
  if (rules) rules->select(static_cast<int32_t>(std::llabs(n) % 1000000)).toUTF8String(keyword);
  if (keyword == "one") return one;
  if (keyword == "few") return few;
  return many;
}

std::string count_noun(long long n, const std::string& one, const std::string& few, const std::string& many) {
  return format_count(n) + std::string(kNbsp) + plural(n, one, few, many);
}

namespace {

std::string join_counts(std::string schools, std::string branches, bool any_school, bool any_branch) {
  if (any_school && any_branch) return schools + " и" + std::string(kNbsp) + branches;  // «и» never ends a line
  return any_branch ? branches : schools;
}

}  // namespace

std::string count_schools(long long schools, long long branches) {
  return join_counts(count_noun(schools, "школа", "школы", "школ"), count_noun(branches, "филиал", "филиала", "филиалов"),
                     schools > 0, branches > 0);
}

std::string count_schools_dative(long long schools, long long branches) {
  return join_counts(count_noun(schools, "школе", "школам", "школам"), count_noun(branches, "филиалу", "филиалам", "филиалам"),
                     schools > 0, branches > 0);
}

std::string count_schools_out_of(long long schools, long long branches) {
  if (schools > 0 && branches > 0)
    return count_noun(schools + branches, "организации", "организаций", "организаций") + ": " + count_schools(schools, branches);
  return branches > 0 ? count_noun(branches, "филиала", "филиалов", "филиалов") : count_noun(schools, "школы", "школ", "школ");
}

}  // namespace sveden
