// `sveden check` audits published school sites. Each defect below is made in a copy of a school
// site that sveden generated from the demo (held in memory), and the audit must name it exactly.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include "../support/test_files.h"
#include "audit/site_audit.h"
#include "site/build.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

// The demo's МБОУ СОШ № 1 site as sveden writes it: path within the school folder → contents.
const std::map<std::string, std::string>& school_site() {
  static const std::map<std::string, std::string> files = [] {
    char tmpl[] = "/tmp/sveden-audit-XXXXXX";
    REQUIRE(mkdtemp(tmpl));
    BuildOptions o;
    o.site_dir = SVEDEN_SOURCE_DIR;
    o.out_dir = std::string(tmpl) + "/out";
    REQUIRE(build_site(o).exit_code == 0);
    auto out = test::read_tree(fs::path(o.out_dir) / "schools/sosh-1");
    fs::remove_all(tmpl);
    return out;
  }();
  return files;
}

struct Site {
  std::map<std::string, std::string> files = school_site();
  void replace(const std::string& file, const std::string& from, const std::string& to) {
    std::string& text = files.at(file);
    size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, file, ": ", from);
    text.replace(at, from.size(), to);
  }
  void move(const std::string& from, const std::string& to) {
    files[to] = files.at(from);
    files.erase(from);
  }
  // Every finding, one per line: «ошибка|предупреждение file[:line:col]: message».
  std::vector<std::string> audit() const {
    MemoryDisk disk;
    for (const auto& [p, c] : files) disk.put(p, c);
    OutputAudit a = audit_single_site(disk, builtin_openness());
    std::vector<std::string> out;
    for (const auto& f : a.schools[0].findings)
      out.push_back(fmt::format("{} {}{}: {}", f.severity == Severity::error ? "ошибка" : "предупреждение", f.file,
                                f.pos.line ? fmt::format(":{}:{}", f.pos.line, f.pos.column) : "", f.message));
    return out;
  }
};

bool has(const std::vector<std::string>& findings, const std::string& text) {
  for (const auto& f : findings)
    if (f.find(text) != std::string::npos) return true;
  return false;
}

std::string all(const std::vector<std::string>& findings) {
  std::string s;
  for (const auto& f : findings) s += f + "\n";
  return s;
}

}  // namespace

TEST_CASE("site audit: a school site sveden made has no findings") {
  Site s;
  CHECK_MESSAGE(s.audit().empty(), all(s.audit()));
}

TEST_CASE("site audit: a missing subsection") {
  Site s;
  s.files.erase("sveden/inter/index.html");
  auto f = s.audit();
  CHECK_MESSAGE(has(f, "ошибка : нет подраздела «Международное сотрудничество» (/sveden/inter)"), all(f));
  CHECK_MESSAGE(has(f, "ошибка sveden/common/index.html:33:1107: ссылка «../../sveden/inter/index.html» ведёт на несуществующий файл"), all(f));
}

TEST_CASE("site audit: a subsection at an address in the wrong case") {
  Site s;
  s.move("sveden/eduStandarts/index.html", "sveden/edustandarts/index.html");
  auto f = s.audit();
  CHECK_MESSAGE(has(f, "ошибка sveden/edustandarts/index.html: подраздел «Образовательные стандарты и требования» лежит по "
                       "адресу с другим регистром букв: нужно /sveden/eduStandarts"),
                all(f));
}

TEST_CASE("site audit: pages saved by wget --mirror are found at their addresses") {
  Site s;
  s.move("sveden/common/index.html", "sveden/common.html");
  s.move("sveden/struct/index.html", "sveden/struct");
  auto f = s.audit();
  CHECK_FALSE(has(f, "нет подраздела «Основные сведения»"));
  CHECK_FALSE(has(f, "нет подраздела «Структура"));
}

TEST_CASE("site audit: a row itemprop on the table instead of its rows") {
  Site s;
  std::string& page = s.files.at("sveden/employees/index.html");
  size_t n = 0;
  for (size_t p = page.find("<tr itemprop=\"teachingStaff\">"); p != std::string::npos; p = page.find("<tr itemprop=\"teachingStaff\">")) {
    page.replace(p, 29, "<tr>");
    ++n;
  }
  REQUIRE(n > 0);
  s.replace("sveden/employees/index.html", "<table class=\"data wide cards-on-phone\">", "<table class=\"data wide\" itemprop=\"teachingStaff\">");
  auto f = s.audit();
  CHECK_MESSAGE(has(f, "itemprop=\"teachingStaff\" стоит на <table>"), all(f));
}

TEST_CASE("site audit: a child outside its row") {
  Site s;
  s.replace("sveden/managers/index.html", "<tr itemprop=\"rucovodstvo\">", "<tr>");
  auto f = s.audit();
  CHECK_MESSAGE(has(f, "itemprop=\"fio\" вне строки itemprop=\"rucovodstvo\""), all(f));
}

TEST_CASE("site audit: hidden markup, an empty value, itemscope") {
  Site s;
  s.replace("sveden/common/index.html", "<span itemprop=\"regDate\">", "<span itemprop=\"regDate\" hidden>");
  s.replace("sveden/common/index.html", "<span itemprop=\"workTime\">", "<span itemprop=\"workTime\"></span><span>");
  s.replace("sveden/common/index.html", "<main id=\"main\"", "<main itemscope id=\"main\"");
  auto f = s.audit();
  CHECK_MESSAGE(has(f, "ошибка sveden/common/index.html:50:54: разметка скрыта (атрибут hidden): робот и посетитель видят разное"), all(f));
  CHECK_MESSAGE(has(f, "ошибка sveden/common/index.html:70:54: пустое значение itemprop=\"workTime\""), all(f));
  CHECK_MESSAGE(has(f, "ошибка sveden/common/index.html:25:1: атрибут itemscope не используется: робот АИС «Мониторинг» читает только itemprop"), all(f));
}

TEST_CASE("site audit: a document link to a file that is not there") {
  Site s;
  s.files.erase("documents/ustav.pdf");
  auto f = s.audit();
  CHECK_MESSAGE(has(f, "ошибка sveden/document/index.html:"), all(f));
  CHECK_MESSAGE(has(f, "(itemprop=\"ustavDocLink\") ведёт на несуществующий файл ../../documents/ustav.pdf"), all(f));
}

TEST_CASE("site audit: the ministries' links and the way to the section from the home page") {
  Site s;
  for (auto& [path, text] : s.files)
    for (size_t p = text.find("https://edu.gov.ru/"); p != std::string::npos; p = text.find("https://edu.gov.ru/"))
      text.replace(p, 19, "https://example.org/");
  for (size_t p = s.files.at("index.html").find("./sveden/index.html"); p != std::string::npos;
       p = s.files.at("index.html").find("./sveden/index.html"))
    s.files.at("index.html").replace(p, 19, "./kachestvo/index.html");
  auto f = s.audit();
  CHECK_MESSAGE(has(f, "нет ссылки на официальный сайт: Министерство просвещения Российской Федерации (https://edu.gov.ru/)"), all(f));
  bool no_way = has(f, "в главном меню нет ссылки на раздел «Сведения об образовательной организации»") ||
                has(f, "с главной страницы нет ссылки на раздел");
  CHECK_MESSAGE(no_way, all(f));
}

TEST_CASE("site audit: images without a text alternative, anchors that lead nowhere") {
  Site s;
  s.replace("index.html", "<h1>", "<img src=\"assets/style.css\"><a href=\"#nowhere\">x</a><h1>");
  auto f = s.audit();
  CHECK_MESSAGE(has(f, "у изображения нет текстовой альтернативы (атрибут alt)"), all(f));
  CHECK_MESSAGE(has(f, "ссылка «#nowhere»: на странице нет якоря «#nowhere»"), all(f));
}
