#include "write/output_paths.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace sveden {

std::vector<OutputConflict> output_conflicts(const std::vector<OutputClaim>& claims, const std::vector<OutputClaim>& later) {
  std::vector<OutputConflict> problems;
  std::map<std::string, const OutputClaim*> owner;
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
    problems.push_back({user.source, fmt::format("«{}» создают и {}, и {}: один из них затёр бы другой; {}", claim.path, first.owner,
                                                 claim.owner,
                                                 both_input || !user.from_input() ? "переименуйте один из файлов"
                                                                                  : "переименуйте этот файл: адрес занят sveden")});
  }
  return problems;
}

}  // namespace sveden
