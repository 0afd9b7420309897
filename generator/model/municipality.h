// The municipality as plain data: its schools and, for each, what the tables say year by year.
// Missing values stay missing (std::nullopt), never zero.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/criteria.h"
#include "model/decisions.h"
#include "model/date.h"
#include "model/monitoring.h"
#include "model/management_system.h"
#include "model/roadmap.h"
#include "model/site_monitoring.h"
#include "model/site_config.h"

namespace sveden {

using Count = std::optional<int>;
using Number = std::optional<double>;

struct ContingentYear {
  int year = 0;
  Count students, students_ovz, grade9_graduates, grade10_continued;
};

struct OgeResult {
  int year = 0;
  std::string subject;
  Count participants;
  Number mean_score;
  Count below_min;
  Count marks[4];  // «2», «3», «4», «5»
};

struct EgeResult {
  int year = 0;
  std::string subject;
  Count participants;
  Number mean_score;
  Count below_min;
};

struct VprResult {
  int year = 0;
  int grade = 0;
  std::string subject;
  Count participants;
  Count marks[4];
};

struct OlympiadYear {
  int year = 0;
  std::string stage;
  Count participants, winners;
  Count pupils;  // distinct pupils of the stage, where the table gives them
};

struct StaffYear {
  int year = 0;
  Count teachers, vacancies, pension_age, young_specialists, highest_category, first_category, pd_completed;
};

struct ConditionsYear {
  int year = 0;
  Number mto_coefficient, textbook_provision, internet_mbps;
  std::optional<bool> library_system;
};

struct SocialYear {
  int year = 0;
  Number higher_ed_parents, single_parent, unemployed_parents, low_income, non_native_russian, preventive_register;
};

struct FederalListEntry {
  int year = 0;
  std::string list;
};

// A row of a table of the openness section (data/sveden/*.csv): column → text as shown on the page
// (numbers already in Russian notation, dates as ДД.ММ.ГГГГ); absent columns are not in the map.
using OpenRow = std::map<std::string, std::string>;

// A file the site publishes: a document or an attachment named in a table (a work programme, say).
struct PublishedFile {
  std::string path;      // relative to the owner's folder: documents/<Код ОО>/ or documents/department/
  std::string format;    // «PDF», «DOCX»… from the extension
  size_t bytes = 0;
  std::shared_ptr<const std::string> contents;
};

// The electronic signature of a document as ПП РФ № 1802 п. 18 and Rosobrnadzor's clarifications of
// 11.11.2024 ask a school to show it: who signed, in what post, with what kind of signature and which
// certificate or key, valid when, signed when.
struct Signature {
  std::string signer, post, kind, certificate;  // kind: ПЭП, УНЭП, УКЭП
  std::optional<Date> valid_from, valid_to, signed_on;
  bool any() const { return !signer.empty() || !post.empty() || !kind.empty() || !certificate.empty() || valid_from || valid_to || signed_on; }
};

// A dish of a daily menu (data/menus.csv), in the columns of the daily menu the monitoring of school
// meals reads.
struct MenuDish {
  std::string meal;     // a value of enums.meal: «завтрак», «обед»…
  std::string section;  // «гор. блюдо», «напиток»…
  std::string recipe;   // № рецептуры
  std::string dish;
  Number grams, price, kcal, proteins, fats, carbs;
};

// A file of the school's /food folder (письмо Минпросвещения № ГД-1158/01): given in
// documents/<Код ОО>/food/ or written by the build from the dishes of data/menus.csv.
struct MenuFile {
  enum class Kind { daily, kp, typical };  // «ГГГГ-ММ-ДД-sm.xlsx», «kpГГГГ.xlsx», «tmГГГГ-sm.xlsx»
  Kind kind = Kind::daily;
  std::optional<Date> date;  // daily
  int year = 0;              // kp, typical; the date's year for a daily menu
  PublishedFile file;        // path = the name; a generated menu has its contents once the build writes it
  std::vector<MenuDish> dishes;  // generated: in the order of the table; empty for a given file
  bool generated() const { return !dishes.empty(); }
};

// A document with its metadata (data/documents.csv).
struct Document {
  std::string kind;   // a value of enums.document_kind
  std::string title;
  std::string file;   // path within the owner's folder, or an https:// address
  std::optional<Date> date;
  std::string number;
  Signature signed_with;
  std::string signature;  // detached signature file (.sig), if any
  std::string page;       // department's documents: the section of the portal that lists it
  bool external = false;  // another body's act (the founder's, say): published without the school's signature
  int line = 0;           // in data/documents.csv
};

struct School {
  std::string id;
  std::string name, short_name, slug, kind, locality, settlement, address, phone, email, website, director;
  std::string parent_id;               // empty unless a branch
  std::string functions;               // «Задачи и функции», if the data gives them
  int line = 0;                        // in data/schools.csv, for messages
  std::vector<std::string> branch_ids; // filled from the branches' parent_id
  // False for a branch without a website of its own: its parent's section «Сведения…» describes it
  // (filInfo, МР v9) instead of an almost empty section of its own.
  bool own_site = true;
  std::string mentor_id;
  std::optional<int> mentor_since;

  std::vector<ContingentYear> contingent;  // each vector sorted by year (then subject, grade)
  std::vector<OgeResult> oge;
  std::vector<EgeResult> ege;
  std::vector<VprResult> vpr;
  std::vector<OlympiadYear> olympiad;
  std::vector<StaffYear> staff;
  std::vector<ConditionsYear> conditions;
  std::vector<SocialYear> social;
  std::vector<FederalListEntry> federal_lists;
  std::vector<int> project500_years;

  std::string content_markdown;  // content/schools/<id>.md

  // The openness section: data/sveden/info.csv, the other data/sveden tables by name
  // («founders», «teachers»…), documents and the files they publish.
  OpenRow info;
  std::map<std::string, std::vector<OpenRow>> open;
  std::vector<Document> documents;
  std::map<std::string, PublishedFile> files;  // by path
  // Local files the link columns of data/sveden tables name (a curriculum, a regulation), each once in
  // order of first mention, with the table («programmes», «info»…): such a file is shown where its
  // table is, and data/documents.csv should describe it.
  std::vector<std::pair<std::string, std::string>> linked_files;
  bool links_file(const std::string& file) const {
    for (const auto& [f, table] : linked_files)
      if (f == file) return true;
    return false;
  }
  std::map<std::string, MenuFile> food;         // the /food folder, by file name
  std::map<std::string, std::string> sveden_markdown;  // content/schools/<id>/<subsection>.md
};

// A subordinate organisation of the department that is not a school (data/organisations.csv): a
// methodological centre, a kindergarten, the centralised accounting office… The register lists it
// (8-ФЗ, ст. 13); analysis never sees it.
struct Organisation {
  std::string name, short_name, kind, director, address, phone, email, website, functions;
  // «Код ОО»: given, the organisation publishes its own «Сведения об образовательной организации» from the
  // rows of data/sveden and data/documents.csv with this code (Municipality::organisation_sites).
  std::string id;
  int line = 0;  // in data/organisations.csv, for messages
};

struct ContentPage {
  std::string slug;    // content/<slug>.md → /<slug>/
  std::string title;
  std::string description;
  int order = 0;
  std::string markdown;
};

// A regional baseline from data/regional.csv.
struct RegionalValue {
  std::string indicator;
  std::string param;  // subject, or «4 класс, русский язык»
  int year = 0;
  double value = 0;
};

struct NewsItem {
  std::string slug;  // from the file name: 2025-09-01-seminar.md → 2025-09-01-seminar
  std::string title, description;
  Date date;
  std::string markdown;
};

// The department's own information under 8-ФЗ (content/department.yaml).
struct DepartmentInfo {
  struct Unit { std::string name, head, post, phone, email; };
  struct Power { std::string text, act; };
  struct Link { std::string name, url; };
  struct Member { std::string name, post, role; };
  std::string about_markdown;  // who the department is, at the top of its page
  std::string working_hours;
  std::vector<Power> powers;
  std::vector<Unit> structure;
  std::vector<Unit> heads;
  std::string appeals_markdown, appeals_address, appeals_email, appeals_schedule;
  std::vector<Link> social;
  std::vector<Member> working_group;
};

// What a table of data/ holds, so that the build can say which data the criteria need and lack.
struct TableCoverage {
  std::string path;               // in the site folder: «data/olympiad.csv» (what pages may say)
  std::string shown;              // as messages show it, with the --site folder
  bool present = false;           // the file exists
  std::set<std::string> columns;  // canonical names of the columns of its header
  std::set<std::string> filled;   // …of those, the ones with a value in at least one row
  std::map<std::string, std::string> titles;  // every column of the vocabulary: name → «Участников»
};

// A table in which every school is expected in every year (`complete:` in vocab/tables.yaml), as the
// department's audit page shows it: school × year, with the kinds that legitimately have no rows.
struct TableCompleteness {
  std::string name;   // «oge»
  std::string title;  // «Результаты ОГЭ»
  std::string path;   // «data/oge.csv», as the site has it
  std::vector<int> years;  // the years the table has rows for; empty: no rows at all
  std::vector<std::string> except_kinds;  // «НОШ», «филиал»: not expected
  std::map<std::string, std::set<int>> years_of;  // school id → years with rows
};

struct Municipality {
  SiteConfig site;
  std::vector<School> schools;  // sorted by id; branches included (parent_id set)
  std::vector<Organisation> organisations;  // not schools; in the order of data/organisations.csv
  std::map<std::string, size_t> school_index;  // id → position in `schools`
  // The organisations of `organisations` with a «Код ОО» (a house of children's creativity, a kindergarten):
  // each has a site of its own under schools/<slug>/ with «Сведения…» from the same tables as a school's,
  // and no analysis, verdicts or quality page. The pages of the sites of schools and of these take one
  // index: the schools first, then these (site_owner).
  std::vector<School> organisation_sites;
  std::string home_title;
  std::string home_markdown;  // content/index.md
  std::vector<ContentPage> pages;  // sorted by order, then slug
  std::vector<ContentPage> reports;  // content/reports/<slug>.md: the department's own printed reports
  std::vector<std::string> tables_loaded;  // titles of tables found, for the summary
  std::map<std::string, TableCoverage> coverage;  // by table name: every table of the vocabulary
  std::vector<TableCompleteness> completeness;    // the `complete:` tables, in the vocabulary's order
  std::vector<RegionalValue> regional;
  Criteria criteria;  // content/criteria.yaml on top of the built-in presets
  Roadmap roadmap;    // content/roadmap.yaml
  ManagementSystem system;  // content/system.yaml: the department's words on each component of the cycle
  std::vector<Recommendation> recommendations;  // content/recommendations.yaml
  std::vector<ListDecision> decisions;            // content/decisions.yaml
  MonitoringEntries monitoring;                   // content/monitoring.yaml (ПП № 662 report)
  SiteMonitoring site_monitoring;                 // monitoring/ГГГГ-ММ-ДД/: rounds of `sveden monitor`
  DepartmentInfo department;                      // content/department.yaml
  std::vector<NewsItem> news;                     // content/news/*.md, newest first
  std::vector<Document> documents;                // the department's, from data/documents.csv
  std::map<std::string, PublishedFile> files;     // documents/department/
  // The images of the Markdown texts by their path in the site folder, copied to assets/images/<path>.
  std::map<std::string, PublishedFile> images;

  size_t branch_count() const {
    size_t n = 0;
    for (const auto& s : schools) n += !s.parent_id.empty();
    return n;
  }
  // «data/olympiad.csv», or the file site.yaml names instead.
  std::string table_path(const std::string& table) const {
    auto it = coverage.find(table);
    return it == coverage.end() || it->second.path.empty() ? "data/" + table + ".csv" : it->second.path;
  }
  size_t site_count() const { return schools.size() + organisation_sites.size(); }
  const School& site_owner(size_t site) const {
    return site < schools.size() ? schools[site] : organisation_sites[site - schools.size()];
  }
  // Whether the site is a school's (analysed), not an organisation's of organisations.csv.
  bool school_site(size_t site) const { return site < schools.size(); }
  const School* find(const std::string& id) const {
    auto it = school_index.find(id);
    return it == school_index.end() ? nullptr : &schools[it->second];
  }
};

}  // namespace sveden
