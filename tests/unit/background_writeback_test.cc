// The stage's file system written to disk from a thread of its own, one syncfs per step of bytes
// written: none before a step is full, one per full step, none after stop().
#include <chrono>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include "write/background_writeback.h"

using namespace sveden;

namespace {

// Waits (up to 10 s) until `wb` has made `n` syncs.
bool reaches(const BackgroundWriteback& wb, size_t n) {
  for (int i = 0; i < 1000 && wb.syncs() < n; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return wb.syncs() == n;
}

}  // namespace

TEST_CASE("background writeback: one syncfs per full step of bytes, none once stopped") {
  int fd = ::open("/tmp", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  {
    BackgroundWriteback wb(fd, 1000);
    wb.wrote(999);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(wb.syncs() == 0);  // a step not yet full
    wb.wrote(1);
    CHECK(reaches(wb, 1));
    wb.wrote(400);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(wb.syncs() == 1);  // what was written during or after a sync starts the next step
    wb.wrote(600);
    CHECK(reaches(wb, 2));
    wb.stop();
    wb.wrote(5000);  // after stop: noted, never synced
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(wb.syncs() == 2);
  }  // the destructor after stop() returns at once
  ::close(fd);
}

TEST_CASE("background writeback: many threads noting bytes at once") {
  int fd = ::open("/tmp", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  BackgroundWriteback wb(fd, 1 << 20);
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t)
    writers.emplace_back([&] {
      for (int i = 0; i < 1024; ++i) wb.wrote(1024);  // 1 MiB each: 4 steps in all
    });
  for (auto& w : writers) w.join();
  wb.stop();  // a step filled just before may go unsynced: the build's own sync follows
  CHECK(wb.syncs() <= 4);
  ::close(fd);
}
