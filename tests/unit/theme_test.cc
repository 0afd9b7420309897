#include <doctest/doctest.h>

#include "render/theme.h"

using namespace sveden;

TEST_CASE("theme: a site overrides one template and one asset, the rest stays the default") {
  MemoryDisk disk;
  disk.put("themes/default/templates/page.mustache", "<article>{{{content}}}</article>");
  disk.put("themes/default/assets/style.css", "body { color: black; }");
  Diagnostics diag;
  auto theme = load_theme(disk, "default", "", diag);
  REQUIRE(theme);
  CHECK(theme->templates.at("page") == "<article>{{{content}}}</article>");
  CHECK(theme->assets.at("style.css") == "body { color: black; }");
  CHECK(theme->templates.at("sveden_section").find("itemprop") != std::string::npos);
  for (const auto& name : required_templates()) CHECK_MESSAGE(theme->templates.count(name), name);
}

TEST_CASE("theme: a broken override is reported with its file") {
  MemoryDisk disk;
  disk.put("themes/default/templates/school.mustache", "{{#facts}}<p>");
  Diagnostics diag;
  CHECK_FALSE(load_theme(disk, "default", "", diag));
  CHECK(format_all(diag).find("themes/default/templates/school.mustache") != std::string::npos);
}

TEST_CASE("theme: an unknown theme name is an error") {
  MemoryDisk disk;
  Diagnostics diag;
  CHECK_FALSE(load_theme(disk, "fancy", "", diag));
  CHECK(format_all(diag).find("тема «fancy» не найдена") != std::string::npos);
}
