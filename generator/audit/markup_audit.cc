// The markup rules of МР Рособрнадзора v9 (§3.1, §5) and п. 4, 27 приказа 1493 as checks over a
// parsed page. Names are resolved by their parent, as the robot does: `fio` in a `teachingStaff`
// row is a child of that row, the same `fio` elsewhere is out of place.
#include "audit/markup_audit.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "russian/typography.h"

namespace sveden {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) words.emplace_back(s.substr(start, i - start));
  }
  return words;
}

std::string lower(std::string_view s) { return lower_text(s); }

std::string ascii_upper(std::string s) {
  for (char& c : s) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  return s;
}

std::string ip(std::string_view name) { return fmt::format("itemprop=\"{}\"", name); }

// Titles compare with ё and е taken as one letter: official titles write «приема».
std::string fold_yo(std::string s) {
  for (size_t i = 0; i + 1 < s.size(); ++i)
    if (s[i] == '\xD1' && s[i + 1] == '\x91') s[i] = '\xD0', s[i + 1] = '\xB5';       // ё → е
    else if (s[i] == '\xD0' && s[i + 1] == '\x81') s[i] = '\xD0', s[i + 1] = '\x95';  // Ё → Е
  return s;
}

// `<title>` often adds the site's name: «Основные сведения | Школа № 1» or the other way round.
bool title_names(const std::string& title, const std::string& want) {
  auto separated = [](std::string_view rest) {
    return rest.empty() || (rest.size() > 1 && rest[0] == ' ' && !is_ascii_alnum(rest[1]) &&
                            rest[1] != '\xD0' && rest[1] != '\xD1');  // not a Latin or Cyrillic letter
  };
  if (title.size() < want.size()) return false;
  if (title.compare(0, want.size(), want) == 0 && separated(std::string_view(title).substr(want.size()))) return true;
  std::string before = title.substr(0, title.size() - want.size());
  std::reverse(before.begin(), before.end());
  return title.compare(title.size() - want.size(), want.size(), want) == 0 && separated(before);
}

bool is_absence(std::string_view text, const OpenField& field) {
  std::string t = lower(text);
  while (!t.empty() && t.back() == '.') t.pop_back();
  return t == "отсутствует" || t == "нет" || t == "не предусмотрено" || t == "0" ||
         (!field.absent.empty() && t == lower(field.absent));
}

bool is_link(const OpenField& f) {
  return f.kind == OpenField::Kind::link || f.kind == OpenField::Kind::links || f.kind == OpenField::Kind::document;
}

const char* const kFormats[] = {"pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "odp", "rtf", "ppt", "pptx",
                                "txt", "csv", "zip", "rar", "7z", "sig", "djvu", "jpg", "jpeg", "png"};

// The extension of a file on this site the link leads to (lower case), "" for pages and other sites.
std::string local_file_format(std::string_view href) {
  href = href.substr(0, href.find_first_of("?#"));
  size_t colon = href.find(':');
  if (href.substr(0, 2) == "//" || (colon != std::string_view::npos && colon < href.find('/'))) return "";
  std::string_view file = href.substr(href.rfind('/') + 1);
  size_t dot = file.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string ext = lower(file.substr(dot + 1));
  return std::find(std::begin(kFormats), std::end(kFormats), ext) != std::end(kFormats) ? ext : "";
}

bool mentions_format(std::string_view text) {
  std::string t = lower(text);
  for (std::string_view f : kFormats)
    for (size_t at = t.find(f); at != std::string::npos; at = t.find(f, at + 1))
      if ((at == 0 || !is_ascii_alnum(t[at - 1])) && (at + f.size() == t.size() || !is_ascii_alnum(t[at + f.size()])))
        return true;
  return false;
}

// Why an element is hidden from the visitor (or from assistive technology), "" when it is not.
std::string own_hidden_reason(const HtmlDocument& page, int i) {
  const std::string& tag = page.nodes[static_cast<size_t>(i)].tag;
  if (tag == "template" || tag == "meta" || tag == "link") return "<" + tag + ">";
  if (page.attr(i, "hidden")) return "атрибут hidden";
  if (const std::string* style = page.attr(i, "style")) {
    std::string css;
    for (char c : lower(*style))
      if (!is_space(c)) css += c;
    if (css.find("display:none") != std::string::npos) return "display:none";
    if (css.find("visibility:hidden") != std::string::npos) return "visibility:hidden";
  }
  if (const std::string* aria = page.attr(i, "aria-hidden"); aria && lower(*aria) == "true") return "aria-hidden=\"true\"";
  if (const std::string* cls = page.attr(i, "class"))
    for (const std::string& c : split_words(*cls))
      if (c == "hidden" || c == "sr-only" || c == "visually-hidden" || c == "visuallyhidden" || c == "screen-reader-text")
        return fmt::format("class=\"{}\"", c);
  return "";
}

class Auditor {
 public:
  Auditor(const HtmlDocument& page, const OpenSubsection& sub, std::string_view title)
      : page_(page), sub_(sub), title_(fmt::format("{}", fmt::join(split_words(title.empty() ? sub.title : title), " "))) {
    for (const OpenField& f : sub.fields) {
      if (f.itemprop.empty()) continue;
      top_.emplace(f.itemprop, &f);
      for (const OpenField& c : f.children)
        if (!c.itemprop.empty()) rows_of_child_[c.itemprop].push_back(f.itemprop);
    }
    size_t n = page.nodes.size();
    names_.resize(n);
    marked_parent_.assign(n, -1);
    hidden_.resize(n);
    for (size_t i = 1; i < n; ++i) {  // parents come before children
      const HtmlNode& node = page.nodes[i];
      if (node.type != HtmlNode::Type::element) continue;
      if (const std::string* names = page.attr(static_cast<int>(i), "itemprop")) names_[i] = split_words(*names);
      auto p = static_cast<size_t>(node.parent);
      marked_parent_[i] = names_[p].empty() ? marked_parent_[p] : static_cast<int>(p);
      hidden_[i] = own_hidden_reason(page, static_cast<int>(i));
      if (hidden_[i].empty()) hidden_[i] = hidden_[p];
    }
  }

  std::vector<AuditFinding> run() {
    check_title();
    for (size_t i = 1; i < page_.nodes.size(); ++i)
      if (page_.nodes[i].type == HtmlNode::Type::element) check_element(static_cast<int>(i));
    check_rows();
    check_file_links();
    for (const OpenField& f : sub_.fields) {
      if (f.itemprop.empty() || root_count_[f.itemprop] > 0) continue;
      if (!f.optional) add(Severity::error, 0, f.itemprop, fmt::format("нет обязательного атрибута {}", ip(f.itemprop)));
      else add(Severity::error, 0, f.itemprop, fmt::format("нет атрибута {}: если сведений нет, пишется «{}» с этой разметкой",
                                                            ip(f.itemprop), f.absent.empty() ? "отсутствует" : f.absent));
    }
    std::stable_sort(findings_.begin(), findings_.end(), [](const AuditFinding& a, const AuditFinding& b) {
      return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
    });
    return std::move(findings_);
  }

 private:
  const HtmlNode& node(int i) const { return page_.nodes[static_cast<size_t>(i)]; }
  std::string first_name(int i) const { return names_[static_cast<size_t>(i)].empty() ? "" : names_[static_cast<size_t>(i)][0]; }

  // `at` 0 is the page as a whole.
  void add(Severity severity, int at, std::string itemprop, std::string message) {
    findings_.push_back({severity, std::move(itemprop), std::move(message), at ? node(at).pos : TextPos{}});
  }

  void check_title() {
    std::string want = fold_yo(title_);
    std::vector<int> h1 = page_.elements("h1");
    for (int h : h1)
      if (fold_yo(page_.text_content(h)) == want) return;
    for (int t : page_.elements("title"))
      if (title_names(fold_yo(page_.text_content(t)), want)) return;
    if (h1.empty()) add(Severity::error, 0, "", fmt::format("нет заголовка <h1> «{}»: заголовок страницы — официальное название подраздела", title_));
    else add(Severity::error, h1[0], "", fmt::format("заголовок <h1> «{}» не совпадает с официальным названием подраздела «{}»",
                                                     page_.text_content(h1[0]), title_));
  }

  void check_element(int i) {
    for (const char* a : {"itemscope", "itemtype"})
      if (page_.attr(i, a))
        add(Severity::error, i, first_name(i), fmt::format("атрибут {} не используется: робот АИС «Мониторинг» читает только itemprop", a));
    const std::vector<std::string>& names = names_[static_cast<size_t>(i)];
    if (names.empty()) return;
    if (names.size() > 1)
      add(Severity::warning, i, names[0], fmt::format("несколько имён в одном itemprop (\"{}\"): робот может их не распознать",
                                                      fmt::join(names, " ")));
    int parent = marked_parent_[static_cast<size_t>(i)];
    const std::string& hidden = hidden_[static_cast<size_t>(i)];
    if (!hidden.empty() && (parent < 0 || hidden_[static_cast<size_t>(parent)].empty()))
      add(Severity::error, i, names[0], fmt::format("разметка скрыта ({}): робот и посетитель видят разное", hidden));
    for (const std::string& name : names) check_name(i, name, parent);
  }

  // Where the name may stand: at the root if it is a field of the subsection, inside its row if it
  // is a child; anything else is out of place or unknown.
  void check_name(int i, const std::string& name, int parent) {
    auto top = top_.find(name);
    const OpenField* field = top == top_.end() ? nullptr : top->second;
    bool is_row = field && field->kind == OpenField::Kind::rows;
    if (parent < 0) {
      if (field) {
        ++root_count_[name];
        if (is_row) rows_.emplace_back(i, field);
        else check_value(i, *field);
      } else if (auto rows = rows_of_child_.find(name); rows != rows_of_child_.end()) {
        add(Severity::error, i, name, fmt::format("{} вне строки itemprop=\"{}\"", ip(name), fmt::join(rows->second, "\" или itemprop=\"")));
      } else {
        add(Severity::warning, i, name, fmt::format("{} нет в словаре подраздела «{}»", ip(name), sub_.title));
      }
      return;
    }
    std::string parent_name = first_name(parent);
    if (int grand = marked_parent_[static_cast<size_t>(parent)]; grand >= 0) {
      add(Severity::error, i, name, fmt::format("{} вложен в {} внутри {}: вложенность глубже одного уровня робот не учитывает",
                                                ip(name), ip(parent_name), ip(first_name(grand))));
      return;
    }
    const OpenField* row = nullptr;
    for (const std::string& p : names_[static_cast<size_t>(parent)])
      if (auto t = top_.find(p); t != top_.end() && t->second->kind == OpenField::Kind::rows) row = t->second, parent_name = p;
    if (row) {
      auto child = std::find_if(row->children.begin(), row->children.end(), [&](const OpenField& c) { return c.itemprop == name; });
      if (child != row->children.end()) {
        row_children_[parent].insert(name);
        check_value(i, *child);
      } else if (is_row) {
        add(Severity::error, i, name, fmt::format("строка {} вложена в строку {}: вложенность глубже одного уровня робот не учитывает",
                                                  ip(name), ip(parent_name)));
      } else {
        add(Severity::warning, i, name, fmt::format("{} нет в словаре строки {}", ip(name), ip(parent_name)));
      }
    } else if (is_row) {
      add(Severity::error, i, name, fmt::format("строка {} внутри {}: строка должна быть корневой, без размеченных предков",
                                                ip(name), ip(parent_name)));
    } else if (auto rows = rows_of_child_.find(name); rows != rows_of_child_.end()) {
      add(Severity::error, i, name, fmt::format("{} вне строки itemprop=\"{}\"", ip(name), fmt::join(rows->second, "\" или itemprop=\"")));
    } else if (field) {
      add(Severity::error, i, name, fmt::format("{} внутри {}: робот сочтёт его дочерним, а не самостоятельным", ip(name), ip(parent_name)));
    } else {
      add(Severity::warning, i, name, fmt::format("{} нет в словаре подраздела «{}»", ip(name), sub_.title));
    }
  }

  void check_value(int i, const OpenField& f) {
    std::string text = page_.text_content(i);
    if (is_link(f)) {
      const std::string* href = page_.attr(i, "href");
      if (is_absence(text, f)) return;
      if (node(i).tag != "a")
        add(Severity::error, i, f.itemprop, fmt::format("{} — ссылка на документ: нужна <a href=\"…\">, а не <{}>", ip(f.itemprop), node(i).tag));
      else if (!href || split_words(*href).empty() || *href == "#")
        add(Severity::error, i, f.itemprop, fmt::format("у ссылки {} нет адреса (href)", ip(f.itemprop)));
      else if (text.empty())
        add(Severity::error, i, f.itemprop, fmt::format("пустой текст ссылки {}", ip(f.itemprop)));
      return;
    }
    if (text.empty()) add(Severity::error, i, f.itemprop, fmt::format("пустое значение {}", ip(f.itemprop)));
    else if (text.find_first_not_of("-—–") == std::string::npos)  // the bytes of hyphens and dashes only
      add(Severity::warning, i, f.itemprop, fmt::format("вместо значения {} прочерк: пишется «отсутствует», «нет» или «0»", ip(f.itemprop)));
  }

  // Each root row: on a row tag, with every child of the vocabulary inside (or, when the entity is
  // absent, the absence word alone).
  void check_rows() {
    for (auto [i, row] : rows_) {
      const std::string& tag = node(i).tag;
      if (tag == "table" || tag == "tbody" || tag == "thead" || tag == "tfoot")
        add(Severity::error, i, row->itemprop, fmt::format("{} стоит на <{}>: нужна строка <tr> на каждую сущность", ip(row->itemprop), tag));
      bool has_children = std::any_of(row->children.begin(), row->children.end(), [](const OpenField& c) { return !c.itemprop.empty(); });
      const std::set<std::string>& present = row_children_[i];
      if (!has_children || (present.empty() && is_absence(page_.text_content(i), *row))) {
        if (!has_children) check_value(i, *row);
        continue;
      }
      for (const OpenField& c : row->children) {
        if (c.itemprop.empty() || present.count(c.itemprop)) continue;
        if (!c.optional)
          add(Severity::error, i, c.itemprop, fmt::format("в строке {} нет обязательного {}", ip(row->itemprop), ip(c.itemprop)));
        else
          add(Severity::warning, i, c.itemprop, fmt::format("в строке {} нет {}: если сведений нет, пишется «{}» с этой разметкой",
                                                            ip(row->itemprop), ip(c.itemprop), c.absent.empty() ? "отсутствует" : c.absent));
      }
    }
  }

  // п. 4 приказа 1493: a link to a file says what it is and its format («Устав (PDF)»).
  void check_file_links() {
    for (int a : page_.elements("a")) {
      const std::string* href = page_.attr(a, "href");
      std::string format = href ? local_file_format(*href) : "";
      std::string text = page_.text_content(a);
      if (!format.empty() && !text.empty() && !mentions_format(text))
        add(Severity::warning, a, first_name(a), fmt::format("в тексте ссылки не указан формат файла ({})", ascii_upper(format)));
    }
  }

  const HtmlDocument& page_;
  const OpenSubsection& sub_;
  std::string title_;
  std::map<std::string, const OpenField*> top_;                   // the subsection's fields by name
  std::map<std::string, std::vector<std::string>> rows_of_child_;  // a child name → the rows it belongs to
  std::vector<std::vector<std::string>> names_;                   // per node: its itemprop names
  std::vector<int> marked_parent_;                                // per node: the nearest marked ancestor
  std::vector<std::string> hidden_;                               // per node: why it is hidden, "" if not
  std::map<std::string, int> root_count_;
  std::vector<std::pair<int, const OpenField*>> rows_;            // root row elements
  std::map<int, std::set<std::string>> row_children_;
  std::vector<AuditFinding> findings_;
};

}  // namespace

std::vector<AuditFinding> audit_markup(const HtmlDocument& page, const OpenSubsection& subsection, std::string_view expected_title) {
  return Auditor(page, subsection, expected_title).run();
}

std::string format_finding(const AuditFinding& f) {
  const char* kind = f.severity == Severity::error ? "ошибка" : "предупреждение";
  if (f.pos.line == 0) return fmt::format("{}: {}", kind, f.message);
  return fmt::format("{}:{}: {}: {}", f.pos.line, f.pos.column, kind, f.message);
}

}  // namespace sveden
