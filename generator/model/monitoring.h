// The municipal final report on the monitoring of the education system (ПП РФ № 662) as plain data:
// its structure and indicators (vocab/pp662.yaml), what the department entered (content/monitoring.yaml)
// and the values of the report's table by indicator and year.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>


namespace sveden {

struct Pp662Section {
  std::string id, title;
  bool text = false;     // written by the department in Markdown
  bool table = false;    // the indicator table
  bool missing = false;  // the list of what is missing
};

struct Pp662Group {
  std::string number, title;
};

struct Pp662Indicator {
  std::string id, number, title, unit, group;
  // computed: a municipal value of vocab/indicators.yaml (indicator, subject) or a figure counted
  // from the data (analyse/monitoring.cc); otherwise entered by the department.
  std::string indicator, subject, figure;
  bool entered() const { return indicator.empty() && figure.empty(); }
  std::string source;  // «приказ Минобрнауки России от 22.09.2017 № 955 …, п. 2.3.1»
  std::string note;
  int decimals = 1;    // for a figure and an entered value; an indicator's own precision otherwise
};

struct Pp662Vocabulary {
  std::string title, full_title, source;
  int deadline_month = 10, deadline_day = 25;
  std::vector<Pp662Section> sections;
  std::vector<Pp662Group> groups;
  std::vector<Pp662Indicator> indicators;
  const Pp662Indicator* find(std::string_view id) const {
    for (const auto& i : indicators)
      if (i.id == id) return &i;
    return nullptr;
  }
};

// content/monitoring.yaml: values the department enters and its text of the analytic sections.
struct MonitoringEntries {
  bool present = false;
  std::map<std::string, std::map<int, double>> values;        // indicator id → year → value
  std::map<int, std::map<std::string, std::string>> texts;    // year → section id → Markdown
};

// One cell of the report's table.
struct MonitoringValue {
  std::optional<double> value;  // rounded to what is printed
  int decimals = 1;
  // No value can exist: the growth rate of the site's first year has no year before it in the data.
  bool applicable = true;
};

// The table of the report: for each indicator of the vocabulary (in its order) and each site year.
struct MonitoringTable {
  std::vector<int> years;
  std::vector<std::vector<MonitoringValue>> values;  // [indicator][year]
};

// What the report of a year still lacks: values of its indicators (in the vocabulary's order, then by
// year, for the site years up to the report's) and the department's text of its sections.
struct MonitoringGaps {
  struct Value {
    size_t indicator;  // in Pp662Vocabulary::indicators
    std::vector<int> years;
  };
  std::vector<Value> values;
  std::vector<size_t> texts;  // in Pp662Vocabulary::sections
  size_t value_count() const {
    size_t n = 0;
    for (const auto& v : values) n += v.years.size();
    return n;
  }
  bool empty() const { return values.empty() && texts.empty(); }
};

}  // namespace sveden
