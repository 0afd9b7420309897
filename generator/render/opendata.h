// The open data of a build (opendata/): indicators, municipal baselines, classifications with their
// evidence and risk profiles, as CSV for Russian Excel (UTF-8 with BOM, «;», decimal comma) and
// JSON, with a README. Suppressed values are absent and marked as suppressed.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "analyse/analyse.h"
#include "base/text_parts.h"
#include "analyse/similar_schools.h"
#include "model/classification.h"
#include "model/indicators.h"
#include "model/monitoring.h"
#include "model/municipality.h"
#include "model/progress.h"
#include "render/opendata_table.h"

namespace sveden {

struct OutputFile {
  OutputFile(std::string p, std::function<std::string()> r, std::string from = "",
             std::function<PartsMaker(const PartsMaker&)> d = {})
      : path(std::move(p)), render(std::move(r)), source(std::move(from)), derive(std::move(d)) {}
  // A file too big to hold whole (an open-data table): made and written in parts; `render` makes it whole.
  static OutputFile in_parts(std::string path, PartsMaker make);

  std::string path;                      // relative to the output root
  std::function<std::string()> render;   // may run on any thread
  PartsMaker parts;                      // set for a file made in parts
  // A file made from another file's bytes (an opendata workbook from its CSV): `source` is that file's
  // path in the same list, and `derive` makes this file, in parts, from the source's text, made again as
  // often as it reads it: a build holds neither whole. `render` still gives this file alone.
  std::string source;
  std::function<PartsMaker(const PartsMaker&)> derive;
};


std::vector<OutputFile> opendata_files(const Municipality& m, const Analysis& a);

// What opendata/ holds, for the page that describes it: a dataset and its files.
struct OpenDataset {
  std::string title, description;
  std::vector<std::string> files;  // under opendata/
};
// `with_roadmap`: the roadmap's files exist only when the site has a roadmap.
std::vector<OpenDataset> opendata_catalogue(bool with_roadmap);

// «12,5»: decimal comma, no grouping, so Excel reads it as a number.
std::string csv_number(double v, int decimals);

}  // namespace sveden
