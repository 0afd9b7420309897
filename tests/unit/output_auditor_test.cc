// The audit a build makes as it writes (OutputAuditor, from the pages' text in memory) is the audit of the
// written output read back from disk (audit_output): the same findings, word for word, whatever was wrong.
#include <filesystem>

#include <doctest/doctest.h>

#include "../support/built_site.h"
#include "../support/test_files.h"
#include "audit/site_audit.h"
#include "load/openness_vocabulary.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

void replace(std::map<std::string, std::string>& files, const std::string& file, const std::string& from, const std::string& to) {
  std::string& text = files.at(file);
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, file, ": ", from);
  text.replace(at, from.size(), to);
}

// The demo's output with defects of every kind the audit finds, in the portal and in two school sites, one of
// them made by another CMS (its pages at wget's addresses, a subsection on two pages, its own stylesheet).
std::map<std::string, std::string> damaged_output() {
  std::map<std::string, std::string> files = test::read_tree(test::demo_build().out);
  for (auto& [path, text] : test::read_tree(fs::path(SVEDEN_SOURCE_DIR) / "tests/fixtures/foreign_site"))
    files["schools/foreign/" + path] = text;
  replace(files, "schools/foreign/sveden/common.html", "<span itemprop=\"telephone\">", "<span class=\"decor-snow\" itemprop=\"telephone\">");
  files.erase("schools/foreign/sveden/employees/ooo.html");
  replace(files, "schools/sosh-1/index.html", "<h1>", "<img src=\"nowhere.png\"><a href=\"#nowhere\">x</a><h1>");
  replace(files, "index.html", "<h1>", "<a href=\"schools/sosh-1/index.html#no-such-anchor\">x</a><img src=\"logo.svg\"><h1>");
  files["lost/index.html"] = "<!DOCTYPE html><title>Никуда</title><p><a href=\"../missing/\">нет</a></p>";
  files.erase("schools/sosh-2/sveden/budget/index.html");
  return files;
}

// What the build does: a school's pages together, each other page alone, every file listed beforehand;
// the pages in `unsent` never handed over (the auditor reads them).
OutputAudit audit_as_written(const MemoryDisk& disk, const std::map<std::string, std::string>& files, const std::set<std::string>& unsent) {
  std::set<std::string> listed;
  for (const auto& f : files) listed.insert(f.first);
  OutputAuditor auditor(listed, builtin_openness(), [&](const std::string& path) -> std::optional<std::string> {
    auto bytes = disk.read(path);
    return bytes ? std::optional<std::string>(std::move(*bytes)) : std::nullopt;
  }, 2);
  std::map<std::string, std::map<std::string, std::string_view>> schools;
  for (const auto& [path, text] : files) {
    if (!path.ends_with(".html") || unsent.count(path)) continue;
    std::string root = auditor.school_root(path);
    if (root.empty()) auditor.page(path, text);
    else schools[root].emplace(path, text);
  }
  for (const auto& [root, pages] : schools) auditor.school(root, pages);
  return auditor.finish();
}

}  // namespace

TEST_CASE("output auditor: the audit made while writing is the audit of the written output") {
  std::map<std::string, std::string> files = damaged_output();
  MemoryDisk disk = test::memory_disk(files);
  const std::string read_back = format_audit_json(audit_output(disk, builtin_openness(), 2));
  // The defects are there to be found.
  for (const char* finding : {"class=\\\"decor-snow\\\"", "«ooo.html» ведёт на несуществующую страницу", "нет якоря «#nowhere»",
                              "нет якоря «#no-such-anchor»", "у изображения нет текстовой альтернативы",
                              "на страницу не ведёт ни одна ссылка сайта", "«../missing/» ведёт на несуществующий файл",
                              "нет подраздела «Финансово-хозяйственная деятельность»"})
    CHECK_MESSAGE(read_back.find(finding) != std::string::npos, finding);
  CHECK(format_audit_json(audit_as_written(disk, files, {})) == read_back);
  // Pages not handed over (a school's subsection, its home page, a portal page) are read when needed.
  CHECK(format_audit_json(audit_as_written(disk, files, {"schools/sosh-1/sveden/common/index.html", "schools/foreign/index.html",
                                                          "index.html", "lost/index.html"})) == read_back);
}

TEST_CASE("output auditor: a message repeated school after school is held once") {
  std::map<std::string, std::string> files = damaged_output();
  MemoryDisk disk = test::memory_disk(files);
  OutputAudit audit = audit_as_written(disk, files, {});
  // The demo's schools lack the same items: «нет обязательных сведений «…»» word for word in each.
  std::map<std::string, std::vector<const SiteFinding*>> by_message;
  for (const auto& s : audit.schools)
    for (const auto& f : s.findings) by_message[f.message.str()].push_back(&f);
  size_t repeated = 0;
  for (const auto& entry : by_message) {  // not a structured binding: clang's doctest macros cannot capture one
    const std::vector<const SiteFinding*>& list = entry.second;
    if (list.size() < 2) continue;
    ++repeated;
    for (const SiteFinding* f : list) CHECK_MESSAGE(f->message.same_copy(list.front()->message), entry.first);
  }
  CHECK(repeated >= 5);
  // And the audit is the same as the one made from the output read back (the test above): only held once.
  CHECK(format_audit_json(audit) == format_audit_json(audit_output(disk, builtin_openness(), 2)));
}

TEST_CASE("output auditor: a page belongs to the school site of its folder, or to the portal") {
  std::map<std::string, std::string> files = damaged_output();
  std::set<std::string> listed;
  for (const auto& f : files) listed.insert(f.first);
  OutputAuditor auditor(listed, builtin_openness(), [](const std::string&) { return std::nullopt; });
  CHECK(auditor.school_root("schools/sosh-1/sveden/common/index.html") == "schools/sosh-1");
  CHECK(auditor.school_root("schools/foreign/index.html") == "schools/foreign");
  CHECK(auditor.school_root("schools/index.html") == "");
  CHECK(auditor.school_root("reports/schools/sosh-1/index.html") == "");
  CHECK(auditor.school_root("index.html") == "");
}
