#include <doctest/doctest.h>

#include "base/disk.h"
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

#include "russian/names.h"

TEST_CASE("names: quotes set the Russian way, legal form stripped for sorting") {
  CHECK(typographic_quotes("МБОУ \"СОШ № 5\"") == "МБОУ «СОШ № 5»");
  CHECK(typographic_quotes("МБОУ \"Школа \"Успех\"\"") == "МБОУ «Школа „Успех“»");
  CHECK(typographic_quotes("без кавычек") == "без кавычек");
  CHECK(without_legal_form("МБОУ «Гимназия № 3»") == "Гимназия № 3");
  CHECK(without_legal_form("МАОУ \"Лицей № 4\"") == "Лицей № 4");
  CHECK(without_legal_form("Никольский филиал МБОУ «Заречная СОШ»") == "Никольский филиал Заречная СОШ");
}
