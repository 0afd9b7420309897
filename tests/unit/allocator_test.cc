// The allocator the program is linked with (cmake/Dependencies.cmake): with SVEDEN_MIMALLOC, every malloc
// and new of the program, small and big, in any thread, is mimalloc's and not glibc's. A link order that let
// libc's malloc win would keep the program correct and lose its speed (with LD_PRELOAD=libc.so.6 this fails).
// Without SVEDEN_MIMALLOC (the sanitizers bring their own allocator) there is nothing to check.
#if SVEDEN_MIMALLOC
#include <doctest/doctest.h>
#include <mimalloc.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

TEST_CASE("allocator: malloc and new of the program are mimalloc's, in every thread") {
  auto from_mimalloc = [] {
    void* small = std::malloc(24);
    void* big = std::malloc(8u << 20);  // a part of a big table and more: mimalloc's huge blocks
    auto text = std::make_unique<std::string>(1000, 'x');
    std::vector<int> numbers(100000, 1);
    bool all = mi_is_in_heap_region(small) && mi_is_in_heap_region(big) && mi_is_in_heap_region(text.get()) &&
               mi_is_in_heap_region(text->data()) && mi_is_in_heap_region(numbers.data());
    std::free(small);
    std::free(big);
    return all;
  };
  CHECK(from_mimalloc());
  bool in_thread = false;
  std::thread([&] { in_thread = from_mimalloc(); }).join();
  CHECK(in_thread);
}
#endif
