// `sveden serve` keeps the preview current: it watches the site folder, rebuilds after changes
// (debounced), and tells open pages to reload; when the input has errors, pages show the errors
// instead of the stale site.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "write/preview_site.h"

namespace sveden {

// What the server needs to know about the latest build; shared by the watcher and the server.
class LiveState {
 public:
  uint64_t version() const { return version_.load(); }
  std::string error_page() const {
    std::lock_guard lock(mutex_);
    return error_page_;
  }
  // The site of the build that is running, in memory: pages come from it until the build has written them.
  std::shared_ptr<const PreviewSite> preview() const {
    std::lock_guard lock(mutex_);
    return preview_;
  }
  // A build has loaded and analysed the data: open pages reload and are rendered from its site in memory.
  void previewing(std::shared_ptr<const PreviewSite> site) {
    {
      std::lock_guard lock(mutex_);
      preview_ = std::move(site);
      error_page_.clear();
    }
    ++version_;
  }
  // The build has written the output. Pages reload only if no preview showed them already: the written
  // files are the bytes the preview rendered.
  void built() {
    bool shown;
    {
      std::lock_guard lock(mutex_);
      shown = preview_ != nullptr;
      preview_.reset();
      error_page_.clear();
    }
    if (!shown) ++version_;
  }
  void failed(const std::string& page) {
    {
      std::lock_guard lock(mutex_);
      preview_.reset();
      error_page_ = page;
    }
    ++version_;
  }

 private:
  std::atomic<uint64_t> version_{1};
  mutable std::mutex mutex_;
  std::string error_page_;  // non-empty while the last build failed
  std::shared_ptr<const PreviewSite> preview_;
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
