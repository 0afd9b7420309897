#include "load/openness_currency.h"

#include <regex>

#include <fmt/format.h>

#include "model/links.h"

namespace sveden {
namespace {

// «на 2024/2025 учебный год», «2024–2025», «…-2024-2025.pdf»: the first year of a school year named
// in a title or a file name.
std::optional<int> named_school_year(const Document& d) {
  static const std::regex kYears(R"((20\d\d)\s*(?:/|-|–|—)\s*(20\d\d))");
  for (const std::string* text : {&d.title, &d.file}) {
    std::smatch m;
    if (std::regex_search(*text, m, kYears) && std::stoi(m[2].str()) == std::stoi(m[1].str()) + 1) return std::stoi(m[1].str());
  }
  return std::nullopt;
}

// «за 2024 год», «на 2025 год», «…-2025.pdf»: a calendar year named in a title or a file name.
std::optional<int> named_year(const Document& d) {
  static const std::regex kYear(R"((?:^|[^\d])(20\d\d)(?:[^\d/–—-]|$))");
  for (const std::string* text : {&d.title, &d.file}) {
    std::smatch m;
    if (std::regex_search(*text, m, kYear)) return std::stoi(m[1].str());
  }
  return std::nullopt;
}

std::string school_year_text(int first) { return fmt::format("{}/{}", first, first + 1); }

}  // namespace

int school_year_of(const Date& d) { return d.month >= 9 ? d.year : d.year - 1; }

std::vector<OutdatedItem> outdated_items(const Municipality& m, const Date& as_of) {
  std::vector<OutdatedItem> out;
  const int current = school_year_of(as_of);
  // The self-examination report covers the previous calendar year and is published by 20 April
  // (приказ Минобрнауки № 462): before that day the year before is still the latest one due.
  const int report_due = as_of >= Date{as_of.year, 4, 20} ? as_of.year - 1 : as_of.year - 2;
  for (size_t i = 0; i < m.site_count(); ++i) {  // schools, then organisations with «Сведения…» of their own
    const School& s = m.site_owner(i);
    for (const Document& d : s.documents) {
      if (d.kind == "учебный план" || d.kind == "календарный учебный график") {
        auto year = named_school_year(d);
        if (!year && d.date) year = school_year_of(*d.date);  // approved by the start of its school year
        if (year && *year < current)
          out.push_back({i, &d, fmt::format("{} на {} учебный год, а идёт {}", d.kind, school_year_text(*year),
                                            school_year_text(current))});
      } else if (d.kind == "план ФХД") {
        auto year = named_year(d);
        if (year && *year < as_of.year)
          out.push_back({i, &d, fmt::format("план финансово-хозяйственной деятельности на {} год, а идёт {}", *year, as_of.year)});
      } else if (d.kind == "отчёт о самообследовании") {
        auto year = named_year(d);
        if (!year && d.date) year = d.date->year - 1;  // a report is made in the year after the one it covers
        if (year && *year < report_due)
          out.push_back({i, &d, fmt::format("отчёт о самообследовании за {} год, а к {} публикуется отчёт за {} год", *year,
                                            as_of.iso(), report_due)});
      }
    }
    // ПП 1802 п. 11: professional development «за последние 3 года».
    if (auto list = s.open.find("teachers"); list != s.open.end())
      for (const auto& row : list->second) {
        auto courses = row.find("courses");
        if (courses == row.end()) continue;
        static const std::regex kCourseYear(R"(^\s*(20\d\d)\b)");
        std::vector<int> old;
        for (const auto& course : split_list(courses->second)) {
          std::smatch y;
          if (std::regex_search(course, y, kCourseYear) && std::stoi(y[1].str()) < as_of.year - 3) old.push_back(std::stoi(y[1].str()));
        }
        if (!old.empty()) {
          auto name = row.find("name");
          out.push_back({i, nullptr,
                         fmt::format("{}: повышение квалификации {} года в столбце «за последние 3 года»",
                                     name == row.end() ? std::string("педагог") : name->second, old.front()),
                         "teachers"});
        }
      }
  }
  return out;
}

}  // namespace sveden
