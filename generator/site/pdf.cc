#include "site/pdf.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "site/headless_browser.h"
#include "site/pdf_destinations.h"
#include "site/report_pagination.h"

namespace sveden {
namespace fs = std::filesystem;

std::optional<std::string> find_chromium() {
  if (const char* env = std::getenv("SVEDEN_CHROMIUM"); env && *env) {
    if (access(env, X_OK) == 0) return std::string(env);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      std::string candidate = dirs.substr(start, end - start) + "/" + name;
      if (end > start && access(candidate.c_str(), X_OK) == 0) return candidate;
      start = end + 1;
    }
  }
  return std::nullopt;
}

std::string chromium_missing_message() {
  return "для PDF нужен браузер Chromium, а он не найден.\n"
         "Установите его: sudo apt-get install chromium\n"
         "(или укажите путь к нему в переменной SVEDEN_CHROMIUM). Отчёты в HTML уже собраны в папке reports/ —\n"
         "их можно распечатать из любого браузера.";
}

Status find_reports(const std::string& out_dir, const std::vector<std::string>& names, std::vector<std::string>* found) {
  std::vector<std::string> all;
  fs::path root = fs::path(out_dir) / "reports";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    return Status::failure(ExitCode::io,
                           fmt::format("в папке «{}» нет отчётов (reports/): сначала соберите сайт командой sveden build", out_dir));
  }
  for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->path().filename() == "index.html" && it->path().parent_path() != root)
      all.push_back(fs::relative(it->path().parent_path(), out_dir).generic_string());
  }
  std::sort(all.begin(), all.end());
  if (names.empty()) {
    *found = std::move(all);
    return {};
  }
  std::vector<std::string> chosen;
  for (const auto& n : names) {
    std::string want = "reports/" + n;
    while (!want.empty() && want.back() == '/') want.pop_back();
    if (std::find(all.begin(), all.end(), want) == all.end()) {
      std::string list;
      for (const auto& r : all) list += (list.empty() ? "" : ", ") + r.substr(8);
      return Status::failure(ExitCode::usage, fmt::format("отчёта «{}» нет; есть: {}", n, list));
    }
    chosen.push_back(want);
  }
  *found = std::move(chosen);
  return {};
}

PdfResult print_reports(const std::string& chromium, const std::string& out_dir, const std::vector<std::string>& reports, int jobs) {
  PdfResult result;
  fs::path base = fs::absolute(out_dir);
  std::vector<PrintJob> pages;
  for (const auto& r : reports) {
    fs::path dir = base / r;
    PrintJob job{(dir / "index.html").string(), (dir / (dir.filename().string() + ".pdf")).string(), base.string(),
                 pagination_prepare_script(),
                 [](const std::string& pdf) { return pagination_update_script(pdf_destination_pages(pdf)); },
                 kPaginationPasses};
    pages.push_back(std::move(job));
  }
  // One browser for all; a few pages at once keep both cores busy while one page waits on another.
  std::vector<std::string> errors = print_pages(chromium, pages, std::max(2, jobs + 1), 180);
  for (size_t i = 0; i < reports.size(); ++i) {
    if (errors[i].empty()) {
      result.written.push_back(fs::relative(pages[i].pdf, base).generic_string());
    } else if (result.status.ok()) {
      result.status = Status::failure(ExitCode::io, fmt::format("Chromium не смог напечатать «{}»: {}; попробуйте ещё раз или "
                                                                "откройте отчёт в браузере и сохраните в PDF вручную",
                                                                reports[i], errors[i]));
    }
  }
  std::sort(result.written.begin(), result.written.end());
  return result;
}

}  // namespace sveden
