#include <doctest/doctest.h>

#include "load/disk.h"
#include "load/site_loader.h"

using namespace sveden;

TEST_CASE("school slugs from Russian names") {
  CHECK(slug_from_name("МБОУ СОШ № 2") == "sosh-2");
  CHECK(slug_from_name("Никольский филиал МБОУ Заречная СОШ") == "nikolskiy-filial-zarechnaya-sosh");
  CHECK(slug_from_name("Гимназия № 3 г. Озёрска") == "gimnaziya-3-g-ozerska");
  CHECK(slug_from_name("../../etc") == "etc");
  CHECK(slug_from_name("<script>") == "script");
}

TEST_CASE("paths from data stay inside their folder") {
  CHECK(is_safe_relative_path("data/oge.csv"));
  CHECK_FALSE(is_safe_relative_path("../oge.csv"));
  CHECK_FALSE(is_safe_relative_path("data/../../x"));
  CHECK_FALSE(is_safe_relative_path("/etc/passwd"));
  CHECK_FALSE(is_safe_relative_path("data//x"));
  CHECK_FALSE(is_safe_relative_path(""));
}
