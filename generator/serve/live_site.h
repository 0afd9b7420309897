// `sveden serve` keeps the preview current: it watches the site folder, rebuilds after changes
// (debounced), and tells open pages to reload; when the input has errors, pages show the errors
// instead of the stale site.
#pragma once
#include <atomic>
#include <functional>
#include <mutex>
#include <string>

namespace sveden {

// What the server needs to know about the latest build; shared by the watcher and the server.
class LiveState {
 public:
  uint64_t version() const { return version_.load(); }
  std::string error_page() const {
    std::lock_guard lock(mutex_);
    return error_page_;
  }
  void built() { set(""); }
  void failed(const std::string& page) { set(page); }

 private:
  void set(const std::string& page) {
    {
      std::lock_guard lock(mutex_);
      error_page_ = page;
    }
    ++version_;
  }
  std::atomic<uint64_t> version_{1};
  mutable std::mutex mutex_;
  std::string error_page_;  // non-empty while the last build failed
};

// A page that lists a failed build's messages, in Russian, reloading itself when fixed.
std::string build_error_page(const std::string& messages);

// The script an HTML page gets in preview: it asks for the version and reloads when it changes.
std::string reload_script(uint64_t version);

// A fingerprint of what a build reads in `site_dir` (site.yaml, data/, content/, themes/,
// documents/): paths, sizes and modification times. Equal fingerprints mean nothing changed.
std::string site_fingerprint(const std::string& site_dir);

// Watches until `stop`: when the fingerprint changes and then holds still for `debounce_ms`, calls
// `rebuild` (which updates `state`).
void watch_site(const std::string& site_dir, const std::atomic<bool>& stop, int debounce_ms,
                const std::function<void()>& rebuild);

}  // namespace sveden
