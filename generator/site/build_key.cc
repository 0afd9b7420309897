#include "site/build_key.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

#include "base/text_hash.h"

namespace sveden {
namespace {

namespace fs = std::filesystem;

// A program file by stat: a rebuilt or reinstalled sveden (or Chromium) is another program.
std::optional<std::string> program_identity(const std::string& path) {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  struct stat st{};
  if (ec || ::stat(real.c_str(), &st) != 0) return std::nullopt;
  return fmt::format("{}\t{}\t{}.{:09}\t{}", real.string(), st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_ino);
}

std::string absolute(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? path : p.string();
}

}  // namespace

std::string build_key(const BuildKeyParts& parts, const Disk& site) {
  auto self = program_identity("/proc/self/exe");
  auto tree = site.signature(parts.out_dir);
  if (!self || !tree) return "";
  std::string chromium;
  if (parts.pdf) {
    auto identity = parts.chromium ? program_identity(*parts.chromium) : std::nullopt;
    if (!identity) return "";
    chromium = *identity;
  }
  return text_hash(fmt::format("sveden build key 1\nprogram {}\nsite {}\nout {}\nas_of {:04}-{:02}-{:02}\npdf {}\nchromium {}\n{}",
                               *self, absolute(parts.site_dir), absolute(parts.out_dir), parts.as_of.year, parts.as_of.month,
                               parts.as_of.day, parts.pdf ? 1 : 0, chromium, *tree));
}

}  // namespace sveden
