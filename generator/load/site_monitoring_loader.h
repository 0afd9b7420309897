// Reads the rounds of `sveden monitor` saved in the site folder (monitoring/ГГГГ-ММ-ДД/<код>/summary.csv
// and findings.csv), offline: the build publishes them and never asks the network. Also the requirement
// groups (vocab/site_monitoring.yaml with the subsections of vocab/sveden.yaml), shared with the monitor.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/site_monitoring.h"

namespace sveden {

const std::vector<MonitorGroup>& monitor_groups();

SiteMonitoring load_site_monitoring(const Disk& disk, Diagnostics& diag);

// The header lines of the two files, written by the monitor and read here.
inline constexpr const char* kMonitorSummaryHeader = "Код;Наименование;Сайт;Главная страница отвечает;Страниц;Документов;С подписью в файле;Байт";
inline constexpr const char* kMonitorFindingsHeader = "Группа;Важность;Адрес;Строка;Столбец;Замечание;Основание";

}  // namespace sveden
