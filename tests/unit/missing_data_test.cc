// Missing is never zero, and the user is told: hand-made sites (the minimal fixture with one change)
// where data a rule needs is absent — stages of the olympiad, the kind of a school, the previous year
// of the 30 % rule, a whole table or column. Each asserts the exact verdict, the exact explanation
// and the exact warning of `sveden check`; the expected values are worked out in the comments.
#include <filesystem>
#include <fstream>
#include <map>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include "../support/test_files.h"
#include "analyse/classify.h"
#include "analyse/indicators.h"
#include "load/indicator_vocabulary.h"
#include "load/site_loader.h"
#include "site/build.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

constexpr const char* kNb = "\u00a0";

// The minimal fixture in a temporary folder with some files replaced (or, with an empty text, removed).
class Site {
 public:
  explicit Site(const std::map<std::string, std::string>& changes) {
    char tmpl[] = "/tmp/sveden-missing-XXXXXX";
    REQUIRE(mkdtemp(tmpl));
    dir_ = tmpl;
    for (const auto& [rel, contents] : test::read_tree(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal")) write(rel, contents);
    for (const auto& [rel, contents] : changes) {
      if (contents.empty()) fs::remove(dir_ / rel);
      else write(rel, contents);
    }
    RealDisk disk(dir_.string());
    Diagnostics diag;
    auto m = load_municipality(disk, LoadOptions{}, diag);
    REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
    m_ = std::move(*m);
    ind_ = compute_indicators(m_, builtin_indicators(), m_.criteria.social_index, m_.criteria.results_index);
    c_ = classify(m_, ind_, m_.criteria);
  }
  ~Site() { fs::remove_all(dir_); }

  const GroupYear& group(const std::string& id, const std::string& school, int year) const {
    return c_.group(id)->by_school[m_.school_index.at(school)][static_cast<size_t>(ind_.year_index(year))];
  }
  // The evidence of a rule of the group (a direct child of its root).
  const Evidence& rule(const std::string& group_id, const std::string& rule_id, const std::string& school, int year) const {
    for (const auto& e : group(group_id, school, year).evidence.children)
      if (e.rule->id == rule_id) return e;
    FAIL("no rule " << rule_id);
    static Evidence none;
    return none;
  }
  const IndicatorValue& value(const std::string& id, const std::string& school, int year) const {
    return ind_.find({id, ""})->values[m_.school_index.at(school)][static_cast<size_t>(ind_.year_index(year))];
  }
  const Classification& classification() const { return c_; }

  // The warnings of `sveden check` about files whose path (without the temporary folder) starts with
  // `file`, as printed.
  std::string warnings(const std::string& file) const {
    BuildOptions o;
    o.site_dir = dir_.string();
    BuildReport r = check_site(o);
    std::string out, prefix = dir_.string() + "/";
    for (const auto& d : r.diagnostics.sorted()) {
      std::string text = format_diagnostic(d);
      for (size_t p; (p = text.find(prefix)) != std::string::npos;) text.erase(p, prefix.size());
      if (text.rfind(file, 0) == 0) out += text;
    }
    return out;
  }
  const fs::path& dir() const { return dir_; }

 private:
  void write(const std::string& rel, const std::string& contents) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << contents;
  }
  fs::path dir_;
  Municipality m_;
  IndicatorSet ind_;
  Classification c_;
};

// «2024~г.» → «2024 г.» with the non-breaking space the messages put there.
std::string nb(std::string text) {
  for (size_t p; (p = text.find('~')) != std::string::npos;) text.replace(p, 1, kNb);
  return text;
}

// The fixture's site.yaml with 2023 among the years: the olympiad share of 2025 sums 2023–2025.
std::string site_yaml_from_2023() {
  std::string text = test::read_file(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal/site.yaml");
  size_t p = text.find("years: [2024, 2025]");
  REQUIRE(p != std::string::npos);
  return text.replace(p, std::string("years: [2024, 2025]").size(), "years: [2023, 2024, 2025]");
}

// The yelnya olympiad rule alone in the group, so that the group's verdict is the rule's.
const char* kOlympiadCriteria =
    "presets: []\n"
    "groups:\n"
    "  - id: shnor\n"
    "    title: Школы с низкими результатами обучения (ШНОР)\n"
    "    short_title: ШНОР\n"
    "    any:\n"
    "      - id: olympiad_low\n"
    "        title: 0,5 % и ниже учащихся за последние 3 года принимали участие в региональных и всероссийских олимпиадах\n"
    "        indicator: olympiad_share\n"
    "        compare: at_most\n"
    "        value: 0,5\n";

// 2023 is complete; in 2024 both schools with rows reported the school and municipal stages only;
// in 2025 T2 left out the final stage. T3 (a branch) has no rows at all.
const char* kOlympiadGaps =
    "Код ОО;Год;Этап;Участников\n"
    "T1;2023;школьный;200\nT1;2023;муниципальный;20\nT1;2023;региональный;0\nT1;2023;заключительный;0\n"
    "T2;2023;школьный;30\nT2;2023;муниципальный;2\nT2;2023;региональный;0\nT2;2023;заключительный;0\n"
    "T1;2024;школьный;210\nT1;2024;муниципальный;25\n"
    "T2;2024;школьный;31\nT2;2024;муниципальный;3\n"
    "T1;2025;школьный;220\nT1;2025;муниципальный;22\nT1;2025;региональный;0\nT1;2025;заключительный;0\n"
    "T2;2025;школьный;32\nT2;2025;муниципальный;2\nT2;2025;региональный;0\n";

}  // namespace

TEST_CASE("olympiad: a year with rows for some stages only is «недостаточно данных», not 0 % participants") {
  Site site({{"site.yaml", site_yaml_from_2023()}, {"content/criteria.yaml", kOlympiadCriteria}, {"data/olympiad.csv", kOlympiadGaps}});
  // Before: T1 2025 summed 0 + 0 (2023) + nothing (2024) + 0 + 0 (2025) = 0 of 655 students, 0 % ≤ 0,5 %:
  // ШНОР «да». The 2024 regional and final stages are unknown, so the 3-year sum is.
  CHECK(site.value("olympiad_share", "T1", 2025).state == ValueState::missing);
  const Evidence& t1 = site.rule("shnor", "olympiad_low", "T1", 2025);
  CHECK(t1.verdict == Verdict::unknown);
  CHECK(t1.text() == nb("Доля обучающихся — участников регионального и заключительного этапов ВсОШ за 3 года: недостаточно "
                         "данных — в data/olympiad.csv за 2024~г. нет данных регионального и заключительного этапов "
                         "(показатель считается за 3 года)"));
  CHECK(site.group("shnor", "T1", 2025).verdict == Verdict::unknown);
  CHECK(site.group("shnor", "T1", 2025).evidence.text() ==
        nb("выполнено 0 из 1~критерия (достаточно одного критерия); по 1~критерию недостаточно данных"));
  // T2 lacks 2024's two stages and 2025's final one.
  CHECK(site.rule("shnor", "olympiad_low", "T2", 2025).text() ==
        nb("Доля обучающихся — участников регионального и заключительного этапов ВсОШ за 3 года: недостаточно данных — в "
              "data/olympiad.csv за 2024~г. нет данных регионального и заключительного этапов; за 2025~г. нет данных "
              "заключительного этапа (показатель считается за 3 года)"));
  // T3 has no rows: as before, nothing to sum; the reason now names the years.
  CHECK(site.rule("shnor", "olympiad_low", "T3", 2025).text() ==
        nb("Доля обучающихся — участников регионального и заключительного этапов ВсОШ за 3 года: недостаточно данных — в "
              "data/olympiad.csv нет строк школы за 2023, 2024 и 2025~гг. (показатель считается за 3 года)"));
  // The school stage is there every year: its share is computed (T1 2024: 210 of 640 = 32,8125 %,
  // published and compared to one decimal).
  CHECK(site.value("olympiad_school_share", "T1", 2024).value == doctest::Approx(32.8));
  // One warning per year: 2024 — a stage absent at every school is one message; 2025 — names the school.
  CHECK(site.warnings("data/olympiad.csv") ==
        nb("data/olympiad.csv: предупреждение: за 2024~г. нет данных регионального и заключительного этапов ни у одной "
              "школы: пропущенный этап не считается этапом без участников, поэтому «Доля обучающихся — участников "
              "регионального и заключительного этапов ВсОШ за 3 года» за 2024 и 2025~гг. — «недостаточно данных»\n"
              "  подсказка: если участников этапа не было, добавьте строку с нулём участников, например "
              "«T1;2024;региональный;0»\n"
              "data/olympiad.csv: предупреждение: за 2025~г. нет данных заключительного этапа у МКОУ Лесная ООШ (T2): "
              "пропущенный этап не считается этапом без участников, поэтому «Доля обучающихся — участников "
              "регионального и заключительного этапов ВсОШ за 3 года» за 2025~г. — «недостаточно данных»\n"
              "  подсказка: если участников этапа не было, добавьте строку с нулём участников, например "
              "«T2;2025;заключительный;0»\n"
              // The file gives participations only: the olympiad rule says once that it counts them.
              "data/olympiad.csv: предупреждение: у 7~строк регионального и заключительного этапов нет числа "
              "обучающихся-участников: правило «0,5 % и ниже учащихся за последние 3 года принимали участие в "
              "региональных и всероссийских олимпиадах» считает участия, а не учеников (ученик, участвовавший в двух "
              "олимпиадах, учтён дважды), и доля участников может быть завышена\n"
              "  подсказка: добавьте столбец «Обучающихся-участников»: сколько разных обучающихся школы участвовали в "
              "этапе (каждый один раз, сколько бы предметов ни писал)\n"));
}

TEST_CASE("olympiad: the same stages given with 0 participants are 0 %, and the school is in ШНОР") {
  std::string complete = std::string(kOlympiadGaps) + "T1;2024;региональный;0\nT1;2024;заключительный;0\n";
  Site site({{"site.yaml", site_yaml_from_2023()}, {"content/criteria.yaml", kOlympiadCriteria}, {"data/olympiad.csv", complete}});
  // T1 2025: 0 participants over 2023–2025 of 655 students = 0 % ≤ 0,5 %.
  CHECK(site.group("shnor", "T1", 2025).verdict == Verdict::yes);
  CHECK(site.rule("shnor", "olympiad_low", "T1", 2025).text() ==
        nb("Доля обучающихся — участников регионального и заключительного этапов ВсОШ за 3 года: 0~% (2025; по числу "
           "участий, а не учеников) — не больше порога 0,5~%"));
  // T2 still lacks them in 2024: the message names it alone now.
  CHECK(site.warnings("data/olympiad.csv").find(nb("за 2024~г. нет данных регионального и заключительного этапов у МКОУ Лесная ООШ (T2):")) !=
        std::string::npos);
}

// The order counts pupils: T1 sends 2 pupils to the regional stage each year, one of them in two
// subjects (3 participations). Students: 640 (2024), 655 (2025) and 1 190 in 2025 for the 0,504 % case.
std::string olympiad_with_pupils(bool pupils) {
  std::string text = pupils ? "Код ОО;Год;Этап;Участников;Обучающихся-участников\n" : "Код ОО;Год;Этап;Участников\n";
  for (int y : {2023, 2024, 2025})
    for (const char* school : {"T1", "T2"})
      text += fmt::format("{};{};региональный;{}{}\n{};{};заключительный;0{}\n", school, y, school == std::string("T1") ? 3 : 0,
                          pupils ? (school == std::string("T1") ? ";2" : ";0") : "", school, y, pupils ? ";0" : "");
  return text;
}

TEST_CASE("olympiad: pupils are counted where the table gives them, participations otherwise, and the text says which") {
  // With pupils: 2 + 2 + 2 = 6 pupil-stages over three years of 1 190 students in 2025 = 0,504… %,
  // printed 0,50 % (two decimals: docs/CRITERIA.md 5.1) and decided as printed: not above 0,5 %.
  std::string contingent = test::read_file(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/minimal/data/contingent.csv");
  size_t at = contingent.find("T1;2025;655;");
  REQUIRE(at != std::string::npos);
  contingent.replace(at, std::string("T1;2025;655;").size(), "T1;2025;1190;");
  {
    Site site({{"site.yaml", site_yaml_from_2023()}, {"content/criteria.yaml", kOlympiadCriteria},
               {"data/olympiad.csv", olympiad_with_pupils(true)}, {"data/contingent.csv", contingent}});
    CHECK(site.value("olympiad_share", "T1", 2025).value == doctest::Approx(0.50));
    const Evidence& e = site.rule("shnor", "olympiad_low", "T1", 2025);
    CHECK(e.verdict == Verdict::yes);
    CHECK(e.text() == nb("Доля обучающихся — участников регионального и заключительного этапов ВсОШ за 3 года: 0,5~% (2025) — "
                       "не больше порога 0,5~%"));
    CHECK(site.warnings("data/olympiad.csv").find("обучающихся-участников") == std::string::npos);
  }
  {
    // Without pupils the same rows count 3 × 3 = 9 participations: 0,756… % → 0,76 % > 0,5 %; the school is
    // not in the group, and the text says what was counted.
    Site site({{"site.yaml", site_yaml_from_2023()}, {"content/criteria.yaml", kOlympiadCriteria},
               {"data/olympiad.csv", olympiad_with_pupils(false)}, {"data/contingent.csv", contingent}});
    const Evidence& e = site.rule("shnor", "olympiad_low", "T1", 2025);
    CHECK(e.text() == nb("Доля обучающихся — участников регионального и заключительного этапов ВсОШ за 3 года: 0,76~% (2025; по "
                       "числу участий, а не учеников) — больше порога 0,5~%"));
    CHECK(e.verdict == Verdict::no);
    CHECK(site.warnings("data/olympiad.csv").find(nb("у 12~строк регионального и заключительного этапов нет числа обучающихся-участников")) !=
          std::string::npos);
  }
}

TEST_CASE("a school without its kind: kind-dependent rules are «недостаточно данных», with a warning at its line") {
  // T2 is an ООШ (no grade 10) whose kind was left empty; 12 graduates of grade 9, none continue in
  // its own grade 10: 0 %. Before: «0 % — меньше порога 60 %», ШНОР «да».
  Site site({{"content/criteria.yaml",
              "presets: []\n"
              "groups:\n"
              "  - id: shnor\n"
              "    title: Школы с низкими результатами обучения (ШНОР)\n"
              "    short_title: ШНОР\n"
              "    any:\n"
              "      - id: continuation_below60\n"
              "        title: Менее 60 % обучающихся продолжают обучение на старшей ступени образования\n"
              "        indicator: continuation_rate\n"
              "        compare: less_than\n"
              "        value: 60\n"},
             {"data/schools.csv",
              "school_id;name;short_name;kind;locality;settlement;address;director;parent_id\n"
              "T1;Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 1»;МБОУ СОШ № 1;СОШ;город;г. Тестовск;г. Тестовск, ул. Школьная, д. 1;Иванова И. И.;\n"
              "T2;Муниципальное казённое общеобразовательное учреждение «Основная школа с. Лесное»;МКОУ Лесная ООШ;;село;с. Лесное;с. Лесное, ул. Лесная, д. 2;Петров П. П.;\n"
              "T3;Филиал МБОУ СОШ № 1 в с. Полевое;Полевской филиал;филиал;село;с. Полевое;с. Полевое, ул. Полевая, д. 3;Сидоров С. С.;T1\n"},
             {"data/contingent.csv",
              "school_id;year;students;students_ovz;grade9_graduates;grade10_continued\n"
              "T1;2025;655;23;61;39\nT2;2025;91;5;12;0\nT3;2025;31;;4;0\n"}});
  CHECK(site.value("continuation_rate", "T2", 2025).state == ValueState::missing);
  const Evidence& e = site.rule("shnor", "continuation_below60", "T2", 2025);
  CHECK(e.verdict == Verdict::unknown);
  CHECK(e.text() == "Доля выпускников 9 класса, продолживших обучение в 10 классе: недостаточно данных — не указан тип ОО "
                  "(data/schools.csv, строка 3), а показатель считается только для школ вида «СОШ», «СОШ с УИОП», "
                  "«гимназия», «лицей» и «центр образования»");
  CHECK(site.group("shnor", "T2", 2025).verdict == Verdict::unknown);
  // A school whose kind is given is judged as before: T1 39 of 61 = 63,9 % — «нет».
  CHECK(site.group("shnor", "T1", 2025).verdict == Verdict::no);
  CHECK(site.warnings("data/schools.csv") ==
        "data/schools.csv:3:1: предупреждение: МКОУ Лесная ООШ (T2): не указан тип ОО, поэтому показатели «Доля "
        "выпускников 9 класса, продолживших обучение в 10 классе» и «Доля обучающихся — участников регионального и "
        "заключительного этапов ВсОШ за 3 года» для неё не вычисляются, правила по ним дают «недостаточно данных»\n"
        "  подсказка: укажите в столбце «Тип ОО» одно из значений: НОШ, ООШ, СОШ, СОШ с УИОП, гимназия, лицей, центр "
        "образования, филиал\n");
}

TEST_CASE("30 % two years running: no data at all the year before is «недостаточно данных», unless the other branch decides") {
  // ОГЭ only (the ЕГЭ and ВПР files have no rows), years 2024 and 2025 of the fixture.
  // T1 2025: русский 8 of 20 = 40 %, математика 7 of 20 = 35 % — two procedures; nothing in 2024.
  // T2: русский 2 of 20 = 10 % in 2024, 6 of 20 = 30 % in 2025 — one procedure, not repeated.
  // T3 2025: русский 4 of 12 = 33,3 % — one procedure; nothing in 2024.
  Site site({{"content/criteria.yaml", "presets: [rosobrnadzor30]\n"},
             {"data/oge.csv",
              "school_id;year;subject;participants;mean_score;below_min;mark2;mark3;mark4;mark5\n"
              "T1;2025;русский язык;20;3,10;8;8;6;4;2\nT1;2025;математика;20;3,00;7;7;8;3;2\n"
              "T2;2024;русский язык;20;3,50;2;2;8;6;4\nT2;2025;русский язык;20;3,30;6;6;8;4;2\n"
              "T3;2025;русский язык;12;3,20;4;4;5;2;1\n"},
             {"data/ege.csv", "school_id;year;subject;participants;mean_score;below_min\n"},
             {"data/vpr.csv", "school_id;year;grade;subject;participants;mark2;mark3;mark4;mark5\n"}});
  // T3: before, the repeat count was 0 («нет»), and the group «нет». Now nothing decides.
  const Evidence& t3 = site.rule("rosobr30", "same_assessment_two_years", "T3", 2025);
  CHECK(t3.verdict == Verdict::unknown);
  CHECK(t3.text() == nb("Число оценочных процедур с долей «2» не менее 30 % два года подряд: недостаточно данных — за "
                         "2024~г. нет результатов ОГЭ, ЕГЭ и ВПР, а в 2025~г. доля «2» не менее 30 % — в 1~процедуре"));
  CHECK(site.rule("rosobr30", "two_assessments_one_year", "T3", 2025).verdict == Verdict::no);
  CHECK(site.group("rosobr30", "T3", 2025).verdict == Verdict::unknown);
  CHECK(site.group("rosobr30", "T3", 2025).evidence.text() ==
        nb("выполнено 0 из 2~критериев (достаточно одного критерия); по 1~критерию недостаточно данных"));
  // T1: the same unknown, but two procedures in one year decide: «да».
  CHECK(site.rule("rosobr30", "same_assessment_two_years", "T1", 2025).verdict == Verdict::unknown);
  CHECK(site.group("rosobr30", "T1", 2025).verdict == Verdict::yes);
  CHECK(site.group("rosobr30", "T1", 2025).evidence.text() ==
        nb("выполнено 1 из 2~критериев (достаточно одного критерия); по 1~критерию недостаточно данных"));
  // T2 has 2024 data: 10 % then 30 % is not «two years running» — «нет».
  CHECK(site.rule("rosobr30", "same_assessment_two_years", "T2", 2025).text() ==
        "Число оценочных процедур с долей «2» не менее 30 % два года подряд: 0 (2025) — меньше порога 1");
  CHECK(site.group("rosobr30", "T2", 2025).verdict == Verdict::no);
}

TEST_CASE("a rule whose table or column the site lacks: one warning per rule, the reason in every explanation and on the page") {
  // No data/olympiad.csv in the fixture; staff.csv without the column «Пенсионного возраста».
  Site site({{"content/criteria.yaml",
              "presets: []\n"
              "groups:\n"
              "  - id: g\n"
              "    title: Группа\n"
              "    short_title: группа\n"
              "    any:\n"
              "      - id: olympiad_low\n"
              "        title: 0,5 % и ниже учащихся принимали участие в олимпиадах\n"
              "        indicator: olympiad_share\n"
              "        compare: at_most\n"
              "        value: 0,5\n"
              "      - id: pension_age_over30\n"
              "        title: Доля педагогов пенсионного возраста превышает 30 %\n"
              "        indicator: pension_age_share\n"
              "        compare: greater_than\n"
              "        value: 30\n"
              "      - id: vacancies\n"
              "        title: Есть вакантные должности педагогов\n"
              "        indicator: vacancies\n"
              "        compare: at_least\n"
              "        value: 1\n"
              "risk_factors:\n"
              "  - id: low_motivation\n"
              "    title: Низкая учебная мотивация обучающихся\n"
              "    indicator: olympiad_school_share\n"
              "    high: {compare: bottom_percent, value: 25}\n"
              "    medium: {compare: bottom_percent, value: 50}\n"},
             {"data/staff.csv",
              "school_id;year;teachers;vacancies;young_specialists;highest_category;first_category;pd_completed\n"
              "T1;2025;48;2;4;15;20;40\nT2;2025;14;0;0;3;5;10\n"}});
  CHECK(site.rule("g", "olympiad_low", "T1", 2025).text() ==
        "Доля обучающихся — участников регионального и заключительного этапов ВсОШ за 3 года: недостаточно данных — нет "
        "таблицы data/olympiad.csv");
  CHECK(site.rule("g", "pension_age_over30", "T1", 2025).text() ==
        "Доля педагогов пенсионного возраста: недостаточно данных — в таблице data/staff.csv нет столбца «Пенсионного возраста»");
  // T1 has 2 vacancies: «да» whatever the rest; T2 has none: the two rules without data decide nothing.
  CHECK(site.group("g", "T1", 2025).verdict == Verdict::yes);
  CHECK(site.group("g", "T2", 2025).verdict == Verdict::unknown);
  const auto& without = site.classification().without_data;
  REQUIRE(without.size() == 4);  // two rules of the group, the two levels of the factor
  CHECK(without[0].rule->id == "olympiad_low");
  CHECK(without[2].factor->id == "low_motivation");
  CHECK(site.warnings("content/criteria.yaml") ==
        "content/criteria.yaml:7:9: предупреждение: правило «olympiad_low» группы «группа» не вычисляется: нет таблицы "
        "data/olympiad.csv\n"
        "  подсказка: пока по нему у всех школ «недостаточно данных»: добавьте данные (docs/DATA.md) или уберите правило из "
        "своих критериев в content/criteria.yaml (docs/CRITERIA.md, раздел 2.1)\n"
        "content/criteria.yaml:12:9: предупреждение: правило «pension_age_over30» группы «группа» не вычисляется: в таблице "
        "data/staff.csv нет столбца «Пенсионного возраста»\n"
        "  подсказка: пока по нему у всех школ «недостаточно данных»: добавьте данные (docs/DATA.md) или уберите правило из "
        "своих критериев в content/criteria.yaml (docs/CRITERIA.md, раздел 2.1)\n"
        "content/criteria.yaml:26:11: предупреждение: уровень фактора риска «Низкая учебная мотивация обучающихся» "
        "(low_motivation) не определяется: нет таблицы data/olympiad.csv\n"
        "  подсказка: пока у всех школ по нему «нет данных»: добавьте данные (docs/DATA.md) или переопределите фактор в "
        "content/criteria.yaml (docs/CRITERIA.md, раздел 2.12)\n");
  // The support page says which rules are not evaluated and why.
  BuildOptions o;
  o.site_dir = site.dir().string();
  o.out_dir = (site.dir() / "output").string();
  REQUIRE(build_site(o).status.ok());
  std::string page = test::read_file(site.dir() / "output/support/index.html");
  CHECK(page.find("<p>Не вычисляются по данным сайта — у всех школ «недостаточно данных»:</p>\n"
                  "  <ul><li>«0,5 % и ниже учащихся принимали участие в олимпиадах» — нет таблицы data/olympiad.csv</li>"
                  "<li>«Доля педагогов пенсионного возраста превышает 30 %» — в таблице data/staff.csv нет столбца "
                  "«Пенсионного возраста»</li></ul>") != std::string::npos);
  CHECK(page.find("<li>«Низкая учебная мотивация обучающихся» — нет таблицы data/olympiad.csv</li>") != std::string::npos);
}

TEST_CASE("a table with its header and no rows is no data for the rules on it") {
  Site site({{"content/criteria.yaml", kOlympiadCriteria}, {"data/olympiad.csv", "Код ОО;Год;Этап;Участников\n"}});
  const Evidence& e = site.rule("shnor", "olympiad_low", "T1", 2025);
  CHECK(e.verdict == Verdict::unknown);
  CHECK(e.text() == "Доля обучающихся — участников регионального и заключительного этапов ВсОШ за 3 года: недостаточно "
                  "данных — в таблице data/olympiad.csv нет ни одной строки");
  CHECK(site.warnings("content/criteria.yaml").rfind(
            "content/criteria.yaml:7:9: предупреждение: правило «olympiad_low» группы «ШНОР» не вычисляется: в таблице "
            "data/olympiad.csv нет ни одной строки\n", 0) == 0);
}
