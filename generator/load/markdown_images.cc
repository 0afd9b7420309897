#include "load/markdown_images.h"

#include <memory>

#include <fmt/format.h>

#include "model/markdown_image.h"
#include "load/markdown_resources.h"

namespace sveden {
namespace {

constexpr const char* kHowTo = "вставьте рисунок из папки сайта разметкой Markdown: ![Подпись](images/risunok.png)";

}  // namespace

std::string image_signature(std::string_view b) {
  if (b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return "PNG";
  if (b.substr(0, 3) == "\xFF\xD8\xFF") return "JPEG";
  if (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a") return "GIF";
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return "WebP";
  return "";
}

MarkdownOrigin yaml_origin(const SourceText& file, TextPos value) {
  size_t offset = 0;
  if (value.line >= 1) {
    std::string_view line = file.line(value.line);
    offset = static_cast<size_t>(line.data() - file.text().data());
    for (int column = 1; column < value.column && offset < file.text().size(); ++column)
      do ++offset;
      while (offset < file.text().size() && (static_cast<unsigned char>(file.text()[offset]) & 0xC0) == 0x80);
  }
  MarkdownOrigin origin{file, offset, false, "content/", 0, 0};
  if (offset < file.text().size() && file.text()[offset] == '|') {
    // The block's indentation is its first non-empty line's.
    for (int line = value.line + 1;; ++line) {
      std::string_view text = file.line(line);
      if (text.data() == nullptr) break;  // past the file's end
      size_t indent = text.find_first_not_of(' ');
      if (indent == std::string_view::npos) continue;
      origin.block_line = value.line;
      origin.block_indent = indent;
      break;
    }
  }
  return origin;
}

void load_markdown_images(const Disk& disk, std::string_view markdown, const MarkdownOrigin& origin, Municipality& m,
                          Diagnostics& diag) {
  // Byte offsets of the text's lines, so that a place in it is a place in its file.
  std::vector<size_t> line_starts = {0};
  for (size_t i = 0; i < markdown.size(); ++i)
    if (markdown[i] == '\n') line_starts.push_back(i + 1);
  for (const MarkdownResource& r : markdown_resources(markdown, m.site.trusted_html)) {
    size_t at = origin.offset;
    size_t column = static_cast<size_t>(std::max(r.column - 1, 0));
    bool placed = origin.verbatim || origin.block_line > 0;
    if (origin.verbatim && r.line >= 1 && static_cast<size_t>(r.line) <= line_starts.size())
      at += std::min(markdown.size(), line_starts[static_cast<size_t>(r.line - 1)] + column);
    if (origin.block_line > 0 && r.line >= 1)
      if (std::string_view line = origin.file.line(origin.block_line + r.line); line.data() != nullptr)
        at = static_cast<size_t>(line.data() - origin.file.text().data()) + std::min(line.size(), origin.block_indent + column);
    auto report = [&](std::string message, std::string hint) {
      diag.add(Severity::error, origin.file, at, placed ? static_cast<size_t>(r.width) : 1, std::move(message),
               std::move(hint));
    };
    if (r.raw_html) {
      report(fmt::format("разметка HTML «{}» загрузила бы файл мимо проверки рисунков: на страницы и в PDF попадают только "
                         "рисунки из папки сайта",
                         r.src),
             kHowTo);
      continue;
    }
    ImageSource image = resolve_markdown_image(origin.base_dir, r.src);
    if (!image.ok()) {
      report(image.problem, image.fix);
      continue;
    }
    if (m.images.count(image.site_path)) continue;
    auto bytes = disk.read(image.site_path);
    if (!bytes) {
      report(fmt::format("рисунок «{}» не найден ({}): {}", r.src, image.site_path, bytes.message()),
             fmt::format("путь к рисунку считается от папки {} (или от папки сайта, если начинается с «/»); проверьте имя файла и "
                         "регистр букв",
                         origin.base_dir));
      continue;
    }
    std::string kind = image_signature(*bytes);
    if (kind.empty() || image_kind_of_name(image.site_path) != kind) {
      std::string stem = image.site_path.substr(0, image.site_path.rfind('.'));
      if (kind.empty())
        report(fmt::format("файл «{}» — не рисунок PNG, JPEG, GIF или WebP, хотя назван так", image.site_path),
               "сохраните рисунок заново в PNG или JPEG из графического редактора");
      else
        report(fmt::format("файл «{}» — рисунок {}, а имя говорит о другом формате", image.site_path, kind),
               fmt::format("переименуйте файл в {}.{} и исправьте путь в тексте", stem,
                                   kind == "PNG" ? "png" : kind == "JPEG" ? "jpg" : kind == "GIF" ? "gif" : "webp"));
      continue;
    }
    PublishedFile f;
    f.path = image.site_path;
    f.format = kind;
    f.bytes = bytes->size();
    f.contents = std::make_shared<const std::string>(std::move(*bytes));
    m.images.emplace(image.site_path, std::move(f));
  }
}

}  // namespace sveden
