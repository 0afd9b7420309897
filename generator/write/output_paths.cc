#include "write/output_paths.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace sveden {

std::vector<OutputConflict> output_conflicts(const std::vector<OutputClaim>& claims, const std::vector<OutputClaim>& later) {
  std::vector<OutputConflict> problems;
  std::map<std::string, const OutputClaim*> owner;
  std::set<std::string> clashed;  // sources already reported, so a page is named once
  for (const auto& claim : later) owner.emplace(claim.path, &claim);
  for (const auto& claim : claims) {
    if (claim.from_input() && (claim.path.front() == '.' || claim.path.find("/.") != std::string::npos))
      problems.push_back({claim.source, "имя, начинающееся с точки, не публикуется (веб-сервер читает такие файлы как свои "
                                        "настройки); переименуйте файл или уберите его из папки сайта"});
    auto [it, fresh] = owner.emplace(claim.path, &claim);
    if (fresh) continue;
    const OutputClaim& first = *it->second;
    const OutputClaim& user = claim.from_input() ? claim : first;
    bool both_input = claim.from_input() && first.from_input();
    clashed.insert(user.source);
    problems.push_back({user.source, fmt::format("«{}» создают и {}, и {}: один из них затёр бы другой; {}", claim.path, first.owner,
                                                 claim.owner,
                                                 both_input || !user.from_input() ? "переименуйте один из файлов"
                                                                                  : "переименуйте этот файл: адрес занят sveden")});
  }
  // A page named by the user takes its folder: another owner's file inside it is a clash too.
  for (const auto& claim : claims) {
    if (!claim.owns_folder || clashed.count(claim.source)) continue;
    std::string folder = claim.path.substr(0, claim.path.rfind('/') + 1);
    if (folder.empty()) continue;
    for (auto it = owner.lower_bound(folder); it != owner.end() && it->first.compare(0, folder.size(), folder) == 0; ++it) {
      const OutputClaim& other = *it->second;
      if (other.path == claim.path || (other.from_input() && other.source == claim.source)) continue;
      problems.push_back({claim.source, fmt::format("{} заняла бы папку {}, в которой есть {}; переименуйте этот файл: папка занята sveden",
                                                    claim.owner, folder, other.owner)});
      break;
    }
  }
  return problems;
}

}  // namespace sveden
