// Where Chromium's PDF says each linked element landed: named destinations to page numbers through
// a page tree of more than one level, destinations in an object of their own or in the catalog.
#include <doctest/doctest.h>

#include "site/pdf_destinations.h"

using namespace sveden;

TEST_CASE("pdf destinations give the page each named element landed on") {
  // Pages 4 0 R, 5 0 R under a node 3, then 6 0 R: pages 1, 2, 3; the destinations point at 5 and 6.
  std::string pdf =
      "%PDF-1.4\n"
      "1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 9 0 R>>\nendobj\n"
      "2 0 obj\n<</Type /Pages\n/Count 3\n/Kids [3 0 R 6 0 R]>>\nendobj\n"
      "3 0 obj\n<</Type /Pages\n/Count 2\n/Kids [4 0 R 5 0 R]>>\nendobj\n"
      "4 0 obj\n<</Type /Page\n/Parent 3 0 R>>\nendobj\n"
      "5 0 obj\n<</Type /Page\n/Parent 3 0 R>>\nendobj\n"
      "6 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj\n"
      "9 0 obj\n<</s1 [5 0 R /XYZ 6 757.5 0]\n/pg-t3-r12 [6 0 R /XYZ 7.5 533.25 0]\n/a#2Fb [4 0 R /XYZ 0 0 0]>>\nendobj\n"
      "trailer\n<</Root 1 0 R>>\n%%EOF\n";
  auto pages = pdf_destination_pages(pdf);
  CHECK(pages.size() == 3);
  CHECK(pages["s1"] == 2);
  CHECK(pages["pg-t3-r12"] == 3);
  CHECK(pages["a/b"] == 1);  // #xx escapes decoded
}

TEST_CASE("pdf destinations written in the catalog itself") {
  std::string pdf =
      "%PDF-1.4\n"
      "1 0 obj\n<</Type /Pages\n/Kids [2 0 R 3 0 R]>>\nendobj\n"
      "2 0 obj\n<</Type /Page>>\nendobj\n"
      "3 0 obj\n<</Type /Page>>\nendobj\n"
      "4 0 obj\n<</Type /Catalog\n/Pages 1 0 R\n/Dests <</s2 [3 0 R /XYZ 0 0 0]>>>>\nendobj\n";
  auto pages = pdf_destination_pages(pdf);
  CHECK(pages.size() == 1);
  CHECK(pages["s2"] == 2);
}

TEST_CASE("a PDF without destinations, or not a PDF, gives none") {
  CHECK(pdf_destination_pages("").empty());
  CHECK(pdf_destination_pages("not a pdf 1 0 obj").empty());
  CHECK(pdf_destination_pages("1 0 obj\n<</Type /Catalog\n/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type /Pages\n/Kids [2 0 R]>>\nendobj\n").empty());
}
