#include "serve/static_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "load/disk.h"
#include "model/links.h"
#include "serve/live_site.h"

namespace sveden {
namespace {

namespace fs = std::filesystem;

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

void send_all(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

void handle(int fd, const std::string& root, const LiveState* live) {
  std::string request;
  char buf[4096];
  while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 5000) <= 0) return;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return;
    request.append(buf, static_cast<size_t>(n));
  }
  std::istringstream line(request.substr(0, request.find("\r\n")));
  std::string method, target;
  line >> method >> target;
  bool head = method == "HEAD";
  if (method != "GET" && !head) {
    send_all(fd, "HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    return;
  }
  std::string path = target.substr(0, target.find_first_of("?#"));
  auto reply = [&](int status, const char* reason, const std::string& type, const std::string& body) {
    send_all(fd, fmt::format("HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
                             status, reason, type, body.size()) +
                     (head ? std::string() : body));
  };
  if (live && path == "/__sveden/version") {
    reply(200, "OK", "text/plain; charset=utf-8", std::to_string(live->version()));
    return;
  }
  bool page = path.empty() || path.back() == '/' || path.size() < 5 || path.compare(path.size() - 5, 5, ".html") == 0;
  if (live && page) {
    if (std::string error = live->error_page(); !error.empty()) {
      std::string body = error;
      body.insert(body.rfind("</body>"), reload_script(live->version()));
      reply(500, "Internal Server Error", "text/html; charset=utf-8", body);
      return;
    }
  }
  auto file = resolve_request_path(root, path);
  std::error_code ec;
  // «/schools/x» without the slash: redirect, so that relative links on the page resolve.
  if (file && fs::is_directory(*file, ec)) {
    send_all(fd, fmt::format("HTTP/1.1 301 Moved Permanently\r\nLocation: {}/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", path));
    return;
  }
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
  // In preview an HTML page reloads itself after the next build.
  if (live && type.rfind("text/html", 0) == 0)
    if (size_t end = body.rfind("</body>"); end != std::string::npos) body.insert(end, reload_script(live->version()));
  reply(status, status == 200 ? "OK" : "Not Found", type, body);
}

}  // namespace

std::optional<std::string> resolve_request_path(const std::string& root, std::string_view url_path) {
  if (url_path.empty() || url_path[0] != '/') return std::nullopt;
  std::string rel = percent_decode(url_path).substr(1);
  bool directory = rel.empty() || rel.back() == '/';
  if (directory) rel += "index.html";
  if (!is_safe_relative_path(rel)) return std::nullopt;
  return (fs::path(root) / rel).string();
}

bool serve_static(const ServeOptions& options, const std::atomic<bool>& stop, std::string* error) {
  int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (server < 0) {
    *error = fmt::format("не удалось открыть сокет: {}", std::strerror(errno));
    return false;
  }
  int yes = 1;
  ::setsockopt(server, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(options.port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);  // only this computer: a preview, not a public server
  if (::bind(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(server, 64) != 0) {
    *error = fmt::format("порт {} занят или недоступен ({}); укажите другой: --port 8080", options.port, std::strerror(errno));
    ::close(server);
    return false;
  }
  while (!stop) {
    pollfd p{server, POLLIN, 0};
    int ready = ::poll(&p, 1, 200);  // wakes up to notice Ctrl+C
    if (ready <= 0) continue;
    int client = ::accept4(server, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    handle(client, options.root, options.live);
    ::close(client);
  }
  ::close(server);
  return true;
}

}  // namespace sveden
