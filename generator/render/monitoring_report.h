// The municipal final report under ПП РФ № 662 for a year: its place among the reports and the
// words for what it still lacks (the report's last section and the build's warning say the same).
#pragma once
#include <string>

#include "model/monitoring.h"
#include "render/report_blocks.h"
#include "render/site_renderer.h"

namespace sveden {

ReportRef monitoring_report_ref(int year);

// «14 значений показателей и 2 разделов текста» (after «нет»).
std::string monitoring_gaps_text(const MonitoringGaps& gaps);

// The section that lists what is missing, in vocab/pp662.yaml.
const Pp662Section& monitoring_missing_section(const Pp662Vocabulary& vocab);

// The report of `year`: adds its sections to `sections` and returns its subtitle.
std::string monitoring_report(const SiteRenderer& site, int year, int& tables, int& figures, ReportSections& sections);

}  // namespace sveden
