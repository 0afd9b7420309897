// A build's site in memory, page by page, for `sveden serve`: what the build is about to write at a
// path, rendered when asked, so that a preview shows an edit as soon as the data are loaded and
// analysed, while the build goes on writing the output folder.
#pragma once
#include <optional>
#include <string>

namespace sveden {

class PreviewSite {
 public:
  virtual ~PreviewSite() = default;
  // The bytes the build writes at `rel_path` (relative to the output, «schools/x/index.html»), rendered
  // now and equal to the written file; nullopt for a path the build does not write or writes only after
  // every page (audit/, the PDFs). Thread-safe.
  virtual std::optional<std::string> render(const std::string& rel_path) const = 0;
  // Whether render(rel_path) gives bytes, without rendering them.
  virtual bool has(const std::string& rel_path) const = 0;
};

}  // namespace sveden
