// The markup rules of МР Рособрнадзора v9 (§3.1, §5) and п. 4, 27 приказа 1493 as checks over a
// parsed page. Names are resolved by their parent, as the robot does: `fio` in a `teachingStaff`
// row is a child of that row, the same `fio` elsewhere is out of place.
#include "audit/markup_audit.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/compile.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "audit/stylesheet.h"
#include "russian/typography.h"

namespace sveden {

using namespace std::string_view_literals;  // «x == "a"sv» compares sizes first; libstdc++ 12 compares a std::string with a C string by memcmp
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

std::string ip(std::string_view name) { return fmt::format(FMT_COMPILE("itemprop=\"{}\""), name); }

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

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// Absence written out (МР v9, сноска 2; разъяснения Рособрнадзора): «отсутствует», «нет», «не
// предусмотрено», the field's own word, or a short phrase that ends so («Предписаний нет»,
// «Договоры отсутствуют», «Выплата стипендий не предусмотрена»). «0» is not among them: a budget
// of 0 roubles or 0 vacant places is information, not its absence.
bool written_absent(std::string_view text, const OpenField& field) {
  std::string t = lower(text);
  while (!t.empty() && t.back() == '.') t.pop_back();
  if (!field.absent.empty() && t == lower(field.absent)) return true;
  if (split_words(t).size() > 3) return false;
  for (std::string_view word : {"нет", "отсутствует", "отсутствуют", "не предусмотрено", "не предусмотрена", "не предусмотрены"})
    if (t == word || (ends_with(t, word) && t.size() > word.size() && t[t.size() - word.size() - 1] == ' ')) return true;
  return false;
}

// Whether a value says that the information is absent: in words, or «0» where a number is asked.
bool is_absence(std::string_view text, const OpenField& field) {
  std::string t = lower(text);
  while (!t.empty() && t.back() == '.') t.pop_back();
  return t == "0"sv || written_absent(text, field);
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
  if (href.substr(0, 2) == "//"sv || (colon != std::string_view::npos && colon < href.find('/'))) return "";
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

// Classes of CSS frameworks that hide an element (Bootstrap, Tailwind, Foundation, Bulma, UIkit,
// WordPress, Drupal).
const char* const kHidingClasses[] = {"hidden",          "d-none",       "invisible",          "hide",
                                      "is-hidden",       "uk-hidden",    "sr-only",            "visually-hidden",
                                      "visuallyhidden",  "screen-reader-text", "element-invisible"};

// A class that shows the element again from some screen width on: «d-none d-md-block», «hidden md:flex».
bool shown_at_some_width(std::string_view c) {
  static const std::string_view kBootstrap[] = {"d-sm-", "d-md-", "d-lg-", "d-xl-", "d-xxl-", "d-2xl-"};
  static const std::string_view kTailwind[] = {"sm:", "md:", "lg:", "xl:", "xxl:", "2xl:"};
  if (c.size() < 3 || (c[0] != 'd' && c.find(':') == std::string_view::npos)) return false;  // most classes
  for (size_t k = 0; k < std::size(kBootstrap); ++k) {
    std::string_view bootstrap = kBootstrap[k], tailwind = kTailwind[k];
    if (c.substr(0, bootstrap.size()) == bootstrap && c.substr(bootstrap.size()) != "none"sv) return true;
    if (c.substr(0, tailwind.size()) == tailwind) {
      std::string_view rest = c.substr(tailwind.size());
      if (rest == "block"sv || rest == "inline"sv || rest == "inline-block"sv || rest == "flex"sv || rest == "inline-flex"sv ||
          rest == "grid"sv || rest == "table"sv || rest == "table-row"sv || rest == "table-cell"sv || rest == "contents"sv ||
          rest == "visible"sv || rest == "not-sr-only"sv)
        return true;
    }
  }
  return false;
}

// Why an element is hidden from the visitor (or from assistive technology), "" when it is not.
// `css_hidden`: classes the page's stylesheets hide → why.
std::string own_hidden_reason(const HtmlDocument& page, int i, const std::map<std::string, std::string>& css_hidden) {
  const std::string& tag = page.nodes[static_cast<size_t>(i)].tag;
  if (tag == "template"sv || tag == "meta"sv || tag == "link"sv) return "<" + tag + ">";
  if (page.attr(i, "hidden")) return "атрибут hidden";
  if (const std::string* style = page.attr(i, "style")) {
    std::string css;
    for (char c : lower(*style))
      if (!is_space(c)) css += c;
    if (css.find("display:none") != std::string::npos) return "display:none";
    if (css.find("visibility:hidden") != std::string::npos) return "visibility:hidden";
  }
  if (const std::string* aria = page.attr(i, "aria-hidden"); aria && lower(*aria) == "true"sv) return "aria-hidden=\"true\"";
  if (const std::string* cls = page.attr(i, "class")) {
    std::vector<std::string> classes = split_words(*cls);
    if (std::any_of(classes.begin(), classes.end(), [](const std::string& c) { return shown_at_some_width(c); })) return "";
    for (const std::string& c : classes)
      if (std::find(std::begin(kHidingClasses), std::end(kHidingClasses), c) != std::end(kHidingClasses))
        return fmt::format(FMT_COMPILE("class=\"{}\""), c);
    for (const std::string& c : classes)
      if (auto it = css_hidden.find(c); it != css_hidden.end()) return fmt::format(FMT_COMPILE("class=\"{}\": {}"), c, it->second);
  }
  return "";
}

// The page's own <style> blocks for every screen: the classes they hide.
std::map<std::string, std::string> style_block_classes(const HtmlDocument& page) {
  std::string css;
  for (int s : page.elements("style")) {
    const std::string* media = page.attr(s, "media");
    if (media && lower(*media) != "all"sv && lower(*media).find("screen") == std::string::npos) continue;
    for (int c : page.nodes[static_cast<size_t>(s)].children) css += page.nodes[static_cast<size_t>(c)].text + "\n";
  }
  std::map<std::string, std::string> out;
  for (auto& [name, why] : hidden_classes(css)) out.emplace(name, why + " в <style> страницы");
  return out;
}

bool has_name(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

class Auditor {
 public:
  Auditor(const std::vector<MarkupPage>& pages, const OpenSubsection& sub, std::string_view title)
      : sub_(sub), title_(fmt::format(FMT_COMPILE("{}"), fmt::join(split_words(title.empty() ? sub.title : title), " "))) {
    for (const OpenField& f : sub.fields) {
      if (f.itemprop.empty()) continue;
      top_.emplace(f.itemprop, &f);
      for (const OpenField& c : f.children)
        if (!c.itemprop.empty()) rows_of_child_[c.itemprop].push_back(f.itemprop);
    }
    for (const MarkupPage& p : pages) {
      Page page;
      page.doc = p.doc;
      std::map<std::string, std::string> css = style_block_classes(*p.doc);
      css.insert(p.hidden_classes.begin(), p.hidden_classes.end());
      size_t n = p.doc->nodes.size();
      page.names.resize(n);
      page.marked_parent.assign(n, -1);
      page.hidden.resize(n);
      for (size_t i = 1; i < n; ++i) {  // parents come before children
        const HtmlNode& node = p.doc->nodes[i];
        if (node.type != HtmlNode::Type::element) continue;
        if (const std::string* names = p.doc->attr(static_cast<int>(i), "itemprop")) page.names[i] = split_words(*names);
        auto parent = static_cast<size_t>(node.parent);
        page.marked_parent[i] = page.names[parent].empty() ? page.marked_parent[parent] : static_cast<int>(parent);
        page.hidden[i] = own_hidden_reason(*p.doc, static_cast<int>(i), css);
        if (page.hidden[i].empty()) page.hidden[i] = page.hidden[parent];
      }
      pages_.push_back(std::move(page));
    }
  }

  std::vector<AuditFinding> run() {
    if (pages_.empty()) return {};
    for (at_ = 0; at_ < pages_.size(); ++at_) {
      if (at_ == 0) check_title();
      for (size_t i = 1; i < doc().nodes.size(); ++i)
        if (doc().nodes[i].type == HtmlNode::Type::element) check_element(static_cast<int>(i));
      check_file_links();
    }
    check_rows();
    for (const OpenField& f : sub_.fields) {
      if (f.itemprop.empty() || f.universities_only) continue;
      if (auto seen = values_.find(f.itemprop); seen != values_.end()) {
        if (!f.optional && seen->second.absent == seen->second.count) incomplete(f, seen->second.first, seen->second.word, false);
        continue;
      }
      if (std::any_of(rows_.begin(), rows_.end(), [&](const auto& r) { return r.second.field == &f; })) continue;
      at_ = 0;
      if (!f.optional) add(Severity::error, 0, f.itemprop, fmt::format(FMT_COMPILE("нет обязательного атрибута {}"), ip(f.itemprop)));
      else add(Severity::error, 0, f.itemprop, fmt::format(FMT_COMPILE("нет атрибута {}: если сведений нет, пишется «{}» с этой разметкой"),
                                                            ip(f.itemprop), f.absent.empty() ? "отсутствует" : f.absent));
    }
    // The subsection as a whole first, then page by page.
    std::stable_sort(findings_.begin(), findings_.end(), [](const AuditFinding& a, const AuditFinding& b) {
      return std::tuple(a.pos.line != 0, a.page, a.pos.line, a.pos.column) < std::tuple(b.pos.line != 0, b.page, b.pos.line, b.pos.column);
    });
    return std::move(findings_);
  }

 private:
  struct Page {
    const HtmlDocument* doc = nullptr;
    std::vector<std::vector<std::string>> names;  // per node: its itemprop names
    std::vector<int> marked_parent;               // per node: the nearest marked ancestor
    std::vector<std::string> hidden;              // per node: why it is hidden, "" if not
  };
  using Ref = std::pair<size_t, int>;  // a page and a node in it
  // What the marked values of a field (at the root, over all pages) say.
  struct Values {
    int count = 0, absent = 0;  // occurrences; of them written as absent
    Ref first;                  // the first occurrence
    std::string word;           // the absence word of the first
  };
  struct Row {
    const OpenField* field = nullptr;
    std::set<std::string> children;  // names of the children present
    bool all_absent = true;          // every child present written as absent
    std::string word;                // the first absence word in it
    std::vector<std::pair<const OpenField*, int>> missing;  // required children written «отсутствует», with their node
  };

  const HtmlDocument& doc() const { return *pages_[at_].doc; }
  const HtmlNode& node(int i) const { return doc().nodes[static_cast<size_t>(i)]; }
  const std::vector<std::string>& names(int i) const { return pages_[at_].names[static_cast<size_t>(i)]; }
  int marked_parent(int i) const { return pages_[at_].marked_parent[static_cast<size_t>(i)]; }
  const std::string& hidden(int i) const { return pages_[at_].hidden[static_cast<size_t>(i)]; }
  std::string first_name(int i) const { return names(i).empty() ? "" : names(i)[0]; }

  // `at` 0 is the page (or the subsection) as a whole.
  void add(Severity severity, int at, std::string itemprop, std::string message, bool incomplete = false) {
    findings_.push_back({severity, std::move(itemprop), std::move(message), at ? node(at).pos : TextPos{}, at_, incomplete});
  }

  void incomplete(const OpenField& f, Ref where, const std::string& word, bool row) {
    at_ = where.first;
    add(Severity::warning, where.second, f.itemprop,
        fmt::format(FMT_COMPILE("нет обязательных сведений «{}» ({}) в подразделе «{}»: {} «{}»"), f.label, ip(f.itemprop), sub_.title,
                    row ? "в таблице только строка" : "вместо них написано", word),
        true);
  }

  void check_title() {
    std::string want = fold_yo(title_);
    std::vector<int> h1 = doc().elements("h1");
    for (int h : h1)
      if (fold_yo(doc().text_content(h)) == want) return;
    for (int t : doc().elements("title"))
      if (title_names(fold_yo(doc().text_content(t)), want)) return;
    if (h1.empty()) add(Severity::error, 0, "", fmt::format(FMT_COMPILE("нет заголовка <h1> «{}»: заголовок страницы — официальное название подраздела"), title_));
    else add(Severity::error, h1[0], "", fmt::format(FMT_COMPILE("заголовок <h1> «{}» не совпадает с официальным названием подраздела «{}»"),
                                                     doc().text_content(h1[0]), title_));
  }

  void check_element(int i) {
    for (const char* a : {"itemscope", "itemtype"})
      if (doc().attr(i, a))
        add(Severity::error, i, first_name(i), fmt::format(FMT_COMPILE("атрибут {} не используется: робот АИС «Мониторинг» читает только itemprop"), a));
    const std::vector<std::string>& list = names(i);
    if (list.empty()) return;
    if (list.size() > 1)
      add(Severity::warning, i, list[0], fmt::format(FMT_COMPILE("несколько имён в одном itemprop (\"{}\"): робот может их не распознать"),
                                                     fmt::join(list, " ")));
    int parent = marked_parent(i);
    const std::string& why = hidden(i);
    if (!why.empty() && (parent < 0 || hidden(parent).empty()))
      add(Severity::error, i, list[0], fmt::format(FMT_COMPILE("разметка скрыта ({}): робот и посетитель видят разное"), why));
    for (const std::string& name : list) check_name(i, name, parent);
  }

  // Where the name may stand: at the root if it is a field of the subsection, inside its row if it
  // is a child; anything else is out of place or unknown. addRef (МР v9 §3.1) may stand anywhere.
  void check_name(int i, const std::string& name, int parent) {
    if (name == "addRef"sv) {
      const std::string* href = doc().attr(i, "href");
      if (node(i).tag != "a"sv)
        add(Severity::error, i, name, fmt::format(FMT_COMPILE("{} — ссылка на страницу подраздела: нужна <a href=\"…\">, а не <{}>"), ip(name), node(i).tag));
      else if (!href || split_words(*href).empty() || *href == "#"sv)
        add(Severity::error, i, name, fmt::format(FMT_COMPILE("у ссылки {} нет адреса (href)"), ip(name)));
      return;
    }
    auto top = top_.find(name);
    const OpenField* field = top == top_.end() ? nullptr : top->second;
    bool is_row = field && field->kind == OpenField::Kind::rows;
    if (parent < 0) {
      if (field) {
        if (is_row) {
          Row r;
          r.field = field;
          rows_.emplace(Ref{at_, i}, std::move(r));
        } else {
          Values& v = values_[name];
          std::string text = doc().text_content(i);
          if (v.count++ == 0) v.first = {at_, i}, v.word = text;
          if (written_absent(text, *field)) ++v.absent;
          check_value(i, *field);
        }
      } else if (auto rows = rows_of_child_.find(name); rows != rows_of_child_.end()) {
        add(Severity::error, i, name, fmt::format(FMT_COMPILE("{} вне строки itemprop=\"{}\""), ip(name), fmt::join(rows->second, "\" или itemprop=\"")));
      } else {
        add(Severity::warning, i, name, fmt::format(FMT_COMPILE("{} нет в словаре подраздела «{}»"), ip(name), sub_.title));
      }
      return;
    }
    std::string parent_name = first_name(parent);
    if (int grand = marked_parent(parent); grand >= 0) {
      add(Severity::error, i, name, fmt::format(FMT_COMPILE("{} вложен в {} внутри {}: вложенность глубже одного уровня робот не учитывает"),
                                                ip(name), ip(parent_name), ip(first_name(grand))));
      return;
    }
    const OpenField* row = nullptr;
    for (const std::string& p : names(parent))
      if (auto t = top_.find(p); t != top_.end() && t->second->kind == OpenField::Kind::rows) row = t->second, parent_name = p;
    if (row) {
      auto child = std::find_if(row->children.begin(), row->children.end(), [&](const OpenField& c) { return c.itemprop == name; });
      if (child != row->children.end()) {
        auto r = rows_.find(Ref{at_, parent});
        if (r != rows_.end()) {
          r->second.children.insert(name);
          std::string text = doc().text_content(i);
          bool absent = written_absent(text, *child);
          if (absent && r->second.word.empty()) r->second.word = text;
          r->second.all_absent = r->second.all_absent && absent;
          // «нет» in a cell can be the answer (no degree, no subjects for a psychologist); «отсутствует» is
          // the information missing.
          std::string t = lower(text);
          if (!child->optional && (t == "отсутствует"sv || t == "отсутствуют"sv)) r->second.missing.push_back({&*child, i});
        }
        check_value(i, *child);
      } else if (is_row) {
        add(Severity::error, i, name, fmt::format(FMT_COMPILE("строка {} вложена в строку {}: вложенность глубже одного уровня робот не учитывает"),
                                                  ip(name), ip(parent_name)));
      } else {
        add(Severity::warning, i, name, fmt::format(FMT_COMPILE("{} нет в словаре строки {}"), ip(name), ip(parent_name)));
      }
    } else if (is_row) {
      add(Severity::error, i, name, fmt::format(FMT_COMPILE("строка {} внутри {}: строка должна быть корневой, без размеченных предков"),
                                                ip(name), ip(parent_name)));
    } else if (auto rows = rows_of_child_.find(name); rows != rows_of_child_.end()) {
      add(Severity::error, i, name, fmt::format(FMT_COMPILE("{} вне строки itemprop=\"{}\""), ip(name), fmt::join(rows->second, "\" или itemprop=\"")));
    } else if (field) {
      add(Severity::error, i, name, fmt::format(FMT_COMPILE("{} внутри {}: робот сочтёт его дочерним, а не самостоятельным"), ip(name), ip(parent_name)));
    } else {
      add(Severity::warning, i, name, fmt::format(FMT_COMPILE("{} нет в словаре подраздела «{}»"), ip(name), sub_.title));
    }
  }

  void check_value(int i, const OpenField& f) {
    std::string text = doc().text_content(i);
    if (is_link(f) && !(f.or_text && node(i).tag != "a"sv)) {
      const std::string* href = doc().attr(i, "href");
      if (is_absence(text, f)) return;
      if (node(i).tag != "a"sv)
        add(Severity::error, i, f.itemprop, fmt::format(FMT_COMPILE("{} — ссылка на документ: нужна <a href=\"…\">, а не <{}>"), ip(f.itemprop), node(i).tag));
      else if (!href || split_words(*href).empty() || *href == "#"sv)
        add(Severity::error, i, f.itemprop, fmt::format(FMT_COMPILE("у ссылки {} нет адреса (href)"), ip(f.itemprop)));
      else if (text.empty())
        add(Severity::error, i, f.itemprop, fmt::format(FMT_COMPILE("пустой текст ссылки {}"), ip(f.itemprop)));
      return;
    }
    if (text.empty()) add(Severity::error, i, f.itemprop, fmt::format(FMT_COMPILE("пустое значение {}"), ip(f.itemprop)));
    else if (text.find_first_not_of("-—–") == std::string::npos)  // the bytes of hyphens and dashes only
      add(Severity::warning, i, f.itemprop, fmt::format(FMT_COMPILE("вместо значения {} прочерк: пишется «отсутствует», «нет» или «0»"), ip(f.itemprop)));
  }

  // Each root row: on a row tag, with every child of the vocabulary inside (or, when the entity is
  // absent, the absence word alone). A required table whose every row is the absence row is incomplete.
  void check_rows() {
    std::map<const OpenField*, std::pair<int, int>> tables;  // rows, absence rows
    std::map<const OpenField*, std::pair<Ref, std::string>> first;
    for (auto& [ref, r] : rows_) {
      at_ = ref.first;
      int i = ref.second;
      const OpenField* row = r.field;
      const std::string& tag = node(i).tag;
      if (tag == "table"sv || tag == "tbody"sv || tag == "thead"sv || tag == "tfoot"sv)
        add(Severity::error, i, row->itemprop, fmt::format(FMT_COMPILE("{} стоит на <{}>: нужна строка <tr> на каждую сущность"), ip(row->itemprop), tag));
      bool has_children = std::any_of(row->children.begin(), row->children.end(), [](const OpenField& c) { return !c.itemprop.empty(); });
      std::string text = doc().text_content(i);
      bool absence_row = r.children.empty() ? written_absent(text, *row) : r.all_absent;
      auto& counts = tables[row];
      ++counts.first;
      if (absence_row) ++counts.second;
      if (!first.count(row)) first[row] = {ref, r.children.empty() ? text : r.word};
      if (!has_children || (r.children.empty() && is_absence(text, *row))) {
        if (!has_children) check_value(i, *row);
        continue;
      }
      // A real row with a required cell written as absent: the entity is there, its information is not.
      if (!absence_row)
        for (const auto& [c, n] : r.missing)
          add(Severity::warning, n, c->itemprop,
              fmt::format(FMT_COMPILE("нет обязательных сведений «{}» ({}) в строке {} подраздела «{}»: вместо них написано «{}»"), c->label,
                          ip(c->itemprop), ip(row->itemprop), sub_.title, doc().text_content(n)),
              true);
      for (const OpenField& c : row->children) {
        if (c.itemprop.empty() || r.children.count(c.itemprop)) continue;
        if (!c.optional)
          add(Severity::error, i, c.itemprop, fmt::format(FMT_COMPILE("в строке {} нет обязательного {}"), ip(row->itemprop), ip(c.itemprop)));
        else
          add(Severity::warning, i, c.itemprop, fmt::format(FMT_COMPILE("в строке {} нет {}: если сведений нет, пишется «{}» с этой разметкой"),
                                                            ip(row->itemprop), ip(c.itemprop), c.absent.empty() ? "отсутствует" : c.absent));
      }
    }
    for (const auto& [row, counts] : tables)
      if (!row->optional && !row->universities_only && counts.first == counts.second)
        incomplete(*row, first[row].first, first[row].second, true);
  }

  // п. 4 приказа 1493: a link to a file says what it is and its format («Устав (PDF)»).
  void check_file_links() {
    for (int a : doc().elements("a")) {
      const std::string* href = doc().attr(a, "href");
      std::string format = href ? local_file_format(*href) : "";
      std::string text = doc().text_content(a);
      if (!format.empty() && !text.empty() && !mentions_format(text))
        add(Severity::warning, a, first_name(a), fmt::format(FMT_COMPILE("в тексте ссылки не указан формат файла ({})"), ascii_upper(format)));
    }
  }

  const OpenSubsection& sub_;
  std::string title_;
  std::vector<Page> pages_;
  size_t at_ = 0;                                                 // the page being read
  std::map<std::string, const OpenField*> top_;                   // the subsection's fields by name
  std::map<std::string, std::vector<std::string>> rows_of_child_;  // a child name → the rows it belongs to
  std::map<std::string, Values> values_;                          // root fields that are not rows, by name
  std::map<Ref, Row> rows_;                                       // root row elements, in page and document order
  std::vector<AuditFinding> findings_;
};

}  // namespace

std::vector<AuditFinding> audit_markup(const std::vector<MarkupPage>& pages, const OpenSubsection& subsection,
                                       std::string_view expected_title) {
  return Auditor(pages, subsection, expected_title).run();
}

std::vector<AuditFinding> audit_markup(const HtmlDocument& page, const OpenSubsection& subsection, std::string_view expected_title) {
  return audit_markup(std::vector<MarkupPage>{{&page, {}}}, subsection, expected_title);
}

std::vector<int> add_refs(const HtmlDocument& page) {
  std::vector<int> out;
  for (int a : page.elements("a"))
    if (const std::string* names = page.attr(a, "itemprop"); names && has_name(split_words(*names), "addRef") && page.attr(a, "href"))
      out.push_back(a);
  return out;
}

std::string format_finding(const AuditFinding& f) {
  const char* kind = f.severity == Severity::error ? "ошибка" : "предупреждение";
  if (f.pos.line == 0) return fmt::format(FMT_COMPILE("{}: {}"), kind, f.message);
  return fmt::format(FMT_COMPILE("{}:{}: {}: {}"), f.pos.line, f.pos.column, kind, f.message);
}

}  // namespace sveden
