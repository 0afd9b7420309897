// vocab/sveden.yaml, the openness vocabulary (model/openness.h), read from the binary or from a text.
#pragma once
#include <optional>
#include <string>

#include "base/status.h"
#include "model/openness.h"

namespace sveden {

// The vocabulary compiled into the binary; aborts with a message if it is malformed (a build
// defect, caught by the unit tests).
const OpennessVocabulary& builtin_openness();

// Parses a vocabulary text; returns nullopt and fills `error` on a defect.
Result<OpennessVocabulary> parse_openness(const std::string& text);

}  // namespace sveden
