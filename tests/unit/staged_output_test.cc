// The output's stage folder: one build of an output at a time, stages named so that no two builds
// share one, stale stages removed only when they carry sveden's stage marker, the output marker
// published with every output.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../support/faulty_output.h"
#include "../support/test_files.h"
#include "base/disk.h"
#include "base/text_hash.h"
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
  {
    StagedOutput staged(out.string());
    Status opened = staged.open();
    REQUIRE_MESSAGE(opened.ok(), opened.message());
    CHECK_FALSE(fs::exists(dir / ".output.sveden-stage-1-abcdef"));
    CHECK(test::read_file(dir / ".output.sveden-stage-backup/notes.txt") == "keep");
    REQUIRE(staged.write("index.html", "<p>1</p>").ok());
    REQUIRE(staged.commit().ok());
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
  std::string out = (dir / "output").string();
  auto first = std::make_unique<StagedOutput>(out);
  Status opened = first->open();
  REQUIRE_MESSAGE(opened.ok(), opened.message());
  std::atomic<bool> second_began{false};
  Status second_status;
  std::thread second([&] {
    StagedOutput staged(out);
    second_status = staged.open();
    second_began = true;
    if (!second_status.ok()) return;
    // It sees the first build's output, complete.
    CHECK(test::read_file(fs::path(out) / "index.html") == "<p>first</p>");
    if ((second_status = staged.write("index.html", "<p>second</p>")).ok()) second_status = staged.commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK_FALSE(second_began.load());
  REQUIRE(first->write("index.html", "<p>first</p>").ok());
  REQUIRE(first->commit().ok());
  first.reset();  // releases the lock
  second.join();
  CHECK_MESSAGE(second_status.ok(), second_status.message());
  CHECK(test::read_file(fs::path(out) / "index.html") == "<p>second</p>");
  fs::remove_all(dir);
}

TEST_CASE("staged output: a failing write, sync or swap leaves the previous output exactly as it was") {
  fs::path dir = temp_dir();
  std::string out = (dir / "output").string();
  auto build = [&](const std::string& text, const test::FaultyOutput::Faults& faults) {
    StagedOutput staged(out);
    test::FaultyOutput faulty(staged, faults);
    Status s = faulty.open();
    if (s.ok()) s = faulty.make_dirs({"a", "b/c"});
    for (const char* name : {"index.html", "a/index.html", "b/c/index.html", "b/data.csv"})
      if (s.ok()) s = faulty.write(name, text);
    if (s.ok()) s = faulty.sync();
    if (s.ok()) s = faulty.commit();
    return s.message();
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

namespace {

struct FileId {
  ino_t inode;
  struct timespec mtime;
  bool operator==(const FileId& o) const {
    return inode == o.inode && mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec;
  }
};

FileId file_id(const fs::path& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return {st.st_ino, st.st_mtim};
}

// Writes `files`, and `in_parts` part by part, as one build of `out`; returns the output's count of changed files.
size_t build_files(const std::string& out, const std::map<std::string, std::string>& files,
                   const std::map<std::string, PartsMaker>& in_parts = {}) {
  StagedOutput staged(out);
  Status s = staged.open();
  if (s.ok()) s = staged.make_dirs({"a/b", "data"});
  for (const auto& [path, text] : files)
    if (s.ok()) s = staged.write(path, text);
  for (const auto& [path, make] : in_parts)
    if (s.ok()) s = staged.write_parts(path, make);
  if (s.ok()) s = staged.sync();
  if (s.ok()) s = staged.commit();
  REQUIRE_MESSAGE(s.ok(), s.message());
  return staged.files_changed();
}

}  // namespace

TEST_CASE("staged output: a file the same as before is the previous file (inode, mtime), only changed ones are written") {
  fs::path dir = temp_dir();
  std::string out = (dir / "output").string();
  std::map<std::string, std::string> files = {{"index.html", "<p>1</p>"}, {"a/index.html", "<p>2</p>"}, {"a/b/data.csv", "x;y\n"}};
  CHECK(build_files(out, files) == 4);  // the output's marker too
  std::map<std::string, FileId> before;
  for (const auto& [path, text] : files) before.emplace(path, file_id(fs::path(out) / path));
  FileId marker = file_id(fs::path(out) / kOutputMarker);
  FileId folder = file_id(fs::path(out) / "a/b");

  CHECK(build_files(out, files) == 0);
  CHECK(file_id(fs::path(out) / "a/b") == folder);  // nothing changed: the previous output is kept, folders too
  for (const auto& file : files) {
    const std::string& path = file.first;
    CAPTURE(path);
    CHECK(file_id(fs::path(out) / path) == before.at(path));
    CHECK(test::read_file(fs::path(out) / path) == file.second);
  }
  CHECK(file_id(fs::path(out) / kOutputMarker) == marker);

  // One changed file (same size, other bytes) and one new: those two only are new files.
  files["a/index.html"] = "<p>3</p>";
  files["a/b/more.csv"] = "z\n";
  CHECK(build_files(out, files) == 2);
  CHECK_FALSE(file_id(fs::path(out) / "a/index.html") == before.at("a/index.html"));
  CHECK(test::read_file(fs::path(out) / "a/index.html") == "<p>3</p>");
  CHECK(file_id(fs::path(out) / "index.html") == before.at("index.html"));
  CHECK(file_id(fs::path(out) / "a/b/data.csv") == before.at("a/b/data.csv"));
  // A file the build no longer writes is gone with the previous output.
  files.erase("a/b/more.csv");
  CHECK(build_files(out, files) == 0);
  CHECK_FALSE(fs::exists(fs::path(out) / "a/b/more.csv"));
  fs::remove_all(dir);
}

TEST_CASE("staged output: a failed build that carried files over leaves the previous output's files as they were") {
  fs::path dir = temp_dir();
  std::string out = (dir / "output").string();
  std::map<std::string, std::string> files = {{"index.html", "<p>1</p>"}, {"a/index.html", "<p>2</p>"}};
  build_files(out, files);
  const auto before = test::read_tree(out);
  FileId kept = file_id(fs::path(out) / "index.html");
  {
    StagedOutput staged(out);
    test::FaultyOutput faulty(staged, {2, false, false});
    REQUIRE(faulty.open().ok());
    REQUIRE(faulty.make_dirs({"a"}).ok());
    REQUIRE(faulty.write("index.html", "<p>1</p>").ok());  // carried over: a link to the previous file
    CHECK_FALSE(faulty.write("a/index.html", "<p>changed</p>").ok());
  }
  CHECK(test::read_tree(out) == before);
  CHECK(file_id(fs::path(out) / "index.html") == kept);
  struct stat st {};
  REQUIRE(::stat((fs::path(out) / "index.html").c_str(), &st) == 0);
  CHECK(st.st_nlink == 1);  // the stage's link went with the stage
  fs::remove_all(dir);
}

TEST_CASE("staged output: a symbolic link in the previous output is never followed to carry a file over") {
  fs::path dir = temp_dir();
  std::string out = (dir / "output").string();
  build_files(out, {{"index.html", "<p>1</p>"}});
  // Someone replaced a page of the published output with a link to a file outside it.
  std::ofstream(dir / "secret.txt") << "<p>1</p>";
  fs::remove(fs::path(out) / "index.html");
  fs::create_symlink(dir / "secret.txt", fs::path(out) / "index.html");
  FileId secret = file_id(dir / "secret.txt");
  CHECK(build_files(out, {{"index.html", "<p>1</p>"}}) == 1);  // written anew, not linked to secret.txt
  CHECK_FALSE(fs::is_symlink(fs::path(out) / "index.html"));
  CHECK_FALSE(file_id(fs::path(out) / "index.html") == secret);
  fs::remove_all(dir);
}

namespace {

// A table of `rows` rows of about 100 bytes, made row by row as the open data are; `changed_row` reads
// otherwise.
PartsMaker table(size_t rows, size_t changed_row = SIZE_MAX) {
  return [rows, changed_row](TextParts& parts) {
    for (size_t r = 0; r < rows; ++r) {
      parts.text() += fmt::format("{:08};{};{:>80}\r\n", r, r == changed_row ? "иначе" : "так", r * 7);
      parts.may_end();
    }
  };
}

// One build of `out` with the page «index.html» written whole and «data/table.csv» in parts.
size_t build_table(const std::string& out, const PartsMaker& csv) {
  return build_files(out, {{"index.html", "<p>1</p>"}}, {{"data/table.csv", csv}});
}

}  // namespace

TEST_CASE("staged output: a file written in parts is the previous file when every part agrees, and whole otherwise") {
  fs::path dir = temp_dir();
  std::string out = (dir / "output").string();
  fs::path csv = fs::path(out) / "data/table.csv";
  const size_t rows = 40000;  // about 4 MB: four parts
  CHECK(build_table(out, table(rows)) == 3);  // with the page and the output's marker
  CHECK(test::read_file(csv) == whole_text(table(rows)));
  FileId first = file_id(csv);

  // The same text: nothing is written, the output is kept as it was.
  CHECK(build_table(out, table(rows)) == 0);
  CHECK(file_id(csv) == first);

  struct Variant {
    const char* what;
    PartsMaker make;
  };
  const Variant variants[] = {
      {"a row of the last part differs", table(rows, rows - 3)},
      {"the first row differs", table(rows, 0)},
      {"a row in the middle differs", table(rows, rows / 2)},
      {"rows are added (the previous file is its beginning)", table(rows + 1234)},
      {"rows are gone (it is the previous file's beginning)", table(rows - 20000)},
      {"all but one row is gone", table(1)},
      {"it is empty", [](TextParts&) {}},
      {"the full table again", table(rows)},
  };
  for (const auto& v : variants) {
    CAPTURE(v.what);
    FileId before = file_id(csv);
    CHECK(build_table(out, v.make) == 1);  // the table only: the page is carried over
    CHECK(test::read_file(csv) == whole_text(v.make));
    CHECK_FALSE(file_id(csv) == before);
  }
  fs::remove_all(dir);
}

TEST_CASE("staged output: a file written in parts after a changed file is linked when the same, written when not") {
  fs::path dir = temp_dir();
  std::string out = (dir / "output").string();
  fs::path csv = fs::path(out) / "data/table.csv";
  build_table(out, table(30000));
  FileId kept = file_id(csv);
  // The stage is made at the first changed file (the page here); the table comes after it.
  {
    StagedOutput staged(out);
    REQUIRE(staged.open().ok());
    REQUIRE(staged.make_dirs({"data"}).ok());
    REQUIRE(staged.write("index.html", "<p>changed</p>").ok());
    REQUIRE(staged.write_parts("data/table.csv", table(30000)).ok());
    REQUIRE(staged.commit().ok());
    CHECK(staged.files_changed() == 1);
  }
  CHECK(file_id(csv) == kept);
  {
    StagedOutput staged(out);
    REQUIRE(staged.open().ok());
    REQUIRE(staged.make_dirs({"data"}).ok());
    REQUIRE(staged.write("index.html", "<p>changed again</p>").ok());
    REQUIRE(staged.write_parts("data/table.csv", table(30000, 29999)).ok());
    REQUIRE(staged.commit().ok());
    CHECK(staged.files_changed() == 2);
  }
  CHECK(test::read_file(csv) == whole_text(table(30000, 29999)));
  fs::remove_all(dir);
}

TEST_CASE("staged output: folders are made parents first in several threads, each tree whole, and a failure names its folder") {
  fs::path dir = temp_dir();
  std::set<std::string> dirs;
  for (int s = 0; s < 40; ++s) {
    std::string school = "schools/s" + std::to_string(s);
    dirs.insert(school + "/sveden/common/");
    dirs.insert(school + "-1/sveden/a/b/c");  // sorts between «schools/sN» and «schools/sN/…»
    dirs.insert(school + "/kachestvo");
  }
  dirs.insert("opendata");
  {
    StagedOutput staged((dir / "output").string(), 4);
    REQUIRE(staged.open().ok());
    REQUIRE(staged.make_dirs(dirs).ok());
    for (const auto& d : dirs) CHECK(fs::is_directory(fs::path(staged.stage_dir()) / d));
    REQUIRE(staged.write("schools/s7-1/sveden/a/b/c/index.html", "x").ok());
    REQUIRE(staged.commit().ok());
  }
  CHECK(fs::is_regular_file(dir / "output/schools/s7-1/sveden/a/b/c/index.html"));
  // A folder whose parent is a file cannot be made: the message names it.
  {
    StagedOutput staged((dir / "other").string(), 2);
    REQUIRE(staged.open().ok());
    REQUIRE(staged.write("blocked", "a file where a folder goes").ok());
    Status made = staged.make_dirs({"blocked/x/y/z", "fine/a/b"});
    REQUIRE_FALSE(made.ok());
    CHECK(made.message().find("blocked/x") != std::string::npos);
  }
  fs::remove_all(dir);
}

namespace {

// The digest of the output the record beside it holds («output …»), "" without one.
std::string recorded_digest(const fs::path& out) {
  std::string state = test::read_file(out.parent_path() / ("." + out.filename().string() + ".sveden-state"));
  size_t at = state.find("\noutput ");
  return at == std::string::npos ? "" : state.substr(at + 8, state.find('\n', at + 8) - at - 8);
}

// A build of `files` (folders «a/b», «a.b», «a-c/d» too: «a» and what it holds come before «a.b») recorded
// under `key`; `program`: a file a program writes into the stage itself, as Chromium does its PDFs.
void build_and_record(const std::string& out, const std::map<std::string, std::string>& files, const std::string& program = "") {
  StagedOutput staged(out);
  Status s = staged.open();
  if (s.ok()) s = staged.make_dirs({"a/b", "a.b", "a-c/d", "data"});
  for (const auto& [path, text] : files)
    if (s.ok()) s = staged.write(path, text);
  if (s.ok()) s = staged.write_parts("a-c/d/parts.csv", [](TextParts& p) { p.text() += "1;2\n"; });
  if (s.ok() && !program.empty()) std::ofstream(fs::path(staged.folder()) / program) << "%PDF";
  if (s.ok()) s = staged.sync();
  if (s.ok()) s = staged.commit();
  REQUIRE_MESSAGE(s.ok(), s.message());
  staged.remember_build("key", BuildRecord{});
}

}  // namespace

TEST_CASE("staged output: files go on being written into folders made before while more folders are made") {
  // The build makes its pages' 36,000 folders (2,000 schools) beside the open data, which writes into its own
  // folder meanwhile: the writes must not wait for the folders, and the stage must hold both whole.
  fs::path dir = temp_dir();
  fs::path out = dir / "output";
  std::set<std::string> dirs;
  for (int s = 0; s < 4000; ++s) dirs.insert("schools/s" + std::to_string(s) + "/sveden/common/");
  {
    StagedOutput staged(out.string(), 2);
    REQUIRE(staged.open().ok());
    REQUIRE(staged.make_dirs({"opendata"}).ok());
    std::atomic<bool> made{false};
    Status made_status;
    std::thread folders([&] {
      made_status = staged.make_dirs(dirs);
      made = true;
    });
    // Until the first of the folders is there: they are being made.
    while (!made && !fs::exists(fs::path(staged.stage_dir()) / "schools")) std::this_thread::yield();
    int during = 0, files = 0;
    Status written;
    while (!made && written.ok()) {
      written = staged.write("opendata/f" + std::to_string(files++) + ".csv", "a;b\n");
      if (!made) ++during;
    }
    folders.join();
    REQUIRE_MESSAGE(made_status.ok(), made_status.message());
    REQUIRE_MESSAGE(written.ok(), written.message());
    CHECK_MESSAGE(during >= 10, "only " << during << " files were written while the folders were made");
    REQUIRE(staged.write("schools/s3999/sveden/common/index.html", "<p>x</p>").ok());
    REQUIRE(staged.sync().ok());
    REQUIRE(staged.commit().ok());
    staged.remember_build("key", BuildRecord{});
  }
  for (const auto& d : dirs) CHECK(fs::is_directory(out / d));
  CHECK(fs::is_regular_file(out / "opendata/f0.csv"));
  CHECK(recorded_digest(out) == text_hash(*stat_listing(out.string(), nullptr)));
  fs::remove_all(dir);
}

TEST_CASE("staged output: the record of a build is the digest of the output as it is listed after it") {
  // A build that wrote every file new records what each file said of itself when closed, without listing
  // the output again; the next build lists the output and must find the same text, or it renders everything.
  fs::path dir = temp_dir();
  fs::path out = dir / "output";
  std::map<std::string, std::string> files = {{"index.html", "<p>1</p>"}, {"a/index.html", "<p>2</p>"}, {"a/b/data.csv", "x;y\n"},
                                              {"a.b/index.html", "<p>3</p>"}, {"a-c/d/index.html", "<p>4</p>"}, {"data/x.json", "{}"}};
  auto listed = [&] { return text_hash(*stat_listing(out.string(), nullptr)); };

  build_and_record(out.string(), files);  // every file new
  REQUIRE_FALSE(recorded_digest(out).empty());
  CHECK(recorded_digest(out) == listed());

  files["a/index.html"] = "<p>changed</p>";  // the others linked from the previous output: listed again
  build_and_record(out.string(), files);
  CHECK(recorded_digest(out) == listed());

  build_and_record((dir / "second").string(), files, "a.b/report.pdf");  // a file the build did not write itself
  CHECK(recorded_digest(dir / "second") == text_hash(*stat_listing((dir / "second").string(), nullptr)));

  // A folder's mode is in the digest; its times, which change with what it holds, are not.
  std::string before = listed();
  REQUIRE(::chmod((out / "a.b").c_str(), 0700) == 0);
  CHECK(listed() != before);
  REQUIRE(::chmod((out / "a.b").c_str(), 0755) == 0);
  fs::remove_all(dir);
}
