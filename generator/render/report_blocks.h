// The building blocks every printed report is made of (render/pages/report_page.cc and the report builders,
// render/monitoring_report.cc): a section's paragraphs, lists, numbered tables and figures, and the
// numbered sections themselves, each rendered as soon as it is complete.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include "render/template_value.h"

#include "render/html.h"
#include "render/template_data.h"
#include "russian/typography.h"

namespace sveden {

// The blocks of one section: paragraphs, lists, numbered tables and figures.
class Blocks {
 public:
  using data = TemplateValue;
  Blocks(int& tables, int& figures) : tables_(tables), figures_(figures) {}

  Blocks& text(const std::string& plain) {
    data b;
    b.set("is_text", true);
    put(b, "html", "<p>" + escape_html(bind_units(plain)) + "</p>");
    append(list_, std::move(b));
    return *this;
  }
  Blocks& html(const std::string& html) {
    data b;
    b.set("is_text", true);
    put(b, "html", bind_units(html));
    append(list_, std::move(b));
    return *this;
  }
  Blocks& heading(const std::string& title) {
    data b;
    b.set("is_heading", true);
    b.set("title", bind_units(title));
    append(list_, std::move(b));
    return *this;
  }
  // A list whose items may have their own list (the rules inside a rule).
  struct ListItem {
    std::string text;
    std::vector<std::string> sub;
  };
  Blocks& items(const std::vector<std::string>& texts) {
    std::vector<ListItem> flat;
    for (const auto& i : texts) flat.push_back({i, {}});
    return items(flat);
  }
  Blocks& items(const std::vector<ListItem>& items) {
    if (items.empty()) return *this;
    data b, l = tlist();
    for (const auto& i : items) {
      data item("text", bind_units(i.text));
      if (!i.sub.empty()) {
        data sub = tlist();
        for (const auto& s : i.sub) append(sub, data("text", bind_units(s)));
        item.set("sub", sub);
        item.set("has_sub", true);
      }
      append(l, std::move(item));
    }
    b.set("is_list", true);
    put(b, "items", std::move(l));
    append(list_, std::move(b));
    return *this;
  }
  // `rows`: cells as text; the first cell of a row is its header cell. `kind`: a class of report.css that
  // sets the columns' widths where the automatic layout makes a long text's column too narrow.
  Blocks& table(const std::string& caption, const std::vector<std::string>& headers,
                const std::vector<std::vector<std::string>>& rows, const std::string& kind = "") {
    data b, h = tlist(), r = tlist();
    for (const auto& x : headers) append(h, data("text", bind_units(x)));
    for (const auto& row : rows) {
      data cells = tlist();
      for (size_t i = 0; i < row.size(); ++i) {
        data c;
        put(c, "text", bind_units(row[i]));
        c.set("is_head", i == 0 && !row[i].empty());  // an empty first cell is no header
        append(cells, std::move(c));
      }
      data row_data;
      put(row_data, "cells", std::move(cells));
      append(r, std::move(row_data));
    }
    b.set("is_table", true);
    b.set("number", std::to_string(++tables_));
    b.set("caption", bind_units(caption));
    put(b, "headers", std::move(h));
    put(b, "rows", std::move(r));
    if (!kind.empty()) b.set("kind", kind);
    append(list_, std::move(b));
    return *this;
  }
  Blocks& figure(const std::string& caption, const std::string& chart) {
    if (chart.empty()) return *this;
    data b;
    b.set("is_figure", true);
    b.set("number", std::to_string(++figures_));
    b.set("caption", bind_units(caption));
    put(b, "chart", bind_units(chart));  // its description and labels: text like the rest
    append(list_, std::move(b));
    return *this;
  }
  data take() { return std::move(list_); }
  // Blocks taken before, their tables and figures numbered again on from `tables` and `figures`, in the order
  // they were made: a school's profile in its own report and in a volume of profiles (render/school_report.h).
  static void number_on(data& blocks, int& tables, int& figures) {
    for (data& block : blocks.list_items()) {
      auto is = [&block](const char* kind) {
        const data* v = block.get(kind);
        return v && v->is_true();
      };
      if (is("is_table")) block.set("number", std::to_string(++tables));
      else if (is("is_figure")) block.set("number", std::to_string(++figures));
    }
  }

 private:
  int& tables_;
  int& figures_;
  data list_ = tlist();
};

// The numbered sections of a report. Each is rendered (template report_section) as soon as it is
// complete, and only its number, title and HTML are kept: the report of all school profiles of a
// big municipality would otherwise hold thousands of tables' data at once. The sections' HTML is held
// here once, not in the template's data: the report template gets a marker per section, and splice()
// puts each section's HTML in place of its marker. Mustache data is copied whole when it is set or
// grows (55 MB of sections at 500 schools were held four times over, docs/PERFORMANCE.md).
class ReportSections {
 public:
  using data = TemplateValue;
  using Render = std::function<std::string(const data&)>;
  ReportSections(Render render, bool break_sections) : render_(std::move(render)), break_(break_sections) {}

  // A numbered section; inside a group, a part of the group's section under its own heading.
  void add(const std::string& title, data blocks) {
    if (!group_title_.empty()) {
      data h;
      h.set("is_heading", true);
      h.set("title", bind_units(title));
      append(group_, std::move(h));
      for (auto& x : blocks.list_items()) group_.push_back(std::move(x));
      return;
    }
    emit(title, std::move(blocks), false);
  }
  // «Приложение 1. …»: after the numbered sections, in the contents as they are.
  void add_appendix(const std::string& title, data blocks) { emit(title, std::move(blocks), true); }
  // The sections added until close_group() become one section titled `title`.
  void open_group(const std::string& title) {
    group_title_ = title;
    group_ = tlist();
  }
  void close_group() {
    std::string title = std::move(group_title_);
    group_title_.clear();
    emit(title, std::move(group_), false);
    group_ = tlist();
  }
  // The sections for the report template; its `html` is a marker until splice().
  data take() { return std::move(list_); }
  // The rendered report with each section's HTML in place of its marker (a marker is made of control
  // characters, which no input and no escaping produces). Frees the sections.
  std::string splice(const std::string& rendered) {
    std::string out;
    for (int pass = 0; pass < 2; ++pass) {  // the first measures, so the report is allocated once
      size_t size = 0;
      auto put = [&](const std::string& s, size_t from, size_t count) {
        if (pass) out.append(s, from, count);
        size += count;
      };
      for (size_t at = 0; at < rendered.size();) {
        size_t open = rendered.find(kMarkerOpen, at);
        if (open == std::string::npos) {
          put(rendered, at, rendered.size() - at);
          break;
        }
        size_t close = rendered.find(kMarkerClose, open);
        size_t k = close == std::string::npos ? html_.size() : marker_index(rendered, open + 1, close);
        if (k < html_.size()) {
          put(rendered, at, open - at);
          put(html_[k], 0, html_[k].size());
          at = close + 1;
        } else {  // not a marker of ours: kept as it is
          put(rendered, at, open + 1 - at);
          at = open + 1;
        }
      }
      if (!pass) out.reserve(size);
    }
    std::vector<std::string>().swap(html_);
    return out;
  }

 private:
  static constexpr char kMarkerOpen = '\x01', kMarkerClose = '\x02';
  static std::string marker(size_t k) { return kMarkerOpen + std::to_string(k) + kMarkerClose; }
  static size_t marker_index(const std::string& s, size_t from, size_t to) {
    size_t k = 0;
    if (from == to) return static_cast<size_t>(-1);
    for (size_t i = from; i < to; ++i) {
      if (s[i] < '0' || s[i] > '9') return static_cast<size_t>(-1);
      k = k * 10 + static_cast<size_t>(s[i] - '0');
    }
    return k;
  }

  void emit(const std::string& heading, data blocks, bool appendix) {
    std::string title = bind_units(heading);
    size_t n = appendix ? ++appendices_ : ++count_;
    std::string number = appendix ? fmt::format("Приложение{}{}", kNbsp, n) : std::to_string(n);
    std::string id = std::string(appendix ? "a" : "s").append(std::to_string(n));
    data s;
    s.set("number", number);
    s.set("id", id);
    s.set("title", title);
    s.set("break_sections", break_);
    put(s, "blocks", std::move(blocks));
    data kept;
    kept.set("number", number);
    kept.set("id", id);
    kept.set("title", title);
    put(kept, "html", marker(html_.size()));
    html_.push_back(render_(s));
    append(list_, std::move(kept));
  }

  Render render_;
  std::vector<std::string> html_;  // each section's HTML, in order
  bool break_;
  size_t count_ = 0, appendices_ = 0;
  data list_ = tlist();
  std::string group_title_;
  data group_ = tlist();
};

}  // namespace sveden
