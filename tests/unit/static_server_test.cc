#include <doctest/doctest.h>

#include "model/links.h"
#include "serve/static_server.h"

using namespace sveden;

TEST_CASE("request paths map to files inside the output and never outside") {
  CHECK(resolve_request_path("/out", "/") == "/out/index.html");
  CHECK(resolve_request_path("/out", "/schools/sosh-2/") == "/out/schools/sosh-2/index.html");
  CHECK(resolve_request_path("/out", "/assets/style.css") == "/out/assets/style.css");
  CHECK(resolve_request_path("/out", "/%D1%88/") == "/out/ш/index.html");
  CHECK_FALSE(resolve_request_path("/out", "/../etc/passwd"));
  CHECK_FALSE(resolve_request_path("/out", "/%2e%2e/etc/passwd"));
  CHECK_FALSE(resolve_request_path("/out", "/a/%2E%2E/%2E%2E/x"));
  CHECK_FALSE(resolve_request_path("/out", "relative"));
}

TEST_CASE("percent escapes are decoded; a stray percent sign stays") {
  CHECK(percent_decode("/%D1%88%d1%88/") == "/шш/");
  CHECK(percent_decode("100%") == "100%");
  CHECK(percent_decode("%zz%4") == "%zz%4");
  CHECK(percent_decode("a%20b") == "a b");
}

TEST_CASE("the preview answers only this computer's names with its port (no DNS rebinding)") {
  CHECK(is_local_host("127.0.0.1:8000", 8000));
  CHECK(is_local_host("localhost:8000", 8000));
  CHECK(is_local_host("LOCALHOST:8000", 8000));
  CHECK(is_local_host("[::1]:8000", 8000));
  CHECK(is_local_host("localhost", 80));
  CHECK_FALSE(is_local_host("localhost", 8000));
  CHECK_FALSE(is_local_host("localhost:8080", 8000));
  CHECK_FALSE(is_local_host("evil.example:8000", 8000));
  CHECK_FALSE(is_local_host("localhost:8000.evil.example", 8000));
  CHECK_FALSE(is_local_host("127.0.0.1.nip.io:8000", 8000));
  CHECK_FALSE(is_local_host("", 8000));
}
