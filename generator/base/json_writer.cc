#include "base/json_writer.h"

#include <cmath>

#include <fmt/format.h>

#include "base/fixed_text.h"

namespace sveden {

namespace {
constexpr size_t kBreakDepth = 2;
}

std::string json_escape(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  size_t plain = 0;  // runs of characters that need no escape are appended in one go
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out += fmt::format("\\u{:04x}", c);
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

void JsonWriter::separator() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) *out_ += ',';
    first_.back() = false;
    // Compact, but one record per line at the top two levels, so that files diff and grep well.
    if (first_.size() <= kBreakDepth) *out_ += '\n';
  }
}

JsonWriter& JsonWriter::begin_object() {
  separator();
  *out_ += '{';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }

JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::close(char bracket) {
  bool empty = first_.back();
  first_.pop_back();
  if (!empty && first_.size() < kBreakDepth) *out_ += '\n';
  *out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separator();
  *out_ += '[';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  separator();
  append_json_string(*out_, k);
  *out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  separator();
  append_json_string(*out_, s);
  return *this;
}

JsonWriter& JsonWriter::value(double d, int decimals) {
  separator();
  if (!std::isfinite(d)) *out_ += "null";
  else *out_ += fixed_text(d, decimals);
  return *this;
}

JsonWriter& JsonWriter::value(long long i) {
  separator();
  *out_ += std::to_string(i);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  separator();
  *out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  separator();
  *out_ += "null";
  return *this;
}

}  // namespace sveden
