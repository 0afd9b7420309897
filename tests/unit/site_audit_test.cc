// `sveden check` audits published school sites. Each defect below is made in a copy of a school
// site that sveden generated from the demo (held in memory), and the audit must name it exactly.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include "load/openness_vocabulary.h"
#include "../support/built_site.h"
#include "../support/test_files.h"
#include "audit/site_audit.h"
#include "site/build.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

// The demo's МБОУ СОШ № 1 site as sveden writes it: path within the school folder → contents.
const std::map<std::string, std::string>& school_site() {
  static const std::map<std::string, std::string> files = test::read_tree(test::demo_build().out / "schools/sosh-1");
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
  CHECK_MESSAGE(has(f, "ошибка sveden/common/index.html:35:1107: ссылка «../../sveden/inter/index.html» ведёт на несуществующий файл"), all(f));
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
  CHECK_MESSAGE(has(f, "ошибка sveden/common/index.html:53:54: разметка скрыта (атрибут hidden): робот и посетитель видят разное"), all(f));
  CHECK_MESSAGE(has(f, "ошибка sveden/common/index.html:73:54: пустое значение itemprop=\"workTime\""), all(f));
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

// tests/fixtures/foreign_site: a compliant school site made by another CMS (1C-Bitrix-like markup,
// pages saved by wget as sveden/common.html or sveden/employees/index.html, a subsection spread over
// two pages with addRef, upper-case tags and unquoted attributes, a stylesheet that hides a decorative
// element). Each test below makes one defect in a copy held in memory and names the exact findings.
namespace {

struct ForeignSite {
  std::map<std::string, std::string> files = test::read_tree(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/foreign_site");
  void replace(const std::string& file, const std::string& from, const std::string& to) {
    std::string& text = files.at(file);
    size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, file, ": ", from);
    text.replace(at, from.size(), to);
  }
  OutputAudit run() const {
    MemoryDisk disk = test::memory_disk(files);
    return audit_single_site(disk, builtin_openness());
  }
  std::vector<std::string> audit() const {
    std::vector<std::string> out;
    OutputAudit a = run();
    for (const auto& f : a.schools[0].findings)
      out.push_back(fmt::format("{} {}{}: {}", f.severity == Severity::error ? "ошибка" : "предупреждение", f.file,
                                f.pos.line ? fmt::format(":{}:{}", f.pos.line, f.pos.column) : "", f.message));
    return out;
  }
};

using Findings = std::vector<std::string>;

}  // namespace

TEST_CASE("site audit: a compliant site made elsewhere has no errors and no warnings") {
  ForeignSite s;
  OutputAudit a = s.run();
  CHECK_MESSAGE(a.errors == 0, all(s.audit()));
  CHECK_MESSAGE(a.warnings == 0, all(s.audit()));
  CHECK(a.incomplete_schools == 0);
  CHECK(a.schools[0].name == "МБОУ «Верхнереченская СОШ»");
  // The same from the disk, as `sveden check --site-dir` reads it.
  RealDisk disk((fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/foreign_site").string());
  OutputAudit real = audit_single_site(disk, builtin_openness());
  CHECK(real.errors == 0);
  CHECK(real.warnings == 0);
  CHECK(format_audit_text(real, "foreign_site") ==
        "Проверка опубликованного сайта: foreign_site\n\nБез замечаний: МБОУ «Верхнереченская СОШ».\n\n"
        "Итого: 0\u00A0ошибок, 0\u00A0предупреждений.\n");
}

TEST_CASE("site audit: required information written as absent makes the site incomplete") {
  ForeignSite s;
  s.replace("sveden/common.html", "<span itemprop=\"regDate\">01.09.1972</span>", "<span itemprop=\"regDate\">отсутствует</span>");
  CHECK(all(s.audit()) == all(Findings{"предупреждение sveden/common.html:27:30: нет обязательных сведений «Дата создания» "
                              "(itemprop=\"regDate\") в подразделе «Основные сведения»: вместо них написано «отсутствует»"}));
  OutputAudit a = s.run();
  CHECK(a.warnings == 1);
  CHECK(a.incomplete_schools == 1);
  CHECK(a.schools[0].incomplete == 1);
  std::string text = format_audit_text(a, "foreign_site");
  CHECK(text.find("Без замечаний") == std::string::npos);
  CHECK(text.find("\nНеполные сведения: 1\u00A0сайт школы.\nИтого: 0\u00A0ошибок, 1\u00A0предупреждение.\n") != std::string::npos);
  std::string json = format_audit_json(a);
  CHECK(json.find("\"incomplete_schools\": 1,") != std::string::npos);
  CHECK(json.find("\"incomplete\": 1,") != std::string::npos);
  CHECK(json.find("\"incomplete\": true}") != std::string::npos);
}

TEST_CASE("site audit: a required table whose only row is the absence row") {
  ForeignSite s;
  s.replace("sveden/budget.html",
            "<tr itemprop=\"volume\"><td itemprop=\"finYear\">2024</td><td itemprop=\"finPost\">44 617,9</td><td itemprop=\"finRas\">44 590,1</td></tr>",
            "<tr itemprop=\"volume\"><td itemprop=\"finYear\">отсутствует</td><td itemprop=\"finPost\">отсутствует</td><td itemprop=\"finRas\">отсутствует</td></tr>");
  CHECK(all(s.audit()) == all(Findings{"предупреждение sveden/budget.html:34:5: нет обязательных сведений «Поступление и расходование "
                              "финансовых и материальных средств» (itemprop=\"volume\") в подразделе «Финансово-хозяйственная "
                              "деятельность»: в таблице только строка «отсутствует»"}));
}

TEST_CASE("site audit: a subsection that does not say on what date its information is current") {
  const std::string warning = "предупреждение sveden/struct.html: не сказано, на какую дату сведения актуальны";
  auto dated = [](const std::string& words) {
    ForeignSite s;
    s.replace("sveden/struct.html", "Дата последнего обновления: 10.03.2025", words);
    return all(s.audit());
  };
  CHECK(dated("Дата: 10.03.2025") == all(Findings{warning}));
  CHECK(dated("Пунктуально: 10.03.2025") == all(Findings{warning}));  // «…ктуальн…» not at a word's start
  CHECK(dated("Возобновлено с 10.03.2025").empty());                   // a word with «обновл» inside: accepted, as before
  for (const char* said : {"Актуально на 10.03.2025", "Сведения актуальны на 10.03.2025", "Обновлено 10.03.2025",
                           "Страница обновлена 10.03.2025", "Актуальн<b>о</b> на 10.03.2025"})
    CHECK_MESSAGE(dated(said).empty(), said);
}

TEST_CASE("site audit: markup hidden by a framework's class") {
  ForeignSite s;
  s.replace("sveden/common.html", "<span itemprop=\"workTime\">", "<span itemprop=\"workTime\" class=\"d-none\">");
  CHECK(all(s.audit()) == all(Findings{"ошибка sveden/common.html:36:38: разметка скрыта (class=\"d-none\"): робот и посетитель видят разное"}));
}

TEST_CASE("site audit: markup hidden by a class of the site's stylesheet or the page's <style>") {
  ForeignSite s;
  s.replace("sveden/common.html", "<span itemprop=\"telephone\">", "<span class=\"decor-snow\" itemprop=\"telephone\">");
  CHECK(all(s.audit()) == all(Findings{"ошибка sveden/common.html:37:24: разметка скрыта (class=\"decor-snow\": display:none в "
                              "bitrix/templates/school_2024/template_styles.css): робот и посетитель видят разное"}));
  ForeignSite t;
  t.replace("sveden/catering/index.html", "<span itemprop=\"health\">", "<span itemprop=\"health\" class=\"print-only\">");
  CHECK(all(t.audit()) == all(Findings{"ошибка sveden/catering/index.html:29:43: разметка скрыта (class=\"print-only\": display:none в "
                              "<style> страницы): робот и посетитель видят разное"}));
}

TEST_CASE("site audit: an addRef to a page that is not there") {
  ForeignSite s;
  s.files.erase("sveden/employees/ooo.html");
  CHECK(all(s.audit()) == all(Findings{"ошибка sveden/employees/index.html:24:122: ссылка itemprop=\"addRef\" «ooo.html» ведёт на "
                              "несуществующую страницу: сведений с неё робот не получит",
                              "ошибка sveden/employees/index.html:24:122: ссылка «ooo.html» ведёт на несуществующий файл"}));
}

TEST_CASE("site audit: a child outside its row on an addRef page") {
  ForeignSite s;
  s.replace("sveden/employees/ooo.html", "<tr itemprop=\"teachingStaff\"><td itemprop=\"fio\">Павлов Андрей Николаевич</td>",
            "<tr><td itemprop=\"fio\">Павлов Андрей Николаевич</td></tr><tr itemprop=\"teachingStaff\">");
  CHECK(all(s.audit()) == all(Findings{"ошибка sveden/employees/ooo.html:27:9: itemprop=\"fio\" вне строки itemprop=\"teachingStaff\"",
                              "ошибка sveden/employees/ooo.html:27:62: в строке itemprop=\"teachingStaff\" нет обязательного itemprop=\"fio\""}));
}

TEST_CASE("site audit: addRef pages of another site, a document and more than 10") {
  ForeignSite s;
  std::string refs = "<a itemprop=\"addRef\" href=\"https://other.example/staff/\">Педагоги на сайте филиала</a> "
                     "<a itemprop=\"addRef\" href=\"../../upload/iblock/docs/kug.pdf\">График (PDF)</a>";
  for (int i = 1; i <= 10; ++i) {
    std::string page = fmt::format("sveden/employees/p{}.html", i);
    s.files[page] = "<!DOCTYPE html><title>Педагоги</title><p>Страница " + std::to_string(i) + "</p>";
    refs += fmt::format(" <a itemprop=\"addRef\" href=\"p{}.html\">Страница {}</a>", i, i);
  }
  s.replace("sveden/employees/index.html", "<table class=\"table\">", refs + "\n   <table class=\"table\">");
  CHECK(all(s.audit()) == all(Findings{
      "предупреждение sveden/employees/index.html: у подраздела 11\u00A0дополнительных страниц (itemprop=\"addRef\"): МР v9 (§3.1) "
      "рекомендуют не более 10",
      "предупреждение sveden/employees/index.html:25:4: ссылка itemprop=\"addRef\" «https://other.example/staff/» ведёт на другой "
      "сайт: сведения подраздела публикуются на сайте организации",
      "предупреждение sveden/employees/index.html:25:91: ссылка itemprop=\"addRef\" «../../upload/iblock/docs/kug.pdf» ведёт на "
      "файл, а не на страницу: разметку в файле робот не прочтёт"}));
}

TEST_CASE("site audit: what a compliant site may do differently gives no finding") {
  SUBCASE("websiteUchred as plain text") {
    ForeignSite s;
    s.replace("sveden/common.html", "<TD><A itemprop=websiteUchred href=\"https://verhnerechye.example/\">verhnerechye.example</A></TD>",
              "<TD itemprop=websiteUchred>verhnerechye.example</TD>");
    CHECK_MESSAGE(s.audit().empty(), all(s.audit()));
  }
  SUBCASE("divisionClauseDocLink in a repInfo row") {
    ForeignSite s;
    s.replace("sveden/struct.html",
              "<tr itemprop=\"repInfo\"><td itemprop=\"nameRep\">нет</td><td itemprop=\"addressRep\">нет</td><td itemprop=\"fioRep\">нет</td>"
              "<td itemprop=\"postRep\">нет</td><td itemprop=\"emailRep\">нет</td><td itemprop=\"websiteRep\">нет</td>"
              "<td itemprop=\"divisionClauseDocLink\">нет</td></tr>",
              "<tr itemprop=\"repInfo\"><td itemprop=\"nameRep\">Представительство в г. Екатеринбурге</td><td itemprop=\"addressRep\">620014, "
              "г. Екатеринбург, ул. Малышева, д. 10</td><td itemprop=\"fioRep\">Зайцев Олег Петрович</td><td itemprop=\"postRep\">руководитель "
              "представительства</td><td itemprop=\"emailRep\">ekb@verhnerechye.example</td><td itemprop=\"websiteRep\">нет</td><td><a "
              "itemprop=\"divisionClauseDocLink\" href=\"../upload/iblock/docs/polozh-fil.pdf\">Положение о представительстве (PDF)</a></td></tr>");
    CHECK_MESSAGE(s.audit().empty(), all(s.audit()));
  }
  SUBCASE("no eduStandartTreb: only universities set their own requirements") {
    ForeignSite s;
    s.replace("sveden/eduStandarts.html", "<p>Самостоятельно устанавливаемые требования: <span itemprop=\"eduStandartTreb\">отсутствует</span></p>", "");
    CHECK_MESSAGE(s.audit().empty(), all(s.audit()));
  }
}

TEST_CASE("site audit: a real row with a required cell written «отсутствует» is incomplete; «нет» in a cell is an answer") {
  ForeignSite s;
  s.replace("sveden/employees/index.html",
            "<td itemprop=\"teachingLevel\">среднее профессиональное, преподавание в начальных классах, учитель начальных классов</td>",
            "<td itemprop=\"teachingLevel\">отсутствует</td>");
  CHECK(all(s.audit()) ==
        all(Findings{"предупреждение sveden/employees/index.html:28:251: нет обязательных сведений «Уровень образования, "
                     "квалификация, специальность» (itemprop=\"teachingLevel\") в строке itemprop=\"teachingStaff\" подраздела "
                     "«Педагогический состав»: вместо них написано «отсутствует»"}));
  CHECK(s.run().incomplete_schools == 1);

  ForeignSite answer;
  answer.replace("sveden/employees/index.html",
                 "<td itemprop=\"teachingDiscipline\">русский язык, литературное чтение, математика, окружающий мир, труд (технология)</td>",
                 "<td itemprop=\"teachingDiscipline\">нет</td>");
  CHECK(all(answer.audit()).empty());
}
