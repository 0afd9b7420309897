// The output's stage folder: one build of an output at a time, stages named so that no two builds
// share one, stale stages removed only when they carry sveden's stage marker, the output marker
// published with every output.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <doctest/doctest.h>
#include <unistd.h>

#include "../support/test_files.h"
#include "write/staged_output.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir() {
  char tmpl[] = "/tmp/sveden-stage-test-XXXXXX";
  REQUIRE(mkdtemp(tmpl));
  return tmpl;
}

}  // namespace

TEST_CASE("staged output: a stage of a dead build goes, a user's folder that only looks like one stays") {
  fs::path dir = temp_dir();
  fs::path out = dir / "output";
  // A dead build's stage (with the marker sveden writes first) and a user's backup with a similar name.
  fs::create_directories(dir / ".output.sveden-stage-1-abcdef");
  std::ofstream(dir / ".output.sveden-stage-1-abcdef/.sveden-stage") << "Папка сборки sveden: удаляется автоматически.\n";
  fs::create_directories(dir / ".output.sveden-stage-backup");
  std::ofstream(dir / ".output.sveden-stage-backup/notes.txt") << "keep";
  std::string error;
  {
    auto staged = StagedOutput::begin(out.string(), &error);
    REQUIRE_MESSAGE(staged, error);
    CHECK_FALSE(fs::exists(dir / ".output.sveden-stage-1-abcdef"));
    CHECK(test::read_file(dir / ".output.sveden-stage-backup/notes.txt") == "keep");
    REQUIRE(staged->write("index.html", "<p>1</p>", &error));
    REQUIRE(staged->commit(&error));
  }
  CHECK(fs::exists(out / kOutputMarker));
  CHECK_FALSE(fs::exists(out / ".sveden-stage"));  // the stage's marker does not reach the output
  CHECK(test::read_file(out / "index.html") == "<p>1</p>");
  CHECK(fs::exists(dir / ".output.sveden-stage-backup/notes.txt"));
  int stages = 0;
  for (const auto& e : fs::directory_iterator(dir)) stages += e.path().filename().string().rfind(".output.sveden-stage-", 0) == 0;
  CHECK(stages == 1);  // the user's backup only
  fs::remove_all(dir);
}

TEST_CASE("staged output: a second build of the same output waits for the first to swap") {
  fs::path dir = temp_dir();
  std::string out = (dir / "output").string(), error;
  auto first = StagedOutput::begin(out, &error);
  REQUIRE_MESSAGE(first, error);
  std::atomic<bool> second_began{false};
  std::string second_error;
  std::thread second([&] {
    auto staged = StagedOutput::begin(out, &second_error);
    second_began = true;
    if (!staged) return;
    std::string e;
    // It sees the first build's output, complete.
    CHECK(test::read_file(fs::path(out) / "index.html") == "<p>first</p>");
    if (staged->write("index.html", "<p>second</p>", &e)) staged->commit(&e);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK_FALSE(second_began.load());
  REQUIRE(first->write("index.html", "<p>first</p>", &error));
  REQUIRE(first->commit(&error));
  first.reset();  // releases the lock
  second.join();
  CHECK(second_error.empty());
  CHECK(test::read_file(fs::path(out) / "index.html") == "<p>second</p>");
  fs::remove_all(dir);
}

TEST_CASE("staged output: a failing write, sync or swap leaves the previous output exactly as it was") {
  fs::path dir = temp_dir();
  std::string out = (dir / "output").string(), error;
  auto build = [&](const std::string& text, const StagedOutput::Faults& faults) {
    StagedOutput::inject_faults(faults);
    std::string e;
    bool ok = false;
    if (auto staged = StagedOutput::begin(out, &e)) {
      ok = staged->make_dirs({"a", "b/c"}, &e);
      for (const char* name : {"index.html", "a/index.html", "b/c/index.html", "b/data.csv"}) ok = ok && staged->write(name, text, &e);
      ok = ok && staged->commit(&e);
    }
    StagedOutput::inject_faults({});
    return ok ? std::string() : e;
  };
  REQUIRE(build("old", {}).empty());
  // The whole previous output, its marker included, byte for byte after each fault.
  const auto before = test::read_tree(out);
  REQUIRE(before.size() == 5);
  for (size_t n = 1; n <= 4; ++n) {
    CAPTURE(n);
    CHECK(build("new", {n, false, false}).find("No space left on device") != std::string::npos);
    CHECK(test::read_tree(out) == before);
  }
  CHECK(build("new", {0, true, false}).find("не удалось записать на диск") != std::string::npos);
  CHECK(test::read_tree(out) == before);
  CHECK(build("new", {0, false, true}).find("не удалось заменить папку") != std::string::npos);
  CHECK(test::read_tree(out) == before);
  for (const char* name : {"index.html", "a/index.html", "b/c/index.html", "b/data.csv"}) CHECK(test::read_file(fs::path(out) / name) == "old");
  CHECK(fs::exists(fs::path(out) / kOutputMarker));
  int left = 0;
  for (const auto& e : fs::directory_iterator(dir)) left += e.path().filename().string().find("sveden-stage") != std::string::npos;
  CHECK(left == 0);  // no stage of a failed build stays
  CHECK(build("new", {}).empty());
  CHECK(test::read_file(fs::path(out) / "b/c/index.html") == "new");
  fs::remove_all(dir);
}
