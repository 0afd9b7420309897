// What a build's output follows from, as one digest: when two builds have the same key, the second
// would write the very bytes the first published (the build is deterministic), so it need not render.
#pragma once
#include <optional>
#include <string>

#include "base/disk.h"
#include "model/date.h"

namespace sveden {

struct BuildKeyParts {
  std::string site_dir, out_dir;  // as given; made absolute
  Date as_of;                     // the date the build used (site.yaml, --date or today)
  bool pdf = false;
  std::optional<std::string> chromium;  // the program that prints the PDFs, when they are printed
};

// The digest of: this very program (its file's path, size, time and inode), the options, and every
// entry of the site folder by stat (Disk::signature: the output folder left out). "" when one of them
// cannot be known (a site in memory, no /proc): such a build always renders.
std::string build_key(const BuildKeyParts& parts, const Disk& site);

}  // namespace sveden
