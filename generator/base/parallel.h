// Runs a function over indexes on `jobs` threads; each thread knows its worker number so that it
// can keep per-thread state (parsed templates). Work is handed out one index at a time.
#pragma once
#include <cstddef>
#include <functional>

namespace sveden {

// Calls fn(index, worker) for every index in [0, n). The first exception thrown is rethrown after
// all threads have stopped; `stop` set by fn ends the run early.
void parallel_for(size_t n, int jobs, const std::function<bool(size_t index, int worker)>& fn);

}  // namespace sveden
