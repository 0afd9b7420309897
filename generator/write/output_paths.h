// One output path, one owner: every file a build writes is claimed by exactly one producer (a page,
// a data file, a copied document). Found before anything is written: two claims on one path (an
// uploaded «documents/index.html» and the «Документы» page, «content/audit.md» and the audit page), a
// name a later stage writes (the audit page, the output's marker), a page of the user's in a folder
// sveden writes to, and a copied file whose path has a part starting with a dot («.htaccess»), which
// web servers treat as configuration.
#pragma once
#include <string>
#include <vector>

namespace sveden {

struct OutputClaim {
  std::string path;   // relative to the output root
  std::string source; // the file of the site folder it is copied from, or ""
  std::string owner;  // what writes it, as the user knows it: «страница «Документы»», «файл documents/index.html»
  // A page whose address the user chose (content/<slug>.md, a school's slug): it takes its whole folder,
  // so no file of another owner may stand in it («content/assets.md» beside the theme's assets/).
  bool owns_folder = false;
  bool from_input() const { return !source.empty(); }  // copied from the site folder or named by it
};

struct OutputConflict {
  std::string file;     // the site folder's file to change, or "" when sveden's own names clash
  std::string message;  // in Russian, naming the path and its owners
};

// The problems; empty when every path has one owner. `later` are paths written after the pages.
std::vector<OutputConflict> output_conflicts(const std::vector<OutputClaim>& claims, const std::vector<OutputClaim>& later);

}  // namespace sveden
