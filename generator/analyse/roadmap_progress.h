// The roadmap as of the build's date: activity states (overdue when a deadline has passed and the
// activity is not done), targets plan against fact — entered, or computed from the classification.
#pragma once
#include "analyse/approved_lists.h"
#include "model/classification.h"
#include "model/indicators.h"
#include "model/municipality.h"
#include "model/progress.h"

namespace sveden {

// A group's schools are those of its published list (`lists`), not the bare computation.
RoadmapProgress roadmap_progress(const Municipality& m, const IndicatorSet& ind, const Classification& c,
                                 const std::vector<PublishedList>& lists);

// «31 мая 2024 г.», «декабрь 2021 г.», «II квартал 2021 г.», «2-е полугодие 2021 г.».
std::string due_text(const Due& d);

// The plan's own words where it gives them (`term`); else «до 31 августа 2023 г.», «ежегодно: март, октябрь», «с 1 сентября 2023 г. по 31 мая 2024 г.».
std::string timing_text(const Timing& t);

// For each school, the recommendations its evidence in `year_index` calls for, in file order.
// A group's condition follows the published list; a criterion's, the computation only where that list
// is published (publish.unapproved_lists: hide keeps both silent before the order).
std::vector<std::vector<SchoolRecommendation>> recommend(const Municipality& m, const Classification& c,
                                                         const std::vector<PublishedList>& lists, size_t year_index);

}  // namespace sveden
