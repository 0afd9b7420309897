// SharedText and TextPool: a text held once however many findings carry it, and read as the string it is.
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "base/shared_text.h"

using namespace sveden;

TEST_CASE("shared text: reads, compares and prints as its string") {
  SharedText a = std::string("нет обязательных сведений «Устав»"), b = "нет обязательных сведений «Устав»", none;
  CHECK(a.str() == "нет обязательных сведений «Устав»");
  CHECK(a == b);
  CHECK(a == std::string("нет обязательных сведений «Устав»"));
  CHECK_FALSE(a == "нет");
  CHECK_FALSE(a.same_copy(b));  // equal, but two copies until a pool makes them one
  CHECK(none.empty());
  CHECK(none.str().empty());
  CHECK(none == "");
  CHECK(SharedText("") .same_copy(none));  // an empty text holds nothing
  CHECK(SharedText("a") < SharedText("b"));
  CHECK(fmt::format("{}: {}", SharedText("index.html"), a) == "index.html: нет обязательных сведений «Устав»");
  std::string_view view = a;
  CHECK(view == a.str());
  SharedText copy = a;
  CHECK(copy.same_copy(a));
}

TEST_CASE("text pool: one copy per distinct text, from several threads") {
  TextPool pool;
  std::vector<std::vector<SharedText>> made(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < made.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 1000; ++i) {
        SharedText text = "сообщение " + std::to_string(i % 10);
        pool.intern(text);
        made[t].push_back(text);
      }
    });
  for (auto& t : threads) t.join();
  CHECK(pool.size() == 10);
  for (const auto& list : made)
    for (size_t i = 0; i < list.size(); ++i) {
      CHECK(list[i] == "сообщение " + std::to_string(i % 10));
      CHECK(list[i].same_copy(made[0][i % 10]));
    }
}
