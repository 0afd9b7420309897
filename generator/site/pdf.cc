#include "site/pdf.h"

#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "write/parallel.h"

extern char** environ;

namespace sveden {
namespace fs = std::filesystem;

namespace {

// Runs `argv` and waits at most `seconds`; returns the exit status, or -1.
int run_with_timeout(const std::vector<std::string>& argv, int seconds) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace

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

std::vector<std::string> find_reports(const std::string& out_dir, const std::vector<std::string>& names, std::string* error) {
  std::vector<std::string> all;
  fs::path root = fs::path(out_dir) / "reports";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    *error = fmt::format("в папке «{}» нет отчётов (reports/): сначала соберите сайт командой sveden build", out_dir);
    return {};
  }
  for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->path().filename() == "index.html" && it->path().parent_path() != root)
      all.push_back(fs::relative(it->path().parent_path(), out_dir).generic_string());
  }
  std::sort(all.begin(), all.end());
  if (names.empty()) return all;
  std::vector<std::string> chosen;
  for (const auto& n : names) {
    std::string want = "reports/" + n;
    while (!want.empty() && want.back() == '/') want.pop_back();
    if (std::find(all.begin(), all.end(), want) == all.end()) {
      std::string list;
      for (const auto& r : all) list += (list.empty() ? "" : ", ") + r.substr(8);
      *error = fmt::format("отчёта «{}» нет; есть: {}", n, list);
      return {};
    }
    chosen.push_back(want);
  }
  return chosen;
}

PdfResult print_reports(const std::string& chromium, const std::string& out_dir, const std::vector<std::string>& reports, int jobs) {
  PdfResult result;
  std::mutex mutex;
  fs::path base = fs::absolute(out_dir);
  parallel_for(reports.size(), std::max(1, jobs), [&](size_t i, int) {
    fs::path dir = base / reports[i];
    std::string stem = dir.filename().string();
    fs::path pdf = dir / (stem + ".pdf"), partial = dir / ("." + stem + ".pdf.part");
    // A profile of its own for each run: runs in parallel must not share one.
    char profile[] = "/tmp/sveden-chromium-XXXXXX";
    if (!mkdtemp(profile)) {
      std::lock_guard lock(mutex);
      result.ok = false;
      result.error = "не удалось создать временную папку для Chromium";
      return false;
    }
    std::vector<std::string> argv = {chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                     "--disable-extensions", "--user-data-dir=" + std::string(profile),
                                     "--no-pdf-header-footer", "--generate-pdf-document-outline",
                                     "--print-to-pdf=" + partial.string(), "file://" + (dir / "index.html").string()};
    int code = run_with_timeout(argv, 180);
    std::error_code ec;
    fs::remove_all(profile, ec);
    bool made = code == 0 && fs::exists(partial, ec) && fs::file_size(partial, ec) > 0;
    if (made) fs::rename(partial, pdf, ec);
    std::lock_guard lock(mutex);
    if (!made || ec) {
      fs::remove(partial, ec);
      result.ok = false;
      result.error = fmt::format("Chromium не смог напечатать «{}» (код {}); попробуйте ещё раз или откройте отчёт в браузере и "
                                 "сохраните в PDF вручную",
                                 reports[i], code);
      return false;
    }
    result.written.push_back(fs::relative(pdf, base).generic_string());
    return true;
  });
  std::sort(result.written.begin(), result.written.end());
  return result;
}

}  // namespace sveden
