// The one door of sveden to the network, used only by `sveden monitor` on the user's command: an HTTP(S)
// GET through libcurl with TLS verified, timeouts, a bound on the bytes read and the department's
// User-Agent. Redirects are not followed here: the crawler follows them itself to see where they lead.
// The interface is a seam: the crawler's tests give it a client that answers from memory.
#pragma once
#include <memory>
#include <string>

namespace sveden {

struct HttpResponse {
  bool ok = false;            // an HTTP answer came (any status); false: no answer, `error` says why
  long status = 0;
  std::string content_type;   // the Content-Type header as sent
  std::string location;       // the Location header of a redirect, resolved against the request's URL
  std::string body;           // at most `max_bytes`
  std::string headers;        // the header block of the last answer, as received
  long long length = -1;      // Content-Length when sent, else the bytes read; -1 unknown
  bool truncated = false;     // the body was cut at `max_bytes`
  std::string error;          // in Russian: «сервер не ответил за 10 с», «сертификат не прошёл проверку»…
};

struct HttpLimits {
  long connect_timeout_seconds = 10;
  long timeout_seconds = 30;       // the whole request
  long long max_bytes = 20 << 20;  // body bytes kept; a longer body is cut and `truncated`
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual HttpResponse get(const std::string& url, const HttpLimits& limits) = 0;
};

// libcurl: one handle, so one connection per host kept alive between requests; http and https only.
std::unique_ptr<HttpClient> make_curl_client(const std::string& user_agent);

}  // namespace sveden
