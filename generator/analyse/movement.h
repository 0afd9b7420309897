// Movement of schools between the lists of consecutive years: each school's change against the
// previous year and each group's flows (было, вошли, вышли, из и в «недостаточно данных», стало),
// counted once here so that pages, reports and open data tell the same story.
#pragma once
#include "model/classification.h"
#include "model/municipality.h"

namespace sveden {

// Sets GroupYear::movement and GroupResult::flows from the verdicts; `m` tells branches apart.
void count_movement(Classification& c, const Municipality& m);

}  // namespace sveden
