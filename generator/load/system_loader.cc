#include "load/system_loader.h"

#include "load/yaml_reader.h"
#include "load/yaml_tree.h"

namespace sveden {

void load_system(const Disk& disk, const std::string& prefix, Municipality& m, Diagnostics& diag) {
  read_yaml_file(disk, prefix, "content/system.yaml", diag, [&](const SourceText& src, const YamlNode& root) {
    if (root.is_null()) return;
    YamlMapReader r(root, src, diag, "system.yaml", true);
    if (!r.valid()) return;
    m.system.intro = r.text("intro").value_or("");
    // Unknown keys are reported by finish() with the nearest component's name.
    for (const auto& c : system_components())
      if (auto text = r.text(c.key)) m.system.texts[c.key] = *text;
    r.finish();
  });
}

}  // namespace sveden
