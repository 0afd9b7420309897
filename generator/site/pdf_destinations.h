// Where a printed page's elements landed: Chromium writes a named destination into the PDF for every
// element that a link of the page points at (a hidden link too), with the page it fell on. Reading
// them back tells a report on which page each heading and each table row was printed.
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace sveden {

// The named destinations of `pdf` (as Chromium's Skia writes it: plain object dictionaries, a page
// tree of /Kids, /Dests in the catalog) and the page of each, counted from 1. Empty when the PDF has
// none or cannot be read.
std::map<std::string, int> pdf_destination_pages(std::string_view pdf);

}  // namespace sveden
