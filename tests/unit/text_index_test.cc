// TextIndex: texts to their numbers in the order added, found again through any number of growths.
#include <deque>
#include <string>

#include <doctest/doctest.h>

#include "base/text_index.h"

using namespace sveden;

TEST_CASE("text index: numbers in the order added, npos for a text not in it") {
  TextIndex index;
  std::deque<std::string> texts = {"schools/school-1/index.html", "schools/school-1/sveden/index.html", "", "index.html"};
  for (size_t i = 0; i < texts.size(); ++i) CHECK(index.add(texts[i]) == i);
  CHECK(index.size() == 4);
  for (size_t i = 0; i < texts.size(); ++i) CHECK(index.find(texts[i]) == i);
  CHECK(index.find(std::string_view()) == 2);  // the empty text, however it is viewed
  CHECK(index.find("schools/school-1") == TextIndex::npos);
  CHECK(index.find("index.htm") == TextIndex::npos);
  CHECK(index.find("schools/school-1/index.html", TextIndex::hash_of("schools/school-1/index.html")) == 0);
}

TEST_CASE("text index: a hundred thousand paths, every one found after the array has grown many times") {
  TextIndex index(4);  // room for 4: it grows 15 times
  std::deque<std::string> paths;
  for (int i = 0; i < 100000; ++i) {
    paths.push_back("schools/school-" + std::to_string(i % 5000) + "/page-" + std::to_string(i / 5000) + "/index.html");
    REQUIRE(index.add(paths.back()) == static_cast<size_t>(i));
  }
  size_t wrong = 0, found_absent = 0;
  for (size_t i = 0; i < paths.size(); ++i) wrong += index.find(paths[i]) != i;
  for (int i = 0; i < 1000; ++i) found_absent += index.find("schools/school-" + std::to_string(i) + "/page-20/index.html") != TextIndex::npos;
  CHECK(wrong == 0);
  CHECK(found_absent == 0);
  CHECK(index.size() == 100000);
}
