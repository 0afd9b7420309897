// The demo municipality built as users and robots see it: every school's «Сведения об
// образовательной организации» read back from the generated HTML and checked against
// vocab/sveden.yaml the way the robot of АИС «Мониторинг» reads it; every link followed.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include "load/openness_vocabulary.h"
#include "../support/built_site.h"
#include "../support/test_files.h"
#include "audit/html_document.h"
#include "audit/markup_audit.h"
#include "analyse/indicators.h"
#include "load/indicator_vocabulary.h"
#include "load/site_loader.h"
#include "load/xlsx_file.h"
#include "model/openness.h"
#include "russian/names.h"
#include "russian/typography.h"
#include "site/build.h"
#include "write/xlsx_table.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

using test::parse_csv;
using test::read_file;

// The demo built once for all the tests of this file.
struct DemoOutput {
  const test::BuiltSite& site = test::demo_build();
  fs::path dir = site.out;
  Municipality m;
  DemoOutput() {
    RealDisk disk(SVEDEN_SOURCE_DIR);
    Diagnostics diag;
    m = std::move(*load_municipality(disk, LoadOptions{}, diag));
  }
  fs::path school(const std::string& id) const { return dir / "schools" / m.find(id)->slug; }
};

const DemoOutput& demo() {
  static DemoOutput d;
  return d;
}

std::vector<std::string> hrefs(const HtmlDocument& doc) {
  std::vector<std::string> out;
  for (int a : doc.elements("a"))
    if (const std::string* h = doc.attr(a, "href")) out.push_back(*h);
  return out;
}

bool external(const std::string& href) {
  return href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0 || href.rfind("mailto:", 0) == 0;
}

}  // namespace

TEST_CASE("demo site: every school's 14 subsections pass the markup audit") {
  const DemoOutput& d = demo();
  const OpennessVocabulary& v = builtin_openness();
  for (const auto& s : d.m.schools) {
    // A branch without a website of its own has no section; its head school's describes it.
    CHECK_MESSAGE(fs::exists(d.school(s.id) / v.path) == s.own_site, s.id);
    if (!s.own_site) continue;
    for (const auto& sub : v.subsections) {
      fs::path page = d.school(s.id) / v.path / sub.path / "index.html";
      REQUIRE_MESSAGE(fs::exists(page), page.string());
      HtmlDocument doc = parse_html(read_file(page));
      // The exact official title as the page heading.
      auto h1 = doc.elements("h1");
      REQUIRE(h1.size() == 1);
      CHECK(doc.text_content(h1[0]) == sub.title);
      // The navigation of the whole section on every page.
      std::set<fs::path> linked;
      for (const auto& h : hrefs(doc)) linked.insert((page.parent_path() / h).lexically_normal());
      for (const auto& other : v.subsections)
        CHECK_MESSAGE(linked.count(d.school(s.id) / v.path / other.path / "index.html"), page.string(), " → ", other.path);
      for (const auto& f : audit_markup(doc, sub))
        CHECK_MESSAGE(f.severity != Severity::error, s.id, " ", sub.path, ": ", format_finding(f));
    }
  }
}

TEST_CASE("demo site: the section is reached from the school's home page and main menu") {
  const DemoOutput& d = demo();
  for (const auto& s : d.m.schools) {
    HtmlDocument doc = parse_html(read_file(d.school(s.id) / "index.html"));
    // A branch without a site of its own leads to its head school's «Структура…», where it is described.
    fs::path want = s.own_site ? d.school(s.id) / "sveden/index.html" : d.school(s.parent_id) / "sveden/struct/index.html";
    int in_menu = 0, in_main = 0;
    for (int a : doc.elements("a")) {
      const std::string* h = doc.attr(a, "href");
      if (!h || external(*h) || (d.school(s.id) / *h).lexically_normal() != want.lexically_normal()) continue;
      bool menu = false;
      for (int p = doc.nodes[a].parent; p > 0; p = doc.nodes[p].parent)
        if (doc.nodes[p].tag == "nav") menu = true;
      (menu ? in_menu : in_main)++;
      CHECK(doc.text_content(a) == "Сведения об образовательной организации");
    }
    CHECK_MESSAGE(in_menu == 1, s.id);
    CHECK_MESSAGE(in_main >= 1, s.id);
  }
}

TEST_CASE("demo site: a school's home page hides the counts behind a small group's share") {
  const DemoOutput& d = demo();
  const int min_group = d.m.site.min_group;
  auto cell = [&](const Count& part, const Count& whole) {
    if (!part) return std::string("—");
    return whole && *whole > 0 && *whole < min_group ? std::string("скрыто") : format_count(*part);
  };
  auto row_end = [](const std::string& a, const std::string& b) {
    return fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>", a, b);
  };
  int hidden_schools = 0;
  for (const auto& s : d.m.schools) {
    std::string html = read_file(d.school(s.id) / "index.html");
    bool contingent_hidden = false, staff_hidden = false;
    for (const auto& c : s.contingent) {
      std::string grade10 = cell(c.grade10_continued, c.grade9_graduates);
      contingent_hidden = contingent_hidden || grade10 == "скрыто";
      std::string grade9 = c.grade9_graduates ? format_count(*c.grade9_graduates) : "—";
      CHECK_MESSAGE(html.find(row_end(grade9, grade10)) != std::string::npos, s.id, " ", c.year);
    }
    for (const auto& st : s.staff) {
      std::string young = cell(st.young_specialists, st.teachers), pension = cell(st.pension_age, st.teachers);
      staff_hidden = staff_hidden || young == "скрыто" || pension == "скрыто";
      CHECK_MESSAGE(html.find(row_end(young, pension)) != std::string::npos, s.id, " ", st.year);
    }
    // Under each table with «скрыто» in it, a sentence says why.
    CHECK_MESSAGE((html.find("«Скрыто»: выпускников 9 класса меньше 10\u00a0человек") != std::string::npos) == contingent_hidden, s.id);
    CHECK_MESSAGE((html.find("«Скрыто»: педагогов меньше 10\u00a0человек") != std::string::npos) == staff_hidden, s.id);
    hidden_schools += contingent_hidden || staff_hidden;
  }
  CHECK(hidden_schools == 5);  // the four basic schools and the branch, whose grades 9 are small; the branch also has 9 teachers
}

TEST_CASE("demo site: schools with complete data have no required information missing") {
  const DemoOutput& d = demo();
  const OpennessVocabulary& v = builtin_openness();
  for (const char* id : {"5401", "5408", "5411"}) {
    for (const auto& sub : v.subsections) {
      HtmlDocument doc = parse_html(read_file(d.school(id) / v.path / sub.path / "index.html"));
      std::map<std::string, const OpenField*> required;
      for (const auto& f : sub.fields) {
        if (!f.optional && !f.itemprop.empty()) required[f.itemprop] = &f;
        if (!f.optional)
          for (const auto& c : f.children)
            if (!c.optional && !c.itemprop.empty()) required[c.itemprop] = &c;
      }
      for (int n : doc.find_all([](const HtmlNode& x) { return x.type == HtmlNode::Type::element; })) {
        const std::string* prop = doc.attr(n, "itemprop");
        if (!prop || !required.count(*prop)) continue;
        CHECK_MESSAGE(doc.text_content(n) != required[*prop]->absent, id, " ", sub.path, " ", *prop);
      }
    }
  }
}

TEST_CASE("demo site: documents say what they are, their format and size, and exist") {
  const DemoOutput& d = demo();
  HtmlDocument doc = parse_html(read_file(d.school("5401") / "sveden/document/index.html"));
  std::set<std::string> document_props;
  for (const auto& sub : builtin_openness().subsections)
    for (const auto& f : sub.fields)
      if (f.kind == OpenField::Kind::document && !f.itemprop.empty()) document_props.insert(f.itemprop);
  int links = 0;
  for (int a : doc.elements("a")) {
    const std::string* prop = doc.attr(a, "itemprop");
    if (!prop || !document_props.count(*prop)) continue;
    ++links;
    std::string text = doc.text_content(a);
    CHECK_MESSAGE(text.find("(PDF, ") != std::string::npos, text);
    CHECK_MESSAGE(fs::exists(d.school("5401") / "sveden/document" / *doc.attr(a, "href")), *doc.attr(a, "href"));
  }
  CHECK(links >= 10);  // устав, правила, коллективный договор, отчёт, локальные акты
}

TEST_CASE("demo site: every local link and anchor resolves, and school sites stay in their folder") {
  const DemoOutput& d = demo();
  std::map<fs::path, std::set<std::string>> ids;  // page → its ids, read lazily
  auto ids_of = [&](const fs::path& p) -> const std::set<std::string>& {
    auto it = ids.find(p);
    if (it != ids.end()) return it->second;
    std::set<std::string> out;
    HtmlDocument doc = parse_html(read_file(p));
    for (int n = 0; n < static_cast<int>(doc.nodes.size()); ++n)
      if (const std::string* id = doc.attr(n, "id")) out.insert(*id);
    return ids[p] = out;
  };
  size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(d.dir)) {
    if (entry.path().extension() != ".html" || entry.path().filename() == "404.html") continue;
    fs::path rel = fs::relative(entry.path(), d.dir);
    std::string school_root = rel.begin()->string() == "schools" && std::distance(rel.begin(), rel.end()) > 2
                                  ? (d.dir / "schools" / *std::next(rel.begin())).string()
                                  : "";
    // A branch without a site of its own is the portal's pages about it: it links to its head school's section.
    if (!school_root.empty() && !fs::exists(fs::path(school_root) / "sveden")) school_root.clear();
    HtmlDocument doc = parse_html(read_file(entry.path()));
    for (const auto& h : hrefs(doc)) {
      if (external(h)) continue;
      std::string path = h.substr(0, h.find('#')), anchor = h.find('#') == std::string::npos ? "" : h.substr(h.find('#') + 1);
      fs::path target = path.empty() ? entry.path() : (entry.path().parent_path() / path).lexically_normal();
      ++checked;
      REQUIRE_MESSAGE(fs::is_regular_file(target), rel.string(), " → ", h);
      if (!school_root.empty())
        CHECK_MESSAGE(target.string().rfind(school_root, 0) == 0, rel.string(), " leaves its school site: ", h);
      if (!anchor.empty() && target.extension() == ".html") CHECK_MESSAGE(ids_of(target).count(anchor), rel.string(), " → ", h);
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("demo site: sitemaps, robots.txt and the news feed") {
  const DemoOutput& d = demo();
  std::string sitemap = read_file(d.school("5401") / "sitemap.xml");
  size_t urls = 0;
  for (size_t p = sitemap.find("<loc>"); p != std::string::npos; p = sitemap.find("<loc>", p + 1)) ++urls;
  CHECK(urls == 18);  // home, /sveden/, its 14 subsections, the quality page, the menus of /food/
  CHECK(sitemap.find("<loc>https://sch1.ozersk-edu.example/food/</loc>") != std::string::npos);
  CHECK(sitemap.find("<loc>https://sch1.ozersk-edu.example/sveden/eduStandarts/</loc>") != std::string::npos);
  CHECK(read_file(d.school("5401") / "robots.txt").find("Sitemap: https://sch1.ozersk-edu.example/sitemap.xml") != std::string::npos);
  std::string feed = read_file(d.dir / "news/atom.xml");
  size_t entries = 0;
  for (size_t p = feed.find("<entry>"); p != std::string::npos; p = feed.find("<entry>", p + 1)) ++entries;
  CHECK(entries == d.m.news.size());
  CHECK(entries >= 3);
  CHECK(fs::exists(d.school("5401") / "assets/style.css"));
  CHECK(fs::exists(d.school("5401") / "404.html"));
}

// The register of subordinate organisations (8-ФЗ, ст. 13) as the head of the department reads it.
TEST_CASE("demo site: the register counts schools and branches apart and gives each one's contacts") {
  const DemoOutput& d = demo();
  REQUIRE(d.m.schools.size() == 18);
  REQUIRE(d.m.branch_count() == 1);
  REQUIRE(d.m.organisations.size() == 2);
  fs::path page = d.dir / "schools/index.html";
  std::string html = read_file(page);
  HtmlDocument doc = parse_html(html);
  // Counted with non-breaking spaces between number and noun, branches apart.
  CHECK(html.find("В округе 17\u00A0школ и\u00A01\u00A0филиал.") != std::string::npos);
  CHECK(html.find("18\u00A0") == std::string::npos);
  auto tables = doc.elements("table");
  REQUIRE(tables.size() == 2);
  // Schools: one row each, with address, phone, e-mail, website and a working link to «Сведения…».
  std::vector<int> rows;
  for (int tr : doc.elements("tr"))
    if (doc.contains(tables[0], tr) && doc.nodes[doc.nodes[tr].parent].tag == "tbody") rows.push_back(tr);
  REQUIRE(rows.size() == 18);
  std::set<std::string> seen;
  for (int tr : rows) {
    std::string text = doc.text_content(tr);
    const School* school = nullptr;
    for (const auto& s : d.m.schools)
      if (text.rfind(typographic_quotes(s.short_name) + " ", 0) == 0) school = &s;
    REQUIRE_MESSAGE(school, text);
    seen.insert(school->id);
    CHECK_MESSAGE(text.find(typographic_quotes(school->name)) != std::string::npos, school->id);
    CHECK_MESSAGE(text.find(typographic_quotes(school->address)) != std::string::npos, school->id);
    CHECK_MESSAGE(text.find("тел. " + school->phone) != std::string::npos, school->id);  // «8 (40012) 2-15-05; 2-15-06» too
    CHECK_MESSAGE(text.find(school->director) != std::string::npos, school->id);
    std::set<std::string> links;
    for (int a : doc.elements("a"))
      if (doc.contains(tr, a)) links.insert(*doc.attr(a, "href"));
    CHECK_MESSAGE(links.count("mailto:" + school->email), school->id);
    CHECK_MESSAGE(links.count(school->website), school->id);
    std::string sveden = school->own_site ? "../schools/" + school->slug + "/sveden/index.html"
                                          : "../schools/" + d.m.find(school->parent_id)->slug + "/sveden/struct/index.html";
    REQUIRE_MESSAGE(links.count(sveden), school->id);
    CHECK(fs::is_regular_file((page.parent_path() / sveden).lexically_normal()));
    // A branch says whose it is and comes right after its school.
    if (!school->parent_id.empty()) {
      const School* parent = d.m.find(school->parent_id);
      CHECK(text.find("филиал " + typographic_quotes(parent->short_name)) != std::string::npos);
      size_t at = static_cast<size_t>(std::find(rows.begin(), rows.end(), tr) - rows.begin());
      REQUIRE(at > 0);
      CHECK(doc.text_content(rows[at - 1]).rfind(typographic_quotes(parent->short_name) + " ", 0) == 0);
    }
  }
  CHECK(seen.size() == 18);
  // The organisations that are not schools: in their own section, with contacts, and not in the count.
  std::string others = doc.text_content(tables[1]);
  for (const auto& o : d.m.organisations) {
    CHECK(others.find(o.short_name) != std::string::npos);
    CHECK(others.find(o.address) != std::string::npos);
    CHECK(others.find(o.functions) != std::string::npos);
    CHECK(doc.text_content(tables[0]).find(o.short_name) == std::string::npos);
  }
  CHECK(html.find("Иные подведомственные организации") != std::string::npos);
  CHECK(others.find("МКУ «Информационно-методический центр»") != std::string::npos);
}

TEST_CASE("demo site: schools and branches are counted apart on every page that counts them") {
  const DemoOutput& d = demo();
  std::string home = read_file(d.dir / "index.html");
  CHECK(home.find("<dt>Общеобразовательных организаций</dt><dd>17</dd>") != std::string::npos);
  CHECK(home.find("<dt>Филиалов школ</dt><dd>1</dd>") != std::string::npos);
  CHECK(home.find("<dt>Иных подведомственных организаций</dt><dd>2</dd>") != std::string::npos);
  CHECK(home.find("17\u00A0школ и\u00A01\u00A0филиал") != std::string::npos);
  std::string department = read_file(d.dir / "department/index.html");
  CHECK(department.find("17\u00A0общеобразовательных организаций (у них 1\u00A0филиал) и\u00A02\u00A0иные организации") !=
        std::string::npos);
  // The branch of the demo is among the ШНОР of 2025: counted as a branch, not as a school.
  std::string support = read_file(d.dir / "support/index.html");
  CHECK(support.find("2025 год</h4>\n  <p>Проект перечня — расчёт по критериям, приказом пока не утверждён: 8\u00A0школ и\u00A01\u00A0филиал.</p>") != std::string::npos);
  std::string all = read_file(d.dir / "reports/schools/index.html");
  CHECK(all.find("Озёрский муниципальный округ: 17\u00A0школ и\u00A01\u00A0филиал") != std::string::npos);
}

TEST_CASE("demo open data: the register lists schools, branches and the other organisations, which are not analysed") {
  const DemoOutput& d = demo();
  auto rows = parse_csv(read_file(d.dir / "opendata/organisations.csv"));
  REQUIRE(rows.size() == 1 + 18 + 2);
  CHECK(rows[0] == std::vector<std::string>{"category", "school_id", "parent_id", "name", "short_name", "kind", "director",
                                            "address", "phone", "email", "website", "sveden", "functions"});
  std::map<std::string, int> categories;
  for (size_t i = 1; i < rows.size(); ++i) ++categories[rows[i][0]];
  CHECK(categories["школа"] == 17);
  CHECK(categories["филиал"] == 1);
  CHECK(categories["иная организация"] == 2);
  bool imc = false;
  for (const auto& r : rows)
    if (r[4] == "МКУ «Информационно-методический центр»") {
      imc = true;
      CHECK(r[0] == "иная организация");
      CHECK(r[5] == "методический центр");
      CHECK(r[9] == "imc@ozersk-edu.example");
      CHECK(r[11].empty());  // no «Сведения об образовательной организации»
    }
  CHECK(imc);
  for (const auto& r : rows)
    if (r[1] == "5401") CHECK(r[11] == "https://sch1.ozersk-edu.example/sveden/");
  std::string json = read_file(d.dir / "opendata/organisations.json");
  CHECK(json.find("\"counts\":{\n\"schools\":17,\n\"branches\":1,\n\"organisations\":2\n}") != std::string::npos);
  CHECK(json.find("\"short_name\":\"МКУ «Информационно-методический центр»\",\"kind\":\"методический центр\"") !=
        std::string::npos);
  // Analysis sees schools only.
  for (const char* file : {"opendata/classification.csv", "opendata/indicators.csv", "opendata/risk_profile.csv"})
    CHECK_MESSAGE(read_file(d.dir / file).find("Информационно-методический") == std::string::npos, file);
  CHECK(read_file(d.dir / "opendata/index.html").find("organisations.csv") != std::string::npos);
}

TEST_CASE("demo open data: criteria.csv gives a source or a choice for every rule of every preset, and is listed") {
  const DemoOutput& d = demo();
  auto rows = parse_csv(read_file(d.dir / "opendata/criteria.csv"));
  REQUIRE(rows.size() > 60);
  CHECK(rows[0] == std::vector<std::string>{"группа", "код", "правило", "показатель", "сравнение", "порог", "сочетание", "источник", "вид"});
  std::set<std::string> codes;
  for (size_t r = 1; r < rows.size(); ++r) {
    REQUIRE(rows[r].size() == 9);
    codes.insert(rows[r][1]);
    CHECK_MESSAGE(!rows[r][7].empty(), rows[r][1]);
    CHECK_MESSAGE((rows[r][8] == "источник" || rows[r][8] == "выведено из источника" || rows[r][8] == "выбор набора"), rows[r][1]);
  }
  // One row per rule, nested and levels included: a sample from each preset.
  for (const char* code : {"shnor.regional_indicators.oge_math_mean_fell2", "shnor.combination", "shfnsu.social_index_below_minus30",
                           "rosobr30.same_assessment_two_years", "risk_zone.young_specialists_above_municipal",
                           "risk_zone.results_index_fell", "equipment_low.high.2", "equipment_low.medium", "low_adaptivity",
                           "social_index", "results_index", "procedure"})
    CHECK_MESSAGE(codes.count(code), code);
  CHECK(read_file(d.dir / "opendata/index.html").find("criteria.csv") != std::string::npos);
  CHECK(read_file(d.dir / "opendata/README.md").find("## criteria.csv") != std::string::npos);
  // The README says how a table longer than a sheet is kept, with the writer's own limit.
  CHECK(read_file(d.dir / "opendata/README.md").find("Лист Excel вмещает " + format_count(static_cast<long long>(kXlsxSheetRows)) +
                                                     " строк под строкой заголовка") != std::string::npos);
  // The support page and the report show where each rule comes from.
  std::string support = read_file(d.dir / "support/index.html");
  CHECK(support.find("Откуда: Приказ отдела образования Администрации МО «Ельнинский район»") != std::string::npos);
  CHECK(support.find("критерии sveden, не приказа №") != std::string::npos);
  CHECK(support.find("Одна оценочная процедура — ОГЭ по одному предмету") != std::string::npos);
  CHECK(support.find("по мотивам дорожной карты") != std::string::npos);
}

TEST_CASE("demo open data: every CSV has its XLSX beside it, listed on the page, with the same rows typed") {
  const DemoOutput& d = demo();
  std::string page = read_file(d.dir / "opendata/index.html");
  int tables = 0;
  for (const auto& e : fs::directory_iterator(d.dir / "opendata")) {
    if (e.path().extension() != ".csv") continue;
    ++tables;
    fs::path xlsx = e.path();
    xlsx.replace_extension(".xlsx");
    std::string name = xlsx.filename().string();
    INFO(name);
    REQUIRE(fs::exists(xlsx));
    std::string bytes = read_file(xlsx);
    CHECK(check_xlsx(bytes).ok);
    CHECK(page.find("opendata/" + name + "\"") != std::string::npos);
    CHECK(page.find(">" + name + "</a> (Excel, XLSX)") != std::string::npos);
    // One row of the sheet for each line of the CSV, the header frozen.
    auto sheet = zip_entry(bytes, "xl/worksheets/sheet1.xml");
    REQUIRE(sheet);
    size_t csv_rows = parse_csv(read_file(e.path())).size();
    CHECK(sheet->find("<row r=\"" + std::to_string(csv_rows) + "\"") != std::string::npos);
    CHECK(sheet->find("<row r=\"" + std::to_string(csv_rows + 1) + "\"") == std::string::npos);
    CHECK(sheet->find("state=\"frozen\"") != std::string::npos);
  }
  CHECK(tables == 13);
  // indicators.xlsx: the year (F) and the value (G) are numbers, the school code (A) a string.
  auto sheet = zip_entry(read_file(d.dir / "opendata/indicators.xlsx"), "xl/worksheets/sheet1.xml");
  REQUIRE(sheet);
  CHECK(std::regex_search(*sheet, std::regex("<c r=\"A2\" t=\"s\"><v>")));
  CHECK(std::regex_search(*sheet, std::regex("<c r=\"F2\"( s=\"[0-9]+\")?><v>20[0-9]{2}</v></c>")));
  CHECK(std::regex_search(*sheet, std::regex("<c r=\"G2\" s=\"[0-9]+\"><v>[0-9.]+</v></c>")));
}

TEST_CASE("demo site: the menus of /food are published, open as XLSX and are linked from catering") {
  const DemoOutput& d = demo();
  // СОШ № 1: a week of menus from data/menus.csv and its own typical menu from documents/5401/food/.
  fs::path food = d.school("5401") / "food";
  for (const char* name : {"2025-09-29-sm.xlsx", "2025-09-30-sm.xlsx", "2025-10-01-sm.xlsx", "2025-10-02-sm.xlsx",
                           "2025-10-03-sm.xlsx", "tm2025-sm.xlsx", "index.html"}) {
    INFO(name);
    CHECK(fs::exists(food / name));
  }
  std::string day = read_file(food / "2025-10-01-sm.xlsx");
  CHECK(check_xlsx(day).ok);
  auto strings = zip_entry(day, "xl/sharedStrings.xml");
  REQUIRE(strings);
  CHECK(strings->find(">Запеканка из творога со сгущённым молоком<") != std::string::npos);
  CHECK(strings->find(">Плов из птицы<") != std::string::npos);
  CHECK(strings->find(">МБОУ СОШ № 1<") != std::string::npos);
  CHECK(read_file(food / "tm2025-sm.xlsx") == read_file(fs::path(SVEDEN_SOURCE_DIR) / "documents/5401/food/tm2025-sm.xlsx"));

  // Catering links the menu of the as-of day (1 October 2025) and the folder's page, which links every file.
  const std::string nb = "\u00a0";
  std::string catering = read_file(d.school("5401") / "sveden/catering/index.html");
  CHECK(catering.find("<a href=\"../../food/2025-10-01-sm.xlsx\">Меню на 1" + nb + "октября" + nb + "2025" + nb + "г. (XLSX, ") !=
        std::string::npos);
  CHECK(catering.find("<a href=\"../../food/index.html\">Все меню: папка food (6" + nb + "файлов)</a>") != std::string::npos);
  HtmlDocument index = parse_html(read_file(food / "index.html"));
  std::set<std::string> linked;
  for (const auto& h : hrefs(index)) linked.insert(h);
  for (const auto& e : fs::directory_iterator(food))
    if (e.path().filename() != "index.html") CHECK_MESSAGE(linked.count(e.path().filename().string()), e.path().string());

  // Берёзовская СОШ has menus up to 30 September only: catering shows the latest. СОШ № 2 has none here:
  // catering keeps the address of its menus from data/sveden/info.csv.
  std::string berezovka = read_file(d.school("5408") / "sveden/catering/index.html");
  CHECK(berezovka.find("<a href=\"../../food/2025-09-30-sm.xlsx\">Меню на 30" + nb + "сентября") != std::string::npos);
  CHECK_FALSE(fs::exists(d.school("5402") / "food"));
  std::string sosh2 = read_file(d.school("5402") / "sveden/catering/index.html");
  CHECK(sosh2.find("../../food/") == std::string::npos);
  CHECK(sosh2.find("<a href=\"https://sch2.ozersk-edu.example/food/\">Меню на каждый день (папка food)</a>") != std::string::npos);
}

TEST_CASE("demo: similar schools in open data, on each school's quality page, never over fewer than the minimum") {
  const DemoOutput& d = demo();
  auto rows = parse_csv(read_file(d.dir / "opendata/similar.csv"));
  REQUIRE(rows.size() > 1);
  CHECK(rows[0] == std::vector<std::string>{"school_id", "school", "indicator", "indicator_title", "subject", "year", "similar_group",
                                            "similar", "schools", "unit"});
  const int last_year = d.m.site.years.back();
  int shown = 0, too_few = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    int schools = std::stoi(row[8]);
    // A group value rests on at least 3 published values; with fewer it is empty.
    CHECK_MESSAGE(row[7].empty() == (schools < 3), row[0], " ", row[2], " ", row[4], " ", row[5]);
    CHECK(row[2] != "results_index");  // a relative index has no group value
    if (std::stoi(row[5]) != last_year) continue;
    // The quality page of the school shows the same figure in the row of the series.
    const IndicatorSpec* spec = nullptr;
    for (const auto& s : builtin_indicators())
      if (s.id == row[2]) spec = &s;
    REQUIRE(spec);
    std::string html = read_file(d.school(row[0]) / "kachestvo/index.html");
    size_t section = html.find("id=\"similar-title\"");
    REQUIRE_MESSAGE(section != std::string::npos, row[0]);
    std::string title = row[4].empty() ? row[3] : row[3] + " " + parenthetical(row[4]);
    size_t th = html.find("<th scope=\"row\">" + title + "</th>", section);
    REQUIRE_MESSAGE(th != std::string::npos, row[0], " ", title);
    std::string tr = html.substr(th, html.find("</tr>", th) - th);
    std::string number = row[7];
    std::replace(number.begin(), number.end(), ',', '.');
    std::string expected = row[7].empty() ? std::string("недостаточно похожих школ")
                                          : format_indicator(*spec, std::stod(number)) + " (";
    CHECK_MESSAGE(tr.find(expected) != std::string::npos, row[0], " ", title, ": ", tr);
    ++(row[7].empty() ? too_few : shown);
  }
  CHECK(shown > 0);
  CHECK(too_few > 0);
  std::string readme = read_file(d.dir / "opendata/README.md");
  CHECK(readme.find("## similar.csv") != std::string::npos);
  CHECK(read_file(d.dir / "opendata/index.html").find("similar.csv") != std::string::npos);
}
