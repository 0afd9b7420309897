// How the program's memory is held and given back. A build makes and frees large blocks page after page (a
// page's text, its parsed tree, a volume of a hundred profiles), and gives back what it freed after each big
// file or stage, so that the next big need does not come on top of what the allocator keeps for itself.
#pragma once

namespace sveden {

// With mimalloc (SVEDEN_MIMALLOC), its free pages; otherwise glibc's malloc_trim of every arena.
void give_back_free_memory();

// With mimalloc, set for a build before its first large allocation (docs/PERFORMANCE.md, 7 December): memory
// in 2 MiB pages (transparent huge pages, where the kernel allows them on request: one page fault for 512 small
// ones), and freed memory kept for half a second before it goes back to the system rather than 25 ms (pages of
// one size follow each other; given back and taken again, every 4 KiB of it was a page fault of its own: 1.3
// million at 10,000 schools). An option set in the environment (MIMALLOC_LARGE_OS_PAGES, …) is kept as it is.
// Without mimalloc: nothing.
void tune_allocator_for_builds();

}  // namespace sveden
