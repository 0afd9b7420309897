// Input problems, each with its place in a file, the offending line and a hint; collected so that
// `sveden check` reports all of them at once, and printed in one format everywhere.
#pragma once
#include <string>
#include <vector>

#include "base/source_text.h"

namespace sveden {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;         // path as shown to the user
  TextPos pos;              // {0, 0} when the problem concerns the whole file
  int width = 1;            // characters to underline
  std::string message;
  std::string source_line;  // the offending line (a window of a very long one), empty when there is none
  size_t shown_from = 0;    // characters of the line before the window; «…» stands for them
  std::string hint;         // how to fix it
  std::string place;        // inside a workbook: «лист «ОГЭ», ячейка D7» (pos then holds row and column)
};

class Diagnostics {
 public:
  // Reports a problem at `offset` in `src` (the line is taken from the text).
  void add(Severity severity, const SourceText& src, size_t offset, size_t length_bytes, std::string message,
           std::string hint);
  void add(Severity severity, const SourceText& src, TextPos pos, int width, std::string message, std::string hint);
  // A problem about a whole file (it is missing, unreadable).
  void add_file(Severity severity, std::string file, std::string message, std::string hint);

  void add_diagnostic(Diagnostic d);

  bool has_errors() const { return errors_ > 0; }
  int errors() const { return errors_; }
  int warnings() const { return warnings_; }
  // In a stable order: by file as first reported, then line and column.
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
  int warnings_ = 0;
};

// «файл:строка:столбец: ошибка: …», the line with a caret under the spot, and the hint.
std::string format_diagnostic(const Diagnostic& d);
std::string format_all(const Diagnostics& diagnostics);

}  // namespace sveden
