#include "write/background_writeback.h"

#include <unistd.h>

namespace sveden {

BackgroundWriteback::BackgroundWriteback(int fd, size_t step) : fd_(fd), step_(step), thread_([this] { run(); }) {}

BackgroundWriteback::~BackgroundWriteback() { stop(); }

void BackgroundWriteback::wrote(size_t bytes) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    pending_ += bytes;
    wake = pending_ >= step_;
  }
  if (wake) wake_.notify_one();
}

void BackgroundWriteback::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

size_t BackgroundWriteback::syncs() const {
  std::lock_guard lock(mutex_);
  return syncs_;
}

void BackgroundWriteback::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || pending_ >= step_; });
    if (stopping_) return;
    pending_ = 0;
    lock.unlock();
    ::syncfs(fd_);  // a failure shows again in the build's own sync, which reports it
    lock.lock();
    ++syncs_;
  }
}

}  // namespace sveden
