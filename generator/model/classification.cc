#include "model/classification.h"

// The words of a verdict, a movement and a risk level, as pages, reports and open data print them.
namespace sveden {

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::yes: return "да";
    case Verdict::no: return "нет";
    case Verdict::unknown: return "недостаточно данных";
    case Verdict::not_applicable: return "не применяется";
  }
  return "";
}

const char* movement_name(Movement m) {
  switch (m) {
    case Movement::none: return "";
    case Movement::entered: return "включена";
    case Movement::stayed: return "осталась";
    case Movement::left: return "исключена";
    case Movement::out: return "не входит";
    case Movement::from_unknown: return "включена; год назад — недостаточно данных";
    case Movement::to_unknown: return "год назад входила";
  }
  return "";
}

const char* risk_level_name(RiskLevel l) {
  switch (l) {
    case RiskLevel::high: return "высокий";
    case RiskLevel::medium: return "средний";
    case RiskLevel::low: return "низкий";
    case RiskLevel::no_data: return "нет данных";
  }
  return "";
}

}  // namespace sveden
