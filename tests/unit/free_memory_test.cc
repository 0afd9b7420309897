// The allocator's settings for a build (base/free_memory.h): 2 MiB pages and freed memory kept for half a
// second, unless the environment sets an option itself.
#include <cstdlib>

#include <doctest/doctest.h>

#include "base/free_memory.h"

#if SVEDEN_MIMALLOC
#include <mimalloc.h>
#endif

using namespace sveden;

#if SVEDEN_MIMALLOC
TEST_CASE("free memory: a build's allocator settings, and the environment's kept") {
  // The settings as they were, put back at the end: other tests run in this process.
  long large = mi_option_get(mi_option_large_os_pages), eager = mi_option_get(mi_option_eager_commit_delay),
       decommit = mi_option_get(mi_option_decommit_delay);
  setenv("MIMALLOC_DECOMMIT_DELAY", "7", 1);
  mi_option_set(mi_option_decommit_delay, 7);  // as mimalloc read it from the environment at its start
  mi_option_set(mi_option_large_os_pages, 0);
  mi_option_set(mi_option_eager_commit_delay, 1);
  tune_allocator_for_builds();
  CHECK(mi_option_get(mi_option_large_os_pages) == 1);
  CHECK(mi_option_get(mi_option_eager_commit_delay) == 0);
  CHECK(mi_option_get(mi_option_decommit_delay) == 7);  // the user's
  unsetenv("MIMALLOC_DECOMMIT_DELAY");
  tune_allocator_for_builds();
  CHECK(mi_option_get(mi_option_decommit_delay) == 500);
  mi_option_set(mi_option_large_os_pages, large);
  mi_option_set(mi_option_eager_commit_delay, eager);
  mi_option_set(mi_option_decommit_delay, decommit);
}
#endif
