#include "load/yaml_reader.h"

#include "base/control_chars.h"
#include "load/input_limits.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <unicode/unistr.h>

#include "load/text_encoding.h"
#include "russian/typography.h"

namespace sveden {
namespace {

size_t edit_distance(const icu::UnicodeString& a, const icu::UnicodeString& b) {
  std::vector<size_t> prev(static_cast<size_t>(b.length()) + 1), cur(prev.size());
  for (size_t j = 0; j < prev.size(); ++j) prev[j] = j;
  for (int32_t i = 1; i <= a.length(); ++i) {
    cur[0] = static_cast<size_t>(i);
    for (int32_t j = 1; j <= b.length(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev.back();
}

}  // namespace

std::string closest_word(std::string_view word, const std::vector<std::string>& candidates) {
  icu::UnicodeString w = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  w.foldCase();
  std::string best;
  size_t best_distance = std::max<size_t>(2, static_cast<size_t>(w.length()) / 3) + 1;
  for (const auto& c : candidates) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(c);
    u.foldCase();
    size_t d = edit_distance(w, u);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::optional<double> yaml_number(const YamlNode& n) {
  if (!n.is_scalar()) return std::nullopt;
  std::string v = n.value;
  std::replace(v.begin(), v.end(), ',', '.');
  double d = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
  return d;
}

YamlMapReader::YamlMapReader(const YamlNode& node, const SourceText& src, Diagnostics& diag, std::string where, bool root)
    : node_(node), src_(src), diag_(diag), where_(std::move(where)), root_(root) {
  if (!node.is_map()) {
    valid_ = false;
    error_at(node, fmt::format("{}: ожидался словарь «ключ: значение», а здесь {}", where_, yaml_kind_name(node.kind)),
             "запишите значения как «ключ: значение», каждое с новой строки с одинаковым отступом");
  }
}

void YamlMapReader::error_at(const YamlNode& n, std::string message, std::string hint) {
  TextPos pos = n.pos.line > 0 ? n.pos : TextPos{1, 1};
  int width = n.is_scalar() ? static_cast<int>(std::max<size_t>(1, utf8_length(n.value))) : 1;
  diag_.add(Severity::error, src_, pos, width, std::move(message), std::move(hint));
}

const YamlNode* YamlMapReader::node(std::string_view key, bool required) {
  asked_.emplace(key);
  if (!valid_) return nullptr;
  const YamlNode* n = node_.find(key);
  if (n && n->is_null() && required) n = nullptr;
  if (!n && required) missing_.emplace_back(key);
  return n && !n->is_null() ? n : nullptr;
}

bool YamlMapReader::expect_scalar(const YamlNode& n, std::string_view key) {
  if (n.is_scalar()) return true;
  error_at(n, fmt::format("«{}» должно быть одним значением, а здесь {}", key, yaml_kind_name(n.kind)),
           fmt::format("запишите «{}: значение» в одну строку", key));
  return false;
}

std::optional<std::string> YamlMapReader::text(std::string_view key, bool required) {
  const YamlNode* n = node(key, required);
  if (!n || !expect_scalar(*n, key)) return std::nullopt;
  return n->value;
}

std::optional<std::string> YamlMapReader::name(std::string_view key, bool required) {
  auto v = text(key, required);
  if (v && v->size() > kMaxNameChars && utf8_length(*v) > kMaxNameChars) {
    error_at(*node_.find(key), fmt::format("«{}»: наименование длиной {} — слишком длинное", key, count_noun(static_cast<long long>(utf8_length(*v)), "знак", "знака", "знаков")),
             fmt::format("в наименовании не больше {}: оно печатается в заголовке каждой страницы", count_noun(static_cast<long long>(kMaxNameChars), "знака", "знаков", "знаков")));
    return std::nullopt;
  }
  return v;
}

std::optional<long> YamlMapReader::integer(std::string_view key, bool required, long min, long max) {
  const YamlNode* n = node(key, required);
  if (!n || !expect_scalar(*n, key)) return std::nullopt;
  long v = 0;
  auto [p, ec] = std::from_chars(n->value.data(), n->value.data() + n->value.size(), v);
  if (ec != std::errc() || p != n->value.data() + n->value.size()) {
    error_at(*n, fmt::format("«{}»: «{}» — не целое число", key, n->value), "запишите целое число цифрами, например 10");
    return std::nullopt;
  }
  if (min < max && (v < min || v > max)) {
    error_at(*n, fmt::format("«{}»: {} — вне допустимого диапазона {}…{}", key, v, min, max),
             fmt::format("укажите число от {} до {}", min, max));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> YamlMapReader::boolean(std::string_view key) {
  const YamlNode* n = node(key);
  if (!n || !expect_scalar(*n, key)) return std::nullopt;
  const std::string& v = n->value;
  if (v == "true" || v == "yes" || v == "да") return true;
  if (v == "false" || v == "no" || v == "нет") return false;
  error_at(*n, fmt::format("«{}»: «{}» — ожидалось да или нет", key, v), "напишите true (да) или false (нет)");
  return std::nullopt;
}

std::optional<std::vector<std::string>> YamlMapReader::text_list(std::string_view key, bool required) {
  const YamlNode* n = node(key, required);
  if (!n) return std::nullopt;
  if (!n->is_sequence()) {
    error_at(*n, fmt::format("«{}» должно быть списком, а здесь {}", key, yaml_kind_name(n->kind)),
             fmt::format("запишите список в квадратных скобках: {}: [первое, второе]", key));
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : n->items) {
    if (!expect_scalar(item, key)) return std::nullopt;
    out.push_back(item.value);
  }
  return out;
}

const YamlNode* YamlMapReader::free_map(std::string_view key) {
  const YamlNode* n = node(key);
  if (n && !n->is_map()) {
    error_at(*n, fmt::format("«{}» должно быть словарём «ключ: значение», а здесь {}", key, yaml_kind_name(n->kind)),
             "запишите вложенные значения с отступом на следующих строках");
    return nullptr;
  }
  return n;
}

void YamlMapReader::finish() {
  if (!valid_) return;
  std::vector<std::string> known(asked_.begin(), asked_.end());
  std::set<std::string> explained;  // missing keys an unknown key evidently misspells
  for (const auto& [k, v] : node_.entries)
    if (k.is_scalar() && !asked_.count(k.value)) explained.insert(closest_word(k.value, known));
  for (const auto& key : missing_) {
    if (explained.count(key)) continue;
    std::string message = root_ ? fmt::format("нет обязательного ключа «{}»", key)
                                : fmt::format("{}: нет обязательного ключа «{}»", where_, key);
    std::string hint = fmt::format("добавьте строку «{}: …»{}", key, root_ ? " без отступа" : " на этом уровне отступа");
    // A missing key of the whole file is shown at its first key: a line to open the file at.
    error_at(node_, message, hint);
  }
  for (const auto& [k, v] : node_.entries) {
    if (!k.is_scalar()) continue;
    if (asked_.count(k.value)) continue;
    std::string guess = closest_word(k.value, known);
    std::string hint = guess.empty() ? fmt::format("допустимые ключи: {}", fmt::join(known, ", "))
                                     : fmt::format("возможно, имелось в виду «{}»; допустимые ключи: {}", guess, fmt::join(known, ", "));
    diag_.add(Severity::error, src_, k.pos, static_cast<int>(utf8_length(k.value)),
              fmt::format("{}: неизвестный ключ «{}»", where_, k.value), hint);
  }
}

void read_yaml_file(const Disk& disk, const std::string& prefix, const std::string& path, Diagnostics& diag,
                    const std::function<void(const SourceText&, const YamlNode&)>& fn) {
  if (!disk.is_file(path) && !disk.exists(path)) return;  // a folder or a link in its place is reported by read()
  std::string shown = display_path(prefix, path);
  auto text = disk.read(path);
  if (!text) {
    diag.add_file(Severity::error, shown, fmt::format("не удалось прочитать: {}", text.message()), "проверьте файл");
    return;
  }
  auto src = decode_yaml_file(shown, *text, diag);
  if (!src) return;
  YamlNode root;
  if (!parse_yaml(*src, &root, diag)) return;
  fn(*src, root);
}

std::optional<SourceText> decode_yaml_file(const std::string& shown, std::string_view bytes, Diagnostics& diag) {
  DecodeResult decoded = decode_text(bytes, Encoding::utf8);
  SourceText src(shown, decoded.text);
  if (decoded.ok) return src;
  if (decoded.binary)
    diag.add(Severity::error, src, decoded.text.size(), 1, forbidden_char_problem(decoded.bad_char), forbidden_char_hint(decoded.bad_char));
  else
    diag.add(Severity::error, src, decoded.text.size(), 1, fmt::format("байты {} не читаются в кодировке UTF-8", decoded.bad_bytes),
             "сохраните файл в кодировке UTF-8");
  return std::nullopt;
}

}  // namespace sveden
