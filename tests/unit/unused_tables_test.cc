// A loaded table that nothing reads is a warning naming its file (load/unused_tables): every table of the
// built-in vocabulary has a reader, an indicator that needs it or a `read_by:` of vocab/tables.yaml, and a
// table with neither is reported once it has rows.
#include <map>
#include <string>

#include <doctest/doctest.h>

#include "base/diagnostics.h"
#include "load/indicator_vocabulary.h"
#include "load/unused_tables.h"
#include "load/vocabulary.h"

using namespace sveden;

TEST_CASE("unused tables: every table of the vocabulary is read by an indicator, a page or a rule") {
  for (const auto& t : builtin_vocabulary().tables) {
    INFO(t.name);
    CHECK(table_is_read(t, builtin_indicators()));
  }
  // Read by indicators only (vocab/indicators.yaml needs:), and by pages only (read_by:).
  CHECK(builtin_vocabulary().table("olympiad")->read_by.empty());
  CHECK(table_is_read(*builtin_vocabulary().table("olympiad"), builtin_indicators()));
  CHECK_FALSE(builtin_vocabulary().table("project500")->read_by.empty());
}

TEST_CASE("unused tables: a loaded table that nothing reads is a warning naming the file; an empty one is not") {
  TableSpec unread = *builtin_vocabulary().table("project500");
  unread.read_by.clear();  // as «500+» was before the support page and the groups read it
  TableSpec read = *builtin_vocabulary().table("olympiad");
  std::map<std::string, LoadedTable> tables;
  tables["project500"] = LoadedTable{&unread, true, "data/project500.csv", {}, {Record{}}};
  tables["olympiad"] = LoadedTable{&read, true, "data/olympiad.csv", {}, {Record{}}};
  Diagnostics diag;
  report_unused_tables(tables, builtin_indicators(), diag);
  CHECK(format_all(diag) ==
        "data/project500.csv: предупреждение: таблица «Участие в проекте «500+»» загружена, но её ничто не читает: ни показатель, ни "
        "страница, ни правило\n"
        "  подсказка: её данные нигде не публикуются и ни на что не влияют; если они нужны, сообщите разработчикам sveden, какой "
        "показатель или страница должны на них стоять (vocab/indicators.yaml, needs:; vocab/tables.yaml, read_by:), иначе уберите "
        "файл из data/\n");
  // Without rows (a header only) there is nothing dropped.
  tables["project500"].records.clear();
  Diagnostics none;
  report_unused_tables(tables, builtin_indicators(), none);
  CHECK(none.warnings() == 0);
}
