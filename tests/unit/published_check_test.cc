// `sveden check`'s second half (site/check.h): a build in memory, writing nothing, answers with the build's own
// audit, which must be what an audit of the published folder finds; a saved site that is not there is an I/O
// failure, not a clean site.
#include <cstdlib>
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "audit/site_audit.h"
#include "site/check.h"
#include "../support/built_site.h"

namespace sveden {

TEST_CASE("check_published: the temporary build's own audit finds what an audit of the published folder finds") {
  const test::BuiltSite& demo = test::demo_build();
  BuildOptions options;
  options.site_dir = SVEDEN_SOURCE_DIR;
  options.jobs = 2;
  // Rendered and audited in memory: nothing is written, not even into a temporary folder.
  char tmpl[] = "/tmp/sveden-check-test-XXXXXX";
  REQUIRE(mkdtemp(tmpl));
  const char* was = std::getenv("TMPDIR");
  std::string before = was ? was : "";
  ::setenv("TMPDIR", tmpl, 1);
  PublishedCheck fresh = check_published(options);
  if (was) ::setenv("TMPDIR", before.c_str(), 1);
  else ::unsetenv("TMPDIR");
  REQUIRE_MESSAGE(fresh.status.ok(), fresh.status.message());
  CHECK(fresh.shown == "сборка в памяти, без записи на диск");
  CHECK(std::filesystem::is_empty(tmpl));
  CHECK(fresh.build.pages > 400);  // every page of the demo rendered
  CHECK(fresh.build.files > fresh.build.pages);
  std::filesystem::remove_all(tmpl);

  options.out_dir = demo.out.string();
  PublishedCheck existing = check_published(options);
  REQUIRE(existing.status.ok());
  CHECK(existing.shown == demo.out.string());
  CHECK(existing.audit.warnings > 0);  // the demo's incomplete schools: a real audit, not an empty one
  CHECK(format_audit_json(fresh.audit) == format_audit_json(existing.audit));
  CHECK(fresh.passes() == existing.passes());
}

TEST_CASE("check_saved_site: a folder that does not exist fails with exit code 3 and names it") {
  PublishedCheck c = check_saved_site("/nonexistent/sveden-saved-site");
  CHECK_FALSE(c.passes());
  CHECK(c.status.code() == ExitCode::io);
  CHECK(c.status.message() == "папки «/nonexistent/sveden-saved-site» нет");
}

}  // namespace sveden
