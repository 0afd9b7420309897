#include <doctest/doctest.h>

#include <algorithm>
#include <iterator>
#include <random>

#include "audit/html_document.h"

using namespace sveden;

namespace {

// The tree as text: tag[children], 'text', <!--comment-->, !doctype.
std::string shape(const HtmlDocument& doc, int i = 0) {
  const HtmlNode& n = doc.nodes[static_cast<size_t>(i)];
  std::string out;
  switch (n.type) {
    case HtmlNode::Type::text: return "'" + n.text + "'";
    case HtmlNode::Type::comment: return "<!--" + n.text + "-->";
    case HtmlNode::Type::doctype: return "!" + n.text;
    case HtmlNode::Type::document: break;
    case HtmlNode::Type::element: out = n.tag; break;
  }
  if (n.children.empty()) return out;
  out += "[";
  for (size_t k = 0; k < n.children.size(); ++k) out += (k ? " " : "") + shape(doc, n.children[k]);
  return out + "]";
}

std::string shape(std::string_view html) {
  std::string s = shape(parse_html(html));
  return s.empty() ? s : s.substr(1, s.size() - 2);  // without the document's brackets
}

int first(const HtmlDocument& doc, std::string_view tag) { return doc.elements(tag).at(0); }

// Invariants every parse must keep, whatever the input.
void check_tree(const HtmlDocument& doc) {
  REQUIRE(!doc.nodes.empty());
  CHECK(doc.nodes[0].type == HtmlNode::Type::document);
  CHECK(doc.nodes[0].end == static_cast<int>(doc.nodes.size()));
  for (size_t i = 1; i < doc.nodes.size(); ++i) {
    const HtmlNode& n = doc.nodes[i];
    REQUIRE(n.parent >= 0);
    REQUIRE(n.parent < static_cast<int>(i));
    REQUIRE(doc.contains(n.parent, static_cast<int>(i)));
    REQUIRE(n.end > static_cast<int>(i));
    REQUIRE(n.end <= doc.nodes[static_cast<size_t>(n.parent)].end);
    int depth = 0;
    for (int p = n.parent; p > 0; p = doc.nodes[static_cast<size_t>(p)].parent) ++depth;
    REQUIRE(depth < HtmlDocument::kMaxDepth);
  }
  // Each node's children are the nodes that name it as their parent, in document order; a subtree ends after
  // its last child's; two texts are never adjacent children (the second joins the first).
  std::vector<std::vector<int>> children(doc.nodes.size());
  for (size_t i = 1; i < doc.nodes.size(); ++i) children[static_cast<size_t>(doc.nodes[i].parent)].push_back(static_cast<int>(i));
  for (size_t i = 0; i < doc.nodes.size(); ++i) {
    const HtmlNode& n = doc.nodes[i];
    REQUIRE(n.children == children[i]);
    REQUIRE(n.end == (n.children.empty() ? static_cast<int>(i) + 1 : doc.nodes[static_cast<size_t>(n.children.back())].end));
    for (size_t k = 1; k < n.children.size(); ++k)
      REQUIRE(!(doc.nodes[static_cast<size_t>(n.children[k - 1])].type == HtmlNode::Type::text &&
                doc.nodes[static_cast<size_t>(n.children[k])].type == HtmlNode::Type::text));
  }
}

}  // namespace

TEST_CASE("html document: elements, attributes and text") {
  HtmlDocument doc = parse_html(R"(<DIV Class="a b" data-x='1' id=main hidden><P>Текст <B>жирный</B></P></DIV>)");
  CHECK(shape(doc) == "[div[p['Текст ' b['жирный']]]]");
  int div = first(doc, "div");
  REQUIRE(doc.attr(div, "class"));
  CHECK(*doc.attr(div, "class") == "a b");
  CHECK(*doc.attr(div, "data-x") == "1");
  CHECK(*doc.attr(div, "id") == "main");
  CHECK(*doc.attr(div, "hidden") == "");  // valueless
  CHECK(doc.attr(div, "title") == nullptr);
  CHECK(doc.text_content(div) == "Текст жирный");
  CHECK(shape("<a href = \"x\" title=a=b href=y>t</a>") == "a['t']");
  HtmlDocument dup = parse_html("<a href=first HREF=second title=a=b>t</a>");
  CHECK(*dup.attr(first(dup, "a"), "href") == "first");  // the first of duplicates wins
  CHECK(*dup.attr(first(dup, "a"), "title") == "a=b");
}

TEST_CASE("html document: character references") {
  CHECK(decode_html_entities("&amp; &lt;&gt; &quot;&nbsp;&laquo;Школа&raquo; &mdash; &ndash;") == "& <> \"\u00A0«Школа» — –");
  CHECK(decode_html_entities("&#171;&#xBB;&#X2014;&#150;") == "«»—–");  // &#150; is Windows-1252 en dash
  CHECK(decode_html_entities("&#0;&#xD800;&#99999999;") == "\uFFFD\uFFFD\uFFFD");
  CHECK(decode_html_entities("&amp &copy 2024 &unknown; & &#; &") == "& © 2024 &unknown; & &#; &");
  CHECK(decode_html_entities("&mdash без точки с запятой") == "&mdash без точки с запятой");
  HtmlDocument doc = parse_html("<a href=\"?a=1&lt=2&amp;b=3\" title='&laquo;x&raquo;'>&numero; 1</a>");
  CHECK(*doc.attr(1, "href") == "?a=1&lt=2&b=3");  // «&lt=» in a query string is not a reference
  CHECK(*doc.attr(1, "title") == "«x»");
  CHECK(doc.text_content(1) == "№ 1");
}

TEST_CASE("html document: raw text elements are not parsed") {
  HtmlDocument doc = parse_html(
      "<script>if (a<b) html = '<tr itemprop=\"x\"><td>' + '</scriptx>';</SCRIPT ><p>после</p>"
      "<style>p > a { }</style><textarea>&lt;b&gt;</textarea><title>A &amp; B</title>");
  CHECK(shape(doc) ==
        "[script['if (a<b) html = '<tr itemprop=\"x\"><td>' + '</scriptx>';'] p['после'] style['p > a { }'] "
        "textarea['<b>'] title['A & B']]");
  CHECK(doc.elements("tr").empty());
  CHECK(shape("<script>never closed <p>") == "script['never closed <p>']");
  CHECK(shape("<script/>x</script>y") == "script['x'] 'y'");  // «/>» does not close a script
}

TEST_CASE("html document: comments and doctype") {
  CHECK(shape("<!DOCTYPE html><!-- <p itemprop=\"x\"> --><p>a</p>") == "!DOCTYPE html <!-- <p itemprop=\"x\"> --> p['a']");
  CHECK(shape("<!--><!---><?xml version=\"1.0\"?><![CDATA[x]]>t") == "<!----> <!----> <!--?xml version=\"1.0\"?--> <!--[CDATA[x]]--> 't'");
  CHECK(shape("a <!-- not closed <p>") == "'a ' <!-- not closed <p>-->");
  CHECK(shape("</ p>x</>") == "<!-- p--> 'x'");
}

TEST_CASE("html document: implied end tags") {
  CHECK(shape("<p>a<p>b<div>c</div>") == "p['a'] p['b'] div['c']");
  CHECK(shape("<ul><li>a<li>b<ul><li>c</ul></ul>") == "ul[li['a'] li['b' ul[li['c']]]]");
  CHECK(shape("<table><tr><td>1<td>2<tr><th>3</table>") == "table[tr[td['1'] td['2']] tr[th['3']]]");
  CHECK(shape("<table><thead><tr><td>h<tbody><tr><td>b</table>") == "table[thead[tr[td['h']]] tbody[tr[td['b']]]]");
  CHECK(shape("<table><tr><td><table><tr><td>in</table>out</td></tr></table>") ==
        "table[tr[td[table[tr[td['in']]] 'out']]]");
  CHECK(shape("<select><option>a<option>b<optgroup><option>c</select>") == "select[option['a'] option['b'] optgroup[option['c']]]");
  CHECK(shape("<dl><dt>a<dd>b<dt>c</dl>") == "dl[dt['a'] dd['b'] dt['c']]");
  CHECK(shape("<a href=1>x<a href=2>y</a>") == "a['x'] a['y']");
  CHECK(shape("<h1>a<h2>b</h2>") == "h1['a'] h2['b']");
  CHECK(shape("<head><title>t</title><body>b") == "head[title['t']] body['b']");
}

TEST_CASE("html document: void elements and self-closing tags") {
  CHECK(shape("a<br/>b<BR>c</br><img src=x>d<hr />") == "'a' br 'b' br 'c' img 'd' hr");
  CHECK(shape("<div/>x</div>") == "div['x']");  // «/>» means nothing on an HTML element
  CHECK(shape("<svg><path d=1 /><circle/></svg>z") == "svg[path circle] 'z'");
}

TEST_CASE("html document: broken markup is recovered") {
  CHECK(shape("<div><span>x</div>y") == "div[span['x']] 'y'");
  CHECK(shape("<b><i>x</b>y</i>") == "b[i['x']] 'y'");
  CHECK(shape("</div></p>text</table>") == "'text'");                               // stray end tags are ignored
  CHECK(shape("<div><table><tr><td>a</div>b</td></tr></table></div>") == "div[table[tr[td['ab']]]]");  // </div> cannot leave the cell
  CHECK(shape("<div><p>unclosed") == "div[p['unclosed']]");
  CHECK(shape("a < b <3 <> <a href=\"x") == "'a < b <3 <> '");  // a tag cut off by the end is dropped
  CHECK(shape("<a href='x' <b>t") == "a['t']");
  CHECK(shape("<p =x \"y\"=z>t") == "p['t']");
  CHECK(shape("") == "");
}

TEST_CASE("html document: line and column of each start tag") {
  HtmlDocument doc = parse_html("\xEF\xBB\xBF<html>\r\n<body>\n  <p>Привет <b>мир</b>\r<i>x</i>");
  auto pos = [&](std::string_view tag) { return doc.nodes[static_cast<size_t>(first(doc, tag))].pos; };
  CHECK(pos("html").line == 1);
  CHECK(pos("html").column == 1);
  CHECK(pos("body").line == 2);
  CHECK(pos("p").line == 3);
  CHECK(pos("p").column == 3);
  CHECK(pos("b").column == 13);  // columns count characters, not bytes
  CHECK(pos("i").line == 4);
  CHECK(pos("i").column == 1);
}

TEST_CASE("html document: text content is whitespace-collapsed and visible text only") {
  HtmlDocument doc = parse_html("<div>\n  Один&nbsp;&nbsp; два<script>var x;</script><p>три</p>четыре<br>пять <span>шесть</span>\n</div>");
  CHECK(doc.text_content(first(doc, "div")) == "Один два три четыре пять шесть");
  CHECK(parse_html("<td> &nbsp; </td>").text_content(1) == "");
  HtmlDocument table = parse_html("<tr><td>a</td><td>b</td></tr>");
  CHECK(table.text_content(1) == "a b");
  CHECK(table.find_all([](const HtmlNode& n) { return n.tag == "td"; }).size() == 2);
}

TEST_CASE("html document: text content copies runs and joins blanks as one character at a time would") {
  // The text as read character by character: a blank (space, tab, line break, U+00A0) between two other
  // characters becomes one space; none at either end. Stray bytes of U+00A0 are not blanks.
  auto one_by_one = [](const std::string& text) {
    std::string out;
    bool space = false;
    for (size_t k = 0; k < text.size(); ++k) {
      bool nbsp = text.compare(k, 2, "\u00A0") == 0;
      if (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r' || text[k] == '\f' || nbsp) {
        space = true;
        k += nbsp ? 1 : 0;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += text[k];
    }
    return out;
  };
  const std::vector<std::string> pieces = {" ", "\t", "\n", "\r\n", "\u00A0", "\xC2", "\xA0", "a", "Я", "№", "x\u00A0y", "\xC2\xC2\xA0"};
  std::mt19937 random(5);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int k = static_cast<int>(random() % 10); k-- > 0;) text += pieces[random() % pieces.size()];
    HtmlDocument doc = parse_html("<p>" + text + "</p>");
    const HtmlNode& p = doc.nodes[static_cast<size_t>(first(doc, "p"))];
    std::string read = p.children.empty() ? "" : doc.nodes[static_cast<size_t>(p.children[0])].text;
    REQUIRE_MESSAGE(doc.text_content(first(doc, "p")) == one_by_one(read), text);
  }
}

TEST_CASE("html document: hostile input stays bounded and linear") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div><span>";
  HtmlDocument doc = parse_html(deep);
  CHECK(doc.nodes.size() == 200001);
  check_tree(doc);

  std::string many(200000, '<');
  check_tree(parse_html(many));
  check_tree(parse_html(std::string(100000, '&') + "#x" + std::string(100000, '9')));
  std::string attrs = "<p";
  for (int i = 0; i < 50000; ++i) attrs += " a" + std::to_string(i) + "=1";
  HtmlDocument wide = parse_html(attrs + ">");
  CHECK(wide.nodes[1].attrs.size() == 256);
  check_tree(parse_html("<table>" + std::string(50000, 'x') + "<script>" + std::string(50000, '<') + "</script"));

  // Random soups of the characters that matter to the tokenizer: the invariants always hold.
  const std::string alphabet = "<>/=\"'&#;! -\n?abdiprtlsc";
  const char* words[] = {"<p", "<li", "<td", "<tr", "<table", "<script>", "</script>", "<!--", "-->", "<svg", "/>",
                         "</", "&amp;", "&#x", "<a href=", "<textarea>", "</div>", "<div", "<option", "<dd"};
  std::mt19937 rng(20261104);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    int len = static_cast<int>(rng() % 200);
    for (int k = 0; k < len; ++k)
      s += rng() % 3 ? std::string(1, alphabet[rng() % alphabet.size()]) : std::string(words[rng() % std::size(words)]);
    HtmlDocument d = parse_html(s);
    check_tree(d);
    for (size_t i = 0; i < d.nodes.size(); ++i) (void)d.text_content(static_cast<int>(i));
  }
}

TEST_CASE("html document: every field of every node on tricky markup") {
  // The whole tree, node by node: type, tag, attributes, text, parent, end, children, line and column.
  auto dump = [](const HtmlDocument& doc) {
    std::string out;
    for (size_t i = 0; i < doc.nodes.size(); ++i) {
      const HtmlNode& n = doc.nodes[i];
      out += std::to_string(i) + " " + std::to_string(static_cast<int>(n.type)) + " " + n.tag + " '" + n.text + "' ^" +
             std::to_string(n.parent) + " ]" + std::to_string(n.end) + " @" + std::to_string(n.pos.line) + ":" +
             std::to_string(n.pos.column);
      for (const HtmlAttr& a : n.attrs) out += " " + a.name + "=" + a.value;
      out += " [";
      for (int c : n.children) out += " " + std::to_string(c);
      out += " ]\n";
    }
    return out;
  };
  // Text joined across a literal '<', a stray end tag, «</>» and references; duplicates in any case (the
  // first kept, lowered); an end tag's attributes dropped; values decoded, valueless ones empty.
  CHECK(dump(parse_html("a &amp; b < c</x>d</>e&lt;<P ID=1 Id=2 iD=3 CLASS='&quot;q&quot;' hidden>"
                        "t\n<b a=1></b x=y>u<!--c-->v</p>")) ==
        "0 0  '' ^-1 ]8 @1:1 [ 1 2 ]\n"
        "1 2  'a & b < cde<' ^0 ]2 @1:1 [ ]\n"
        "2 1 p '' ^0 ]8 @1:27 id=1 class=\"q\" hidden= [ 3 4 5 6 7 ]\n"
        "3 2  't\n' ^2 ]4 @1:74 [ ]\n"
        "4 1 b '' ^2 ]5 @2:1 a=1 [ ]\n"
        "5 2  'u' ^2 ]6 @2:16 [ ]\n"
        "6 3  'c' ^2 ]7 @2:17 [ ]\n"
        "7 2  'v' ^2 ]8 @2:25 [ ]\n");
  // Implied ends, foreign elements, raw text.
  CHECK(dump(parse_html("<table><tr><td>x<td>y</table>z<ul><li>1<li>2</ul><svg><g/><text>t</text></svg><script>s</script>&copy;")) ==
        "0 0  '' ^-1 ]20 @1:1 [ 1 7 8 13 17 19 ]\n"
        "1 1 table '' ^0 ]7 @1:1 [ 2 ]\n"
        "2 1 tr '' ^1 ]7 @1:8 [ 3 5 ]\n"
        "3 1 td '' ^2 ]5 @1:12 [ 4 ]\n"
        "4 2  'x' ^3 ]5 @1:16 [ ]\n"
        "5 1 td '' ^2 ]7 @1:17 [ 6 ]\n"
        "6 2  'y' ^5 ]7 @1:21 [ ]\n"
        "7 2  'z' ^0 ]8 @1:30 [ ]\n"
        "8 1 ul '' ^0 ]13 @1:31 [ 9 11 ]\n"
        "9 1 li '' ^8 ]11 @1:35 [ 10 ]\n"
        "10 2  '1' ^9 ]11 @1:39 [ ]\n"
        "11 1 li '' ^8 ]13 @1:40 [ 12 ]\n"
        "12 2  '2' ^11 ]13 @1:44 [ ]\n"
        "13 1 svg '' ^0 ]17 @1:50 [ 14 15 ]\n"
        "14 1 g '' ^13 ]15 @1:55 [ ]\n"
        "15 1 text '' ^13 ]17 @1:59 [ 16 ]\n"
        "16 2  't' ^15 ]17 @1:65 [ ]\n"
        "17 1 script '' ^0 ]19 @1:79 [ 18 ]\n"
        "18 2  's' ^17 ]19 @1:87 [ ]\n"
        "19 2  '©' ^0 ]20 @1:97 [ ]\n");
  // Below kMaxDepth everything goes to the element at that depth (its children, text joined across a deeper
  // element), and the deeper elements keep the end they were made with.
  std::string deep;
  for (int i = 0; i < HtmlDocument::kMaxDepth + 3; ++i) deep += "<div>";
  HtmlDocument doc = parse_html(deep + "a<b>c</b>d<i>e<!--f-->g");
  const std::string all = dump(doc);
  CHECK(all.substr(all.find("\n511 ") + 1) ==
        "511 1 div '' ^510 ]523 @1:2551 [ 512 513 514 515 516 517 518 519 520 521 522 ]\n"
        "512 1 div '' ^511 ]513 @1:2556 [ ]\n"
        "513 1 div '' ^511 ]514 @1:2561 [ ]\n"
        "514 1 div '' ^511 ]515 @1:2566 [ ]\n"
        "515 1 div '' ^511 ]516 @1:2571 [ ]\n"
        "516 2  'a' ^511 ]517 @1:2576 [ ]\n"
        "517 1 b '' ^511 ]518 @1:2577 [ ]\n"
        "518 2  'cd' ^511 ]519 @1:2580 [ ]\n"
        "519 1 i '' ^511 ]520 @1:2586 [ ]\n"
        "520 2  'e' ^511 ]521 @1:2589 [ ]\n"
        "521 3  'f' ^511 ]522 @1:2590 [ ]\n"
        "522 2  'g' ^511 ]523 @1:2598 [ ]\n");
  check_tree(doc);
}

TEST_CASE("html document: what the audit reads from pages made elsewhere") {
  // Upper-case tags and unquoted attribute values, as older CMS templates write them.
  HtmlDocument doc = parse_html("<TABLE class=sved-table><TR itemprop=uchredLaw><TD itemprop=nameUchred>Администрация</TD></TR></TABLE>");
  CHECK(shape(doc) == "[table[tr[td['Администрация']]]]");
  int tr = first(doc, "tr");
  CHECK(*doc.attr(tr, "itemprop") == "uchredLaw");
  CHECK(*doc.attr(first(doc, "td"), "itemprop") == "nameUchred");
  // A <style> block keeps its text as one child, for the audit's reading of hidden classes.
  HtmlDocument styled = parse_html("<style media=screen>.x > p { display: none }</style><p class=x>a</p>");
  int style = first(styled, "style");
  REQUIRE(styled.nodes[static_cast<size_t>(style)].children.size() == 1);
  CHECK(styled.nodes[static_cast<size_t>(styled.nodes[static_cast<size_t>(style)].children[0])].text == ".x > p { display: none }");
}

TEST_CASE("html document: the full HTML5 table of named references") {
  CHECK(decode_html_entities("&period;&comma;&colon;&ocy;&shchcy;&IOcy;&NotNestedGreaterGreater;") == ".,:ощЁ⪢̸");
  CHECK(decode_html_entities("&CounterClockwiseContourIntegral;") == "∳");
  CHECK(decode_html_entities("&copy2024 &notit; &amp;amp;") == "©2024 ¬it; &amp;");  // the longest legacy name
  HtmlDocument doc = parse_html("<a href=\"?a=1&copy=2&amp;notin=3&notin;\" title=\"&period;&copyx\">&acy;</a>");
  CHECK(*doc.attr(1, "href") == "?a=1&copy=2&notin=3∉");  // in attributes a legacy name before «=» stays
  CHECK(*doc.attr(1, "title") == ".&copyx");
  CHECK(doc.text_content(1) == "а");
}

TEST_CASE("html document: <noscript> is text and «--!>» ends a comment, as with scripting on") {
  CHECK(shape("<noscript><h1 itemprop=\"x\">Нет</h1></noscript><p>a") == "noscript['<h1 itemprop=\"x\">Нет</h1>'] p['a']");
  CHECK(parse_html("<div>a<noscript>b</noscript>c</div>").text_content(1) == "ac");
  CHECK(shape("<!-- <h1> --!><p>a</p>") == "<!-- <h1> --> p['a']");
  CHECK(shape("<!-- a --!> b -->") == "<!-- a --> ' b -->'");
}

TEST_CASE("html document: deep layout tables keep each row with its cells") {
  std::string open, close;
  for (int k = 0; k < 160; ++k) open += "<table><tr><td>", close += "</td></tr></table>";
  HtmlDocument doc = parse_html(open + "<p itemprop=\"x\">deep</p>" + close + "<p>after</p>");
  check_tree(doc);
  for (int tr : doc.elements("tr")) {
    const HtmlNode& row = doc.nodes[static_cast<size_t>(tr)];
    CHECK(doc.nodes[static_cast<size_t>(row.parent)].tag == "table");
    REQUIRE(row.children.size() == 1);
    CHECK(doc.nodes[static_cast<size_t>(row.children[0])].tag == "td");
  }
  int after = doc.elements("p").back();
  CHECK(doc.nodes[static_cast<size_t>(after)].parent == 0);  // every table closed by its end tag
  // Past Chromium's depth the tree is flattened, but end tags still close what they should.
  std::string deeper;
  for (int k = 0; k < 2000; ++k) deeper += "<div>";
  HtmlDocument flat = parse_html(deeper + "x<p>y</p>");
  check_tree(flat);
}

TEST_CASE("html document: bytes are decoded as a browser decodes them") {
  std::string cp1251 = "<meta charset=windows-1251><h1>\xCF\xF0\xE8\xE2\xE5\xF2</h1>";  // «Привет»
  HtmlDocument doc = parse_html(cp1251);
  CHECK(doc.text_content(doc.elements("h1")[0]) == "Привет");
  CHECK(doc.nodes[static_cast<size_t>(doc.elements("h1")[0])].pos.column == 28);
  // The HTTP header saved with a monitored page goes before the page's own <meta>.
  HtmlDocument koi = parse_html("<meta charset=windows-1251><h1>\xF0\xD2\xC9\xD7\xC5\xD4</h1>", "text/html; charset=KOI8-R");
  CHECK(koi.text_content(koi.elements("h1")[0]) == "Привет");
}

TEST_CASE("visit_elements: the elements of parse_html, in its order, with the attributes asked for and positions") {
  std::string deep;
  for (int i = 0; i < HtmlDocument::kMaxDepth + 20; ++i) deep += "<div id=\"d" + std::to_string(i) + "\">";
  const std::string pages[] = {
      "<!DOCTYPE html><html><head><title>a<b></title><script>if (a<b) x = '<p id=no>';</script>"
      "<meta name=robots content=noindex></head><body><p id=x>one<p>two<ul><li>a<li><a href=\"#x\" name=n>b</a></ul>"
      "<table><tr><td>1<td><img src=a.png></table><svg><path/><circle id=c /></svg><!-- <a href=no> -->"
      "<textarea><a href=no></textarea>\xD0\xB0\n<a href='x.html'\nid=\"y\">z</a></body></html>",
      deep + "<a href=\"#d3\">deep</a>",
      "<p>unclosed <a href=x <b>",
      // Attributes in any case, duplicates (the first wins), references, and ones not asked for around them.
      "<A class=\"&lt;x&gt;\" HREF=\"a?b=1&amp;c=&copy\" Href=second data-x='&amp;' ID=Up>\xD1\x91</A>"
      "<img alt=\"\" SRC=i.png title=&quot;t&quot;><span title=\"unterminated>",
  };
  const std::vector<std::string_view> asked = {"id", "href", "src", "alt"};
  int left_out = 0;  // pages with an attribute not asked for
  for (const auto& page : pages) {
    HtmlDocument doc = parse_html(page);
    std::vector<std::string> expected, visited, all;
    auto line = [&](const HtmlNode& n, bool only_asked) {
      std::string out = n.tag + "@" + std::to_string(n.pos.line) + ":" + std::to_string(n.pos.column);
      for (const auto& a : n.attrs)
        if (!only_asked || std::find(asked.begin(), asked.end(), a.name) != asked.end()) out += " " + a.name + "=" + a.value;
      return out;
    };
    for (const auto& n : doc.nodes)
      if (n.type == HtmlNode::Type::element) expected.push_back(line(n, true)), all.push_back(line(n, false));
    visit_elements(page, asked, [&](const HtmlNode& n, const ElementPlace& at) {
      HtmlNode placed = n;
      placed.pos = at();
      visited.push_back(line(placed, false));
    });
    CHECK(visited == expected);
    // Positions asked for some elements only (every third, twice over) are the same.
    std::vector<std::string> some, some_expected;
    size_t k = 0;
    visit_elements(page, asked, [&](const HtmlNode& n, const ElementPlace& at) {
      if (k++ % 3 != 1) return;
      HtmlNode placed = n;
      placed.pos = at();
      placed.pos = at();
      some.push_back(line(placed, false));
    });
    for (size_t i = 1; i < expected.size(); i += 3) some_expected.push_back(expected[i]);
    CHECK(some == some_expected);
    CHECK(expected.size() >= 2);
    left_out += expected != all;
  }
  CHECK(left_out == 3);
}

namespace {

// Random markup made of the pieces the tree builder has rules for, cut and mutated.
std::string random_markup(std::mt19937& rng) {
  static const char* const kTags[] = {"div", "p", "li", "ul", "ol", "dd", "dt", "dl", "td", "th", "tr", "table", "tbody",
                                      "thead", "caption", "a", "b", "h1", "h2", "option", "optgroup", "select", "button",
                                      "body", "head", "html", "svg", "math", "g", "text", "rect", "circle", "path",
                                      "script", "style", "textarea", "title", "noscript", "template", "img", "br", "meta",
                                      "foo", "x-y", "DIV", "Svg", "TEXT", "Script", "custom-el", "span", "object"};
  static const char* const kAttrs[] = {"id", "ID", "name", "alt", "src", "href", "HREF", "content", "class", "style",
                                       "data-x", "x", "d", "iD", "nam", "names", "i", "hrefs", "=x", "a:b"};
  static const char* const kValues[] = {"", "x", "a&amp;b", "&copy2023", "a?b=1&c=2", "&#171;&#x2014;&#150;", "&notit;",
                                        "\xD0\xBF\xD1\x80\xD0\xB8", "a b", "'q'", "\"d\"", "&lt;p&gt;", "&#0;", "&;"};
  static const char* const kText[] = {"text", " ", "\n", "\r\n", "\r", "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82",
                                      "a<b", "&amp;", "&nbsp;", "<", ">", "\t", "\xE2\x80\x94", "\xF0\x9F\x98\x80", "&"};
  static const char* const kSpecial[] = {"<!-- c -->", "<!-- a --!> b -->", "<!-->", "<!--->", "<!---->", "<!doctype html>",
                                         "<!DOCTYPE html>", "<?xml v?>", "</>", "</ x>", "</3>", "<!x>", "</script>",
                                         "</style>", "</textarea>", "</title>", "</Script >", "<!--", "--!>", "-->",
                                         "\xEF\xBB\xBF", "\xFF", "\xC0\xAF", "\xED\xA0\x80", "/>", "<", "</"};
  auto pick = [&](const auto& list) { return std::string(list[rng() % std::size(list)]); };
  std::string out;
  if (rng() % 8 == 0) out += "\xEF\xBB\xBF";
  int pieces = 1 + static_cast<int>(rng() % 60);
  if (rng() % 40 == 0) pieces = 600;  // deep nesting, past kMaxDepth
  for (int k = 0; k < pieces; ++k) {
    switch (rng() % 8) {
      case 0: case 1: case 2: {
        out += "<" + pick(kTags);
        for (int n = static_cast<int>(rng() % 5); n > 0; --n) {
          out += rng() % 4 ? " " : rng() % 2 ? "\n" : "/";
          out += pick(kAttrs);
          switch (rng() % 5) {
            case 0: break;
            case 1: out += "=" + pick(kValues); break;
            case 2: out += "=\"" + pick(kValues) + "\""; break;
            case 3: out += " = '" + pick(kValues) + "'"; break;
            default: out += "=\"" + pick(kValues); break;  // unterminated quote
          }
        }
        out += rng() % 6 == 0 ? "/>" : rng() % 20 == 0 ? "" : ">";
        break;
      }
      case 3: out += "</" + pick(kTags) + (rng() % 5 ? ">" : " x=1>"); break;
      case 4: case 5: out += pick(kText); break;
      case 6: out += pick(kSpecial); break;
      default: {
        std::string bytes;
        for (int n = static_cast<int>(rng() % 4); n >= 0; --n) bytes += static_cast<char>(rng());
        out += bytes;
      }
    }
  }
  // Mutations: a byte changed, a run cut out, the end cut off.
  for (int n = static_cast<int>(rng() % 3); n > 0 && !out.empty(); --n) {
    size_t at = rng() % out.size();
    if (rng() % 2) out[at] = static_cast<char>(rng());
    else out.erase(at, rng() % 8);
  }
  if (rng() % 4 == 0 && !out.empty()) out.resize(rng() % out.size());
  return out;
}

// The elements of parse_html(page) in document order, each with only the attributes `asked` and its position;
// and what visit_elements gives for the same page, position asked for all but every third element.
std::string parsed_elements(const std::string& page, const std::vector<std::string_view>& asked) {
  std::string out;
  size_t k = 0;
  for (const HtmlNode& n : parse_html(page).nodes) {
    if (n.type != HtmlNode::Type::element) continue;
    out += n.tag;
    for (const HtmlAttr& a : n.attrs)
      if (std::find(asked.begin(), asked.end(), a.name) != asked.end()) out += " " + a.name + "=" + a.value;
    if (k++ % 3 != 2) out += " @" + std::to_string(n.pos.line) + ":" + std::to_string(n.pos.column);
    out += "\n";
  }
  return out;
}

std::string visited_elements(const std::string& page, const std::vector<std::string_view>& asked) {
  std::string out;
  size_t k = 0;
  visit_elements(page, asked, [&](const HtmlNode& n, const ElementPlace& at) {
    // The node is an element as parse_html makes it, without a place in a tree.
    CHECK((n.type == HtmlNode::Type::element && n.parent == -1 && n.end == 0 && n.children.empty() && n.text.empty()));
    out += n.tag;
    for (const HtmlAttr& a : n.attrs) out += " " + a.name + "=" + a.value;
    if (k++ % 3 != 2) {
      TextPos p = at();
      out += " @" + std::to_string(p.line) + ":" + std::to_string(p.column);
    }
    out += "\n";
  });
  return out;
}

}  // namespace

TEST_CASE("visit_elements: the same elements as parse_html on malformed markup, hand-picked and generated") {
  std::string deep;
  for (int i = 0; i < HtmlDocument::kMaxDepth + 40; ++i) deep += i % 2 ? "<custom-el id=c" + std::to_string(i) + ">" : "<b>";
  std::vector<std::string> pages = {
      deep + "</custom-el></custom-el><a href=z>",
      "<P ID=a><Div Id=b NAME=c id=dup>x</DIV></p><p/><br/></br><img src=a src=b alt>",
      "<a href=x <b id=y>cut",
      "<a href='unterminated><b id=z>",
      "<script>if (a</scrip && b<c) '<p id=no>'</SCRIPT ><p id=yes><style>x</style/><textarea id=t><a id=no></textarea>",
      "<title><b id=no></title ><iframe><a id=no></iframe><noscript><a id=no></noscript><xmp><a id=no></xmp>",
      "<script>never closed <a id=no>",
      "<!-- a --!> <p id=after-bang> <!-- b -- > still --> <!--> <p id=x> <!---> <!----> <!-- unclosed <p id=no>",
      "<!doctype html><!DOCTYPE x><?xml version='1.0'?><p id=p1></><p id=p2></ p><p id=p3></3><p id=p4>",
      "<svg><rect id=r/><text id=t>label<tspan/></text><circle/></svg><p/><math><mi/></math><div/>x",
      "<svg><script id=s><a id=in-svg-script></script></svg><SVG><Script>x</Script></SVG>",
      "\xEF\xBB\xBF<p id=bom>\xEF\xBB\xBF<b id=inner>",
      "\xEF\xBB\xBF\xEF\xBB\xBF<p id=double-bom>",
      "<p id=invalid>\xD0\xFF\xC0\xAF\xED\xA0\x80</p><p id=after>",
      "<table><tr><td id=1><td id=2><tr><th id=3></table><ul><li id=4><li id=5></ul><dl><dt><dd id=6></dl>",
      "<select><option id=o1><option id=o2><optgroup id=g1><option><optgroup id=g2></select>",
      "<a href=\"a?b=1&c=2&copy=3&amp;&#171;&#x2014;&#150;&notit;&copy2023\" id=&quot;q&quot;>",
      "<a\nhref\n=\n\"x\"\nid = y\tname=\f'z'/alt/>",
      "<p =x id=a>< p><3<a/ href=b><",
      "<foo-bar id=f><foo-bar id=g></foo-bar></FOO-BAR></foo-bar><x-y><x-Y></x-y>",
      "<div><p>a<h1>b<h2>c</h1>d</p></div><button><p>e</button>",
      "<p",
      "<p id=",
      "<p id=\"",
      "</",
      "<",
  };
  std::mt19937 rng(20240607);
  for (int k = 0; k < 3000; ++k) pages.push_back(random_markup(rng));
  const std::vector<std::vector<std::string_view>> lists = {
      {"id", "name", "alt", "src", "href", "content"}, {}, {"class", "data-x", "=x", "a:b", "d"}};
  int differences = 0;
  for (const std::string& page : pages)
    for (const auto& asked : lists)
      if (visited_elements(page, asked) != parsed_elements(page, asked) && ++differences <= 5)
        FAIL_CHECK("visit_elements and parse_html differ on: " << page);
  CHECK(differences == 0);
}
