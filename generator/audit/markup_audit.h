// Audits one page of the section «Сведения об образовательной организации» against its subsection
// of the vocabulary, reading the markup as the robot of АИС «Мониторинг» does (OPENNESS.md §3–§6):
// only itemprop, the nearest marked ancestor is the parent, one row tag per entity with its children
// inside, one level of nesting, everything marked visible.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "audit/html_document.h"
#include "load/diagnostics.h"
#include "model/openness.h"

namespace sveden {

struct AuditFinding {
  Severity severity = Severity::error;
  std::string itemprop;  // the name concerned; "" when none
  std::string message;   // in Russian
  TextPos pos;           // the start tag of the element; {0, 0} for the page as a whole
};

// `expected_title` is the official subsection title when empty. Findings about the page as a whole
// come first, then the rest in document order.
std::vector<AuditFinding> audit_markup(const HtmlDocument& page, const OpenSubsection& subsection,
                                       std::string_view expected_title = {});

// «12:5: ошибка: …», or «ошибка: …» for the page as a whole.
std::string format_finding(const AuditFinding& finding);

}  // namespace sveden
