#include "write/zip_stream.h"

#include <algorithm>

#include <fmt/format.h>
#include <zlib.h>

namespace sveden {
namespace {

constexpr uint64_t kZipLimit = 0xFFFFFFFFu;  // sizes and offsets without ZIP64
constexpr uint16_t kVersion = 20;            // 2.0: deflate
constexpr uint16_t kDescriptorFollows = 0x0008;
constexpr uint16_t kDeflated = 8;

void le16(std::string& s, uint64_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void le32(std::string& s, uint64_t v) {
  le16(s, v & 0xFFFF);
  le16(s, (v >> 16) & 0xFFFF);
}

}  // namespace

struct ZipStream::Deflater {
  z_stream z{};
  bool ready = false;
  ~Deflater() {
    if (ready) deflateEnd(&z);
  }
};

ZipStream::ZipStream(TextParts& out, std::time_t modified, int level) : out_(out), level_(level), z_(std::make_unique<Deflater>()) {
  std::tm t{};
  gmtime_r(&modified, &t);
  if (t.tm_year < 80) {  // DOS time starts in 1980
    t = std::tm{};
    t.tm_mday = 1;
    t.tm_year = 80;
  }
  dos_time_ = static_cast<uint16_t>((t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec / 2));
  dos_date_ = static_cast<uint16_t>(((t.tm_year - 80) << 9) | ((t.tm_mon + 1) << 5) | t.tm_mday);
}

ZipStream::~ZipStream() = default;

void ZipStream::fail(std::string message) {
  if (failed_.ok()) failed_ = io_failure(std::move(message));
}

void ZipStream::put(std::string_view bytes) {
  out_.text() += bytes;
  at_ += bytes.size();
  out_.may_end();
}

void ZipStream::begin(std::string_view name) {
  if (open_) end();
  Entry& e = entries_.emplace_back();
  e.name = name;
  e.offset = at_;
  e.crc = static_cast<uint32_t>(crc32(0, nullptr, 0));
  std::string h;
  le32(h, 0x04034b50);
  le16(h, kVersion);
  le16(h, kDescriptorFollows);
  le16(h, kDeflated);
  le16(h, dos_time_);
  le16(h, dos_date_);
  le32(h, 0);  // checksum and sizes: in the descriptor after the data
  le32(h, 0);
  le32(h, 0);
  le16(h, name.size());
  le16(h, 0);
  h += name;
  put(h);
  if (z_->ready) deflateEnd(&z_->z);
  z_->z = z_stream{};
  z_->ready = deflateInit2(&z_->z, level_, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  if (!z_->ready) fail(fmt::format("не удалось начать сжатие части «{}» книги", e.name));
  open_ = true;
}

void ZipStream::deflate_into_parts(int flush) {
  if (!z_->ready) return;
  std::string& text = out_.text();
  z_stream& z = z_->z;
  for (;;) {
    const size_t room = std::max<size_t>(1 << 16, deflateBound(&z, z.avail_in) / 4);
    const size_t was = text.size();
    text.resize(was + room);
    z.next_out = reinterpret_cast<Bytef*>(text.data() + was);
    z.avail_out = static_cast<uInt>(room);
    int status = deflate(&z, flush);
    const size_t made = room - z.avail_out;
    text.resize(was + made);
    at_ += made;
    entries_.back().packed += made;
    out_.may_end();
    if (status == Z_STREAM_END) return;
    if (status != Z_OK && status != Z_BUF_ERROR) {
      fail(fmt::format("не удалось сжать часть «{}» книги (zlib: {})", entries_.back().name, status));
      return;
    }
    if (flush == Z_NO_FLUSH && z.avail_in == 0) return;
  }
}

void ZipStream::write(std::string_view bytes) {
  if (!open_ || bytes.empty()) return;
  Entry& e = entries_.back();
  // zlib takes at most 4 GB at a time (uInt).
  while (!bytes.empty()) {
    std::string_view piece = bytes.substr(0, size_t{1} << 30);
    bytes.remove_prefix(piece.size());
    e.crc = static_cast<uint32_t>(crc32(e.crc, reinterpret_cast<const Bytef*>(piece.data()), static_cast<uInt>(piece.size())));
    e.size += piece.size();
    z_->z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
    z_->z.avail_in = static_cast<uInt>(piece.size());
    deflate_into_parts(Z_NO_FLUSH);
  }
}

void ZipStream::end() {
  if (!open_) return;
  open_ = false;
  z_->z.next_in = nullptr;
  z_->z.avail_in = 0;
  deflate_into_parts(Z_FINISH);
  const Entry& e = entries_.back();
  if (e.size > kZipLimit || e.packed > kZipLimit)
    fail(fmt::format("часть «{}» книги больше 4 ГБ: такую таблицу нельзя записать в XLSX без ZIP64", e.name));
  std::string d;
  le32(d, 0x08074b50);
  le32(d, e.crc);
  le32(d, e.packed);
  le32(d, e.size);
  put(d);
}

Status ZipStream::finish() {
  if (open_) end();
  const uint64_t start = at_;
  std::string dir;
  for (const Entry& e : entries_) {
    le32(dir, 0x02014b50);
    le16(dir, kVersion);  // made by: MS-DOS, 2.0
    le16(dir, kVersion);
    le16(dir, kDescriptorFollows);
    le16(dir, kDeflated);
    le16(dir, dos_time_);
    le16(dir, dos_date_);
    le32(dir, e.crc);
    le32(dir, e.packed);
    le32(dir, e.size);
    le16(dir, e.name.size());
    le16(dir, 0);  // extra field
    le16(dir, 0);  // comment
    le16(dir, 0);  // disk
    le16(dir, 0);  // internal attributes
    le32(dir, 0);  // external attributes
    le32(dir, e.offset);
    dir += e.name;
  }
  put(dir);
  std::string end;
  le32(end, 0x06054b50);
  le16(end, 0);
  le16(end, 0);
  le16(end, entries_.size());
  le16(end, entries_.size());
  le32(end, dir.size());
  le32(end, start);
  le16(end, 0);
  put(end);
  if (at_ > kZipLimit || entries_.size() > 0xFFFF) fail("книга больше 4 ГБ: её нельзя записать в XLSX без ZIP64");
  return failed_;
}

}  // namespace sveden
