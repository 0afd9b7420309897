#include <doctest/doctest.h>

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
