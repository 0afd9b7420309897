// A small streaming JSON writer for the open data: objects, arrays, strings escaped per RFC 8259,
// numbers written with a fixed precision so that output is byte-identical across runs. Compact,
// with a line break between the records of the two outer levels.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace sveden {

class JsonWriter {
 public:
  JsonWriter() = default;
  // Writes into `into` (TextParts::text(), handed on in parts) instead of its own text.
  explicit JsonWriter(std::string& into) : out_(&into) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(double d, int decimals);
  JsonWriter& value(long long i);
  JsonWriter& value(bool b);
  JsonWriter& null();
  std::string take() { return std::move(*out_); }
  void reserve(size_t bytes) { out_->reserve(bytes); }

 private:
  void separator();
  JsonWriter& close(char bracket);
  std::string own_;
  std::string* out_ = &own_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

std::string json_escape(std::string_view s);
void append_json_string(std::string& out, std::string_view s);

}  // namespace sveden
