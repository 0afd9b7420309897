// Hostile text in every kind of field: HTML, quotes, event handlers and javascript: addresses must
// reach the pages as text, never as markup; paths that leave the site folder must be refused.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>
#include <unistd.h>

#include "../support/test_files.h"
#include "audit/html_document.h"
#include "site/build.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

const char* kEvil = "<script>alert(1)</script>\"' onmouseover=\"alert(2)\" <img src=x onerror=alert(3)>";

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

using test::read_file;

struct HostileSite {
  fs::path dir;
  HostileSite() {
    char tmpl[] = "/tmp/sveden-hostile-XXXXXX";
    REQUIRE(mkdtemp(tmpl));
    dir = tmpl;
    fs::copy(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal", dir / "site", fs::copy_options::recursive);
  }
  ~HostileSite() { fs::remove_all(dir); }
  fs::path site() const { return dir / "site"; }
  BuildReport build() const {
    BuildOptions o;
    o.site_dir = site().string();
    o.out_dir = (dir / "out").string();
    return build_site(o);
  }
};

std::string csv(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

TEST_CASE("hostile input: markup and scripts in every text field reach the pages as text") {
  HostileSite h;
  std::string e = csv(kEvil);
  // schools.csv: names, address, director; a javascript: website.
  write(h.site() / "data/schools.csv",
        "school_id;name;short_name;kind;locality;settlement;address;director;website;phone;email;parent_id\n"
        "T1;" + e + ";" + e + ";СОШ;город;" + e + ";" + e + ";" + e + ";javascript:alert(4);" + e + ";" + e + ";\n"
        "T2;Школа 2;Школа 2;ООШ;село;с. Лесное;с. Лесное;Петров П. П.;;;;\n"
        "T3;Филиал;Филиал;филиал;село;с. Полевое;с. Полевое;Сидоров С. С.;;;;T1\n");
  // organisations.csv: every text field, a javascript: website and an e-mail that would break out of mailto:.
  write(h.site() / "data/organisations.csv",
        "Полное наименование;Краткое наименование;Вид;Руководитель;Адрес;Телефон;Электронная почта;Сайт;Задачи и функции\n" + e +
            ";" + e + ";методический центр;" + e + ";" + e + ";" + e + ";" + e + ";javascript:alert(9);" + e + "\n");
  write(h.site() / "data/sveden/info.csv", "Код ОО;Режим и график работы;Меры социальной поддержки;Условия охраны здоровья\nT1;" + e + ";" + e + ";" + e + "\n");
  write(h.site() / "data/sveden/founders.csv", "Код ОО;Наименование учредителя;Адрес;Сайт\nT1;" + e + ";" + e + ";https://x.example/\n");
  write(h.site() / "data/sveden/teachers.csv", "Код ОО;ФИО;Должность;Преподаваемые предметы;Стаж по специальности, лет;Образовательные программы\nT1;" + e + ";" + e + ";" + e + ";3;" + e + "\n");
  write(h.site() / "documents/T1/ustav.pdf", "%PDF-1.4\n");
  write(h.site() / "data/documents.csv", "Код ОО;Вид документа;Название;Файл;Подписал\nT1;устав;" + e + ";ustav.pdf;" + e + "\n");
  write(h.site() / "content/index.md", std::string("---\ntitle: '") + "Главная <script>x</script>" + "'\n---\n" + kEvil +
                                           "\n\n[ссылка](javascript:alert(6)) <a href=\"javascript:alert(7)\">raw</a>\n");
  write(h.site() / "content/news/2025-01-01-test.md", std::string("---\ntitle: '<script>alert(8)</script>'\ndate: 2025-01-01\n---\n") + kEvil + "\n");
  write(h.site() / "content/department.yaml", std::string("working_hours: '") + "<b onmouseover=x>8:00</b>" + "'\npowers:\n  - {text: '<script>x</script>', act: '\" onclick=\"x'}\n");
  BuildReport r = h.build();
  REQUIRE_MESSAGE(r.status.ok(), format_all(r.diagnostics));
  size_t pages = 0;
  for (const auto& entry : fs::recursive_directory_iterator(h.dir / "out")) {
    if (entry.path().extension() != ".html" && entry.path().extension() != ".xml") continue;
    ++pages;
    std::string html = read_file(entry.path());
    CHECK_MESSAGE(html.find("<script") == std::string::npos, entry.path().string());
    CHECK_MESSAGE(html.find("<img") == std::string::npos, entry.path().string());
    HtmlDocument doc = parse_html(html);
    for (const auto& n : doc.nodes)
      for (const auto& a : n.attrs) {
        CHECK_MESSAGE(a.name.rfind("on", 0) != 0, entry.path().string(), ": ", a.name);
        if (a.name == "href" || a.name == "src") CHECK_MESSAGE(a.value.find("javascript:") == std::string::npos, entry.path().string(), ": ", a.value);
      }
  }
  CHECK(pages > 20);
  // The text itself is still there for the reader, escaped.
  bool shown = false;
  for (const auto& school : fs::directory_iterator(h.dir / "out/schools"))
    if (fs::exists(school.path() / "sveden/common/index.html"))
      shown = shown || read_file(school.path() / "sveden/common/index.html").find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos;
  CHECK(shown);
  std::string register_page = read_file(h.dir / "out/schools/index.html");
  CHECK(register_page.find("<h2 id=\"others-title\">") != std::string::npos);
  CHECK(register_page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(register_page.find("mailto:&lt;") == std::string::npos);
}

TEST_CASE("hostile input: paths that leave the site folder are refused with a clear message") {
  HostileSite h;
  write(h.site() / "data/documents.csv", "Код ОО;Вид документа;Название;Файл\nT1;устав;Устав;../../../../etc/passwd\n");
  write(h.site() / "data/sveden/founders.csv", "Код ОО;Наименование учредителя;Сайт\nT1;Администрация;\"https://x.example/\"\"onmouseover=alert(5)\"\n");
  BuildReport r = h.build();
  CHECK(r.status.code() == ExitCode::input);
  std::string text = format_all(r.diagnostics);
  CHECK(text.find("data/documents.csv:2:") != std::string::npos);
  CHECK(text.find("data/sveden/founders.csv:2:") != std::string::npos);
  CHECK(text.find("не адрес и не путь к файлу") != std::string::npos);
  CHECK_FALSE(fs::exists(h.dir / "out"));
}
