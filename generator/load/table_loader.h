// Loads one table of the vocabulary, from its CSV or a sheet of an Excel workbook: decodes, reads, maps headers to canonical columns, parses
// and checks every value, the row keys and the checks between columns; every problem is reported.
#pragma once
#include <set>
#include <unordered_set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "load/site_config.h"
#include "load/table_sources.h"
#include "load/vocabulary.h"

namespace sveden {

struct Cell {
  bool missing = true;
  double number = 0;  // numeric and boolean (1/0) types
  std::string text;   // text-like types, trimmed; enums in their canonical spelling
};

struct Record {
  std::vector<Cell> cells;  // by column index of the TableSpec
  int line = 0;
};

struct LoadedTable {
  const TableSpec* spec = nullptr;
  bool present = false;
  std::string path;  // as shown to the user
  std::set<std::string> columns;  // canonical names of the columns its header has
  std::vector<Record> records;
};

struct TableContext {
  const Disk& disk;
  std::string display_prefix;
  const SiteConfig& site;
  const std::unordered_set<std::string>* school_ids = nullptr;  // for `school` columns; null while loading schools
  const SourceText* site_source = nullptr;  // site.yaml, to point at overrides
  bool check_school_refs = true;
  const std::vector<std::string>* indicator_ids = nullptr;  // for `indicator` columns  // off when schools.csv has errors: its ids are not to be trusted
  const TableSources* sources = nullptr;  // tables given as Excel workbooks; null: every table from its CSV
  // For `id` columns of a table other than schools.csv (the codes of organisations.csv): codes that are
  // the schools' and so not free; each code is also one row's.
  const std::unordered_set<std::string>* taken_ids = nullptr;
  // The codes of organisations.csv, where a table of the analysis gets one: named as such, not as unknown.
  const std::unordered_set<std::string>* organisation_ids = nullptr;
};

LoadedTable load_table(const TableSpec& spec, const TableContext& ctx, Diagnostics& diag);

// Header text compared the forgiving way: case, «ё»/«е», repeated spaces and line breaks ignored.
std::string normalize_header(std::string_view header);

}  // namespace sveden
