#include "load/content_loader.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

#include "base/control_chars.h"
#include "load/markdown_images.h"
#include "load/openness_vocabulary.h"
#include "load/text_encoding.h"
#include "load/yaml_reader.h"
#include "load/yaml_tree.h"
#include "model/openness.h"

namespace sveden {
namespace {

struct FrontMatter {
  std::string title, description;
  int order = 0;
  std::optional<Date> date;
  const YamlNode* date_node = nullptr;
};

bool is_page_slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Splits «---\n…\n---\n» off the text; the front matter keeps its line numbers.
bool split_front_matter(const std::string& text, std::string* yaml, std::string* body) {
  if (text.rfind("---\n", 0) != 0 && text.rfind("---\r\n", 0) != 0) {
    *body = text;
    return false;
  }
  size_t first_end = text.find('\n') + 1;
  size_t pos = first_end;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    std::string_view line(text.data() + pos, (eol == std::string::npos ? text.size() : eol) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---") {
      *yaml = "\n" + text.substr(first_end, pos - first_end);
      *body = eol == std::string::npos ? "" : text.substr(eol + 1);
      return true;
    }
    if (eol == std::string::npos) break;
    pos = eol + 1;
  }
  *body = text;
  return false;
}

// The Markdown body's own way to write a control character, a numeric reference («&#11;», «&#x1B;»),
// is refused like the character itself; a bidirectional override is warned about.
bool check_body_characters(const SourceText& src, size_t body_start, Diagnostics& diag) {
  const std::string& t = src.text();
  for (size_t i = t.find("&#", body_start); i != std::string::npos; i = t.find("&#", i + 2)) {
    size_t p = i + 2;
    bool hex = p < t.size() && (t[p] == 'x' || t[p] == 'X');
    if (hex) ++p;
    size_t digits = p;
    char32_t code = 0;
    while (p < t.size() && p - digits < 8 && std::isxdigit(static_cast<unsigned char>(t[p])) && (hex || std::isdigit(static_cast<unsigned char>(t[p])))) {
      int d = std::isdigit(static_cast<unsigned char>(t[p])) ? t[p] - '0' : (std::tolower(static_cast<unsigned char>(t[p])) - 'a' + 10);
      code = code * (hex ? 16 : 10) + static_cast<char32_t>(d);
      ++p;
    }
    if (p == digits || p >= t.size() || t[p] != ';') continue;
    // cmark turns «&#0;» and surrogates into U+FFFD itself; the rest would reach the page.
    if (code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF || !is_forbidden_char(code)) continue;
    diag.add(Severity::error, src, i, static_cast<int>(p + 1 - i),
             fmt::format("ссылка на символ «{}» — {}", t.substr(i, p + 1 - i), forbidden_char_problem(code)),
             "удалите эту ссылку на символ из текста");
    return false;
  }
  if (auto bidi = find_bidi_control(std::string_view(t).substr(body_start)))
    diag.add(Severity::warning, src, body_start + bidi->offset, 1, bidi_control_problem(bidi->code), bidi_control_hint());
  return true;
}

// The text after its front matter; its images are checked and kept in `m` (resolved from its folder).
std::optional<std::pair<FrontMatter, std::string>> read_markdown(const Disk& disk, const std::string& path,
                                                                 const std::string& shown, Municipality& m, Diagnostics& diag) {
  auto bytes = disk.read(path);
  if (!bytes) {
    diag.add_file(Severity::error, shown, fmt::format("не удалось прочитать: {}", bytes.message()), "проверьте файл и права доступа");
    return std::nullopt;
  }
  DecodeResult decoded = decode_text(*bytes, Encoding::utf8);
  if (!decoded.ok) {
    SourceText src(shown, decoded.text);
    if (decoded.binary)
      diag.add(Severity::error, src, decoded.text.size(), 1, forbidden_char_problem(decoded.bad_char), forbidden_char_hint(decoded.bad_char));
    else
      diag.add(Severity::error, src, decoded.text.size(), 1, fmt::format("байты {} не читаются в кодировке UTF-8", decoded.bad_bytes),
               "сохраните файл в кодировке UTF-8");
    return std::nullopt;
  }
  FrontMatter fm;
  std::string yaml, body;
  if (split_front_matter(decoded.text, &yaml, &body)) {
    SourceText src(shown, yaml);
    YamlNode root;
    if (!parse_yaml(src, &root, diag)) return std::nullopt;
    if (!root.is_null()) {
      YamlMapReader r(root, src, diag, "заголовок страницы (front matter)");
      fm.title = r.text("title").value_or("");
      fm.description = r.text("description").value_or("");
      fm.order = static_cast<int>(r.integer("order", false, -1000, 1000).value_or(0));
      if (auto d = r.text("date")) {
        fm.date = parse_date_ru(*d);
        if (!fm.date) r.error_at(*root.find("date"), fmt::format("«{}» — не дата", *d), "запишите дату как 2025-09-01");
      }
      r.finish();
    }
  } else if (decoded.text.rfind("---", 0) == 0) {
    SourceText src(shown, decoded.text);
    diag.add(Severity::error, src, 0, 3, "блок заголовка страницы открыт строкой «---», но не закрыт",
             "закончите блок ещё одной строкой «---» после последнего ключа");
    return std::nullopt;
  }
  SourceText file(shown, decoded.text);
  if (!check_body_characters(file, decoded.text.size() - body.size(), diag)) return std::nullopt;
  load_markdown_images(disk, body, {file, decoded.text.size() - body.size(), true, path.substr(0, path.rfind('/') + 1)}, m, diag);
  return std::make_pair(fm, body);
}

// A file of content/ that no loader would read is reported rather than dropped: a page saved as
// «about.MD» or «about.markdown», a folder named like a file, a YAML file with a name not read, a link
// that leads out of the site folder. Returns true when the file is left for the loop below.
bool check_content_file(const Disk& disk, const std::string& path, const std::string& shown, Diagnostics& diag) {
  std::string rel = path.substr(std::string("content/").size());
  for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1)) {
    std::string folder = rel.substr(0, slash);
    for (const char* ext : {".md", ".yaml", ".yml"})
      if (folder.size() > std::strlen(ext) && folder.compare(folder.size() - std::strlen(ext), std::string::npos, ext) == 0) {
        diag.add_file(Severity::error, shown, fmt::format("«content/{}» — папка, а не файл: то, что в ней, не читается", folder),
                      fmt::format("положите текст в файл content/{} вместо папки с таким именем", folder));
        return false;
      }
  }
  if (!disk.is_file(path)) {
    if (auto bytes = disk.read(path); !bytes) {
      diag.add_file(Severity::error, shown, fmt::format("файл не читается: {}", bytes.message()),
                    "положите на это место сам файл — не ссылку, не папку и не устройство");
      return false;
    }
  }
  size_t dot = rel.rfind('.');
  std::string ext = dot == std::string::npos || rel.find('/', dot) != std::string::npos ? "" : rel.substr(dot + 1);
  std::string lower = ext;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != "md" && (lower == "md" || lower == "markdown" || lower == "mdown" || lower == "mkd")) {
    diag.add_file(Severity::warning, shown, fmt::format("текст не станет страницей: читаются только файлы с расширением «.md», а здесь «.{}»", ext),
                  fmt::format("переименуйте файл в content/{}.md", rel.substr(0, dot)));
    return false;
  }
  if (lower == "yaml" || lower == "yml") {
    static const std::vector<std::string> kRead = {"department.yaml", "roadmap.yaml", "recommendations.yaml", "criteria.yaml",
                                                   "decisions.yaml", "monitoring.yaml", "system.yaml"};
    if (std::find(kRead.begin(), kRead.end(), rel) != kRead.end()) return false;
    std::string guess = closest_word(rel, kRead);
    diag.add_file(Severity::warning, shown, "файл не читается: в папке content читаются только department.yaml, roadmap.yaml, recommendations.yaml, criteria.yaml, "
                  "decisions.yaml, monitoring.yaml и system.yaml",
                  guess.empty() ? "переименуйте файл или уберите его из папки content"
                                : fmt::format("возможно, имелось в виду content/{}", guess));
    return false;
  }
  return true;
}

}  // namespace

void load_content(const Disk& disk, const std::string& prefix, Municipality& m, Diagnostics& diag) {
  auto shown = [&](const std::string& p) { return display_path(prefix, p); };
  for (const std::string& path : disk.list("content")) {
    std::string rel = path.substr(std::string("content/").size());
    if (!check_content_file(disk, path, shown(path), diag)) continue;
    if (rel.size() < 4 || rel.compare(rel.size() - 3, 3, ".md") != 0) continue;  // images and files are copied later
    std::string stem = rel.substr(0, rel.size() - 3);
    if (stem == "index") {
      auto page = read_markdown(disk, path, shown(path), m, diag);
      if (!page) continue;
      m.home_title = page->first.title;
      m.home_markdown = std::move(page->second);
    } else if (stem.rfind("schools/", 0) == 0 && stem.find('/', 8) == std::string::npos) {
      std::string id = stem.substr(8);
      auto it = m.school_index.find(id);
      if (it == m.school_index.end()) {
        diag.add_file(Severity::error, shown(path), fmt::format("нет школы с кодом «{}» для этого текста", id),
                      "назовите файл по коду школы из data/schools.csv: content/schools/<код>.md");
        continue;
      }
      auto page = read_markdown(disk, path, shown(path), m, diag);
      if (page) m.schools[it->second].content_markdown = std::move(page->second);
    } else if (stem.rfind("schools/", 0) == 0 && std::count(stem.begin(), stem.end(), '/') == 2) {
      // content/schools/<id>/<subsection>.md: text added to that page of the school's openness section.
      size_t slash = stem.find('/', 8);
      std::string id = stem.substr(8, slash - 8), sub = stem.substr(slash + 1);
      auto it = m.school_index.find(id);
      std::vector<std::string> subs;
      for (const auto& s : builtin_openness().subsections) subs.push_back(s.path);
      if (it == m.school_index.end()) {
        diag.add_file(Severity::error, shown(path), fmt::format("нет школы с кодом «{}» для этого текста", id),
                      "назовите папку по коду школы из data/schools.csv: content/schools/<код>/<подраздел>.md");
        continue;
      }
      if (std::find(subs.begin(), subs.end(), sub) == subs.end()) {
        std::string guess = closest_word(sub, subs);
        diag.add_file(Severity::error, shown(path), fmt::format("нет подраздела «{}» в разделе «Сведения об образовательной организации»", sub),
                      guess.empty() ? fmt::format("подразделы: {}", fmt::join(subs, ", "))
                                    : fmt::format("возможно, имелось в виду {}.md (регистр букв важен)", guess));
        continue;
      }
      auto page = read_markdown(disk, path, shown(path), m, diag);
      if (page) m.schools[it->second].sveden_markdown[sub] = std::move(page->second);
    } else if (stem.rfind("reports/", 0) == 0 && stem.find('/', 8) == std::string::npos) {
      std::string slug = stem.substr(8);
      // analysis-<year>.md: the department's conclusions, printed inside that year's analysis report.
      bool conclusions = false;
      for (int y : m.site.years) conclusions = conclusions || slug == fmt::format("analysis-{}", y);
      if (slug.rfind("analysis-", 0) == 0 && !conclusions && slug.size() == 13) {
        diag.add_file(Severity::error, shown(path), fmt::format("аналитического отчёта за {} г. нет: годы сайта — {}", slug.substr(9),
                                                                fmt::join(m.site.years, ", ")),
                      "выводы управления к аналитическому отчёту называются по его году: reports/analysis-2025.md (site.yaml, years "
                      "и reports.year)");
        continue;
      }
      if (!conclusions && (!is_page_slug(slug) || slug == "schools" || slug == "roadmap" || slug.rfind("analysis", 0) == 0)) {
        diag.add_file(Severity::error, shown(path), fmt::format("имя файла «{}» не годится для адреса отчёта", rel),
                      "назовите файл строчными латинскими буквами, цифрами и дефисом, например reports/spravka-gia.md; "
                      "имена schools, roadmap и analysis… заняты");
        continue;
      }
      auto page = read_markdown(disk, path, shown(path), m, diag);
      if (!page) continue;
      if (page->first.title.empty()) {
        diag.add_file(Severity::error, shown(path), "у отчёта нет заголовка",
                      "добавьте в начало файла блок:\n---\ntitle: Информационная справка о …\n---");
        continue;
      }
      m.reports.push_back({slug, page->first.title, page->first.description, page->first.order, std::move(page->second)});
    } else if (stem.rfind("news/", 0) == 0 && stem.find('/', 5) == std::string::npos) {
      std::string slug = stem.substr(5);
      if (!is_page_slug(slug)) {
        diag.add_file(Severity::error, shown(path), fmt::format("имя файла «{}» не годится для адреса новости", rel),
                      "назовите файл датой и словами латиницей, например news/2025-09-01-seminar.md");
        continue;
      }
      auto page = read_markdown(disk, path, shown(path), m, diag);
      if (!page) continue;
      if (page->first.title.empty() || !page->first.date) {
        diag.add_file(Severity::error, shown(path), "у новости нет заголовка или даты",
                      "добавьте в начало файла блок:\n---\ntitle: Заголовок новости\ndate: 2025-09-01\n---");
        continue;
      }
      m.news.push_back({slug, page->first.title, page->first.description, *page->first.date, std::move(page->second)});
    } else if (stem.find('/') == std::string::npos) {
      // An address the portal itself uses (audit, news, assets…) is found with every other output path
      // before anything is written (write/output_paths.h), from the list of pages the build makes.
      if (!is_page_slug(stem)) {
        diag.add_file(Severity::error, shown(path), fmt::format("имя файла «{}» не годится для адреса страницы", rel),
                      "назовите файл строчными латинскими буквами, цифрами и дефисом, например about.md");
        continue;
      }
      auto page = read_markdown(disk, path, shown(path), m, diag);
      if (!page) continue;
      if (page->first.title.empty()) {
        diag.add_file(Severity::error, shown(path), "у страницы нет заголовка",
                      "добавьте в начало файла блок:\n---\ntitle: Название страницы\n---");
        continue;
      }
      m.pages.push_back({stem, page->first.title, page->first.description, page->first.order, std::move(page->second)});
    } else {
      diag.add_file(Severity::warning, shown(path), "файл не используется: такой раздел сайт пока не публикует",
                    "страницы кладите в content/ или content/schools/<код>.md");
    }
  }
  std::sort(m.reports.begin(), m.reports.end(), [](const ContentPage& a, const ContentPage& b) {
    return a.order != b.order ? a.order < b.order : a.slug < b.slug;
  });
  std::sort(m.news.begin(), m.news.end(), [](const NewsItem& a, const NewsItem& b) {
    return a.date != b.date ? a.date > b.date : a.slug > b.slug;
  });
  std::sort(m.pages.begin(), m.pages.end(), [](const ContentPage& a, const ContentPage& b) {
    return a.order != b.order ? a.order < b.order : a.slug < b.slug;
  });
}

}  // namespace sveden
