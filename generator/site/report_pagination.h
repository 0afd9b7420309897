// Page numbers in a printed report's contents and «Продолжение таблицы N» (ГОСТ 7.32) over each part of
// a table that goes on to the next page. Chromium has no target-counter() and repeats a table's header
// unchanged on every page, so the report is printed, the pages where its headings and table rows landed
// are read from the PDF (`pdf_destination_pages`), the page is amended (numbers filled in, a split table
// cut into parts where the pages broke it) and printed again, until nothing moves.
#pragma once
#include <map>
#include <string>

namespace sveden {

// At most this many prints of one report: each table moved to the next page waits for a print of its
// own (report_pagination.cc); the numbers' width or a part's caption can move a row once more. Most
// reports settle in two or three.
constexpr int kPaginationPasses = 6;

// Run once the report has loaded, before the first print: hidden links to every section heading and
// every table row (so that the PDF says where each landed) and an empty page-number place in the
// contents, as wide as any number, so that filling it in moves nothing.
std::string pagination_prepare_script();

// Run after a print with where the destinations landed (id → page): fills in the contents' page
// numbers and starts a new part of a table, under «Продолжение таблицы N» and its header again, at
// each row that the print moved to a new page. Its value is true when it changed the page.
std::string pagination_update_script(const std::map<std::string, int>& pages);

}  // namespace sveden
