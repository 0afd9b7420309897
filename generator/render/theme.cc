#include "render/theme.h"

#include <algorithm>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "load/embedded_files.h"
#include "render/page_types.h"

namespace sveden {

const std::vector<std::string>& required_templates() {
  // The layouts and every template a kind of page renders with (render/page_types.def).
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names = {"base", "school_base"};
    for (const PageType* type : page_types())
      for (std::string_view t : type->templates)
        if (std::find(names.begin(), names.end(), t) == names.end()) names.emplace_back(t);
    return names;
  }();
  return kNames;
}

std::optional<Theme> load_theme(const Disk& disk, const std::string& name, const std::string& prefix, Diagnostics& diag) {
  Theme theme;
  theme.name = name;
  const std::string dir = "themes/" + name;
  auto shown = [&](const std::string& p) { return display_path(prefix, p); };
  auto add = [&](const std::string& rel, std::string contents) {
    static const std::string kTemplates = "templates/", kAssets = "assets/", kExt = ".mustache";
    if (rel.rfind(kTemplates, 0) == 0 && rel.size() > kTemplates.size() + kExt.size() &&
        rel.compare(rel.size() - kExt.size(), kExt.size(), kExt) == 0)
      theme.templates[rel.substr(kTemplates.size(), rel.size() - kTemplates.size() - kExt.size())] = std::move(contents);
    else if (rel.rfind(kAssets, 0) == 0)
      theme.assets[rel.substr(kAssets.size())] = std::move(contents);
  };
  // The default theme is compiled in; a site's themes/<name>/ overrides any of its files by path,
  // so a site changes one template or the stylesheet without copying the rest.
  for (size_t i = 0; i < embedded::kDefaultThemeCount; ++i)
    add(embedded::kDefaultTheme[i].path, std::string(embedded::kDefaultTheme[i].contents));
  std::vector<std::string> files = disk.list(dir);
  if (files.empty() && name != "default") {
    diag.add_file(Severity::error, shown(dir), fmt::format("тема «{}» не найдена", name),
                  "положите тему в папку themes/<имя> или укажите в site.yaml theme: default");
    return std::nullopt;
  }
  for (const auto& path : files) {
    auto contents = disk.read(path);
    if (!contents) {
      diag.add_file(Severity::error, shown(path), fmt::format("не удалось прочитать: {}", contents.message()), "проверьте файл темы");
      continue;
    }
    add(path.substr(dir.size() + 1), std::move(*contents));
  }
  bool ok = true;
  for (const auto& t : required_templates()) {
    auto it = theme.templates.find(t);
    std::string path = shown(fmt::format("{}/templates/{}.mustache", dir, t));
    if (it == theme.templates.end()) {
      diag.add_file(Severity::error, path, "нет обязательного шаблона темы", "скопируйте шаблон из themes/default/templates");
      ok = false;
      continue;
    }
    kainjow::mustache::mustache parsed(it->second);
    if (!parsed.is_valid()) {
      diag.add_file(Severity::error, path, fmt::format("ошибка в шаблоне: {}", parsed.error_message()),
                    "проверьте парность тегов {{#…}} и {{/…}}");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return theme;
}

}  // namespace sveden
