// Page numbers in a printed report's contents and «Продолжение таблицы N» (ГОСТ 7.32) over each part of
// a table that goes on to the next page. Chromium has no target-counter() and repeats a table's header
// unchanged on every page, so the report is printed, the pages where its headings and table rows landed
// are read from the PDF (`pdf_destination_pages`), the page is amended (numbers filled in, a split table
// cut into parts where the pages broke it) and printed again, until nothing moves.
#pragma once
#include <map>
#include <string>

namespace sveden {

// At most this many prints of one report. Each print either changes nothing (the report is done) or
// cuts tables and moves one caption per section (one that starts a new page) to the next page, for
// good: a report settles in at most two prints more than it has tables; the demo's take two to six.
// The limit only stops a page whose script misbehaves.
constexpr int kPaginationPasses = 40;

// Run once the report has loaded, before the first print: hidden links to every section heading and
// every table row (so that the PDF says where each landed) and an empty page-number place in the
// contents, as wide as any number, so that filling it in moves nothing.
std::string pagination_prepare_script();

// Run after a print with where the destinations landed (id → page): fills in the contents' page
// numbers and starts a new part of a table, under «Продолжение таблицы N» and its header again, at
// each row that the print moved to a new page. Its value is true when it changed the page.
std::string pagination_update_script(const std::map<std::string, int>& pages);

}  // namespace sveden
