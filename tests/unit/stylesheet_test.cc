// Which classes a stylesheet hides, as `sveden check` reads it for hidden markup.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "audit/stylesheet.h"

using namespace sveden;
using Hidden = std::map<std::string, std::string>;

TEST_CASE("stylesheet: simple class rules that hide") {
  CHECK(hidden_classes(".a{display:none}\n.b { VISIBILITY : hidden ! important; color: red }\ndiv.c, .d{display: none}") ==
        Hidden{{"a", "display:none"}, {"b", "visibility:hidden"}, {"c", "display:none"}, {"d", "display:none"}});
  CHECK(hidden_classes("/* .a{display:none} */ .e{display:block} .f{visibility:visible}").empty());
}

TEST_CASE("stylesheet: what is not read") {
  // Descendants, states, attributes: not a simple class.
  CHECK(hidden_classes(".menu .a{display:none} .b:hover{display:none} .c[hidden]{display:none} #d{display:none}").empty());
  // Paper and some screen widths only.
  CHECK(hidden_classes("@media print { .a { display: none } } @media (max-width: 600px) { .b { display: none } }").empty());
  // Every screen.
  CHECK(hidden_classes("@media screen { .a { display: none } } @supports (display: grid) { .b { display: none } }") ==
        Hidden{{"a", "display:none"}, {"b", "display:none"}});
  // Shown again in some state: tabs, accordions.
  CHECK(hidden_classes(".tab-pane{display:none}.tab-pane.active{display:block}.x{display:none}") == Hidden{{"x", "display:none"}});
  // Broken CSS ends quietly.
  CHECK(hidden_classes(".a{display:none").size() == 1);
  CHECK(hidden_classes("}}{{ .a{display:none} @media screen {").size() <= 1);
}

TEST_CASE("stylesheet: a text read once for every copy of it, from several threads") {
  HiddenClasses read;
  const std::string a = ".a{display:none}", b = ".b{visibility:hidden}";
  std::vector<const Hidden*> got(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t)
    threads.emplace_back([&, t] { got[t] = &read.of(std::string(t % 2 ? b : a)); });  // copies, not the same string
  for (auto& t : threads) t.join();
  for (size_t t = 0; t < got.size(); ++t) {
    CHECK(*got[t] == hidden_classes(t % 2 ? b : a));
    CHECK(got[t] == got[t % 2]);  // one result for each text
  }
  CHECK(got[0] != got[1]);
  CHECK(read.of(a + " ").empty() == false);  // another text, read on its own
  CHECK(&read.of(a + " ") != got[0]);
  CHECK(read.of("").empty());
}

TEST_CASE("stylesheet: hostile input stays bounded and linear") {
  std::string nested, open;
  for (int i = 0; i < 200000; ++i) nested += "@media screen{";
  for (int i = 0; i < 200000; ++i) open += ".a{display:none}{";
  auto start = std::chrono::steady_clock::now();
  CHECK(hidden_classes(nested + ".a{display:none}").empty());  // deeper than is read
  hidden_classes(open);
  hidden_classes(std::string(1000000, '{'));
  hidden_classes(std::string(1000000, '}'));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}
