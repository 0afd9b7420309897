#include "base/free_memory.h"

#if SVEDEN_MIMALLOC
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

}  // namespace sveden
