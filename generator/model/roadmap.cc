#include "model/roadmap.h"

// The words of an activity's status as the department writes it.
namespace sveden {

const char* activity_status_name(ActivityStatus s) {
  switch (s) {
    case ActivityStatus::done: return "выполнено";
    case ActivityStatus::in_progress: return "в работе";
    case ActivityStatus::not_started: return "не начато";
    case ActivityStatus::cancelled: return "отменено";
  }
  return "";
}

}  // namespace sveden
