// The kernel asked, from a thread of its own, to write a folder's file system to disk while a build is
// still writing into it: every `step` bytes, one syncfs. The writing is the kernel's flusher's, in large
// batches, not the rendering threads' (sync_file_range per file made each of them write its own few KB);
// and the build's last sync waits only for what came after the last step, instead of the whole output
// (at 2,000 schools 1.6 GB: the kernel's own writeback starts only at a tenth of the free memory).
#pragma once
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

namespace sveden {

class BackgroundWriteback {
 public:
  static constexpr size_t kStep = size_t{64} << 20;

  // `fd`: any open file or folder of the file system; it must stay open until stop().
  explicit BackgroundWriteback(int fd, size_t step = kStep);
  ~BackgroundWriteback();  // stop()
  BackgroundWriteback(const BackgroundWriteback&) = delete;
  BackgroundWriteback& operator=(const BackgroundWriteback&) = delete;

  // `bytes` more were written; from any thread.
  void wrote(size_t bytes);
  // Waits for the syncfs under way, if any; no other starts. Errors are the final sync's to report.
  void stop();
  // How many syncfs calls were made (for the tests).
  size_t syncs() const;

 private:
  void run();

  const int fd_;
  const size_t step_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  size_t pending_ = 0;
  size_t syncs_ = 0;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace sveden
