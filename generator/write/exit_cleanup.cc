#include "write/exit_cleanup.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace sveden {
namespace {

std::mutex g_mutex;
std::set<std::string> g_paths;
std::set<pid_t> g_children;
std::function<void()> g_react;

sigset_t watched() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

// Other threads may still be writing into the folder: it is renamed first, so that every later
// open by its old name fails, then removed, again while files opened before keep appearing.
void remove_while_written(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path doomed = path + ".removing";
  fs::rename(path, doomed, ec);
  if (ec) doomed = path;
  for (int attempt = 0; attempt < 200 && fs::exists(fs::symlink_status(doomed, ec)); ++attempt) {
    fs::remove_all(doomed, ec);
    if (ec) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void wait_for_signals() {
  sigset_t set = watched();
  while (true) {
    int sig = 0;
    if (sigwait(&set, &sig) != 0) continue;
    std::function<void()> react;
    {
      std::lock_guard lock(g_mutex);
      react = g_react;
    }
    if (react) {
      react();
      continue;
    }
    std::lock_guard lock(g_mutex);  // held to the end: nothing registers or forgets meanwhile
    for (pid_t child : g_children) {
      kill(-child, SIGKILL);  // its process group, where it has one
      kill(child, SIGKILL);
      waitpid(child, nullptr, 0);
    }
    for (const auto& path : g_paths) remove_while_written(path);
    _exit(128 + sig);
  }
}

}  // namespace

void install_exit_cleanup() {
  sigset_t set = watched();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread(wait_for_signals).detach();
}

void unblocked_signals(sigset_t* set) { sigemptyset(set); }

void cleanup_on_signal(const std::string& path) {
  std::lock_guard lock(g_mutex);
  g_paths.insert(path);
}

void forget_on_signal(const std::string& path) {
  std::lock_guard lock(g_mutex);
  g_paths.erase(path);
}

void kill_on_signal(pid_t child) {
  std::lock_guard lock(g_mutex);
  g_children.insert(child);
}

void forget_child(pid_t child) {
  std::lock_guard lock(g_mutex);
  g_children.erase(child);
}

std::string make_temp_dir(const std::string& prefix) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + prefix + "-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  // Made and registered under the lock the cleanup holds to the end: a signal's cleanup either sees
  // the folder or runs before it exists, never between the two.
  std::lock_guard lock(g_mutex);
  if (!mkdtemp(buf.data())) return "";
  g_paths.insert(buf.data());
  return buf.data();
}

bool make_dir_on_signal(const std::string& path, int mode) {
  std::lock_guard lock(g_mutex);  // as in make_temp_dir
  if (::mkdir(path.c_str(), static_cast<mode_t>(mode)) != 0) return false;
  g_paths.insert(path);
  return true;
}

void on_signal(std::function<void()> react) {
  std::lock_guard lock(g_mutex);
  g_react = std::move(react);
}

}  // namespace sveden
