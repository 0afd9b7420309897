// write/zip_stream: a ZIP written front to back into parts reads back with libzip (checksums checked),
// entry by entry, whatever the size of its parts, and gives the same bytes each time.
#include <random>
#include <string>

#include <doctest/doctest.h>

#include "base/text_parts.h"
#include "load/xlsx_file.h"
#include "write/zip_stream.h"

using namespace sveden;

namespace {

// A text that deflate cannot shrink much and that crosses many parts.
std::string noise(size_t bytes, unsigned seed) {
  std::mt19937 random(seed);
  std::string s(bytes, '\0');
  for (auto& c : s) c = static_cast<char>(random() & 0xFF);
  return s;
}

// The archive of the entries, written in parts of `part_bytes` (each handed on and forgotten).
std::string archive(const std::vector<std::pair<std::string, std::string>>& entries, size_t part_bytes, size_t piece = 1000) {
  std::string bytes;
  size_t parts = 0;
  TextParts out([&](std::string_view p) {
    bytes += p;
    ++parts;
  },
                part_bytes);
  ZipStream zip(out, 1735732800);  // 2025-01-01 12:00 UTC
  for (const auto& [name, text] : entries) {
    zip.begin(name);
    for (size_t at = 0; at < text.size(); at += piece) zip.write(std::string_view(text).substr(at, piece));
    zip.end();
  }
  Status done = zip.finish();
  REQUIRE_MESSAGE(done.ok(), done.message());
  out.finish();
  if (part_bytes < bytes.size()) CHECK(parts > 1);
  return bytes;
}

}  // namespace

TEST_CASE("ZipStream: every entry reads back whole, an empty one too, in parts of any size") {
  std::vector<std::pair<std::string, std::string>> entries = {
      {"[Content_Types].xml", "<Types/>"},
      {"empty.txt", ""},
      {"xl/worksheets/sheet1.xml", std::string(3'000'000, 'a') + "<row r=\"1\"/>"},
      {"noise.bin", noise(2'500'000, 7)},
  };
  for (size_t part_bytes : {size_t{1} << 20, size_t{4096}, size_t{1} << 30}) {
    INFO(part_bytes);
    std::string zip = archive(entries, part_bytes);
    for (const auto& entry : entries) {
      auto back = zip_entry(zip, entry.first);
      REQUIRE_MESSAGE(back.has_value(), entry.first);
      CHECK(*back == entry.second);
    }
    CHECK_FALSE(zip_entry(zip, "missing.xml").has_value());
  }
}

TEST_CASE("ZipStream: the same entries give the same bytes, whatever the pieces they came in") {
  std::vector<std::pair<std::string, std::string>> entries = {{"a.xml", noise(300'000, 1)}, {"b.xml", std::string(100'000, 'b')}};
  std::string one = archive(entries, 1 << 20, 1000);
  CHECK(one == archive(entries, 1 << 20, 1000));
  CHECK(one == archive(entries, 4096, 77'777));
}

TEST_CASE("ZipStream: entries are dated by the given time, not the clock, and repeated text is deflated") {
  std::string zip = archive({{"a.xml", std::string(1'000'000, 'x')}}, 1 << 20);
  CHECK(zip.size() < 10'000);
  // The local header: signature, version 2.0, a data descriptor follows (bit 3), deflate, then DOS time
  // 12:00:00 and date 2025-01-01.
  REQUIRE(zip.size() > 14);
  CHECK(zip.substr(0, 4) == "PK\x03\x04");
  CHECK(static_cast<unsigned char>(zip[6]) == 0x08);
  CHECK(static_cast<unsigned char>(zip[8]) == 8);
  const unsigned time = static_cast<unsigned char>(zip[10]) | static_cast<unsigned char>(zip[11]) << 8;
  const unsigned date = static_cast<unsigned char>(zip[12]) | static_cast<unsigned char>(zip[13]) << 8;
  CHECK(time == (12u << 11));
  CHECK(date == ((2025u - 1980) << 9 | 1u << 5 | 1u));
}
