// The table «Движение школ по группам», written once from GroupFlow (analyse/movement) for the
// analytical report and the support page, so that both print the same rows and the same footnote.
#pragma once
#include <string>
#include <vector>

#include "analyse/approved_lists.h"
#include "model/classification.h"

namespace sveden {

struct MovementTable {
  std::vector<std::string> headers;            // «Группа», «Год», «Было», …, «Стало»
  std::vector<std::vector<std::string>> rows;  // a group's title only on its first row
  std::string footnote;                        // what each column counts and how a row adds up
};

// A year whose list is published nowhere before its order (publish.unapproved_lists: hide) shows no
// count, and the year after it no flows from it.
MovementTable movement_table(const Classification& cl, const std::vector<PublishedList>& lists);

}  // namespace sveden
