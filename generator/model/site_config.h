// The site's configuration as plain data (site.yaml): who publishes, where, for which years, as of
// which date, and how to read tables that do not follow the defaults.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "base/text_pos.h"

namespace sveden {

// How a table's bytes are to be read; `automatic` detects UTF-8 or Windows-1251.
enum class Encoding { automatic, utf8, windows1251 };

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

// The department's kind as its sentences name it (vocab/department_kinds.yaml): «Об отделе», «подведомственны
// комитету», «выбор управления образования».
struct DepartmentWords {
  std::string kind = "управление";
  std::string nominative = "управление", genitive = "управления", dative = "управлению", instrumental = "управлением";
  std::string about = "Об управлении";  // the title of its page
  // With its field: «управление образования», «комитета по образованию»…
  std::string full_nominative = "управление образования", full_genitive = "управления образования",
              full_dative = "управлению образования", full_instrumental = "управлением образования";
};

struct Department {
  DepartmentWords words;
  std::string name;
  std::string short_name;
  std::string address;
  std::string phone;
  std::string email;
  Person head;
};

// Printed reports: who approves them (the «УТВЕРЖДАЮ» block of the cover) and where they are made.
struct ReportsConfig {
  Person approver;
  std::string place;  // «г. Озёрск», under the title on the cover
  // The reporting year (`reports.year`): what the site publishes as the current state. Rows of later years
  // are read and checked, then set aside, so that partial data for a new year change nothing published.
  // 0: the last of `years`.
  int year = 0;
};

struct SiteConfig {
  std::string municipality;
  std::string region;
  Department department;
  std::string base_url;  // without a trailing slash
  std::vector<int> years;  // ascending
  Date as_of;
  std::string theme = "default";
  ReportsConfig reports;
  bool pretty_links = false;
  bool invented_data = false;  // an example: every page and report says its data are invented
  bool audit_public = false;  // the audit page audit/ in the sitemap and open to robots
  // Where the monitoring of schools' own websites (`sveden monitor`) is published: a page of the portal
  // with its report and open data, or only the department's audit pages (`site_monitoring: audit`).
  bool site_monitoring_public = true;
  bool trusted_html = false;  // raw HTML in content/*.md is kept  // «schools/x/» instead of «schools/x/index.html»
  // Privacy (docs/CRITERIA.md §4) asks two different questions. `min_group`: the smallest group whose
  // figures are published. `decision_min`: the smallest group a rule is evaluated on — the criteria's
  // business, not privacy's; unset, it is what the presets' sources say (analyse/decision_minimum).
  int min_group = 10;
  std::optional<int> decision_min;
  // A verdict resting on a hidden value is published with the value hidden (`publish`), or withheld
  // as «недостаточно данных» (`withhold`), the stricter choice a department may make.
  enum class HiddenVerdicts { publish, withhold } verdicts_on_hidden = HiddenVerdicts::publish;
  // What is published (`publish:`): a computed list no order has approved yet, as «проект» or not at all;
  // and what of the analysis appears on schools' own sites besides their results, mentor, activities and
  // status in an approved list.
  bool draft_lists = true;         // publish.unapproved_lists: draft (true) | hide
  bool school_risk_profile = false;   // publish.school_site: risk_profile
  bool school_recommendations = false;  // publish.school_site: recommendations
  bool school_draft_status = false;     // publish.school_site: draft_status (the computed status before approval)
  int recommendations_per_school = 5;   // publish.recommendations_per_school: at most this many, strongest first
  std::map<std::string, TableOverride> tables;
  // Where the file's entries are, for messages that point back into site.yaml.
  std::map<std::string, TextPos> table_pos;
};

}  // namespace sveden
