// build_site through its seams: the input from a folder in memory, the output into memory, onto disk,
// or through an output that fails at the Nth call; a failure never publishes a partial build.
#include <filesystem>

#include <doctest/doctest.h>
#include <unistd.h>

#include "../support/faulty_output.h"
#include "../support/test_files.h"
#include "site/build.h"
#include "write/memory_output.h"
#include "write/staged_output.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

BuildOptions options() {
  BuildOptions o;
  o.site_dir = "minimal";
  o.jobs = 2;
  return o;
}

}  // namespace

TEST_CASE("build into memory: the same files as on disk, and nothing changed on a second build") {
  MemoryDisk site = test::minimal_site();
  MemoryOutput memory;
  BuildReport r = build_site(options(), site, memory);
  REQUIRE_MESSAGE(r.status.ok(), r.status.message());
  REQUIRE(memory.committed());
  CHECK(memory.published().count("index.html"));
  CHECK(memory.published().count("audit/index.html"));
  CHECK(memory.published().count(kOutputMarker));
  CHECK(r.files == memory.published().size());
  CHECK(r.files_changed == r.files - 1);  // all but the marker, which an empty output already has

  char tmpl[] = "/tmp/sveden-build-output-test-XXXXXX";
  REQUIRE(mkdtemp(tmpl));
  StagedOutput disk((fs::path(tmpl) / "output").string());
  REQUIRE(build_site(options(), site, disk).status.ok());
  CHECK(test::read_tree(fs::path(tmpl) / "output") == memory.published());
  fs::remove_all(tmpl);

  BuildReport again = build_site(options(), site, memory);
  REQUIRE(again.status.ok());
  CHECK(again.files_changed == 0);
}

TEST_CASE("build into a failing output: an I/O error, and the previous output stays published") {
  MemoryDisk site = test::minimal_site();
  MemoryOutput memory;
  REQUIRE(build_site(options(), site, memory).status.ok());
  const auto before = memory.published();
  // A changed page, so that a build that went through would publish something else.
  auto page = site.read("content/index.md");
  REQUIRE_MESSAGE(page, page.message());
  site.put("content/index.md", *page + "\nНовый абзац.\n");
  size_t writes = 0;
  {
    MemoryOutput scratch;
    test::FaultyOutput count_only(scratch, {});
    REQUIRE(build_site(options(), site, count_only).status.ok());
    writes = count_only.writes();
  }
  REQUIRE(writes > 10);
  for (size_t n : {size_t{1}, writes / 2, writes}) {
    CAPTURE(n);
    test::FaultyOutput faulty(memory, {n, false, false});
    BuildReport r = build_site(options(), site, faulty);
    CHECK(r.status.code() == ExitCode::io);
    CHECK(r.status.message().find("No space left on device") != std::string::npos);
    CHECK(memory.published() == before);
  }
  for (auto faults : {test::FaultyOutput::Faults{0, true, false}, test::FaultyOutput::Faults{0, false, true}}) {
    test::FaultyOutput faulty(memory, faults);
    BuildReport r = build_site(options(), site, faulty);
    CHECK(r.status.code() == ExitCode::io);
    CHECK(memory.published() == before);
  }
  REQUIRE(build_site(options(), site, memory).status.ok());
  CHECK(memory.published() != before);
}
