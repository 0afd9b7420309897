#include "serve/static_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "base/disk.h"
#include "model/links.h"
#include "serve/live_site.h"

namespace sveden {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxClients = 64;                       // open connections at once
constexpr size_t kMaxRequest = 65536;                    // bytes of a request's head
constexpr auto kClientDeadline = std::chrono::seconds(10);  // for a whole exchange

std::string content_type(const std::string& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},  {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},             {".png", "image/png"},                 {".jpg", "image/jpeg"},
      {".pdf", "application/pdf"},           {".xml", "application/xml"},           {".json", "application/json"},
      {".csv", "text/csv; charset=utf-8"},   {".txt", "text/plain; charset=utf-8"}, {".atom", "application/atom+xml"}};
  std::string ext = fs::path(path).extension().string();
  for (const auto& [e, t] : kTypes)
    if (ext == e) return t;
  return "application/octet-stream";
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The value of a request header (names compare case-insensitively), or nullopt.
std::optional<std::string> header(const std::string& request, std::string_view name) {
  size_t at = request.find("\r\n");
  while (at != std::string::npos && at + 2 < request.size()) {
    size_t begin = at + 2, end = request.find("\r\n", begin);
    if (end == std::string::npos || end == begin) break;
    std::string_view line(request.data() + begin, end - begin);
    size_t colon = line.find(':');
    if (colon == name.size() &&
        std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
      return std::string(value);
    }
    at = end;
  }
  return std::nullopt;
}

std::string response(int status, const char* reason, const std::string& type, const std::string& body, bool head,
                     const std::string& extra_headers = "") {
  return fmt::format("HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{}Connection: close\r\n\r\n",
                     status, reason, type, body.size(), extra_headers) +
         (head ? std::string() : body);
}

// «/schools/x» without the slash: redirect, so that relative links on the page resolve.
std::string redirect_to_folder(const std::string& path) {
  return fmt::format("HTTP/1.1 301 Moved Permanently\r\nLocation: {}/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", path);
}

// In preview an HTML page reloads itself after the next build.
void add_reload_script(std::string& body, const std::string& type, const LiveState* live) {
  if (live && type.rfind("text/html", 0) == 0)
    if (size_t end = body.rfind("</body>"); end != std::string::npos) body.insert(end, reload_script(live->version()));
}

// The whole answer to one complete request.
std::string answer(const std::string& request, const std::string& root, int port, const LiveState* live) {
  std::istringstream line(request.substr(0, request.find("\r\n")));
  std::string method, target;
  line >> method >> target;
  bool head = method == "HEAD";
  if (method != "GET" && !head)
    return response(405, "Method Not Allowed", "text/plain; charset=utf-8", "", false, "Allow: GET, HEAD\r\n");
  // DNS rebinding: a page of another site whose name now points at 127.0.0.1 sends its own Host.
  if (!is_local_host(header(request, "Host").value_or(""), port))
    return response(421, "Misdirected Request", "text/plain; charset=utf-8",
                    fmt::format("Просмотр sveden отвечает только по адресу http://127.0.0.1:{}/ (или localhost).\n", port), head);
  std::string path = target.substr(0, target.find_first_of("?#"));
  if (live && path == "/__sveden/version") return response(200, "OK", "text/plain; charset=utf-8", std::to_string(live->version()), head);
  bool page = path.empty() || path.back() == '/' || path.size() < 5 || path.compare(path.size() - 5, 5, ".html") == 0;
  if (live && page) {
    if (std::string error = live->error_page(); !error.empty()) {
      error.insert(error.rfind("</body>"), reload_script(live->version()));
      return response(500, "Internal Server Error", "text/html; charset=utf-8", error, head);
    }
  }
  // While a build runs, its pages come from its site in memory: an edit shows as soon as the data are
  // analysed, before the output is written. What the build writes only at the end (audit/, PDFs) and
  // what it does not write come from the output folder.
  if (auto site = live ? live->preview() : nullptr) {
    if (auto rel = request_rel_path(path)) {
      if (site->has(*rel)) {
        if (auto body = site->render(*rel)) {
          std::string type = content_type(*rel);
          add_reload_script(*body, type, live);
          return response(200, "OK", type, *body, head);
        }
      } else if (!rel->empty() && path.back() != '/' && site->has(*rel + "/index.html")) {
        return redirect_to_folder(path);
      }
    }
  }
  auto file = resolve_request_path(root, path);
  std::error_code ec;
  if (file && fs::is_directory(*file, ec)) return redirect_to_folder(path);
  int status = 200;
  std::string body, type;
  if (file && fs::is_regular_file(*file, ec)) {
    body = read_all(*file);
    type = content_type(*file);
  } else {
    status = 404;
    body = fs::exists(fs::path(root) / "404.html", ec) ? read_all((fs::path(root) / "404.html").string()) : "404";
    type = "text/html; charset=utf-8";
  }
  add_reload_script(body, type, live);
  return response(status, status == 200 ? "OK" : "Not Found", type, body, head);
}

// One client: what it has sent so far, then what is left to send it. Each connection has a
// deadline for the whole exchange, so an idle or slow client only ever holds its own slot.
struct Connection {
  int fd = -1;
  std::string in, out;
  size_t sent = 0;
  bool writing = false;
  std::chrono::steady_clock::time_point deadline;
};

}  // namespace

bool is_local_host(std::string_view host, int port) {
  std::string lower(host);
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::string with_port = fmt::format(":{}", port);
  for (const char* name : {"127.0.0.1", "localhost", "[::1]"}) {
    if (lower == std::string(name) + with_port) return true;
    if (port == 80 && lower == name) return true;  // a browser leaves the default port out
  }
  return false;
}

std::optional<std::string> request_rel_path(std::string_view url_path) {
  if (url_path.empty() || url_path[0] != '/') return std::nullopt;
  std::string rel = percent_decode(url_path).substr(1);
  bool directory = rel.empty() || rel.back() == '/';
  if (directory) rel += "index.html";
  if (!is_safe_relative_path(rel)) return std::nullopt;
  return rel;
}

std::optional<std::string> resolve_request_path(const std::string& root, std::string_view url_path) {
  auto rel = request_rel_path(url_path);
  if (!rel) return std::nullopt;
  return (fs::path(root) / *rel).string();
}

Status serve_static(const ServeOptions& options, const std::atomic<bool>& stop) {
  int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (server < 0) return Status::failure(ExitCode::io, fmt::format("не удалось открыть сокет: {}", std::strerror(errno)));
  int yes = 1;
  ::setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(options.port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // only this computer: a preview, not a public server
  if (::bind(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(server, 64) != 0) {
    std::string why = std::strerror(errno);
    ::close(server);
    return Status::failure(ExitCode::io, fmt::format("порт {} занят или недоступен ({}); укажите другой: --port 8080", options.port, why));
  }
  std::vector<Connection> clients;
  auto close_client = [&](size_t k) {
    ::close(clients[k].fd);
    clients.erase(clients.begin() + static_cast<std::ptrdiff_t>(k));
  };
  while (!stop) {
    std::vector<pollfd> fds;
    fds.push_back({server, POLLIN, 0});
    for (const auto& c : clients) fds.push_back({c.fd, static_cast<short>(c.writing ? POLLOUT : POLLIN), 0});
    int ready = ::poll(fds.data(), fds.size(), 200);  // wakes up to notice Ctrl+C and deadlines
    auto now = std::chrono::steady_clock::now();
    // Serve the clients first (in reverse, so that closing one does not move the others' indexes).
    for (size_t k = clients.size(); ready > 0 && k-- > 0;) {
      Connection& c = clients[k];
      short events = fds[k + 1].revents;
      if (events == 0) continue;
      if (!c.writing) {
        char buf[4096];
        ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n <= 0) {
          close_client(k);
          continue;
        }
        c.in.append(buf, static_cast<size_t>(n));
        if (c.in.find("\r\n\r\n") != std::string::npos) {
          c.out = answer(c.in, options.root, options.port, options.live);
          c.writing = true;
        } else if (c.in.size() > kMaxRequest) {
          c.out = response(431, "Request Header Fields Too Large", "text/plain; charset=utf-8", "", false);
          c.writing = true;
        }
        continue;
      }
      ssize_t n = ::send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) c.sent += static_cast<size_t>(n);
      if (n <= 0 && errno != EAGAIN && errno != EWOULDBLOCK) close_client(k);
      else if (c.sent == c.out.size()) close_client(k);
    }
    for (size_t k = clients.size(); k-- > 0;)
      if (now >= clients[k].deadline) close_client(k);
    if (ready > 0 && (fds[0].revents & POLLIN)) {
      int client = ::accept4(server, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
      if (client >= 0) {
        if (clients.size() >= kMaxClients) {
          // Full: the newcomer is told at once rather than left waiting behind the others.
          std::string busy = response(503, "Service Unavailable", "text/plain; charset=utf-8", "Слишком много соединений\n", false);
          (void)::send(client, busy.data(), busy.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
          ::close(client);
        } else {
          clients.push_back({client, {}, {}, 0, false, now + kClientDeadline});
        }
      }
    }
  }
  for (auto& c : clients) ::close(c.fd);
  ::close(server);
  return {};
}

}  // namespace sveden
