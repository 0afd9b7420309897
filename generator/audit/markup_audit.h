// Audits one page of the section «Сведения об образовательной организации» against its subsection
// of the vocabulary, reading the markup as the robot of АИС «Мониторинг» does (OPENNESS.md §3–§6):
// only itemprop, the nearest marked ancestor is the parent, one row tag per entity with its children
// inside, one level of nesting, everything marked visible, required information not written as absent.
// A subsection spread over several pages (addRef) is audited as one: its page and the pages it links.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "audit/html_document.h"
#include "base/diagnostics.h"
#include "model/openness.h"

namespace sveden {

struct AuditFinding {
  Severity severity = Severity::error;
  std::string itemprop;  // the name concerned; "" when none
  std::string message;   // in Russian
  TextPos pos;           // the start tag of the element; {0, 0} for the page as a whole
  size_t page = 0;       // which of the pages audited together: 0 the subsection's own, then its addRef pages
  bool incomplete = false;  // required information written as absent («отсутствует»): the site is incomplete
};

// One page of a subsection: its own or one that its `itemprop="addRef"` links lead to.
struct MarkupPage {
  const HtmlDocument* doc = nullptr;
  // Classes that the page's linked stylesheets hide → why («display:none в assets/site.css»); the
  // page's own <style> blocks are read by the audit.
  std::map<std::string, std::string> hidden_classes;
};

// `expected_title` is the official subsection title when empty; the first page must have it. Findings
// about the subsection as a whole come first, then the rest page by page in document order.
std::vector<AuditFinding> audit_markup(const std::vector<MarkupPage>& pages, const OpenSubsection& subsection,
                                       std::string_view expected_title = {});
std::vector<AuditFinding> audit_markup(const HtmlDocument& page, const OpenSubsection& subsection,
                                       std::string_view expected_title = {});

// The addRef links of a page (`itemprop="addRef"` with an href), in document order.
std::vector<int> add_refs(const HtmlDocument& page);

// «12:5: ошибка: …», or «ошибка: …» for the page as a whole.
std::string format_finding(const AuditFinding& finding);

}  // namespace sveden
