// How long printing may take: a report printed several times over may take minutes while the browser
// keeps answering; a page fails only when the browser says nothing about it for the time given.
// A stand-in for Chromium (a bash script speaking the DevTools protocol on fds 3 and 4, NUL after each
// message) answers every command after a pause.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <unistd.h>

#include "site/headless_browser.h"
#include "../support/test_files.h"

using namespace sveden;
namespace fs = std::filesystem;

namespace {

// A browser that answers each command `pause` seconds after it came; with `silent_print` it never
// answers Page.printToPDF (and still answers everything else, «Browser.close» included).
std::string fake_browser(const fs::path& dir, const std::string& pause, bool silent_print) {
  fs::path script = dir / (silent_print ? "silent-chromium" : "slow-chromium");
  std::ofstream(script) << R"(#!/bin/bash
while IFS= read -r -d '' message <&3; do
  [[ $message =~ \"id\":([0-9]+) ]] && id=${BASH_REMATCH[1]}
  [[ $message =~ \"method\":\"([A-Za-z.]+)\" ]] && method=${BASH_REMATCH[1]}
  session=""; [[ $message =~ \"sessionId\":\"([^\"]*)\" ]] && session=${BASH_REMATCH[1]}
  sleep )" << pause << R"(
  event=""
  case $method in
    Browser.close) exit 0 ;;
    Target.createTarget) result='{"targetId":"T1"}' ;;
    Target.attachToTarget) result='{"sessionId":"S1"}' ;;
    Page.navigate) result='{"frameId":"F1","loaderId":"L1"}'
      event='{"method":"Page.lifecycleEvent","params":{"name":"load","loaderId":"L1"},"sessionId":"S1"}' ;;
    Page.printToPDF) )" << (silent_print ? "continue" : "result='{\"stream\":\"P1\"}'") << R"( ;;
    IO.read) result='{"base64Encoded":true,"data":"JVBERi0xLjQK","eof":true}' ;;
    *) result='{}' ;;
  esac
  printf '{"id":%s,"result":%s,"sessionId":"%s"}\0' "$id" "$result" "$session" >&4
  [ -z "$event" ] || printf '%s\0' "$event" >&4
done
)";
  fs::permissions(script, fs::perms::owner_all);
  return script.string();
}

std::vector<PrintJob> one_page(const fs::path& root) {
  fs::create_directories(root / "reports/roadmap");
  std::ofstream(root / "reports/roadmap/index.html") << "<p>План";
  return {PrintJob{(root / "reports/roadmap/index.html").string(), (root / "reports/roadmap/roadmap.pdf").string(),
                   root.string(), "", nullptr, 1}};
}

}  // namespace

TEST_CASE("a page printed in many slow steps is not given up while the browser answers") {
  test::TempFolder tmp("sveden-browser");
  fs::path root = tmp.path / "out";
  std::vector<PrintJob> jobs = one_page(root);
  // Nine commands, 0.3 s each: nearly three seconds for the page, never more than 0.3 s of silence.
  std::vector<std::string> errors = print_pages(fake_browser(tmp.path, "0.3", false), jobs, 1, 1);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "");
  CHECK(test::read_file(root / "reports/roadmap/roadmap.pdf") == "%PDF-1.4\n");
}

TEST_CASE("a page the browser says nothing about for the time given fails with a message, no PDF left") {
  test::TempFolder tmp("sveden-browser");
  fs::path root = tmp.path / "out";
  std::vector<PrintJob> jobs = one_page(root);
  std::vector<std::string> errors = print_pages(fake_browser(tmp.path, "0", true), jobs, 1, 1);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "браузер не отвечал 1\u00A0с");
  CHECK_FALSE(fs::exists(root / "reports/roadmap/roadmap.pdf"));
  CHECK_FALSE(fs::exists(root / "reports/roadmap/.roadmap.pdf.part"));
}
