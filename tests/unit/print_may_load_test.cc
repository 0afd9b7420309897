// What Chromium may load while it prints a report: files inside the output folder (links resolved)
// and data: addresses; nothing from the network, nothing else on disk.
#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>
#include <unistd.h>

#include "site/headless_browser.h"

using namespace sveden;
namespace fs = std::filesystem;

TEST_CASE("printing may load files inside the output folder only") {
  char tmpl[] = "/tmp/sveden-print-XXXXXX";
  REQUIRE(mkdtemp(tmpl));
  fs::path root = fs::path(tmpl) / "out";
  fs::create_directories(root / "reports/roadmap");
  std::ofstream(root / "reports/roadmap/index.html") << "<p>";
  std::ofstream(fs::path(tmpl) / "secret.png") << "secret";
  fs::create_symlink(fs::path(tmpl) / "secret.png", root / "reports/roadmap/link.png");
  std::string r = root.string();
  CHECK(print_may_load("file://" + r + "/reports/roadmap/index.html", r));
  CHECK(print_may_load("file://" + r + "/assets/style.css?v=1", r));  // not there yet: still inside
  CHECK(print_may_load("data:image/png;base64,AAAA", r));
  CHECK_FALSE(print_may_load("file://" + r + "/reports/roadmap/../../../secret.png", r));
  CHECK_FALSE(print_may_load("file://" + r + "/reports/roadmap/%2e%2e/%2e%2e/%2e%2e/secret.png", r));
  CHECK_FALSE(print_may_load("file://" + r + "/reports/roadmap/link.png", r));  // a link out of the folder
  CHECK_FALSE(print_may_load("file://" + r + "-other/x.png", r));              // a sibling sharing the prefix
  CHECK_FALSE(print_may_load("file:///etc/passwd", r));
  CHECK_FALSE(print_may_load("http://127.0.0.1:8000/x.png", r));
  CHECK_FALSE(print_may_load("https://example.org/font.woff2", r));
  CHECK_FALSE(print_may_load("ws://127.0.0.1/", r));
  CHECK_FALSE(print_may_load("file://" + r + "/%zz", r));
  fs::remove_all(tmpl);
}
