// A ZIP archive written front to back into a TextParts: each entry is deflated by zlib as its bytes come
// and followed by its checksum and sizes (a data descriptor), so an entry of hundreds of megabytes is
// never held, never written twice and never read back. The central directory closes the archive. The
// bytes depend only on the entries and the given time. No ZIP64: an entry or archive over 4 GB fails.
#pragma once
#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/text_parts.h"

namespace sveden {

class ZipStream {
 public:
  // `modified`: every entry's time (UTC, from 1980 on). `level`: zlib's, 1 (fastest) to 9; 2 is as fast as 1 on SpreadsheetML and 9 % smaller.
  ZipStream(TextParts& out, std::time_t modified, int level = 2);
  ~ZipStream();
  ZipStream(const ZipStream&) = delete;
  ZipStream& operator=(const ZipStream&) = delete;

  void begin(std::string_view name);  // a new entry; `name` is ASCII, with «/» between folders
  void write(std::string_view bytes);  // more of the current entry
  void end();
  void add(std::string_view name, std::string_view bytes) {
    begin(name);
    write(bytes);
    end();
  }
  // The central directory: the archive is complete. The first failure, if any (in Russian).
  Status finish();

 private:
  struct Entry {
    std::string name;
    uint32_t crc = 0;
    uint64_t packed = 0, size = 0, offset = 0;
  };
  void deflate_into_parts(int flush);
  void put(std::string_view bytes);  // raw bytes of the archive
  void fail(std::string message);

  TextParts& out_;
  uint16_t dos_time_ = 0, dos_date_ = 0;
  int level_;
  struct Deflater;
  std::unique_ptr<Deflater> z_;
  std::vector<Entry> entries_;
  bool open_ = false;
  uint64_t at_ = 0;  // bytes of the archive so far
  Status failed_;
};

}  // namespace sveden
