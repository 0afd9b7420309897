#include "synth/synthetic_site.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <fstream>
#include <vector>

#include <fmt/format.h>

namespace sveden {
namespace {

namespace fs = std::filesystem;

// splitmix64: a small generator whose output is the same everywhere (std distributions are not).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1)); }
  bool chance(double p) { return uniform() < p; }

 private:
  uint64_t state_;
};

const std::array<const char*, 12> kSettlements = {"Озёрки", "Берёзовка", "Каменка", "Сосновка", "Луговое", "Ключи",
                                                  "Поляна", "Заречье", "Никольское", "Островки", "Дубровка", "Ивановка"};
const std::array<const char*, 6> kOgeElectives = {"обществознание", "география", "информатика", "биология", "химия", "физика"};
const std::array<const char*, 5> kEgeElectives = {"обществознание", "физика", "химия", "биология", "история"};
const int kYears[] = {2023, 2024, 2025};

std::string decimal(double v, int digits) {
  std::string s = fmt::format("{:.{}f}", v, digits);
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

// Splits `total` into four mark counts around the school's strength (0 weak … 1 strong).
std::array<int, 4> marks(Random& r, int total, double strength) {
  double p2 = std::clamp(0.22 - 0.2 * strength + 0.05 * r.uniform(), 0.0, 0.6);
  double p5 = std::clamp(0.05 + 0.3 * strength + 0.05 * r.uniform(), 0.0, 0.6);
  double p4 = std::clamp(0.25 + 0.15 * strength, 0.0, 1.0 - p2 - p5);
  std::array<int, 4> m{};
  m[0] = static_cast<int>(std::round(total * p2));
  m[3] = std::min(total - m[0], static_cast<int>(std::round(total * p5)));
  m[2] = std::min(total - m[0] - m[3], static_cast<int>(std::round(total * p4)));
  m[1] = total - m[0] - m[2] - m[3];
  return m;
}

struct SchoolPlan {
  int id;
  std::string kind;
  bool city;
  int students;
  double strength;
  int parent = 0;
};

}  // namespace

Status write_synthetic_site(const SynthOptions& options, const std::string& dir) {
  std::error_code ec;
  fs::create_directories(fs::path(dir) / "data", ec);
  fs::create_directories(fs::path(dir) / "content", ec);
  if (ec) {
    return Status::failure(ExitCode::io, fmt::format("не удалось создать папку «{}»: {}", dir, ec.message()));
  }
  Random r(options.seed);
  std::vector<SchoolPlan> plan;
  for (int i = 0; i < options.schools; ++i) {
    SchoolPlan s;
    s.id = 100001 + i;
    double k = r.uniform();
    s.kind = k < 0.6 ? "СОШ" : k < 0.8 ? "ООШ" : k < 0.85 ? "гимназия" : k < 0.9 ? "лицей" : k < 0.95 ? "НОШ" : "филиал";
    if (s.kind == "филиал") {
      auto parent = std::find_if(plan.rbegin(), plan.rend(), [](const SchoolPlan& p) { return p.kind == "СОШ"; });
      if (parent == plan.rend()) s.kind = "СОШ";
      else s.parent = parent->id;
    }
    s.city = s.kind == "гимназия" || s.kind == "лицей" || r.chance(0.45);
    s.students = s.city ? r.between(350, 1200) : r.between(40, 320);
    s.strength = std::clamp(r.uniform() * 0.8 + (s.kind == "гимназия" || s.kind == "лицей" ? 0.3 : 0.0), 0.0, 1.0);
    plan.push_back(s);
  }
  std::map<std::string, std::string> files;
  auto& schools = files["schools.csv"];
  schools = "school_id;name;short_name;kind;locality;settlement;address;phone;email;director;parent_id\n";
  for (const auto& s : plan) {
    int n = s.id - 100000;
    std::string place = s.city ? "г. Синтетск" : kSettlements[static_cast<size_t>(n) % kSettlements.size()];
    std::string kind_long = s.kind == "гимназия" ? "Гимназия" : s.kind == "лицей" ? "Лицей" : s.kind == "ООШ" ? "ООШ"
                            : s.kind == "НОШ" ? "НОШ" : "СОШ";
    std::string short_name = s.kind == "филиал" ? fmt::format("Филиал № {} МБОУ СОШ", n) : fmt::format("МБОУ {} № {}", kind_long, n);
    schools += fmt::format("{};\"Муниципальное бюджетное общеобразовательное учреждение «{} № {}» ({})\";{};{};{};{};"
                           "\"{}, ул. Школьная, д. {}\";+7 (900) {:03}-{:02}-{:02};school{}@synth.example;Иванова А. А.;{}\n",
                           s.id, kind_long, n, place, short_name, s.kind, s.city ? "город" : "село", place, place, n % 90 + 1,
                           n % 1000, n % 100, (n * 7) % 100, n, s.parent ? std::to_string(s.parent) : "");
  }
  auto& contingent = files["contingent.csv"];
  auto& oge = files["oge.csv"];
  auto& ege = files["ege.csv"];
  auto& vpr = files["vpr.csv"];
  auto& olympiad = files["olympiad.csv"];
  auto& staff = files["staff.csv"];
  auto& conditions = files["conditions.csv"];
  auto& social = files["social.csv"];
  auto& lists = files["federal_lists.csv"];
  auto& p500 = files["project500.csv"];
  auto& mentors = files["mentors.csv"];
  contingent = "school_id;year;students;students_ovz;grade9_graduates;grade10_continued\n";
  oge = "school_id;year;subject;participants;mean_score;below_min;mark2;mark3;mark4;mark5\n";
  ege = "school_id;year;subject;participants;mean_score;below_min\n";
  vpr = "school_id;year;grade;subject;participants;mark2;mark3;mark4;mark5\n";
  olympiad = "school_id;year;stage;participants;winners\n";
  staff = "school_id;year;teachers;vacancies;pension_age;young_specialists;highest_category;first_category;pd_completed\n";
  conditions = "school_id;year;mto_coefficient;textbook_provision;internet_mbps;library_system\n";
  social = "school_id;year;higher_ed_parents;single_parent;unemployed_parents;low_income;non_native_russian;preventive_register\n";
  lists = "school_id;year;list\n";
  p500 = "school_id;year\n";
  mentors = "school_id;mentor_id;since\n";
  int strongest = 0;
  double best = -1;
  for (const auto& s : plan)
    if (s.strength > best) { best = s.strength; strongest = s.id; }
  for (const auto& s : plan) {
    bool has9 = s.kind != "НОШ";
    bool has11 = s.kind == "СОШ" || s.kind == "гимназия" || s.kind == "лицей";
    for (int year : kYears) {
      int students = std::max(20, s.students + r.between(-25, 25));
      int g9 = has9 ? std::max(3, students / 11 + r.between(-3, 3)) : 0;
      int g10 = has11 ? static_cast<int>(g9 * (0.35 + 0.5 * s.strength)) : r.between(0, std::max(0, g9 / 4));
      contingent += fmt::format("{};{};{};{};{};{}\n", s.id, year, students, students * r.between(2, 8) / 100,
                                has9 ? std::to_string(g9) : "", has9 ? std::to_string(std::min(g9, g10)) : "");
      double strength = std::clamp(s.strength + 0.05 * (r.uniform() - 0.5), 0.0, 1.0);
      if (has9) {
        std::vector<std::pair<std::string, int>> subjects = {{"русский язык", g9}, {"математика", g9}};
        size_t first = static_cast<size_t>(r.between(0, static_cast<int>(kOgeElectives.size()) - 1));
        for (size_t e = 0; e < 3; ++e) {
          int n = e == 2 ? g9 - 2 * (g9 / 3) : g9 / 3;
          if (n > 0) subjects.push_back({kOgeElectives[(first + e) % kOgeElectives.size()], n});
        }
        for (const auto& [subject, n] : subjects) {
          auto m = marks(r, n, strength);
          double mean = (2.0 * m[0] + 3.0 * m[1] + 4.0 * m[2] + 5.0 * m[3]) / n;
          oge += fmt::format("{};{};{};{};{};{};{};{};{};{}\n", s.id, year, subject, n, decimal(mean, 2), m[0], m[0], m[1], m[2], m[3]);
        }
      }
      if (has11) {
        int g11 = std::max(2, g9 / 2 + r.between(-2, 2));
        int profile = static_cast<int>(g11 * (0.3 + 0.4 * strength));
        std::vector<std::pair<std::string, int>> subjects = {
            {"русский язык", g11}, {"математика (профильная)", profile}, {"математика (базовая)", g11 - profile}};
        for (size_t e = 0; e < 2; ++e) subjects.push_back({kEgeElectives[(static_cast<size_t>(s.id) + e) % kEgeElectives.size()], g11 / 3});
        for (const auto& [subject, n] : subjects) {
          if (n <= 0) continue;
          bool base = subject == "математика (базовая)";
          double mean = base ? 3.2 + 1.3 * strength + 0.2 * r.uniform() : 42 + 30 * strength + 6 * r.uniform();
          int below = r.chance(0.3 * (1 - strength)) ? r.between(1, std::max(1, n / 5)) : 0;
          ege += fmt::format("{};{};{};{};{};{}\n", s.id, year, subject, n, decimal(mean, base ? 2 : 1), below);
        }
      }
      int grade_size = std::max(2, students / 11);
      for (int grade = 4; grade <= 8; ++grade) {
        if (s.kind == "НОШ" && grade > 4) break;
        for (const char* subject : {"русский язык", "математика"}) {
          auto m = marks(r, grade_size, strength);
          vpr += fmt::format("{};{};{};{};{};{};{};{};{}\n", s.id, year, grade, subject, grade_size, m[0], m[1], m[2], m[3]);
        }
      }
      int school_stage = students * r.between(20, 60) / 100;
      int municipal = school_stage * r.between(5, 25) / 100;
      int regional = static_cast<int>(municipal * strength * 0.3);
      int final_stage = s.id == strongest && year == 2025 ? 1 : 0;
      for (auto [stage, n] : std::array<std::pair<const char*, int>, 4>{
               {{"школьный", school_stage}, {"муниципальный", municipal}, {"региональный", regional}, {"заключительный", final_stage}}})
        olympiad += fmt::format("{};{};{};{};{}\n", s.id, year, stage, n, n / 5);
      int teachers = std::max(4, students / 12 + r.between(0, 6));
      int highest = teachers * r.between(10, 40) / 100;
      int first_cat = (teachers - highest) * r.between(20, 60) / 100;
      staff += fmt::format("{};{};{};{};{};{};{};{};{}\n", s.id, year, teachers, r.between(0, 3), teachers * r.between(10, 45) / 100,
                           teachers * r.between(0, 15) / 100, highest, first_cat, teachers * r.between(50, 100) / 100);
      conditions += fmt::format("{};{};{};{};{};{}\n", s.id, year, decimal(0.4 + 0.55 * r.uniform(), 2),
                                decimal(85 + 15 * r.uniform(), 1), s.city ? 100 : r.between(10, 50), r.chance(0.7) ? "да" : "нет");
      social += fmt::format("{};{};{};{};{};{};{};{}\n", s.id, year, decimal(10 + 40 * strength * r.uniform(), 1),
                            decimal(10 + 20 * r.uniform(), 1), decimal(2 + 15 * r.uniform(), 1), decimal(5 + 30 * r.uniform(), 1),
                            decimal(15 * r.uniform(), 1), decimal(3 * r.uniform(), 1));
      if (s.strength < 0.15 && r.chance(0.5)) lists += fmt::format("{};{};низкие образовательные результаты\n", s.id, year);
      if (s.strength < 0.1) p500 += fmt::format("{};{}\n", s.id, year);
    }
    if (s.strength < 0.15 && s.id != strongest) mentors += fmt::format("{};{};2023\n", s.id, strongest);
  }
  files["../site.yaml"] = fmt::format(
      "# Синтетический муниципалитет для замеров и тестов (sveden synth --schools {} --seed {})\n"
      "municipality: Синтетический муниципальный округ\n"
      "region: Энская область\n"
      "department:\n"
      "  name: Управление образования Синтетического муниципального округа\n"
      "  short_name: Управление образования\n"
      "  address: г. Синтетск, ул. Центральная, д. 1\n"
      "  phone: +7 (900) 000-00-00\n"
      "  email: uo@synth.example\n"
      "  head:\n"
      "    position: Начальник управления\n"
      "    name: Петров Пётр Петрович\n"
      "base_url: https://synth.example\n"
      "years: [2023, 2024, 2025]\n"
      "as_of: 2025-10-01\n",
      options.schools, options.seed);
  files["../content/index.md"] =
      "---\ntitle: Управление образования Синтетического муниципального округа\n---\n"
      "Синтетический муниципалитет: данные созданы командой `sveden synth` и ничего не описывают.\n";
  for (const auto& [name, text] : files) {
    fs::path path = (fs::path(dir) / "data" / name).lexically_normal();
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) return Status::failure(ExitCode::io, fmt::format("не удалось записать «{}»", path.string()));
  }
  return {};
}

}  // namespace sveden
