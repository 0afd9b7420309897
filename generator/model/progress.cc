#include "model/progress.h"

// The words of an activity's state and a target's status.
namespace sveden {

const char* activity_state_name(ActivityState s) {
  switch (s) {
    case ActivityState::done: return "выполнено";
    case ActivityState::in_progress: return "в работе";
    case ActivityState::overdue: return "просрочено";
    case ActivityState::not_started: return "не начато";
    case ActivityState::cancelled: return "отменено";
    case ActivityState::not_reported: return "сведения о выполнении не представлены";
  }
  return "";
}

const char* target_status_name(TargetStatus s) {
  switch (s) {
    case TargetStatus::achieved: return "достигнут";
    case TargetStatus::not_achieved: return "не достигнут";
    case TargetStatus::no_data: return "нет данных";
    case TargetStatus::not_yet: return "ещё не наступил";
  }
  return "";
}

}  // namespace sveden
