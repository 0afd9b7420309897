#include "base/free_memory.h"

#if SVEDEN_MIMALLOC
#include <cstdlib>

#include <mimalloc.h>
#else
#include <malloc.h>
#endif

namespace sveden {

void give_back_free_memory() {
#if SVEDEN_MIMALLOC
  mi_collect(true);
#else
  malloc_trim(0);
#endif
}

void tune_allocator_for_builds() {
#if SVEDEN_MIMALLOC
  auto set = [](mi_option_t option, const char* variable, long value) {
    if (!std::getenv(variable)) mi_option_set(option, value);
  };
  // Large pages come only with their memory committed at once: both, or the kernel gives none.
  set(mi_option_large_os_pages, "MIMALLOC_LARGE_OS_PAGES", 1);
  set(mi_option_eager_commit_delay, "MIMALLOC_EAGER_COMMIT_DELAY", 0);
  set(mi_option_decommit_delay, "MIMALLOC_DECOMMIT_DELAY", 500);
#endif
}

}  // namespace sveden
