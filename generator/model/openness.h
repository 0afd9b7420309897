// The vocabulary of the section «Сведения об образовательной организации» (vocab/sveden.yaml):
// subsections with their addresses and official titles, and the fields with their `itemprop` names.
// The renderer builds pages from it; the tests and `sveden check` verify pages against it.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sveden {

struct OpenField {
  enum class Kind { value, link, links, document, rows };
  Kind kind = Kind::value;
  std::string itemprop;  // may be empty: information the law asks for without markup
  std::string label;
  // value / link: «school.<column>» or «info.<column>» at the top level, a column of the row table in children.
  // links: the name of a list under `lists`; document: a document kind; rows: the table (founders, places…).
  std::string source;
  std::string link_text;  // for `link`: the text of the link when the cell holds only an address
  bool list = false;      // the cell holds several values separated by «;»
  bool optional = false;  // may lawfully be absent (the asterisk of МР)
  bool or_text = false;   // link: plain text will do as well (T/L in МР: a founder's site, a unit's site)
  bool universities_only = false;  // only universities publish it: a school's page may leave it out
  bool food = false;      // `link` to the menus: the school's /food folder first, the cell when it is empty
  std::string absent;     // the word written when absent
  std::map<std::string, std::string> where;  // rows: only rows whose columns have these values
  std::string group_by;   // rows: one table per value of this list column
  // rows: the one row shown when the table has none, from what the site knows elsewhere: column →
  // «school.<column>» of schools.csv or a literal text (the director of schools.csv on /managers).
  std::map<std::string, std::string> fallback;
  std::vector<OpenField> children;  // rows: the child fields, inside the row tag
};

struct OpenSubsection {
  std::string path;   // under /sveden/: «common», «eduStandarts»…
  std::string title;  // verbatim, п. 6 приказа 1493
  std::string source; // legal basis, for the docs
  std::vector<OpenField> fields;
};

struct OpenLink {
  std::string text, url;
  std::string level;               // lists.fgos: the level of education
  std::vector<std::string> kinds;  // lists.fgos: school kinds that have this level when no programmes are listed
  std::string programme_contains;  // lists.fgos: shown when a programme's name contains this (lower case): АООП
};

// An attribute of МР v9 tables 3.x that the section does not write, and why (docs/OPENNESS.md §7
// lists every attribute; a test holds the two together).
struct NotEmitted {
  std::string path, itemprop, parent;  // parent: the row tag for a child, "" at the top level
  std::string reason;
};

struct OpennessVocabulary {
  std::string title;   // «Сведения об образовательной организации»
  std::string path;    // «sveden»
  std::string absent;  // the default word for absent information
  std::vector<OpenLink> ministries;
  // Document kinds a school publishes as copies of others' documents, without its own signature.
  std::vector<std::string> unsigned_kinds;
  std::map<std::string, std::vector<OpenLink>> lists;
  std::vector<OpenSubsection> subsections;
  std::vector<NotEmitted> not_emitted;
};

}  // namespace sveden
