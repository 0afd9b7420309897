// One subsection of a school's «Сведения об образовательной организации» as template data: the
// fields of vocab/sveden.yaml filled from the school's data, each value carrying its `itemprop`,
// absent information written out («отсутствует») and marked up the same way.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "render/template_value.h"

#include "model/municipality.h"
#include "model/openness.h"

namespace sveden {

struct OpennessPage {
  TemplateValue blocks{TemplateValue::type::list};
  std::vector<std::string> missing;  // labels of required information the data lacks
  std::vector<const Document*> documents;  // the documents it links, for the date its information is current to
};

// The latest date a subsection's documents show (their dates, their signing), never after `as_of`;
// nullopt when they show none.
std::optional<Date> latest_document_date(const std::vector<const Document*>& shown, const Date& as_of);

// `root` leads from the page to the school site's root (for documents/…, food/…); `as_of` picks
// the menu of the day among the school's menus.
OpennessPage openness_page(const School& s, const OpenSubsection& sub, const OpennessVocabulary& v, const std::string& root,
                           const Date& as_of = {});

// The levels of education a school runs («начальное общее образование»…): those of its programmes
// (data/sveden/programmes.csv) or, when it lists none, those its kind has by the list `fgos`.
std::set<std::string> school_levels(const School& s, const OpennessVocabulary& v);

// The menus of a school's /food folder as links: the menu of the day and the folder's index page.
TemplateValue food_links(const School& s, const std::string& root, const Date& as_of, const std::string& itemprop = "");

// A document as a link that says what it is, its format and size («Устав (PDF, 1,2 МБ)»), with its
// date, number and signature as a note. `prefix` leads to the owner's documents folder.
TemplateValue document_link(const Document& d, const std::map<std::string, PublishedFile>& files,
                                      const std::string& prefix, const std::string& itemprop = "");

// Required information of the openness section that a school's data lacks, by subsection in the
// vocabulary's order: subsection title → field labels.
struct MissingInformation {
  size_t school = 0;  // index in Municipality::schools
  std::vector<std::pair<std::string, std::vector<std::string>>> by_subsection;
};

// For the schools that lack any, in the schools' order.
std::vector<MissingInformation> missing_information(const Municipality& m, const OpennessVocabulary& v);

// «1,2 МБ», «350 КБ»: the size of a file as a link says it.
std::string format_file_size(size_t bytes);

}  // namespace sveden
