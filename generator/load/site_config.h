// site.yaml: who publishes (municipality, department), where (base URL), for which years and as of
// which date, and per-table overrides for files that do not follow the defaults.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "load/diagnostics.h"
#include "load/disk.h"
#include "load/text_encoding.h"
#include "model/date.h"

namespace sveden {

struct TableOverride {
  std::optional<std::string> file;
  Encoding encoding = Encoding::automatic;
  char delimiter = 0;  // 0: detect
  std::map<std::string, std::string> columns;  // header as written → canonical column name
  TextPos pos;  // of the override in site.yaml
};

struct Person {
  std::string position;
  std::string name;
};

struct Department {
  std::string name;
  std::string short_name;
  std::string address;
  std::string phone;
  std::string email;
  Person head;
};

struct SiteConfig {
  std::string municipality;
  std::string region;
  Department department;
  std::string base_url;  // without a trailing slash
  std::vector<int> years;  // ascending
  Date as_of;
  std::string theme = "default";
  int min_group = 10;  // privacy: smallest group whose figures are published
  std::map<std::string, TableOverride> tables;
  // Where the file's entries are, for messages that point back into site.yaml.
  std::map<std::string, TextPos> table_pos;
};

// Reads `site.yaml` from `disk`; reports every problem to `diag`. `display_prefix` is prepended to
// paths in messages (the --site folder as the user wrote it).
std::optional<SiteConfig> load_site_config(const Disk& disk, const std::string& display_prefix, Diagnostics& diag,
                                           std::optional<SourceText>* source_out = nullptr);

}  // namespace sveden
