// The vocabulary of input tables (vocab/tables.yaml, compiled into the binary): every table, its
// columns with types, Russian titles and header aliases, its key and its consistency checks.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace sveden {

enum class ColumnType { id, school, text, slug, enumeration, count, number, percent, year, integer, boolean, indicator, date, link, website };

struct ColumnSpec {
  std::string name;   // canonical
  std::string title;  // Russian, for messages and docs
  ColumnType type = ColumnType::text;
  bool required = false;        // must be present in the header
  bool value_required = false;  // a row must not leave it empty
  std::optional<double> min, max;
  std::string enum_name;
  const std::vector<std::string>* enum_values = nullptr;
  std::vector<std::string> aliases;
  size_t max_length = 0;  // characters; 0: only the limit of every cell (load/input_limits.h)
};

struct CheckSpec {
  enum class Kind { not_greater, sum_equals, sum_not_greater, different };
  Kind kind;
  std::vector<int> parts;  // column indexes on the left
  int total = -1;          // column index on the right
};

struct TableSpec {
  std::string name;
  std::string file;
  std::string title;
  bool required = false;
  std::vector<ColumnSpec> columns;
  std::vector<int> key;
  std::vector<CheckSpec> checks;
  // Keyed by school and year, and every school is expected in every year the table has (but schools
  // of these kinds, which legitimately have no rows: a НОШ has no ОГЭ): a gap is reported.
  bool complete = false;
  std::vector<std::string> complete_except_kinds;

  int column_index(std::string_view name) const;  // -1 when absent
};

struct Vocabulary {
  std::map<std::string, std::vector<std::string>> enums;
  std::vector<TableSpec> tables;  // in file order; `schools` first

  const TableSpec* table(std::string_view name) const;
};

// The vocabulary compiled into the binary. Aborts with a message if it is malformed (a build defect,
// caught by the unit tests).
const Vocabulary& builtin_vocabulary();

// Parses a vocabulary text; returns nullopt and fills `error` on a defect.
Result<Vocabulary> parse_vocabulary(const std::string& text);

const char* column_type_name(ColumnType t);  // Russian, for docs and messages

}  // namespace sveden
