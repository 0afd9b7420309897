// The one place that writes numbers, dates and counted nouns the Russian way: «1 234,5»,
// «10 марта 2023 г.», «1 школа / 2 школы / 5 школ». Spaces inside figures are non-breaking.
#pragma once
#include <string>
#include <vector>
#include <string_view>

#include "model/date.h"

namespace sveden {

inline constexpr std::string_view kNbsp = "\u00A0";

// `value` as it is written with `decimals` digits: half away from zero (45,25 → 45,3). Comparisons in
// words are made on these, so that a sentence never contradicts the figures it cites.
double round_shown(double value, int decimals);
// 1234.5 → «1 234,5» with `decimals` digits after the comma (trailing zeros kept).
std::string format_number(double value, int decimals = 0);
// Like format_number, but drops a fractional part of zeros: 12 → «12», 12.5 → «12,5».
std::string format_decimal(double value, int max_decimals = 2);
std::string format_count(long long value);
std::string format_percent(double value, int decimals = 1);  // «45,5 %», «9 %»
// A value in `unit` as tables print it, without the unit: a share drops zeros after the comma as
// format_percent does («9», «12,5»), other units keep their precision («3,80»). Chart labels use it,
// so that a chart never says «9,0» beside a table's «9 %».
std::string format_figure(double value, int decimals, std::string_view unit);
std::string format_date(const Date& d);                       // «10 марта 2023 г.»

// A number kept on one line with its unit: the space between a digit and «%», «‰», «°», «г.», «гг.»,
// «чел.», «руб.», «тыс.», «млн» becomes non-breaking («25 %», «2025 г.»), in text from data files too.
std::string bind_units(std::string_view text);

// «text», with quotes inside turned into „inner“ ones: «Отметка „2“».
std::string quoted(std::string_view text);
// A std::string argument would otherwise find std::quoted of <iomanip> by argument-dependent lookup
// (a template, an exact match) in any file that happens to include it.
inline std::string quoted(const std::string& text) { return quoted(std::string_view(text)); }

// A list in words: «ЕГЭ», «ОГЭ и ВПР», «ЕГЭ, ОГЭ и ВПР».
std::string and_list(const std::vector<std::string>& items);
// «(text)» for a parenthetical remark that may have its own: the inner parentheses (outside «quotes»)
// become commas, «математика (базовая)» → «(математика, базовая)», never «(математика (базовая))».
std::string parenthetical(std::string_view text);
// Years in words: «2023 г.», «2022 и 2023 гг.», «2021, 2022 и 2023 гг.»
std::string years_text(const std::vector<int>& years);

// Lower case by Russian rules (ICU): «Адаптированная АООП» → «адаптированная аооп».
std::string lower_text(std::string_view text);
// The first letter in upper case: «управлению» → «Управлению».
std::string upper_first(std::string_view text);

// Plural form for `n`: one («1 школа»), few («2 школы»), many («5 школ»), by ICU's Russian rules.
const std::string& plural(long long n, const std::string& one, const std::string& few, const std::string& many);
// «5 школ», with a non-breaking space.
std::string count_noun(long long n, const std::string& one, const std::string& few, const std::string& many);

// Schools and their branches counted apart: a branch is a part of its school, not an organisation.
// (17, 1) → «17 школ и 1 филиал», (3, 0) → «3 школы», (0, 1) → «1 филиал», (0, 0) → «0 школ».
std::string count_schools(long long schools, long long branches);
// The same in the dative, after «по»: «4 школам и 1 филиалу».
std::string count_schools_dative(long long schools, long long branches);
// The whole a part is «из», in the genitive: (17, 0) → «17 школ», (17, 1) → «18 организаций: 17 школ и
// 1 филиал» (a sentence ends there: the list is nominative), (0, 2) → «2 филиалов».
std::string count_schools_out_of(long long schools, long long branches);

}  // namespace sveden
