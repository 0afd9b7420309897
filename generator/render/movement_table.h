// The table «Движение школ по группам», written once from GroupFlow (analyse/movement) for the
// analytical report and the support page, so that both print the same rows and the same footnote.
#pragma once
#include <string>
#include <vector>

#include "model/classification.h"

namespace sveden {

struct MovementTable {
  std::vector<std::string> headers;            // «Группа», «Год», «Было», …, «Стало»
  std::vector<std::vector<std::string>> rows;  // a group's title only on its first row
  std::string footnote;                        // what each column counts and how a row adds up
};

MovementTable movement_table(const Classification& cl);

}  // namespace sveden
