// Where an image of a Markdown text comes from and where it goes: the path written in «![](…)»
// resolved inside the site folder (relative to the folder of the text, «/…» from the site root), and
// the one output path the image is copied to, so that it works from every page and in the PDFs.
#pragma once
#include <string>
#include <string_view>

namespace sveden {

struct ImageSource {
  std::string site_path;  // relative to the site folder, «content/reports/img/graf.png»; "" when refused
  std::string problem;    // why the path is refused, in Russian
  std::string fix;        // how to write it instead
  bool ok() const { return problem.empty(); }
};

// `base_dir`: the folder of the text inside the site folder, with a trailing «/» («content/news/»).
// Refused: web and other addresses (http:, data:, file:, «//host»), paths that leave the site folder,
// hidden parts («.git/…»), query and fragment parts, and names that are not PNG, JPEG, GIF or WebP.
ImageSource resolve_markdown_image(std::string_view base_dir, std::string_view src);

// The kind of image a file's name says: «PNG», «JPEG» (.jpg, .jpeg), «GIF», «WebP», in any case of
// letters; "" for any other name.
std::string image_kind_of_name(std::string_view path);

// The image's file in the output: «assets/images/» and its path in the site folder.
std::string markdown_image_output(std::string_view site_path);

}  // namespace sveden
