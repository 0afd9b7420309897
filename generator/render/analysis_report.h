// The analysis report of a year (reports/analysis-<year>/): the municipality in figures, the criteria in
// words, the schools of each group with their reasons, the movement between groups, the results and their
// trend, the «500+» risk factors, conclusions and recommendations, and the appendix of the criteria's
// sources. Each section is one step; the report is the same for the reporting year and for an earlier one,
// given that year's municipality and analysis.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "analyse/overview.h"
#include "model/decisions.h"
#include "model/municipality.h"
#include "render/analysis_text.h"
#include "render/criteria_table.h"
#include "render/opendata.h"
#include "render/report_blocks.h"

namespace sveden {

class AnalysisReport {
 public:
  using Sections = std::vector<std::pair<std::string, std::string>>;
  struct Context {
    const Municipality& m;
    const Analysis& a;
    const Overview& o;
    const std::vector<size_t>& by_name;  // school indexes in Russian alphabetical order
    // The approving order in words («приказом … от … № …»), and a Markdown text as report sections.
    std::function<std::string(const ApprovingOrder&)> order;
    std::function<Sections(const std::string&)> markdown;
  };
  AnalysisReport(Context c, int& tables, int& figures, ReportSections& sections)
      : m(c.m), a(c.a), o(c.o), by_name(c.by_name), order(std::move(c.order)), markdown(std::move(c.markdown)),
        tables(tables), figures(figures), sections(sections) {}

  // Adds every section and the appendix to `sections`.
  void build();

 private:
  const Municipality& m;
  const Analysis& a;
  const Overview& o;
  const std::vector<size_t>& by_name;
  std::function<std::string(const ApprovingOrder&)> order;
  std::function<Sections(const std::string&)> markdown;
  int& tables;
  int& figures;
  ReportSections& sections;

  // The municipality in figures: schools, localities, branches, students.
  void in_figures();
  // The criteria in words; where each rule comes from goes to the appendix (`sources`).
  void criteria();
  // The schools of each group in the year, with the reasons and the approving order.
  void groups();
  // How many schools entered and left each group, year by year.
  void movement();
  // The municipality's key results against the region, with the trend of ОГЭ in mathematics and Russian.
  void results();
  // How many schools have each «500+» risk factor at each level.
  void risks();
  // Conclusions, the recommendations with their schools, and the department's own text.
  void conclusions();
  // Appendix 1: the documents the criteria cite, and where each rule comes from.
  void appendix();
  // One row per recommendation given to some school: its text, its audience, the schools by name.
  std::vector<std::vector<std::string>> recommendation_rows() const;

  const Classification& cl = a.classification;
  const IndicatorSet& set = a.indicators;
  std::string year = cl.years.empty() ? std::string("—") : std::to_string(cl.years.back());
  Blocks sources{tables, figures};  // the appendix's second half, filled with the criteria
  SourceNumbers numbers;            // the documents cited, numbered once for the whole report
};

}  // namespace sveden
