// monitor/robots_txt: what `sveden monitor` may fetch (RFC 9309).
#include <doctest/doctest.h>

#include "monitor/robots_txt.h"

using namespace sveden;

TEST_CASE("robots.txt: the group for our token, else «*»; the longest rule wins, Allow on a tie") {
  RobotsTxt all("User-agent: *\nDisallow: /sveden/paid_edu\nAllow: /sveden/paid_edu/price.html\n", "sveden");
  CHECK_FALSE(all.allowed("/sveden/paid_edu"));
  CHECK_FALSE(all.allowed("/sveden/paid_edu/index.html"));
  CHECK(all.allowed("/sveden/paid_edu/price.html"));
  CHECK(all.allowed("/sveden/common"));
  RobotsTxt ours("User-agent: Yandex\nDisallow: /\n\nUser-agent: sveden\nUser-agent: other\nDisallow: /private # comment\n\n"
                 "User-agent: *\nDisallow: /\n", "sveden");
  CHECK(ours.allowed("/sveden/"));
  CHECK_FALSE(ours.allowed("/private/x"));
  RobotsTxt patterns("user-agent: *\ndisallow: /*.pdf$\ndisallow: /print*/\n", "sveden");
  CHECK_FALSE(patterns.allowed("/upload/ustav.pdf"));
  CHECK(patterns.allowed("/upload/ustav.pdf?download=1"));
  CHECK_FALSE(patterns.allowed("/print-version/page"));
  CHECK(RobotsTxt("User-agent: *\nDisallow:\n", "sveden").allowed("/anything"));
  CHECK(RobotsTxt().allowed("/anything"));
  CHECK(RobotsTxt("<html>not a robots file</html>", "sveden").allowed("/sveden/"));
}
