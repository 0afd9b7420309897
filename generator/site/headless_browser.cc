#include "site/headless_browser.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "base/status.h"
#include "write/exit_cleanup.h"

extern char** environ;

namespace sveden {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr int kStartSeconds = 30;

// Standard base64, as the protocol sends binary data; nullopt for anything else.
std::optional<std::string> base64_decode(const std::string& in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  out.reserve(in.size() / 4 * 3);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    int v = value(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

// The browser process and its end of the pipe. Chromium reads commands from its fd 3 and writes
// replies and events to its fd 4, each message a JSON text ended by a NUL byte; both are one end of
// a socket pair here, which lets a write to a browser that died fail instead of raising SIGPIPE.
class Browser {
 public:
  ~Browser() { stop(); }

  Status start(const std::string& chromium) {
    profile_ = make_temp_dir("sveden-chromium");
    if (profile_.empty()) return io_failure("не удалось создать временную папку для Chromium");
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return io_failure("не удалось открыть канал к Chromium");
    // Out of the way of 3 and 4, where the browser's end must land.
    int theirs = fcntl(fds[1], F_DUPFD_CLOEXEC, 10);
    close(fds[1]);
    fd_ = fds[0];
    std::vector<std::string> argv = {chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                     "--disable-extensions", "--user-data-dir=" + profile_, "--remote-debugging-pipe",
                                     "about:blank"};
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, theirs, 3);
    posix_spawn_file_actions_adddup2(&actions, theirs, 4);
    // The browser starts with no signal blocked (ours are taken by the cleanup thread).
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none;
    unblocked_signals(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    // A process group of its own, so that its helper processes go with it when it is killed.
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
    // Its own temporary files go into its profile folder, which is removed with it.
    std::vector<std::string> env = {"TMPDIR=" + profile_};
    for (char** e = environ; *e; ++e)
      if (std::string_view(*e).rfind("TMPDIR=", 0) != 0) env.emplace_back(*e);
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    int rc = posix_spawn(&pid_, args[0], &actions, &attr, args.data(), envp.data());
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    if (rc == 0) kill_on_signal(pid_);
    close(theirs);
    if (rc != 0) {
      pid_ = -1;
      return Status::failure(ExitCode::tool, fmt::format("не удалось запустить {}", chromium));
    }
    return Status();
  }

  // Sends a command; returns its id.
  int send(const std::string& method, json params = json::object(), const std::string& session = "") {
    int id = next_id_++;
    json message = {{"id", id}, {"method", method}, {"params", std::move(params)}};
    if (!session.empty()) message["sessionId"] = session;
    std::string text = message.dump();
    text += '\0';
    for (size_t done = 0; done < text.size() && !broken_;) {
      ssize_t n = ::send(fd_, text.data() + done, text.size() - done, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) broken_ = true;
      else done += static_cast<size_t>(n);
    }
    return id;
  }

  // The next message, waiting until `deadline`; nullopt when the time is up or the browser is gone.
  std::optional<json> next(Clock::time_point deadline) {
    while (true) {
      if (size_t end = buffer_.find('\0'); end != std::string::npos) {
        json message = json::parse(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
        buffer_.erase(0, end + 1);
        if (message.is_discarded() || !message.is_object()) continue;
        return message;
      }
      if (broken_) return std::nullopt;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return std::nullopt;
      pollfd p{fd_, POLLIN, 0};
      int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
      if (ready < 0 && errno != EINTR) broken_ = true;
      if (ready <= 0) continue;
      char chunk[65536];
      ssize_t n = read(fd_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) broken_ = true;
      else buffer_.append(chunk, static_cast<size_t>(n));
    }
  }

  bool broken() const { return broken_; }

 private:
  void stop() {
    if (pid_ > 0) {
      if (!broken_) send("Browser.close");
      int status = 0;
      auto until = Clock::now() + std::chrono::seconds(5);
      while (waitpid(pid_, &status, WNOHANG) == 0) {
        if (Clock::now() > until) {
          kill(-pid_, SIGKILL);
          waitpid(pid_, &status, 0);
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      forget_child(pid_);
      pid_ = -1;
    }
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
    std::error_code ec;
    if (!profile_.empty()) fs::remove_all(profile_, ec), forget_on_signal(profile_);
  }

  pid_t pid_ = -1;
  int fd_ = -1;
  bool broken_ = false;
  int next_id_ = 1;
  std::string buffer_;
  std::string profile_;
};

// One page on its way to PDF: a tab of its own, the page loaded (and prepared), printed into a stream,
// the stream read into memory, the page revised and printed again while that changes it, the last
// print written to the file.
struct Tab {
  enum class Step { create, attach, enable, lifecycle, intercept, navigate, prepare, print, read, close_stream, revise };
  size_t job = 0;
  Step step = Step::create;
  std::string target, session, stream, partial;
  std::string loader;               // of the navigation to the page, once it is under way
  std::set<std::string> loaded;     // loaders whose document has fired «load»
  std::vector<std::string> refused;  // addresses the page asked for and did not get
  std::string pdf;                   // the print being read
  int passes = 0;                    // prints done
  Clock::time_point deadline;        // silence of the browser on this page until then is a hang
};

}  // namespace

bool print_may_load(const std::string& url, const std::string& root) {
  if (url.rfind("data:", 0) == 0) return true;
  if (url.rfind("file://", 0) != 0) return false;
  std::string path = url.substr(std::string("file://").size());
  path = path.substr(0, path.find_first_of("?#"));
  // Percent escapes decoded; a malformed one makes the address refused.
  std::string decoded;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '%') {
      decoded += path[i];
      continue;
    }
    if (i + 2 >= path.size() || !std::isxdigit(static_cast<unsigned char>(path[i + 1])) ||
        !std::isxdigit(static_cast<unsigned char>(path[i + 2])))
      return false;
    decoded += static_cast<char>(std::stoi(path.substr(i + 1, 2), nullptr, 16));
    i += 2;
  }
  if (decoded.empty() || decoded[0] != '/' || decoded.find('\0') != std::string::npos) return false;
  std::error_code ec;
  fs::path base = fs::canonical(root, ec);
  if (ec) return false;
  fs::path file = fs::weakly_canonical(decoded, ec);  // links resolved: a link out of the folder is out
  if (ec) return false;
  auto [b, f] = std::mismatch(base.begin(), base.end(), file.begin(), file.end());
  return b == base.end();
}

std::vector<std::string> print_pages(const std::string& chromium, const std::vector<PrintJob>& jobs, int parallel,
                                     int timeout_seconds) {
  std::vector<std::string> errors(jobs.size());
  if (jobs.empty()) return errors;
  std::vector<bool> finished(jobs.size());
  auto fail_rest = [&](const std::string& why) {
    for (size_t i = 0; i < jobs.size(); ++i)
      if (!finished[i]) errors[i] = why, finished[i] = true;
  };
  Browser browser;
  if (Status started = browser.start(chromium); !started.ok()) {
    fail_rest(started.message());
    return errors;
  }
  std::map<int, size_t> pending;  // command id → tab
  std::vector<Tab> tabs;
  std::vector<size_t> free_slots;
  std::deque<size_t> queue;
  for (size_t i = 0; i < jobs.size(); ++i) queue.push_back(i);
  size_t open = 0;

  // A long report is printed several times over and may take minutes; what fails it is a browser that
  // says nothing about the page for `timeout_seconds`, so every answer or event of the page restarts it.
  auto heard = [&](size_t t) { tabs[t].deadline = Clock::now() + std::chrono::seconds(timeout_seconds); };
  auto begin = [&](size_t t) {
    Tab& tab = tabs[t];
    tab = Tab{};
    tab.job = queue.front();
    queue.pop_front();
    heard(t);
    tab.partial = (fs::path(jobs[tab.job].pdf).parent_path() / ("." + fs::path(jobs[tab.job].pdf).filename().string() + ".part")).string();
    pending[browser.send("Target.createTarget", {{"url", "about:blank"}})] = t;
    ++open;
  };
  // The tab's job is over, well or not; its tab is closed and the slot takes the next job.
  auto end = [&](size_t t, const std::string& why) {
    Tab& tab = tabs[t];
    std::error_code ec;
    if (!why.empty()) fs::remove(tab.partial, ec);
    errors[tab.job] = why;
    finished[tab.job] = true;
    if (!tab.target.empty()) browser.send("Target.closeTarget", {{"targetId", tab.target}});
    --open;
    for (auto it = pending.begin(); it != pending.end();) it = it->second == t ? pending.erase(it) : std::next(it);
    if (!queue.empty()) begin(t);
  };
  auto print = [&](size_t t) {
    Tab& tab = tabs[t];
    if (!tab.refused.empty()) {
      std::sort(tab.refused.begin(), tab.refused.end());  // the order of the requests is the browser's
      tab.refused.erase(std::unique(tab.refused.begin(), tab.refused.end()), tab.refused.end());
      end(t, fmt::format("страница обращается за пределы папки сайта ({}); такие адреса при печати не загружаются: "
                         "уберите их из текста отчёта или положите файл в папку сайта",
                         fmt::join(tab.refused, ", ")));
      return;
    }
    const PrintJob& job = jobs[tab.job];
    if (tab.step == Tab::Step::navigate && !job.prepare.empty()) {
      tab.step = Tab::Step::prepare;
      pending[browser.send("Runtime.evaluate", {{"expression", job.prepare}, {"returnByValue", true}}, tab.session)] = t;
      return;
    }
    tab.pdf.clear();
    tab.step = Tab::Step::print;
    pending[browser.send("Page.printToPDF",
                         {{"printBackground", true},
                          {"preferCSSPageSize", true},
                          {"displayHeaderFooter", false},
                          {"generateDocumentOutline", true},
                          {"generateTaggedPDF", true},
                          {"transferMode", "ReturnAsStream"}},
                         tab.session)] = t;
  };

  // The last print into «.<name>.part», renamed when complete.
  auto write = [&](size_t t) {
    Tab& tab = tabs[t];
    std::FILE* out = std::fopen(tab.partial.c_str(), "wb");
    bool written = out && std::fwrite(tab.pdf.data(), 1, tab.pdf.size(), out) == tab.pdf.size();
    if (out) written = std::fclose(out) == 0 && written;
    std::error_code ec;
    if (written && !tab.pdf.empty()) fs::rename(tab.partial, jobs[tab.job].pdf, ec);
    end(t, written && !tab.pdf.empty() && !ec ? "" : fmt::format("не удалось записать {}", written ? jobs[tab.job].pdf : tab.partial));
  };

  size_t slots = std::min(jobs.size(), static_cast<size_t>(std::max(1, parallel)));
  tabs.resize(slots);
  for (size_t t = 0; t < slots; ++t) begin(t);

  // A browser that has not answered its first command in this time never will (a broken install, a
  // wrapper script that waits for something): better to say so than to wait out every page.
  const auto first_answer = Clock::now() + std::chrono::seconds(kStartSeconds);
  bool answered = false;
  while (open > 0) {
    Clock::time_point deadline = answered ? Clock::time_point::max() : first_answer;
    for (size_t t = 0; t < tabs.size(); ++t)
      if (!finished[tabs[t].job]) deadline = std::min(deadline, tabs[t].deadline);
    std::optional<json> message = browser.next(deadline);
    if (!message && (browser.broken() || (!answered && Clock::now() >= first_answer))) {
      for (auto& tab : tabs) {
        if (finished[tab.job]) continue;
        std::error_code ec;
        fs::remove(tab.partial, ec);  // no half-written PDF left behind
      }
      fail_rest(browser.broken() ? "Chromium перестал отвечать"
                                 : fmt::format("Chromium не ответил за {}\u00A0с после запуска", kStartSeconds));
      break;
    }
    if (!message) {
      for (size_t t = 0; t < tabs.size(); ++t)
        if (!finished[tabs[t].job] && Clock::now() >= tabs[t].deadline)
          end(t, fmt::format("браузер не отвечал {}\u00A0с", timeout_seconds));
      continue;
    }
    answered = true;
    const json& m = *message;
    if (!m.contains("id")) {
      // A request of a page, paused: made only if it stays inside the output folder.
      if (m.value("method", "") == "Fetch.requestPaused") {
        const json params = m.value("params", json::object());
        std::string session = m.value("sessionId", "");
        std::string url = params.value("request", json::object()).value("url", "");
        std::string id = params.value("requestId", "");
        size_t t = 0;
        while (t < tabs.size() && (finished[tabs[t].job] || tabs[t].session != session)) ++t;
        if (t < tabs.size()) heard(t);
        if (t < tabs.size() && print_may_load(url, jobs[tabs[t].job].root)) {
          browser.send("Fetch.continueRequest", {{"requestId", id}}, session);
        } else {
          browser.send("Fetch.failRequest", {{"requestId", id}, {"errorReason", "BlockedByClient"}}, session);
          if (t < tabs.size()) tabs[t].refused.push_back(url.size() > 200 ? url.substr(0, 200) + "…" : url);
        }
        continue;
      }
      // An event: only the «load» of a page's document matters; it is told by the navigation's
      // loader, since about:blank loads too, and may come before the navigation's reply.
      if (m.value("method", "") != "Page.lifecycleEvent") continue;
      const json params = m.value("params", json::object());
      if (params.value("name", "") != "load") continue;
      std::string session = m.value("sessionId", "");
      for (size_t t = 0; t < tabs.size(); ++t) {
        Tab& tab = tabs[t];
        if (finished[tab.job] || tab.session != session || tab.step != Tab::Step::navigate) continue;
        heard(t);
        std::string loader = params.value("loaderId", "");
        tab.loaded.insert(loader);
        if (!tab.loader.empty() && loader == tab.loader) print(t);
      }
      continue;
    }
    auto found = pending.find(m["id"].get<int>());
    if (found == pending.end()) continue;  // a tab closed, or a job given up
    size_t t = found->second;
    pending.erase(found);
    heard(t);
    Tab& tab = tabs[t];
    if (m.contains("error")) {
      end(t, fmt::format("Chromium ответил ошибкой: {}", m["error"].value("message", m["error"].dump())));
      continue;
    }
    const json result = m.value("result", json::object());
    switch (tab.step) {
      case Tab::Step::create:
        tab.target = result.value("targetId", "");
        tab.step = Tab::Step::attach;
        pending[browser.send("Target.attachToTarget", {{"targetId", tab.target}, {"flatten", true}})] = t;
        break;
      case Tab::Step::attach:
        tab.session = result.value("sessionId", "");
        tab.step = Tab::Step::enable;
        pending[browser.send("Page.enable", json::object(), tab.session)] = t;
        break;
      case Tab::Step::enable:
        tab.step = Tab::Step::lifecycle;
        pending[browser.send("Page.setLifecycleEventsEnabled", {{"enabled", true}}, tab.session)] = t;
        break;
      case Tab::Step::lifecycle:
        // Every request of the page is paused until we let it through (Fetch.requestPaused below).
        tab.step = Tab::Step::intercept;
        pending[browser.send("Fetch.enable", {{"patterns", json::array({{{"urlPattern", "*"}}})}}, tab.session)] = t;
        break;
      case Tab::Step::intercept: {
        tab.step = Tab::Step::navigate;
        std::string url = "file://" + jobs[tab.job].html;
        pending[browser.send("Page.navigate", {{"url", url}}, tab.session)] = t;
        break;
      }
      case Tab::Step::navigate:
        if (!result.value("errorText", "").empty()) {
          end(t, fmt::format("страница не открылась: {}", result.value("errorText", "")));
          break;
        }
        tab.loader = result.value("loaderId", "");
        if (tab.loaded.count(tab.loader)) print(t);
        break;
      case Tab::Step::prepare:
      case Tab::Step::revise: {
        if (result.contains("exceptionDetails")) {
          end(t, fmt::format("сценарий печати не выполнился: {}", result["exceptionDetails"].value("text", "")));
          break;
        }
        bool changed = result.value("result", json::object()).value("value", json::object()).is_boolean() &&
                       result["result"]["value"].get<bool>();
        if (tab.step == Tab::Step::revise && !changed) write(t);
        else print(t);
        break;
      }
      case Tab::Step::print:
        tab.stream = result.value("stream", "");
        tab.step = Tab::Step::read;
        pending[browser.send("IO.read", {{"handle", tab.stream}, {"size", 1 << 20}}, tab.session)] = t;
        break;
      case Tab::Step::read: {
        std::string data = result.value("data", "");
        std::optional<std::string> bytes = result.value("base64Encoded", false) ? base64_decode(data) : std::optional(data);
        if (!bytes) {
          end(t, "Chromium прислал повреждённые данные");
          break;
        }
        tab.pdf += *bytes;
        if (result.value("eof", false)) {
          tab.step = Tab::Step::close_stream;
          pending[browser.send("IO.close", {{"handle", tab.stream}}, tab.session)] = t;
        } else {
          pending[browser.send("IO.read", {{"handle", tab.stream}, {"size", 1 << 20}}, tab.session)] = t;
        }
        break;
      }
      case Tab::Step::close_stream: {
        const PrintJob& job = jobs[tab.job];
        ++tab.passes;
        std::string script = job.revise && tab.passes < job.passes ? job.revise(tab.pdf) : std::string();
        if (script.empty()) {
          write(t);
          break;
        }
        tab.step = Tab::Step::revise;
        pending[browser.send("Runtime.evaluate", {{"expression", script}, {"returnByValue", true}}, tab.session)] = t;
        break;
      }
    }
  }
  return errors;
}

}  // namespace sveden
