// `sveden init [ПАПКА]`: a new site folder that builds at once — a commented site.yaml, every table of
// vocab/tables.yaml as a blank CSV with its Russian headers and all of them as one Excel workbook
// (a sheet per table, a note on every header, drop-down lists for columns of fixed values), stubs in
// content/ and «С чего начать.md». Everything is made from the vocabulary, so the templates are what
// the loader accepts.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "load/vocabulary.h"
#include "base/status.h"
#include "model/date.h"
#include "model/municipality.h"

namespace sveden {

struct InitFile {
  std::string path;  // relative to the new site folder
  std::string contents;
};

// Where the workbook goes: outside data/, which the loader reads as tables.
inline constexpr const char* kInitWorkbook = "data/таблицы.xlsx";
inline constexpr const char* kInitGuide = "С чего начать.md";
// With `sveden init --github`: the workflow that builds the site and publishes it on GitHub Pages.
inline constexpr const char* kInitWorkflow = ".github/workflows/sveden.yml";

// The files of a new site; `today` gives as_of and the years. Nullopt with `error` when the workbook
// could not be written.
Result<std::vector<InitFile>> init_site_files(const Vocabulary& vocab, const Date& today);

// The GitHub Actions workflow of docs/PUBLISHING.md: Debian 12, sveden built from its repository, the site
// built and published on GitHub Pages at each push to main.
std::string github_workflow();

// What a column holds, in Russian, for the note on its header: type, bounds, values, whether required.
std::string column_note(const ColumnSpec& c);

// The header line of a blank table as data/*.csv takes it: UTF-8 with BOM, «;», the Russian titles.
std::string blank_table_csv(const TableSpec& t);

// What to fill first in a site that has no schools yet (a fresh `sveden init`): a short numbered list the
// build prints instead of a warning per criterion; empty when the site has schools.
std::string first_steps(const Municipality& m, const Vocabulary& vocab, const std::string& site_dir);

// Writes the files into `dir`, which must not exist or be empty: a file or a folder with something in it
// is refused (ExitCode::usage), a failed write is ExitCode::io.
Status init_site(const std::string& dir, const Date& today, bool github);

}  // namespace sveden
