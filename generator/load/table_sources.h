// Where each table of the vocabulary comes from: its CSV, an Excel file of the same name
// (data/oge.xlsx), or a sheet of a workbook whose sheets are named after tables. Every other file of
// data/ is accounted for: an old .xls, a workbook that cannot be read, a sheet no table claims or one
// table given twice are reported, never skipped in silence.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "load/site_config.h"
#include "load/vocabulary.h"
#include "load/workbook_reader.h"

namespace sveden {

struct TableSource {
  std::string path;              // in the site folder: «data/oge.csv», «data/oge.xlsx»
  const Sheet* sheet = nullptr;  // the sheet holding the table when it comes from a workbook
  bool unreadable = false;       // a workbook already reported as unreadable: nothing to load
};

struct TableSources {
  std::vector<std::unique_ptr<Workbook>> workbooks;  // owns the sheets pointed to
  std::map<std::string, TableSource> by_table;       // table name → source; absent: the vocabulary's CSV
};

TableSources find_table_sources(const Disk& disk, const Vocabulary& vocab, const SiteConfig& site,
                                const std::string& display_prefix, Diagnostics& diag);

// «лист «ОГЭ»», as messages name a sheet.
std::string sheet_place(const Sheet& sheet);

}  // namespace sveden
