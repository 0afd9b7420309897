#include "write/discarded_output.h"

namespace sveden {

Status DiscardedOutput::write(const std::string&, std::string_view) {
  ++files_;
  return {};
}

Status DiscardedOutput::write_parts(const std::string&, const PartsMaker& make) {
  make_parts(make, [](std::string_view) {});
  ++files_;
  return {};
}

std::unique_ptr<Disk> DiscardedOutput::written() const { return std::make_unique<MemoryDisk>(); }

}  // namespace sveden
