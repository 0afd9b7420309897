// HttpClient over libcurl's easy interface.
#include "monitor/http_client.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <mutex>

namespace sveden {
namespace {

struct Transfer {
  HttpResponse* out;
  long long max_bytes;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  long long room = t->max_bytes - static_cast<long long>(t->out->body.size());
  if (room <= 0) {
    t->out->truncated = true;
    return 0;  // stops the transfer: the rest of a huge document is never read
  }
  size_t take = static_cast<size_t>(std::min<long long>(room, static_cast<long long>(n)));
  t->out->body.append(data, take);
  if (take < n) {
    t->out->truncated = true;
    return 0;
  }
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* out = static_cast<HttpResponse*>(user);
  std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) out->headers.clear();  // a new answer (after 100 Continue)
  out->headers += line;
  return size * count;
}

std::string why(CURLcode code, const HttpLimits& limits) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return fmt::format("сервер не ответил за {} с", limits.timeout_seconds);
    case CURLE_COULDNT_RESOLVE_HOST: return "адрес сайта не найден в DNS";
    case CURLE_COULDNT_CONNECT: return "сервер не принимает соединения";
    case CURLE_PEER_FAILED_VERIFICATION: return "сертификат HTTPS не прошёл проверку";
    case CURLE_SSL_CONNECT_ERROR: return "не удалось установить соединение HTTPS";
    case CURLE_UNSUPPORTED_PROTOCOL: return "адрес не HTTP и не HTTPS";
    case CURLE_URL_MALFORMAT: return "адрес записан с ошибкой";
    case CURLE_GOT_NOTHING: return "сервер закрыл соединение, ничего не ответив";
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR: return "соединение прервано";
    default: return fmt::format("ошибка соединения: {}", curl_easy_strerror(code));
  }
}

class CurlClient : public HttpClient {
 public:
  explicit CurlClient(std::string user_agent) : user_agent_(std::move(user_agent)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    handle_ = curl_easy_init();
  }
  ~CurlClient() override { curl_easy_cleanup(handle_); }

  HttpResponse get(const std::string& url, const HttpLimits& limits) override {
    HttpResponse out;
    if (!handle_) {
      out.error = "libcurl не запустился";
      return out;
    }
    Transfer transfer{&out, limits.max_bytes};
    CURL* h = handle_;
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_USERAGENT, user_agent_.c_str());
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, limits.connect_timeout_seconds);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, limits.timeout_seconds);
    curl_easy_setopt(h, CURLOPT_MAXCONNECTS, 1L);  // one connection per host, reused
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &out);
    CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && out.truncated)) {
      out.error = why(code, limits);
      return out;
    }
    out.ok = true;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &out.status);
    char* type = nullptr;
    if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) out.content_type = type;
    char* location = nullptr;
    if (curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) out.location = location;
    curl_off_t length = -1;
    if (curl_easy_getinfo(h, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK && length >= 0) out.length = length;
    else out.length = static_cast<long long>(out.body.size());
    return out;
  }

 private:
  std::string user_agent_;
  CURL* handle_ = nullptr;
};

}  // namespace

std::unique_ptr<HttpClient> make_curl_client(const std::string& user_agent) {
  return std::make_unique<CurlClient>(user_agent);
}

}  // namespace sveden
