// The structure and indicators of the municipal final report under ПП РФ № 662 (vocab/pp662.yaml,
// compiled in).
#pragma once
#include "model/monitoring.h"

namespace sveden {

const Pp662Vocabulary& builtin_pp662();

}  // namespace sveden
