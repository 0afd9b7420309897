#include "base/diagnostics.h"

#include "base/control_chars.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace sveden {
namespace {

constexpr size_t kMaxShownChars = 100;

// Byte offset where the `chars`-th code point of `s` starts (s.size() past the end).
size_t byte_offset(std::string_view s, size_t chars) {
  size_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (seen++ == chars) return i;
  }
  return s.size();
}

std::string substr_chars(std::string_view s, size_t from, size_t count) {
  size_t a = byte_offset(s, from);
  return std::string(s.substr(a, byte_offset(s, from + count) - a));
}

}  // namespace

void Diagnostics::add(Severity severity, const SourceText& src, size_t offset, size_t length_bytes,
                      std::string message, std::string hint) {
  TextPos pos = src.position(offset);
  size_t end = std::min(offset + std::max<size_t>(length_bytes, 1), src.text().size());
  std::string_view span = std::string_view(src.text()).substr(std::min(offset, src.text().size()), end - std::min(offset, src.text().size()));
  span = span.substr(0, span.find('\n'));
  int width = std::max<int>(1, static_cast<int>(utf8_length(span)));
  add(severity, src, pos, width, std::move(message), std::move(hint));
}

void Diagnostics::add(Severity severity, const SourceText& src, TextPos pos, int width, std::string message,
                      std::string hint) {
  Diagnostic d;
  d.severity = severity;
  d.file = src.path();
  d.pos = pos;
  d.width = std::max(1, width);
  d.message = std::move(message);
  // Very long lines (a 50 MB field, a header of 10 000 columns) are kept as a window around the spot:
  // ten thousand problems on one long line must not each hold a copy of it.
  std::string_view line = src.line(pos.line);
  size_t col = pos.column > 0 ? static_cast<size_t>(pos.column - 1) : 0;
  size_t total = line.size() <= kMaxShownChars ? line.size() : utf8_length(line);
  if (total <= kMaxShownChars) {
    d.source_line = visible_line(line);
  } else {
    size_t from = col > 20 ? col - 20 : 0;
    d.shown_from = from;
    if (from > 0) d.source_line = "…";
    d.source_line.append(visible_line(substr_chars(line, from, kMaxShownChars)));
    if (from + kMaxShownChars < total) d.source_line.append("…");
    d.width = static_cast<int>(std::max<size_t>(1, std::min(static_cast<size_t>(d.width), kMaxShownChars - std::min(kMaxShownChars, col - from))));
  }
  d.hint = std::move(hint);
  (severity == Severity::error ? errors_ : warnings_)++;
  items_.push_back(std::move(d));
}

void Diagnostics::add_file(Severity severity, std::string file, std::string message, std::string hint) {
  Diagnostic d;
  d.severity = severity;
  d.file = std::move(file);
  d.message = std::move(message);
  d.hint = std::move(hint);
  (severity == Severity::error ? errors_ : warnings_)++;
  items_.push_back(std::move(d));
}

void Diagnostics::add_diagnostic(Diagnostic d) {
  (d.severity == Severity::error ? errors_ : warnings_)++;
  items_.push_back(std::move(d));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::map<std::string, size_t> file_order;
  for (const auto& d : items_) file_order.emplace(d.file, file_order.size());
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    size_t fa = file_order[a.file], fb = file_order[b.file];
    if (fa != fb) return fa < fb;
    // Problems about the whole file come after those on its lines.
    if ((a.pos.line == 0) != (b.pos.line == 0)) return b.pos.line == 0;
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    return a.pos.column < b.pos.column;
  });
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  const char* kind = d.severity == Severity::error ? "ошибка" : "предупреждение";
  std::string out = !d.place.empty() ? fmt::format("{}, {}: {}: {}\n", d.file, d.place, kind, d.message)
                    : d.pos.line > 0  ? fmt::format("{}:{}:{}: {}: {}\n", d.file, d.pos.line, d.pos.column, kind, d.message)
                                      : fmt::format("{}: {}: {}\n", d.file, kind, d.message);
  if (d.place.empty() && d.pos.line > 0 && !d.source_line.empty()) {
    std::string line = d.source_line;
    std::replace(line.begin(), line.end(), '\t', ' ');
    size_t col = static_cast<size_t>(d.pos.column - 1);
    size_t width = static_cast<size_t>(d.width);
    size_t from = d.shown_from;
    std::string gutter = fmt::format("{:>5}", d.pos.line);
    out += fmt::format("{} | {}\n", gutter, line);
    std::string pad(col - from + (from > 0 ? 1 : 0), ' ');  // «…» stands for the cut start
    std::string marks(std::max<size_t>(width, 1), '~');
    marks[0] = '^';
    out += fmt::format("{} | {}{}\n", std::string(gutter.size(), ' '), pad, marks);
  }
  if (!d.hint.empty()) out += fmt::format("  подсказка: {}\n", d.hint);
  return out;
}

std::string format_all(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.sorted()) out += format_diagnostic(d);
  return out;
}

}  // namespace sveden
