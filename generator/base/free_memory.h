// Gives memory the program has freed back to the system: after a big text or a year's analysis is
// freed, so that the next big need does not come on top of what the allocator keeps for itself.
#pragma once

namespace sveden {

// With mimalloc (SVEDEN_MIMALLOC), its free pages; otherwise glibc's malloc_trim of every arena.
void give_back_free_memory();

}  // namespace sveden
