#include "serve/live_site.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "render/html.h"

namespace sveden {
namespace fs = std::filesystem;

std::string build_error_page(const std::string& messages) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Сборка не выполнена — sveden</title>\n"
      "<style>body{{font:1rem/1.5 \"DejaVu Sans\",Arial,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1f24}}"
      "h1{{color:#a4161a;font-size:1.5rem}}pre{{background:#f3f5f8;padding:1rem;overflow-x:auto;white-space:pre-wrap}}</style>\n"
      "</head>\n<body>\n<main>\n<h1>Сборка не выполнена: во входных данных есть ошибки</h1>\n"
      "<p>Исправьте их и сохраните файл — страница обновится сама. Пока ошибки есть, вместо сайта показывается этот список.</p>\n"
      "<pre>{}</pre>\n</main>\n</body>\n</html>\n",
      escape_html(messages));
}

std::string reload_script(uint64_t version) {
  return fmt::format(
      "<script>(function(){{var v=\"{}\";setInterval(function(){{fetch(\"/__sveden/version\",{{cache:\"no-store\"}})"
      ".then(function(r){{return r.text();}}).then(function(t){{if(t!==v)location.reload();}}).catch(function(){{}});}},700);}})();"
      "</script>",
      version);
}

std::string site_fingerprint(const std::string& site_dir) {
  std::string out;
  std::error_code ec;
  auto add = [&](const fs::path& p) {
    auto size = fs::file_size(p, ec);
    auto time = fs::last_write_time(p, ec);
    out += fmt::format("{}\t{}\t{}\n", p.string(), ec ? 0 : size, ec ? 0 : time.time_since_epoch().count());
  };
  fs::path root(site_dir);
  if (fs::exists(root / "site.yaml", ec)) add(root / "site.yaml");
  for (const char* dir : {"data", "content", "themes", "documents"}) {
    if (!fs::is_directory(root / dir, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(root / dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file(ec)) add(it->path());
  }
  return out;
}

void watch_site(const std::string& site_dir, const std::atomic<bool>& stop, int debounce_ms, const std::function<void()>& rebuild) {
  using namespace std::chrono;
  std::string seen = site_fingerprint(site_dir);
  while (!stop) {
    std::this_thread::sleep_for(milliseconds(100));
    std::string now = site_fingerprint(site_dir);
    if (now == seen) continue;
    // Editors save in several steps: wait until the folder holds still.
    auto still_since = steady_clock::now();
    while (!stop && steady_clock::now() - still_since < milliseconds(debounce_ms)) {
      std::this_thread::sleep_for(milliseconds(30));
      std::string again = site_fingerprint(site_dir);
      if (again != now) {
        now = again;
        still_since = steady_clock::now();
      }
    }
    seen = now;
    if (!stop) rebuild();
  }
}

}  // namespace sveden
