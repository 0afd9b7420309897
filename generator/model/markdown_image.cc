#include "model/markdown_image.h"

#include <vector>

#include <fmt/format.h>

#include "model/links.h"

namespace sveden {
namespace {

constexpr const char* kFix = "положите рисунок (PNG, JPEG, GIF или WebP) в папку сайта, например рядом с текстом в папку images/, "
                             "и укажите путь от файла текста: ![Подпись](images/risunok.png)";

ImageSource refuse(std::string problem, std::string fix = kFix) { return {"", std::move(problem), std::move(fix)}; }

std::string lower_extension(std::string_view path) {
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return "";
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool has_scheme(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = s[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) return false;
  }
  return true;
}

}  // namespace

ImageSource resolve_markdown_image(std::string_view base_dir, std::string_view src) {
  if (src.empty()) return refuse("у рисунка не указан файл");
  if (src.rfind("http://", 0) == 0 || src.rfind("https://", 0) == 0 || src.rfind("//", 0) == 0)
    return refuse(fmt::format("рисунок с другого сайта «{}» не публикуется: страницы и PDF не обращаются к чужим адресам", src),
                  "сохраните рисунок в папку сайта и укажите путь к нему от файла текста: ![Подпись](images/risunok.png)");
  if (has_scheme(src)) return refuse(fmt::format("«{}» — не путь к файлу рисунка в папке сайта", src.substr(0, 60)));
  if (src.find_first_of("?#") != std::string_view::npos)
    return refuse(fmt::format("в пути к рисунку «{}» есть «?» или «#»: путь к файлу их не содержит", src));
  if (src.find('\\') != std::string_view::npos)
    return refuse(fmt::format("в пути к рисунку «{}» обратная косая черта", src), "разделяйте папки косой чертой «/»: images/risunok.png");
  std::string decoded = percent_decode(src);
  std::string joined = decoded.front() == '/' ? decoded.substr(1) : std::string(base_dir) + decoded;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t slash = joined.find('/', start);
    std::string part = joined.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    start = slash == std::string::npos ? joined.size() + 1 : slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return refuse(fmt::format("путь к рисунку «{}» ведёт за пределы папки сайта", src));
      parts.pop_back();
      continue;
    }
    if (part.front() == '.' || part.find('\0') != std::string::npos)
      return refuse(fmt::format("в пути к рисунку «{}» есть часть «{}», начинающаяся с точки: такие файлы не публикуются", src, part));
    parts.push_back(std::move(part));
  }
  if (parts.empty()) return refuse(fmt::format("«{}» — папка сайта, а не файл рисунка", src));
  std::string path;
  for (const auto& p : parts) path += (path.empty() ? "" : "/") + p;
  std::string ext = lower_extension(path);
  if (ext == "svg" || ext == "svgz")
    return refuse(fmt::format("рисунок SVG «{}» не публикуется: в нём могут быть скрипты и ссылки на другие сайты", src),
                  "сохраните рисунок в формате PNG и укажите путь к файлу PNG");
  if (image_kind_of_name(path).empty())
    return refuse(fmt::format("«{}» — не рисунок: в тексте показываются файлы PNG, JPEG, GIF и WebP", src),
                  "на документ дайте ссылку: [Название](путь), а рисунок сохраните в PNG или JPEG");
  return {path, "", ""};
}

std::string image_kind_of_name(std::string_view path) {
  std::string ext = lower_extension(path);
  return ext == "png" ? "PNG" : ext == "jpg" || ext == "jpeg" ? "JPEG" : ext == "gif" ? "GIF" : ext == "webp" ? "WebP" : "";
}

std::string markdown_image_output(std::string_view site_path) { return "assets/images/" + std::string(site_path); }

}  // namespace sveden
