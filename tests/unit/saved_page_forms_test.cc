// The compliant foreign site (tests/fixtures/foreign_site) saved in the forms that an HTML5 parser and a
// browser read identically: another encoding declared by <meta charset> or http-equiv or not at all, a BOM,
// HTML5-only entity names, upper-case tags with unquoted attributes, omitted end tags, comments, scripts and
// <noscript> with fake markup, deep layout tables, stray end tags, duplicate attributes. Each form must give
// exactly the findings of the UTF-8 form, for the clean site and for a copy with defects.
#include <unicode/ucnv.h>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <functional>
#include <memory>
#include <regex>

#include "../support/test_files.h"
#include "audit/html_encoding.h"
#include "audit/site_audit.h"
#include "load/embedded_files.h"
#include "load/openness_vocabulary.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

using Files = std::map<std::string, std::string>;
using Form = std::function<std::string(const std::string&)>;

bool is_page(const std::string& path) { return path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0; }

const std::string kMeta = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

std::string to_windows_1251(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open("windows-1251", &status), &ucnv_close);
  // A character the encoding lacks («←») is written as a reference, as a browser saves it.
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_ESCAPE, UCNV_ESCAPE_XML_DEC, nullptr, nullptr, &status);
  std::u16string wide(utf8.size() + 1, u'\0');
  UConverter* u8 = ucnv_open("UTF-8", &status);
  int32_t n = ucnv_toUChars(u8, reinterpret_cast<UChar*>(wide.data()), static_cast<int32_t>(wide.size()), utf8.data(),
                            static_cast<int32_t>(utf8.size()), &status);
  ucnv_close(u8);
  std::string out(static_cast<size_t>(n) * 10 + 1, '\0');
  int32_t m = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()), reinterpret_cast<UChar*>(wide.data()),
                              n, &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(m));
  return out;
}

// Rewrites the markup of a page: `tag` gets each tag («<…>» outside comments, scripts and styles), `text`
// each run of text between them. Comments, doctypes, scripts and styles are copied as they are.
std::string rewrite(const std::string& page, const std::function<std::string(const std::string&)>& tag,
                    const std::function<std::string(const std::string&)>& text) {
  std::string out;
  for (size_t i = 0; i < page.size();) {
    size_t lt = page.find('<', i);
    if (lt == std::string::npos) lt = page.size();
    out += text(page.substr(i, lt - i));
    if (lt == page.size()) break;
    if (page.compare(lt, 4, "<!--") == 0 || page.compare(lt, 2, "<!") == 0) {
      size_t end = page.find('>', lt);
      out += page.substr(lt, end + 1 - lt);
      i = end + 1;
      continue;
    }
    size_t gt = page.find('>', lt);
    std::string t = page.substr(lt, gt + 1 - lt);
    out += tag(t);
    i = gt + 1;
    for (std::string raw : {"script", "style"}) {
      if (t.rfind("<" + raw, 0) != 0 && t.rfind("<" + std::string(1, static_cast<char>(std::toupper(raw[0]))) + raw.substr(1), 0) != 0)
        continue;
      size_t end = page.find("</" + raw, i);
      out += page.substr(i, end - i);
      i = end;
    }
  }
  return out;
}

std::string same(const std::string& s) { return s; }

// Cyrillic letters as the HTML5-only names (&ocy; &shchcy;), «.» «,» «:» as &period; &comma; &colon;.
std::string html5_entities(const std::string& page) {
  static const std::map<std::string, std::string> names = [] {
    std::map<std::string, std::string> m{{".", "&period;"}, {",", "&comma;"}, {":", "&colon;"}};
    std::string_view tsv = *vocab_file("html_entities.tsv");
    std::regex line("^([A-Za-z]+cy;)\t(04[0-5][0-9A-F])$");
    size_t at = 0;
    while (at < tsv.size()) {
      size_t eol = tsv.find('\n', at);
      std::string l(tsv.substr(at, eol - at));
      at = eol + 1;
      std::smatch match;
      if (!std::regex_match(l, match, line)) continue;
      char32_t cp = static_cast<char32_t>(std::stoul(match[2], nullptr, 16));
      std::string utf8{static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
      m.emplace(utf8, "&" + match[1].str());
    }
    return m;
  }();
  return rewrite(page, same, [](const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
      size_t n = (static_cast<unsigned char>(text[i]) & 0xE0) == 0xC0 ? 2 : 1;
      auto it = names.find(text.substr(i, n));
      out += it == names.end() ? text.substr(i, n) : it->second;
      i += n;
    }
    return out;
  });
}

// Tag and attribute names in upper case, attribute values without quotes where HTML allows it.
std::string upper_unquoted(const std::string& page) {
  return rewrite(
      page,
      [](const std::string& tag) {
        static const std::regex attr(R"re(([a-zA-Z-]+)="([^"\s'=<>`]+)")re");
        std::string out;
        size_t name_end = tag.find_first_of(" >/", 1);
        for (size_t k = 0; k < name_end; ++k) out += static_cast<char>(std::toupper(static_cast<unsigned char>(tag[k])));
        std::string rest = tag.substr(name_end);
        std::string rewritten;
        auto begin = std::sregex_iterator(rest.begin(), rest.end(), attr);
        size_t last = 0;
        for (auto it = begin; it != std::sregex_iterator(); ++it) {
          rewritten += rest.substr(last, static_cast<size_t>(it->position()) - last);
          std::string name = (*it)[1];
          for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
          // A value that ends the tag keeps a space before «/>» so that the slash is not read into it.
          rewritten += name + "=" + (*it)[2].str();
          last = static_cast<size_t>(it->position() + it->length());
        }
        rewritten += rest.substr(last);
        if (rewritten.size() >= 2 && rewritten.compare(rewritten.size() - 2, 2, "/>") == 0) rewritten.insert(rewritten.size() - 2, " ");
        return out + rewritten;
      },
      same);
}

// End tags that HTML lets a page omit.
std::string omitted_end_tags(const std::string& page) {
  return rewrite(
      page,
      [](const std::string& tag) {
        for (const char* t : {"</li>", "</td>", "</th>", "</tr>", "</dt>", "</dd>", "</option>"})
          if (tag == t) return std::string();
        return tag;
      },
      same);
}

// After <body>: a comment closed by «--!>», a script and a <noscript> whose text is markup, stray end tags.
std::string fake_markup(const std::string& page) {
  return replaced(page, "<body>",
                  "<body><!-- <h1 itemprop=\"fake\">Не заголовок</h1> --!><script>document.write('<h1 itemprop=\"x\">');</script>"
                  "<noscript><h1 itemprop=\"copy\">Включите JavaScript</h1><div itemprop=\"addRef\"></noscript>"
                  "</span></b></font></td></tr></table>");
}

// The whole body inside 150 nested layout tables.
std::string deep_layout(const std::string& page) {
  std::string open, close;
  for (int k = 0; k < 150; ++k) open += "<table class=\"layout\"><tr><td>", close += "</td></tr></table>";
  return replaced(replaced(page, "<body>", "<body>" + open), "</body>", close + "</body>");
}

// Every itemprop, class and href given a second time: the first of duplicates counts.
std::string duplicate_attributes(const std::string& page) {
  return rewrite(
      page,
      [](const std::string& tag) {
        static const std::regex attr(R"re(\s(itemprop|class|href)="[^"]*")re");
        return std::regex_replace(tag, attr, "$& $1=\"duplicate\"");
      },
      same);
}

struct NamedForm {
  const char* name;
  Form form;
  bool keeps_positions;  // the encoding changes, the characters (and so lines and columns) stay
};

const std::vector<NamedForm>& forms() {
  static const std::vector<NamedForm> all = {
      {"windows-1251, <meta charset>", [](const std::string& p) { return to_windows_1251(replaced(p, kMeta, "<meta charset=\"windows-1251\">")); }, true},
      {"windows-1251, http-equiv", [](const std::string& p) { return to_windows_1251(replaced(p, "charset=UTF-8", "charset=windows-1251")); }, true},
      {"windows-1251, upper-case unquoted meta", [](const std::string& p) { return to_windows_1251(replaced(p, kMeta, "<META CHARSET=CP1251>")); }, true},
      {"windows-1251, no declaration", [](const std::string& p) { return to_windows_1251(replaced(p, kMeta, "")); }, true},
      {"UTF-8 with a BOM, no declaration", [](const std::string& p) { return "\xEF\xBB\xBF" + replaced(p, kMeta, ""); }, true},
      {"UTF-8 without a declaration", [](const std::string& p) { return replaced(p, kMeta, ""); }, true},
      {"HTML5-only entity names", html5_entities, false},
      {"upper-case tags, unquoted attributes", upper_unquoted, false},
      {"omitted end tags", omitted_end_tags, false},
      {"comments, scripts and noscript with fake markup, stray end tags", fake_markup, false},
      {"deep layout tables", deep_layout, false},
      {"duplicate attributes", duplicate_attributes, false},
      {"all of them", [](const std::string& p) {
         return to_windows_1251(replaced(duplicate_attributes(omitted_end_tags(upper_unquoted(html5_entities(deep_layout(fake_markup(p)))))),
                                         "charset=UTF-8", "charset=windows-1251"));
       }, false},
  };
  return all;
}

std::vector<std::string> findings(const Files& files, bool positions) {
  OutputAudit a = audit_single_site(test::memory_disk(files), builtin_openness());
  std::vector<std::string> out;
  for (const auto& f : a.schools.at(0).findings)
    out.push_back(fmt::format("{} {}{}: {}", f.severity == Severity::error ? "ошибка" : "предупреждение", f.file,
                              positions && f.pos.line ? fmt::format(":{}:{}", f.pos.line, f.pos.column) : "", f.message));
  out.push_back("школа: " + a.schools.at(0).name);
  return out;
}

Files foreign_site() { return test::read_tree(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/foreign_site"); }

// The foreign site with defects that the audit finds through text, headings and positions.
Files defective_site() {
  Files f = foreign_site();
  f["sveden/common.html"] = replaced(f["sveden/common.html"], "<span itemprop=\"regDate\">01.09.1972</span>",
                                     "<span itemprop=\"regDate\">отсутствует</span>");
  f["sveden/budget.html"] = replaced(f["sveden/budget.html"], "<h1 class=\"page-title\">", "<h1 class=\"page-title\">Финансы, ");
  f["sveden/grants.html"] = replaced(f["sveden/grants.html"], "itemprop=\"", "itemprop=\"grantInfo");
  return f;
}

}  // namespace

TEST_CASE("saved page forms: each form of the site gives exactly the findings of its UTF-8 form") {
  for (const Files& site : {foreign_site(), defective_site()}) {
    std::vector<std::string> exact = findings(site, true), loose = findings(site, false);
    for (const NamedForm& form : forms()) {
      std::string name = form.name;
      CAPTURE(name);
      Files changed = site;
      for (auto& [path, contents] : changed)
        if (is_page(path)) contents = form.form(contents);
      CHECK(findings(changed, form.keeps_positions) == (form.keeps_positions ? exact : loose));
    }
  }
  // Not vacuous: the defective copy has findings, with positions, and the school's name read from its page.
  std::vector<std::string> defects = findings(defective_site(), true);
  CHECK(defects.size() >= 4);
  CHECK(defects.back() == "школа: МБОУ «Верхнереченская СОШ»");
}

TEST_CASE("saved page forms: a page in windows-1251 gives a report in valid UTF-8") {
  Files site = defective_site();
  for (auto& [path, contents] : site)
    if (is_page(path)) contents = to_windows_1251(replaced(contents, kMeta, ""));
  site["sveden/inter.html"] += "\xFF\xFE\x80 <a href=\"\xC0\xC1.html\">\x98</a>";  // bytes that are no text at all
  site["sveden/\xCF\xF0\xE8\xEC\xE5\xF0.html"] = "<p>a page saved under a windows-1251 name</p>";
  std::string json = format_audit_json(audit_single_site(test::memory_disk(site), builtin_openness()));
  CHECK(valid_utf8(json) == json);
  CHECK(json.find("отсутствует") != std::string::npos);
  std::string text = format_audit_text(audit_single_site(test::memory_disk(site), builtin_openness()), "сайт");
  CHECK(valid_utf8(text) == text);
}
