// The site a build hands to `sveden serve` (BuildOptions::on_preview): every page and file it renders is
// byte for byte what the build writes at that path, before the build has written it and after the build
// has returned; the audit page, written last, is not in it.
#include <doctest/doctest.h>

#include "site/build.h"
#include "write/memory_output.h"
#include "write/staged_output.h"

using namespace sveden;

TEST_CASE("preview site: every file of the demo rendered in memory is the file the build writes") {
  RealDisk demo(SVEDEN_SOURCE_DIR);
  MemoryOutput memory;
  BuildOptions o;
  o.site_dir = SVEDEN_SOURCE_DIR;
  o.jobs = 2;
  std::shared_ptr<const PreviewSite> preview;
  size_t written_when_handed = 1;
  o.on_preview = [&](std::shared_ptr<const PreviewSite> site) {
    preview = std::move(site);
    written_when_handed = memory.files();
  };
  BuildReport r = build_site(o, demo, memory);
  REQUIRE_MESSAGE(r.status.ok(), r.status.message());
  REQUIRE(preview);
  CHECK(written_when_handed == 0);  // handed over before anything is written
  size_t compared = 0;
  for (const auto& file : memory.published()) {  // clang 14: no structured bindings inside doctest's macros
    const std::string& path = file.first;
    const std::string& bytes = file.second;
    if (path == "audit/index.html" || path == kOutputMarker) {
      CHECK_FALSE(preview->has(path));
      continue;
    }
    REQUIRE_MESSAGE(preview->has(path), path);
    auto rendered = preview->render(path);
    REQUIRE_MESSAGE(rendered.has_value(), path);
    CHECK_MESSAGE(*rendered == bytes, path);
    ++compared;
  }
  CHECK(compared + 2 == memory.published().size());
  CHECK_FALSE(preview->has("no/such/page.html"));
  CHECK_FALSE(preview->render("no/such/page.html").has_value());
  MESSAGE("files compared: " << compared);
}
