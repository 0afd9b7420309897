// Markdown images: where a path written in a text leads inside the site folder, what is refused, and
// how the page's <img> points to the copy in assets/images/ from any depth.
#include <doctest/doctest.h>

#include "load/markdown_images.h"
#include "model/markdown_image.h"
#include "load/markdown_resources.h"
#include "render/markdown.h"

using namespace sveden;

TEST_CASE("markdown image: a path is resolved from the text's folder, «/» from the site root") {
  CHECK(resolve_markdown_image("content/reports/", "img/graf.png").site_path == "content/reports/img/graf.png");
  CHECK(resolve_markdown_image("content/reports/", "./img/../graf.PNG").site_path == "content/reports/graf.PNG");
  CHECK(resolve_markdown_image("content/news/", "../photo.jpeg").site_path == "content/photo.jpeg");
  CHECK(resolve_markdown_image("content/news/", "/documents/department/plan.webp").site_path == "documents/department/plan.webp");
  CHECK(resolve_markdown_image("content/", "%D1%80%D0%B8%D1%81.gif").site_path == "content/рис.gif");
  CHECK(markdown_image_output("content/reports/img/graf.png") == "assets/images/content/reports/img/graf.png");
}

TEST_CASE("markdown image: addresses, ways out of the site, hidden parts and non-images are refused") {
  auto problem = [](const char* src) { return resolve_markdown_image("content/reports/", src).problem; };
  CHECK(problem("../../../secret.png") == "путь к рисунку «../../../secret.png» ведёт за пределы папки сайта");
  CHECK(problem("%2e%2e/%2e%2e/%2e%2e/secret.png") == "путь к рисунку «%2e%2e/%2e%2e/%2e%2e/secret.png» ведёт за пределы папки сайта");
  CHECK(problem("/../secret.png") == "путь к рисунку «/../secret.png» ведёт за пределы папки сайта");
  CHECK(problem("https://evil.example/a.png") ==
        "рисунок с другого сайта «https://evil.example/a.png» не публикуется: страницы и PDF не обращаются к чужим адресам");
  CHECK(problem("//evil.example/a.png").rfind("рисунок с другого сайта", 0) == 0);
  CHECK(problem("HTTP://evil.example/a.png") == "«HTTP://evil.example/a.png» — не путь к файлу рисунка в папке сайта");
  CHECK(problem("data:image/png;base64,AAAA") == "«data:image/png;base64,AAAA» — не путь к файлу рисунка в папке сайта");
  CHECK(problem("file:///etc/passwd") == "«file:///etc/passwd» — не путь к файлу рисунка в папке сайта");
  CHECK(problem("img/a.png?v=2") == "в пути к рисунку «img/a.png?v=2» есть «?» или «#»: путь к файлу их не содержит");
  CHECK(problem("img\\a.png") == "в пути к рисунку «img\\a.png» обратная косая черта");
  CHECK(problem("/.git/a.png") == "в пути к рисунку «/.git/a.png» есть часть «.git», начинающаяся с точки: такие файлы не публикуются");
  CHECK(problem("scheme.svg") == "рисунок SVG «scheme.svg» не публикуется: в нём могут быть скрипты и ссылки на другие сайты");
  CHECK(problem("plan.pdf") == "«plan.pdf» — не рисунок: в тексте показываются файлы PNG, JPEG, GIF и WebP");
  CHECK(problem("/") == "«/» — папка сайта, а не файл рисунка");
  CHECK(problem("") == "у рисунка не указан файл");
}

TEST_CASE("markdown image: the page's <img> points to the copy from the page's depth; anything else is left out") {
  std::string md = "![График](img/graf.png)\n\n![Чужой](https://evil.example/a.png) и ![Выход](../../../s.png)\n";
  std::string report = markdown_to_html(md, false, {"content/reports/", "../../"});
  CHECK(report.find("<img src=\"../../assets/images/content/reports/img/graf.png\" alt=\"График\" />") != std::string::npos);
  CHECK(report.find("evil.example") == std::string::npos);
  CHECK(report.find("s.png") == std::string::npos);
  CHECK(report.find("Чужой и Выход") != std::string::npos);  // the captions stay as text
  CHECK(markdown_to_html("![Фото](photo.png)", false, {"content/", ""}).find("src=\"assets/images/content/photo.png\"") != std::string::npos);
}

TEST_CASE("markdown image: the kind of an image is read from its first bytes") {
  CHECK(image_signature(std::string("\x89PNG\r\n\x1a\n....", 12)) == "PNG");
  CHECK(image_signature("\xFF\xD8\xFF\xE0rest") == "JPEG");
  CHECK(image_signature("GIF89a....") == "GIF");
  CHECK(image_signature("RIFF\x10\0\0\0WEBPVP8 ") == "");  // embedded NUL cuts the literal: too short
  CHECK(image_signature(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) == "WebP");
  CHECK(image_signature("<svg xmlns=\"http://www.w3.org/2000/svg\">") == "");
  CHECK(image_signature("%PDF-1.7") == "");
}

TEST_CASE("markdown image: what a text loads is found with its line and column") {
  auto found = markdown_resources("Текст\n\nСм. ![a](x.png) и <img src=y.png>\n\n<iframe src=z></iframe>\n", true);
  REQUIRE(found.size() == 3);
  CHECK(found[0].src == "x.png");
  CHECK(found[0].line == 3);
  CHECK(found[0].column == 7);  // in bytes: «См. » takes 6
  CHECK(found[1].raw_html);
  CHECK(found[1].src == "<img");
  CHECK(found[2].line == 5);
  // Untrusted text drops raw HTML, so there is nothing of it to check.
  CHECK(markdown_resources("<img src=y.png>\n", false).empty());
}
