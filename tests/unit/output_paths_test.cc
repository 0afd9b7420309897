// One output path, one owner: clashes between pages, generated files and files copied from the site
// folder, names a later stage writes, and dotfiles are found before anything is written.
#include <doctest/doctest.h>

#include "write/output_paths.h"

using namespace sveden;

TEST_CASE("output paths: every path has one owner") {
  std::vector<OutputClaim> later = {{"audit/index.html", "", "страница проверки audit/index.html"}};
  CHECK(output_conflicts({{"index.html", "", "страница index.html"}, {"documents/a.pdf", "documents/department/a.pdf", "файл documents/department/a.pdf"}},
                         later)
            .empty());
  // An uploaded index.html against the page: the user's file is the one to rename.
  auto c = output_conflicts({{"documents/index.html", "", "страница documents/index.html"},
                             {"documents/index.html", "documents/department/index.html", "файл documents/department/index.html"}},
                            later);
  REQUIRE(c.size() == 1);
  CHECK(c[0].file == "documents/department/index.html");
  CHECK(c[0].message ==
        "«documents/index.html» создают и страница documents/index.html, и файл documents/department/index.html: один из них "
        "затёр бы другой; переименуйте этот файл: адрес занят sveden");
  // A page on the audit page's address (content/audit.md).
  c = output_conflicts({{"audit/index.html", "", "страница audit/index.html"}}, later);
  REQUIRE(c.size() == 1);
  CHECK(c[0].file.empty());
  // Dotfiles at any depth, from the site folder only.
  c = output_conflicts({{"schools/s/documents/.htaccess", "documents/T1/.htaccess", "файл documents/T1/.htaccess"},
                        {"schools/s/documents/.git/config", "documents/T1/.git/config", "файл documents/T1/.git/config"},
                        {"assets/x.v1.css", "", "файл assets/x.v1.css"}},
                       later);
  REQUIRE(c.size() == 2);
  CHECK(c[0].file == "documents/T1/.htaccess");
  CHECK(c[1].file == "documents/T1/.git/config");
}

TEST_CASE("output paths: a page of the user's takes its folder") {
  std::vector<OutputClaim> later = {{"audit/index.html", "", "страница проверки audit/index.html", false}};
  auto c = output_conflicts({{"assets/style.css", "", "файл assets/style.css, который создаёт sveden", false},
                             {"assets/index.html", "content/assets.md", "страница из content/assets.md (assets/index.html)", true}},
                            later);
  REQUIRE(c.size() == 1);
  CHECK(c[0].file == "content/assets.md");
  CHECK(c[0].message == "страница из content/assets.md (assets/index.html) заняла бы папку assets/, в которой есть файл "
                        "assets/style.css, который создаёт sveden; переименуйте этот файл: папка занята sveden");
  // A clash on the page's own path is named once, not again for its folder.
  c = output_conflicts({{"news/index.html", "", "страница news/index.html", false},
                        {"news/atom.xml", "", "файл news/atom.xml, который создаёт sveden", false},
                        {"news/index.html", "content/news.md", "страница из content/news.md (news/index.html)", true}},
                       later);
  REQUIRE(c.size() == 1);
  CHECK(c[0].message.rfind("«news/index.html» создают и страница news/index.html, и страница из content/news.md", 0) == 0);
  // A page alone in its folder, and a page beside another folder of the same name's prefix, are fine.
  CHECK(output_conflicts({{"about/index.html", "content/about.md", "страница из content/about.md", true},
                          {"about-us/index.html", "content/about-us.md", "страница из content/about-us.md", true}},
                         later)
            .empty());
}
