// `sveden synth`: a fictional site folder of N schools with every table of the vocabulary, for
// benchmarks and tests. The same seed gives the same files on any machine.
#pragma once
#include <cstdint>
#include <string>

#include "base/status.h"

namespace sveden {

struct SynthOptions {
  int schools = 100;
  uint64_t seed = 1;
};

Status write_synthetic_site(const SynthOptions& options, const std::string& dir);

}  // namespace sveden
