#include "load/yaml_tree.h"

#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "base/control_chars.h"
#include "russian/typography.h"

namespace sveden {
namespace {

// yaml-cpp counts columns in bytes; users count letters, and Cyrillic letters take two bytes.
TextPos to_pos(const SourceText& src, const YAML::Mark& m) {
  if (m.pos >= 0) return src.position(static_cast<size_t>(m.pos));
  return {m.line + 1, m.column + 1};
}

// Where in a double-quoted scalar starting at `start` the escape sequence that wrote `code` is; the
// scalar's start when none is found (the character was written some other way).
size_t escape_offset(const std::string& text, size_t start, char32_t code) {
  if (start >= text.size() || text[start] != '"') return start;
  auto hex = [&](size_t at, size_t n) -> long {
    if (at + n > text.size()) return -1;
    long v = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = text[at + k];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };
  for (size_t i = start + 1; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) continue;
    char e = text[i + 1];
    long v = -1;
    switch (e) {
      case '0': v = 0; break;
      case 'a': v = 7; break;
      case 'b': v = 8; break;
      case 'v': v = 0x0B; break;
      case 'f': v = 0x0C; break;
      case 'e': v = 0x1B; break;
      case 'N': v = 0x85; break;
      case 'x': v = hex(i + 2, 2); break;
      case 'u': v = hex(i + 2, 4); break;
      case 'U': v = hex(i + 2, 8); break;
      default: break;
    }
    if (v == static_cast<long>(code)) return i;
    ++i;  // past the escaped character («\\», «\"»)
  }
  return start;
}

struct LimitExceeded {
  TextPos pos;
  std::string message;
  std::string hint;
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const SourceText& src, Diagnostics& diag, YamlLimits limits) : src_(src), diag_(diag), limits_(limits) {}

  YamlNode result;
  bool have_result = false;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode n;
    n.pos = to_pos(src_, mark);
    add(std::move(n), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) return;
    count(it->second.nodes, to_pos(src_, mark));
    count_bytes(it->second.bytes, to_pos(src_, mark));
    YamlNode copy = it->second.node;
    copy.pos = to_pos(src_, mark);
    add(std::move(copy), 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
    YamlNode n;
    n.pos = to_pos(src_, mark);
    check_scalar(mark, value, n.pos);
    // yaml-cpp tags plain scalars "?" and quoted ones "!"; a plain ~/null/empty is a null.
    n.quoted = tag == "!";
    if (!n.quoted && (value == "~" || value == "null" || value == "Null" || value == "NULL")) {
      n.kind = YamlNode::Kind::null;
    } else {
      n.kind = YamlNode::Kind::scalar;
      n.value = value;
    }
    add(std::move(n), anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode node;
    YAML::anchor_t anchor = 0;
    size_t nodes_at_start = 0;
    size_t bytes_at_start = 0;
    bool has_pending_key = false;
    std::unordered_map<std::string, int> keys;  // scalar key → its line, for repeated keys
    YamlNode pending_key;
  };

  // The raw text was checked when decoded: a forbidden character here was written as an escape
  // («\x0b», «\e», «\0», «\uFFFE»). Values longer than a page's field are a broken file.
  void check_scalar(const YAML::Mark& mark, const std::string& value, TextPos pos) {
    if (value.size() > limits_.max_scalar_chars && utf8_length(value) > limits_.max_scalar_chars)
      throw LimitExceeded{pos, fmt::format("значение длиной {} — слишком длинное", count_noun(static_cast<long long>(utf8_length(value)), "знак", "знака", "знаков")),
                          fmt::format("в значении файла YAML не больше {}; длинный текст пишите на страницу content/*.md",
                                      count_noun(static_cast<long long>(limits_.max_scalar_chars), "знака", "знаков", "знаков"))};
    if (auto bad = find_forbidden_char(value)) {
      size_t at = mark.pos >= 0 ? escape_offset(src_.text(), static_cast<size_t>(mark.pos), bad->code) : 0;
      TextPos where = mark.pos >= 0 ? src_.position(at) : pos;
      diag_.add(Severity::error, src_, where, 1, forbidden_char_problem(bad->code),
                forbidden_char_hint(bad->code) + "; в YAML его не пишут и escape-последовательностью («\\x0b», «\\e», «\\0»)");
    }
    if (auto bidi = find_bidi_control(value)) diag_.add(Severity::warning, src_, pos, 1, bidi_control_problem(bidi->code), bidi_control_hint());
  }

  void count_bytes(size_t n, TextPos pos) {
    bytes_ += n;
    if (bytes_ > limits_.max_bytes)
      throw LimitExceeded{pos, fmt::format("файл слишком велик: больше {} текста (с учётом повторов через псевдонимы *)",
                                           count_noun(static_cast<long long>(limits_.max_bytes >> 20), "мегабайта", "мегабайт", "мегабайт")),
                          "уберите лишние псевдонимы (*имя) или разбейте данные на несколько файлов"};
  }

  void count(size_t n, TextPos pos) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes)
      throw LimitExceeded{pos, fmt::format("файл слишком велик: больше {} значений (с учётом повторов через псевдонимы *)", limits_.max_nodes),
                          "уберите лишние псевдонимы (*имя) или разбейте данные на несколько файлов"};
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth)
      throw LimitExceeded{to_pos(src_, mark), fmt::format("вложенность глубже {} уровней", limits_.max_depth),
                          "упростите структуру файла: так глубоко данные сайта не вкладываются"};
    count(1, to_pos(src_, mark));
    Frame f;
    f.node.kind = kind;
    f.node.pos = to_pos(src_, mark);
    f.anchor = anchor;
    f.nodes_at_start = nodes_;
    f.bytes_at_start = bytes_;
    stack_.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    size_t size = nodes_ - f.nodes_at_start + 1;
    if (f.anchor) anchors_[f.anchor] = {f.node, size, bytes_ - f.bytes_at_start};
    add_built(std::move(f.node));
  }

  void add(YamlNode n, YAML::anchor_t anchor) {
    if (anchor) {
      count(1, n.pos);
      count_bytes(n.value.size(), n.pos);
      anchors_[anchor] = {n, 1, n.value.size()};
    } else if (n.kind != YamlNode::Kind::map && n.kind != YamlNode::Kind::sequence) {
      count(1, n.pos);
      count_bytes(n.value.size(), n.pos);
    }
    add_built(std::move(n));
  }

  void add_built(YamlNode n) {
    if (stack_.empty()) {
      result = std::move(n);
      have_result = true;
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == YamlNode::Kind::sequence) {
      top.node.items.push_back(std::move(n));
    } else if (!top.has_pending_key) {
      top.pending_key = std::move(n);
      top.has_pending_key = true;
    } else {
      const YamlNode& key = top.pending_key;
      if (key.kind == YamlNode::Kind::scalar) {
        auto [first, fresh] = top.keys.emplace(key.value, key.pos.line);
        if (!fresh)
          diag_.add(Severity::error, src_, key.pos, static_cast<int>(utf8_length(key.value)),
                    fmt::format("ключ «{}» повторяется (впервые — в строке {})", key.value, first->second),
                    "оставьте ключ один раз: второе значение не заменяет первое, а путает");
      }
      top.node.entries.emplace_back(std::move(top.pending_key), std::move(n));
      top.has_pending_key = false;
    }
  }

  const SourceText& src_;
  Diagnostics& diag_;
  YamlLimits limits_;
  std::vector<Frame> stack_;
  struct Anchored {
    YamlNode node;
    size_t nodes = 0;  // values it stands for, itself included
    size_t bytes = 0;  // bytes of text in them
  };
  std::map<YAML::anchor_t, Anchored> anchors_;
  size_t nodes_ = 0;
  size_t bytes_ = 0;
};

// yaml-cpp speaks English: every message its scanner and parser raise (yaml-cpp/exceptions.h) has
// its Russian here; an unknown one still says in Russian what happened.
std::string russian_yaml_message(const std::string& msg) {
  static const std::pair<const char*, const char*> kKnown[] = {
      {"illegal map value", "недопустимое значение словаря (часто — двоеточие внутри значения без кавычек)"},
      {"end of map not found", "словарь не закрыт (проверьте отступы и фигурные скобки)"},
      {"end of sequence not found", "список не закрыт (проверьте отступы и квадратные скобки)"},
      {"end of map flow not found", "не найдена закрывающая фигурная скобка «}»"},
      {"end of sequence flow not found", "не найдена закрывающая квадратная скобка «]»"},
      {"unknown anchor", "псевдоним ссылается на неизвестную метку (&имя)"},
      {"the referenced anchor is not defined", "псевдоним ссылается на неизвестную метку (&имя)"},
      {"block sequence entries are not allowed in this context", "элемент списка «- » стоит там, где список не ожидается (проверьте отступ)"},
      {"unknown escape character", "неизвестная escape-последовательность после «\\» в строке в двойных кавычках"},
      {"end of string not found", "строка в кавычках не закрыта"},
      {"mapping values are not allowed in this context", "двоеточие здесь недопустимо (возьмите значение в кавычки)"},
      {"did not find expected key", "ожидался ключ (проверьте отступы)"},
      {"illegal tab when looking for indentation", "табуляция в отступе: отступы в YAML делаются только пробелами"},
      {"illegal block entry", "элемент списка «- » стоит не на своём месте (проверьте отступ)"},
      {"illegal map key", "ключ словаря стоит не на своём месте (проверьте отступ)"},
      {"illegal flow end", "лишняя закрывающая скобка «]» или «}»"},
      {"illegal EOF in scalar", "файл кончился внутри значения: не закрыта кавычка"},
      {"illegal document indicator in scalar", "строка «---» или «...» внутри значения в кавычках"},
      {"illegal character in scalar", "недопустимый знак в значении"},
      {"invalid character in single-quoted string", "недопустимый знак в строке в одинарных кавычках"},
      {"unexpected character in block scalar", "недопустимый знак в многострочном значении после «|» или «>»"},
      {"cannot set zero indentation for a block scalar", "у многострочного значения после «|» или «>» не может быть нулевого отступа"},
      {"alias not found after *", "после «*» нет имени метки"},
      {"anchor not found after &", "после «&» нет имени метки"},
      {"illegal character found while scanning alias", "недопустимый знак в имени метки после «*»"},
      {"illegal character found while scanning anchor", "недопустимый знак в имени метки после «&»"},
      {"cannot assign multiple", "у значения не может быть двух меток, тегов или псевдонимов"},
      {"aliases can't have any content", "у псевдонима «*имя» не может быть своего значения"},
      {"cannot assign the same alias to multiple nodes", "одна метка у двух значений"},
      {"bad character found while scanning hex number", "недопустимый знак в шестнадцатеричном коде после «\\x» или «\\u»"},
      {"invalid unicode", "недопустимый код символа Юникода"},
      {"unknown token", "непонятный знак"},
      {"YAML directives must have exactly one argument", "у директивы %YAML должен быть ровно один аргумент"},
      {"bad YAML version", "неизвестная версия YAML в директиве %YAML"},
      {"YAML major version too large", "слишком новая версия YAML в директиве %YAML"},
      {"repeated YAML directive", "директива %YAML повторяется"},
      {"TAG directives must have exactly two arguments", "у директивы %TAG должно быть ровно два аргумента"},
      {"repeated TAG directive", "директива %TAG повторяется"},
      {"illegal character found while scanning tag handle", "недопустимый знак в теге после «!»"},
      {"tag handle with no suffix", "тег без имени после «!»"},
      {"end of verbatim tag not found", "тег «!<…>» не закрыт"},
      {"unmatched group tag", "непарный тег"},
      {"unexpected end sequence token", "лишний конец списка"},
      {"unexpected end map token", "лишний конец словаря"},
      {"invalid anchor", "недопустимая метка"},
      {"invalid alias", "недопустимый псевдоним"},
      {"invalid tag", "недопустимый тег"},
  };
  for (const auto& [en, ru] : kKnown)
    if (msg.find(en) != std::string::npos) return ru;
  return "файл не читается как YAML";
}

size_t indentation(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// A key whose indentation matches no key above it («   name:» under «    position:»): yaml-cpp reports
// the map as not closed; the user needs to hear which key is shifted, on its own line.
bool misaligned_key(const SourceText& src, TextPos pos, Diagnostics& diag) {
  std::string_view line = src.line(pos.line);
  size_t indent = indentation(line);
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon <= indent || line[indent] == '-' || line[indent] == '#') return false;
  std::string_view key = line.substr(indent, colon - indent);
  if (key.find_first_of("\"'{}[],") != std::string_view::npos) return false;
  for (int l = pos.line - 1; l >= 1; --l) {
    std::string_view above = src.line(l);
    size_t a = indentation(above);
    if (a == above.size() || above[a] == '#') continue;
    if (a == indent) return false;  // aligned with the line above: something else is wrong
    auto spaces = [](size_t n) { return count_noun(static_cast<long long>(n), "пробел", "пробела", "пробелов"); };
    diag.add(Severity::error, src, TextPos{pos.line, static_cast<int>(indent) + 1}, static_cast<int>(utf8_length(key)),
             fmt::format("у ключа «{}» отступ {}, а у строки выше — {}: непонятно, к какому словарю он относится", key,
                         spaces(indent), spaces(a)),
             "выровняйте ключ по другим ключам того же словаря (отступ — только пробелами)");
    return true;
  }
  return false;
}

// The start of a second document («---» after the first one), which the site would not read.
class DocumentProbe : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> start;
  void OnDocumentStart(const YAML::Mark& mark) override { if (!start) start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

YamlNode::YamlNode() = default;

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.kind == Kind::scalar && k.value == key) return &v;
  return nullptr;
}

const char* yaml_kind_name(YamlNode::Kind kind) {
  switch (kind) {
    case YamlNode::Kind::null: return "пустое значение";
    case YamlNode::Kind::scalar: return "значение";
    case YamlNode::Kind::sequence: return "список";
    case YamlNode::Kind::map: return "словарь";
  }
  return "";
}

bool parse_yaml(const SourceText& src, YamlNode* out, Diagnostics& diag, YamlLimits limits) {
  std::istringstream in(src.text());
  TreeBuilder builder(src, diag, limits);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    DocumentProbe next;
    if (parser.HandleNextDocument(next)) {
      // The second document's first event is at the start of its content, after its «---» line.
      size_t marker = src.text().rfind("\n---", next.start && next.start->pos >= 0 ? static_cast<size_t>(next.start->pos) : std::string::npos);
      TextPos at = marker == std::string::npos ? (next.start ? to_pos(src, *next.start) : TextPos{1, 1}) : src.position(marker + 1);
      diag.add(Severity::error, src, at, 3, "второй документ YAML после строки «---» не читается: в файле читается только первый",
               "уберите строку «---» (и всё, что после неё, если это лишнее) или перенесите эти ключи в первый документ");
      return false;
    }
  } catch (const YAML::Exception& e) {
    TextPos pos = e.mark.is_null() ? TextPos{1, 1} : to_pos(src, e.mark);
    if (misaligned_key(src, pos, diag)) return false;
    diag.add(Severity::error, src, pos, 1, russian_yaml_message(e.msg),
             "проверьте отступы (только пробелы, не табуляция) и возьмите в кавычки значения с «:», «#», «{», «[»");
    return false;
  } catch (const LimitExceeded& e) {
    diag.add(Severity::error, src, e.pos, 1, e.message, e.hint);
    return false;
  }
  *out = builder.have_result ? std::move(builder.result) : YamlNode{};
  return true;
}

}  // namespace sveden
