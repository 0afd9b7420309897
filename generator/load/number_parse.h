// Reads numbers as Russian spreadsheets write them: «12,5», «1 234», «1 234,5» (with a space or a
// non-breaking space between thousands), «45 %»; and recognises the ways of saying «no data».
#pragma once
#include <string_view>

namespace sveden {

enum class NumberStatus { ok, missing, invalid, out_of_range };

struct ParsedNumber {
  NumberStatus status = NumberStatus::invalid;
  double value = 0;
  bool had_percent = false;
  bool integral = false;  // written without a fractional part
};

// Empty, «-», «—», «–», «н/д», «нет данных» (any case, surrounding spaces ignored).
bool is_missing_value(std::string_view s);

ParsedNumber parse_number(std::string_view s);

// Trims ASCII spaces, tabs and non-breaking spaces at both ends.
std::string_view trim(std::string_view s);

}  // namespace sveden
