#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <random>

#include "audit/markup_audit.h"

using namespace sveden;

// Findings print one a line when a check fails.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += "\n  " + x;
    return s.c_str();
  }
};
}  // namespace doctest

namespace {

// Subsections built by hand, shaped like vocab/sveden.yaml, so that these tests do not move with it.
OpenField field(std::string itemprop, OpenField::Kind kind = OpenField::Kind::value, bool optional = false,
                std::string absent = "") {
  OpenField f;
  f.kind = kind;
  f.itemprop = std::move(itemprop);
  f.optional = optional;
  f.absent = std::move(absent);
  return f;
}

OpenField rows(std::string itemprop, std::vector<OpenField> children, bool optional = false, std::string absent = "") {
  OpenField f = field(std::move(itemprop), OpenField::Kind::rows, optional, std::move(absent));
  f.children = std::move(children);
  return f;
}

OpenSubsection employees() {
  return {"employees", "Педагогический состав", "",
          {rows("teachingStaff", {field("fio"), field("post"), field("degree", OpenField::Kind::value, true, "нет")})}};
}

OpenSubsection common() {
  return {"common", "Основные сведения", "",
          {field("fullName"), field("shortName", OpenField::Kind::value, true),
           rows("uchredLaw", {field("nameUchred"), field("websiteUchred", OpenField::Kind::link, true)}),
           field("email"), rows("addressPlaceSet", {field("")}, true, "нет")}};
}

OpenSubsection managers() {
  return {"managers", "Руководство", "",
          {rows("rucovodstvo", {field("fio"), field("post")}),
           rows("rucovodstvoZam", {field("fio"), field("post")}, true, "нет")}};
}

OpenSubsection documents() {
  return {"document", "Документы", "",
          {field("ustavDocLink", OpenField::Kind::document),
           field("prescriptionDocLink", OpenField::Kind::document, true, "предписаний нет")}};
}

std::vector<std::string> audit(std::string_view html, const OpenSubsection& sub, std::string_view title = {}) {
  std::vector<std::string> out;
  for (const AuditFinding& f : audit_markup(parse_html(html), sub, title)) out.push_back(format_finding(f));
  return out;
}

using Findings = std::vector<std::string>;

// A teacher row with all its children, for pages whose defect is elsewhere.
const char* kRow = R"(<tr itemprop="teachingStaff"><td itemprop="fio">Иванова Анна Петровна</td><td itemprop="post">учитель</td><td itemprop="degree">нет</td></tr>)";

std::string employees_page(std::string_view body) {
  return "<!DOCTYPE html>\n<h1>Педагогический состав</h1>\n" + std::string(body);
}

}  // namespace

TEST_CASE("markup audit: correct pages have no findings") {
  CHECK(audit(R"(<!DOCTYPE html>
<html><head><title>Педагогический состав — Школа № 1</title></head>
<body><h1>Педагогический  состав</h1>
<table>
<thead><tr><th>ФИО</th><th>Должность</th><th>Учёная степень</th></tr></thead>
<tbody>
<tr itemprop="teachingStaff"><td itemprop="fio">Иванова Анна Петровна</td><td itemprop="post">учитель</td><td itemprop="degree">нет</td></tr>
<tr itemprop="teachingStaff"><td itemprop="fio">Петров Пётр</td><td><div><span itemprop="post">учитель</span></div></td><td itemprop="degree">кандидат наук</td></tr>
</tbody></table></body></html>)",
              employees()) == Findings{});
  CHECK(audit(R"(<h1>Основные сведения</h1>
<p>Полное наименование: <span itemprop="fullName">Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»</span></p>
<p itemprop="shortName">Отсутствует</p>
<table><tr itemprop="uchredLaw"><td itemprop="nameUchred">Администрация города</td><td><a itemprop="websiteUchred" href="https://city.example/">city.example</a></td></tr></table>
<p>Почта: <a href="mailto:school@example.ru" itemprop="email">school@example.ru</a></p>
<p itemprop="addressPlaceSet">нет</p>)",
              common()) == Findings{});
  CHECK(audit(R"(<title>Документы | Школа</title>
<a href="files/ustav.pdf" itemprop="ustavDocLink">Устав (PDF, 2 МБ)</a>
<p itemprop="prescriptionDocLink">Предписаний нет.</p>)",
              documents()) == Findings{});
}

TEST_CASE("markup audit: the official subsection title") {
  CHECK(audit(std::string("<title>Школа № 1</title>\n") + kRow, employees()) ==
        Findings{"ошибка: нет заголовка <h1> «Педагогический состав»: заголовок страницы — официальное название подраздела"});
  CHECK(audit(std::string("<h1>Наши учителя</h1>\n") + kRow, employees()) ==
        Findings{"1:1: ошибка: заголовок <h1> «Наши учителя» не совпадает с официальным названием подраздела «Педагогический состав»"});
  // ё and е are one letter; the caller may ask for another title.
  CHECK(audit(std::string("<h1>Вакантные места для приёма</h1>") + kRow, employees(), "Вакантные места для приема") == Findings{});
}

TEST_CASE("markup audit: a row itemprop on <table>") {
  CHECK(audit(employees_page(R"(<table itemprop="teachingStaff">
<tr><td itemprop="fio">Иванова А. П.</td><td itemprop="post">учитель</td><td itemprop="degree">нет</td></tr>
</table>)"),
              employees()) == Findings{"3:1: ошибка: itemprop=\"teachingStaff\" стоит на <table>: нужна строка <tr> на каждую сущность"});
}

TEST_CASE("markup audit: a child outside its row") {
  CHECK(audit(employees_page(R"(<table>
<tr><th itemprop="fio">ФИО</th><th>Должность</th></tr>
)" + std::string(kRow) + "</table>"),
              employees()) == Findings{"4:5: ошибка: itemprop=\"fio\" вне строки itemprop=\"teachingStaff\""});
  // A name shared by several rows is resolved by its parent; at the root it belongs to none.
  CHECK(audit(R"(<h1>Руководство</h1>
<div itemprop="rucovodstvo"><span itemprop="fio">Сидорова Е. В.</span>, <span itemprop="post">директор</span></div>
<p itemprop="rucovodstvoZam">нет</p>
<p itemprop="post">заместитель директора</p>)",
              managers()) == Findings{"4:1: ошибка: itemprop=\"post\" вне строки itemprop=\"rucovodstvo\" или itemprop=\"rucovodstvoZam\""});
}

TEST_CASE("markup audit: hidden markup") {
  CHECK(audit(employees_page(std::string("<table>\n") + kRow + "\n<tr itemprop=\"teachingStaff\" hidden><td itemprop=\"fio\">Петров</td><td itemprop=\"post\">учитель</td><td itemprop=\"degree\">нет</td></tr></table>"),
              employees()) == Findings{"5:1: ошибка: разметка скрыта (атрибут hidden): робот и посетитель видят разное"});
  CHECK(audit(employees_page(std::string("<div style=\"DISPLAY: none\"><table>\n") + kRow + "</table></div>"), employees()) ==
        Findings{"4:1: ошибка: разметка скрыта (display:none): робот и посетитель видят разное"});
  CHECK(audit(employees_page(std::string("<section class=\"content hidden\"><table>\n") + kRow + "</table></section>"), employees()) ==
        Findings{"4:1: ошибка: разметка скрыта (class=\"hidden\"): робот и посетитель видят разное"});
  CHECK(audit(employees_page(std::string("<table>\n") + R"(<tr itemprop="teachingStaff"><td itemprop="fio">Иванова</td><td itemprop="post">учитель</td><td itemprop="degree" aria-hidden="true">нет</td></tr></table>)"),
              employees()) == Findings{"4:93: ошибка: разметка скрыта (aria-hidden=\"true\"): робот и посетитель видят разное"});
}

TEST_CASE("markup audit: empty values and dashes") {
  CHECK(audit(employees_page(R"(<table>
<tr itemprop="teachingStaff"><td itemprop="fio">Иванова</td><td itemprop="post"> &nbsp; </td><td itemprop="degree">—</td></tr>
</table>)"),
              employees()) == Findings{"4:61: ошибка: пустое значение itemprop=\"post\"",
                                       "4:94: предупреждение: вместо значения itemprop=\"degree\" прочерк: пишется «отсутствует», «нет» или «0»"});
}

TEST_CASE("markup audit: itemscope and itemtype are not used") {
  CHECK(audit(employees_page(R"(<table>
<tr itemprop="teachingStaff" itemscope itemtype="https://schema.org/Person"><td itemprop="fio">Иванова</td><td itemprop="post">учитель</td><td itemprop="degree">нет</td></tr>
</table>)"),
              employees()) == Findings{"4:1: ошибка: атрибут itemscope не используется: робот АИС «Мониторинг» читает только itemprop",
                                       "4:1: ошибка: атрибут itemtype не используется: робот АИС «Мониторинг» читает только itemprop"});
}

TEST_CASE("markup audit: nesting deeper than one level") {
  CHECK(audit(employees_page(R"(<table>
<tr itemprop="teachingStaff"><td itemprop="fio">Иванова <span itemprop="post">учитель</span></td><td itemprop="degree">нет</td></tr>
</table>)"),
              employees()) == Findings{"4:1: ошибка: в строке itemprop=\"teachingStaff\" нет обязательного itemprop=\"post\"",
                                       "4:57: ошибка: itemprop=\"post\" вложен в itemprop=\"fio\" внутри itemprop=\"teachingStaff\": вложенность глубже одного уровня робот не учитывает"});
  CHECK(audit(R"(<h1>Руководство</h1>
<div itemprop="rucovodstvo"><span itemprop="fio">Сидорова Е. В.</span> <span itemprop="post">директор</span>
<div itemprop="rucovodstvoZam"><span>нет</span></div></div>)",
              managers()) == Findings{"ошибка: нет атрибута itemprop=\"rucovodstvoZam\": если сведений нет, пишется «нет» с этой разметкой",
                                      "3:1: ошибка: строка itemprop=\"rucovodstvoZam\" вложена в строку itemprop=\"rucovodstvo\": вложенность глубже одного уровня робот не учитывает"});
  CHECK(audit(employees_page(std::string("<div itemprop=\"staff\"><table>") + kRow + "</table></div>"), employees()) ==
        Findings{"ошибка: нет обязательного атрибута itemprop=\"teachingStaff\"",
                 "3:1: предупреждение: itemprop=\"staff\" нет в словаре подраздела «Педагогический состав»",
                 "3:30: ошибка: строка itemprop=\"teachingStaff\" внутри itemprop=\"staff\": строка должна быть корневой, без размеченных предков",
                 "3:59: ошибка: itemprop=\"fio\" вложен в itemprop=\"teachingStaff\" внутри itemprop=\"staff\": вложенность глубже одного уровня робот не учитывает",
                 "3:104: ошибка: itemprop=\"post\" вложен в itemprop=\"teachingStaff\" внутри itemprop=\"staff\": вложенность глубже одного уровня робот не учитывает",
                 "3:136: ошибка: itemprop=\"degree\" вложен в itemprop=\"teachingStaff\" внутри itemprop=\"staff\": вложенность глубже одного уровня робот не учитывает"});
}

TEST_CASE("markup audit: unknown itemprop names and several names in one") {
  CHECK(audit(employees_page(R"(<p itemprop="copy">Версия для слабовидящих</p>
<table><tr itemprop="teachingStaff"><td itemprop="fio">Иванова</td><td itemprop="post genExperience">учитель</td><td itemprop="degree">нет</td></tr></table>)"),
              employees()) == Findings{"3:1: предупреждение: itemprop=\"copy\" нет в словаре подраздела «Педагогический состав»",
                                       "4:68: предупреждение: несколько имён в одном itemprop (\"post genExperience\"): робот может их не распознать",
                                       "4:68: предупреждение: itemprop=\"genExperience\" нет в словаре строки itemprop=\"teachingStaff\""});
}

TEST_CASE("markup audit: missing fields and row children") {
  CHECK(audit(R"(<h1>Основные сведения</h1>
<table><tr itemprop="uchredLaw"><td>Администрация города</td></tr></table>
<p itemprop="email">school@example.ru</p>)",
              common()) == Findings{"ошибка: нет обязательного атрибута itemprop=\"fullName\"",
                                    "ошибка: нет атрибута itemprop=\"shortName\": если сведений нет, пишется «отсутствует» с этой разметкой",
                                    "ошибка: нет атрибута itemprop=\"addressPlaceSet\": если сведений нет, пишется «нет» с этой разметкой",
                                    "2:8: ошибка: в строке itemprop=\"uchredLaw\" нет обязательного itemprop=\"nameUchred\"",
                                    "2:8: предупреждение: в строке itemprop=\"uchredLaw\" нет itemprop=\"websiteUchred\": если сведений нет, пишется «отсутствует» с этой разметкой"});
  // A top-level field inside another field is not seen at the root.
  CHECK(audit(R"(<h1>Основные сведения</h1>
<div itemprop="fullName">Школа № 1 <span itemprop="shortName">МБОУ «Школа № 1»</span></div>
<table><tr itemprop="uchredLaw"><td itemprop="nameUchred">Администрация</td><td itemprop="websiteUchred">нет</td></tr></table>
<p itemprop="email">school@example.ru</p><p itemprop="addressPlaceSet"></p>)",
              common()) == Findings{"ошибка: нет атрибута itemprop=\"shortName\": если сведений нет, пишется «отсутствует» с этой разметкой",
                                    "2:36: ошибка: itemprop=\"shortName\" внутри itemprop=\"fullName\": робот сочтёт его дочерним, а не самостоятельным",
                                    "4:42: ошибка: пустое значение itemprop=\"addressPlaceSet\""});
}

TEST_CASE("markup audit: document links") {
  CHECK(audit(R"(<h1>Документы</h1>
<span itemprop="ustavDocLink">Устав</span>
<a itemprop="prescriptionDocLink">Предписание от 01.02.2025</a>)",
              documents()) == Findings{"2:1: ошибка: itemprop=\"ustavDocLink\" — ссылка на документ: нужна <a href=\"…\">, а не <span>",
                                       "3:1: ошибка: у ссылки itemprop=\"prescriptionDocLink\" нет адреса (href)"});
  CHECK(audit(R"(<h1>Документы</h1>
<a href="/files/ustav.pdf" itemprop="ustavDocLink">Устав</a>
<a href="docs/report.DOCX?v=2" itemprop="prescriptionDocLink"><img src="icon.png"></a>
<a href="https://other.example/plan.pdf">План (внешний)</a> <a href="plan.html">План</a> <a href="otchet.xlsx">Отчёт, xlsx</a>)",
              documents()) == Findings{"2:1: предупреждение: в тексте ссылки не указан формат файла (PDF)",
                                       "3:1: ошибка: пустой текст ссылки itemprop=\"prescriptionDocLink\""});
}

TEST_CASE("markup audit: values kept in attributes are not seen") {
  CHECK(audit(employees_page(R"(<table><tr itemprop="teachingStaff"><td itemprop="fio">Иванова</td><td itemprop="post">учитель</td>
<td>нет<meta itemprop="degree" content="нет"></td></tr></table>)"),
              employees()) == Findings{"4:8: ошибка: разметка скрыта (<meta>): робот и посетитель видят разное",
                                       "4:8: ошибка: пустое значение itemprop=\"degree\""});
}

TEST_CASE("markup audit: any page is audited, however broken") {
  const char* words[] = {"<tr itemprop=\"teachingStaff\">", "<td itemprop=\"fio\">", "<td itemprop='post degree'>",
                         "<table itemprop=teachingStaff>", "<div hidden>", "<p style=\"display:none\">", "</td>", "</tr>",
                         "</table>", "<a href=x.pdf itemprop=degree>", "<h1>", "Педагогический состав", "&nbsp;", "—",
                         "<span itemscope itemprop=staff>", "нет", "</div>", "<li class=sr-only>", "<", "<meta itemprop=fio>"};
  std::mt19937 rng(7);
  // Whatever the page, the audit answers: the same findings twice, each with a message and a position on
  // the page (or none, for the page as a whole), and a page without the subsection's markup is never clean.
  for (int round = 0; round < 1000; ++round) {
    std::string html;
    for (int n = static_cast<int>(rng() % 60); n > 0; --n) html += words[rng() % std::size(words)];
    auto findings = audit_markup(parse_html(html), employees());
    auto again = audit_markup(parse_html(html), employees());
    INFO(html);
    REQUIRE(findings.size() == again.size());
    int lines = 1 + static_cast<int>(std::count(html.begin(), html.end(), '\n'));
    for (size_t k = 0; k < findings.size(); ++k) {
      CHECK(findings[k].message == again[k].message);
      CHECK_FALSE(findings[k].message.empty());
      CHECK((findings[k].pos.line >= 0 && findings[k].pos.line <= lines));
    }
    if (html.find("teachingStaff") == std::string::npos) CHECK_FALSE(findings.empty());
  }
}

TEST_CASE("markup audit: findings print as line:column: severity: message") {
  AuditFinding f{Severity::warning, "fio", "сообщение", {12, 5}};
  CHECK(format_finding(f) == "12:5: предупреждение: сообщение");
  f.pos = {};
  f.severity = Severity::error;
  CHECK(format_finding(f) == "ошибка: сообщение");
}

namespace {

OpenField labelled(OpenField f, std::string label) {
  f.label = std::move(label);
  return f;
}

// Required fields with labels, a required table and optional ones, for incomplete information.
OpenSubsection budget() {
  return {"budget", "Финансово-хозяйственная деятельность", "",
          {labelled(field("finBFVolume"), "Объём за счёт федерального бюджета"),
           labelled(rows("volume", {field("finYear"), field("finPost")}), "Поступление и расходование средств"),
           labelled(field("finPlanDocLink", OpenField::Kind::document), "План ФХД"),
           labelled(field("hostelInfo", OpenField::Kind::value, true, "0"), "Количество общежитий")}};
}

}  // namespace

TEST_CASE("markup audit: required information written as absent is incomplete") {
  CHECK(audit(R"(<h1>Финансово-хозяйственная деятельность</h1>
<p itemprop="finBFVolume">0</p>
<table><tr itemprop="volume"><td itemprop="finYear">2024</td><td itemprop="finPost">0</td></tr></table>
<p><a itemprop="finPlanDocLink" href="plan.pdf">План ФХД (PDF)</a></p>
<p itemprop="hostelInfo">0</p>)",
              budget()) == Findings{});
  std::vector<AuditFinding> f = audit_markup(parse_html(R"(<h1>Финансово-хозяйственная деятельность</h1>
<p itemprop="finBFVolume">Отсутствует.</p>
<table><tr itemprop="volume"><td itemprop="finYear">нет</td><td itemprop="finPost">нет</td></tr></table>
<p itemprop="finPlanDocLink">План ФХД отсутствует</p>
<p itemprop="hostelInfo">нет</p>)"),
                                             budget());
  std::vector<std::string> text;
  for (const auto& x : f) text.push_back(format_finding(x));
  CHECK(text == Findings{"2:1: предупреждение: нет обязательных сведений «Объём за счёт федерального бюджета» (itemprop=\"finBFVolume\") "
                         "в подразделе «Финансово-хозяйственная деятельность»: вместо них написано «Отсутствует.»",
                         "3:8: предупреждение: нет обязательных сведений «Поступление и расходование средств» (itemprop=\"volume\") "
                         "в подразделе «Финансово-хозяйственная деятельность»: в таблице только строка «нет»",
                         "4:1: предупреждение: нет обязательных сведений «План ФХД» (itemprop=\"finPlanDocLink\") в подразделе "
                         "«Финансово-хозяйственная деятельность»: вместо них написано «План ФХД отсутствует»"});
  REQUIRE(f.size() == 3);
  CHECK((f[0].incomplete && f[1].incomplete && f[2].incomplete));
  // One real value among absent ones, one real row among absence rows: the information is there.
  CHECK(audit(R"(<h1>Финансово-хозяйственная деятельность</h1>
<p itemprop="finBFVolume">нет</p><p itemprop="finBFVolume">12,5</p>
<table><tr itemprop="volume"><td itemprop="finYear">нет</td><td itemprop="finPost">нет</td></tr>
<tr itemprop="volume"><td itemprop="finYear">2024</td><td itemprop="finPost">нет</td></tr></table>
<p><a itemprop="finPlanDocLink" href="plan.pdf">План ФХД (PDF)</a></p><p itemprop="hostelInfo">0</p>)",
              budget()) == Findings{});
}

TEST_CASE("markup audit: hidden by frameworks' classes, unless shown from some screen width") {
  CHECK(audit(employees_page(std::string("<div class=\"card d-none\"><table>\n") + kRow + "</table></div>"), employees()) ==
        Findings{"4:1: ошибка: разметка скрыта (class=\"d-none\"): робот и посетитель видят разное"});
  CHECK(audit(employees_page(std::string("<table class=\"invisible\">\n") + kRow + "</table>"), employees()) ==
        Findings{"4:1: ошибка: разметка скрыта (class=\"invisible\"): робот и посетитель видят разное"});
  CHECK(audit(employees_page(std::string("<div class=\"d-none d-lg-block\"><table>\n") + kRow + "</table></div>"), employees()) == Findings{});
  CHECK(audit(employees_page(std::string("<div class=\"hidden md:flex\"><table>\n") + kRow + "</table></div>"), employees()) == Findings{});
}

TEST_CASE("markup audit: hidden by a class of the page's <style> or of its linked stylesheets") {
  std::string page = employees_page(std::string("<style>.spoiler-body { display : none !important } @media print { .noprint { display: none } }</style>\n"
                                                "<div class=\"noprint\"><table class=\"spoiler-body\">\n") + kRow + "</table></div>");
  CHECK(audit(page, employees()) ==
        Findings{"5:1: ошибка: разметка скрыта (class=\"spoiler-body\": display:none в <style> страницы): робот и посетитель видят разное"});
  HtmlDocument doc = parse_html(employees_page(std::string("<table class=\"folded\">\n") + kRow + "</table>"));
  std::vector<std::string> text;
  for (const auto& f : audit_markup({{&doc, {{"folded", "visibility:hidden в css/site.css"}}}}, employees()))
    text.push_back(format_finding(f));
  CHECK(text == Findings{"4:1: ошибка: разметка скрыта (class=\"folded\": visibility:hidden в css/site.css): робот и посетитель видят разное"});
}

TEST_CASE("markup audit: a subsection over several pages is audited as one") {
  HtmlDocument main = parse_html(R"(<h1>Педагогический состав</h1>
<p>Педагоги основного общего образования — <a itemprop="addRef" href="ooo.html">на отдельной странице</a>.</p>)");
  HtmlDocument more = parse_html(std::string("<h1>Педагоги ООО</h1>\n<table>") + kRow + "</table>\n<p itemprop=\"degree\">нет</p>");
  std::vector<AuditFinding> f = audit_markup({{&main, {}}, {&more, {}}}, employees());
  REQUIRE(f.size() == 1);
  CHECK(f[0].page == 1);
  CHECK(format_finding(f[0]) == "3:1: ошибка: itemprop=\"degree\" вне строки itemprop=\"teachingStaff\"");
  // Without its addRef page the subsection lacks its rows; an addRef that is not a link is an error.
  CHECK(audit(R"(<h1>Педагогический состав</h1>
<span itemprop="addRef">ooo.html</span>)",
              employees()) == Findings{"ошибка: нет обязательного атрибута itemprop=\"teachingStaff\"",
                                       "2:1: ошибка: itemprop=\"addRef\" — ссылка на страницу подраздела: нужна <a href=\"…\">, а не <span>"});
  CHECK(add_refs(main).size() == 1);
}

TEST_CASE("markup audit: a T/L field may be text; what only universities publish may be left out") {
  OpenSubsection sub = common();
  CHECK(audit(R"(<h1>Основные сведения</h1><p itemprop="fullName">Школа № 1</p><p itemprop="shortName">нет</p>
<table><tr itemprop="uchredLaw"><td itemprop="nameUchred">Администрация</td><td itemprop="websiteUchred">city.example</td></tr></table>
<p itemprop="email">school@example.ru</p><p itemprop="addressPlaceSet">нет</p>)",
              sub) == Findings{"2:77: ошибка: itemprop=\"websiteUchred\" — ссылка на документ: нужна <a href=\"…\">, а не <td>"});
  sub.fields[2].children[1].or_text = true;
  CHECK(audit(R"(<h1>Основные сведения</h1><p itemprop="fullName">Школа № 1</p><p itemprop="shortName">нет</p>
<table><tr itemprop="uchredLaw"><td itemprop="nameUchred">Администрация</td><td itemprop="websiteUchred">city.example</td></tr></table>
<p itemprop="email">school@example.ru</p><p itemprop="addressPlaceSet">нет</p>)",
              sub) == Findings{});
  OpenSubsection standards{"eduStandarts", "Образовательные стандарты и требования", "",
                           {field("eduFedDoc", OpenField::Kind::links), field("eduStandartTreb", OpenField::Kind::document, true)}};
  standards.fields[1].universities_only = true;
  CHECK(audit(R"(<h1>Образовательные стандарты и требования</h1><a itemprop="eduFedDoc" href="https://fgos.ru/">ФГОС НОО</a>)",
              standards) == Findings{});
}
