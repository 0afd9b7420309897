#include "base/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace sveden {

void parallel_for(size_t n, int jobs, const std::function<bool(size_t, int)>& fn) {
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&](int worker) {
    try {
      for (size_t i; !stop && (i = next++) < n;)
        if (!fn(i, worker)) stop = true;
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      stop = true;
    }
  };
  int threads_count = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<size_t>(n, 1))));
  std::vector<std::thread> threads;
  for (int w = 1; w < threads_count; ++w) threads.emplace_back(run, w);
  run(0);
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace sveden
