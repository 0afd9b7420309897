#include "render/openness_page.h"

#include <algorithm>
#include <set>

#include <fmt/compile.h>
#include <fmt/format.h>

#include "load/food_loader.h"
#include "model/links.h"
#include "render/html.h"
#include "render/template_data.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

using data = TemplateValue;

namespace {

data list() { return data(data::type::list); }

// Every key is set, «has_…» as booleans: Mustache looks a missing key up in the enclosing contexts,
// so a value without itemprop inside a row would otherwise take the row's.
data value_data(const std::string& itemprop, const std::string& text, const std::string& href) {
  data d;
  d.set("text", text);
  d.set("itemprop", itemprop);
  d.set("has_itemprop", !itemprop.empty());
  d.set("href", href);
  d.set("has_href", !href.empty());
  d.set("note", "");
  d.set("has_note", false);
  d.set("signature_href", "");
  d.set("has_signature", false);
  d.set("signed", "");
  d.set("has_signed", false);
  return d;
}

class PageBuilder {
 public:
  PageBuilder(const School& s, const OpennessVocabulary& v, const std::string& root, const Date& as_of)
      : s_(s), v_(v), root_(root), as_of_(as_of) {}

  OpennessPage build(const OpenSubsection& sub) {
    OpennessPage page;
    for (const auto& f : sub.fields) {
      if (f.kind == OpenField::Kind::rows) {
        for (auto& table : tables(f, page)) append(page.blocks, std::move(table));
        continue;
      }
      data values = field_values(f, top_value(f));
      data block;
      block.set("is_field", true);
      block.set("label", f.label);
      if (!values.is_non_empty_list()) {
        values = absent(f);
        if (!f.optional) page.missing.push_back(f.label);
      }
      put(block, "values", std::move(values));
      append(page.blocks, std::move(block));
    }
    page.documents = std::move(shown_);
    return page;
  }

  // The labels of the subsection's required information the school's data lacks: what build() would
  // write «отсутствует» for, decided by the same selections, without making the page.
  std::vector<std::string> missing(const OpenSubsection& sub) const {
    std::vector<std::string> out;
    for (const auto& f : sub.fields) {
      if (f.optional) continue;
      OpenRow fallback;
      bool present = f.kind == OpenField::Kind::rows ? !select_rows(f, fallback).empty() : has_values(f, top_value(f));
      if (!present) out.push_back(f.label);
    }
    return out;
  }

 private:
  // The cell of a top-level value or link: school.<column> or info.<column>.
  std::string top_value(const OpenField& f) const {
    if (f.kind != OpenField::Kind::value && f.kind != OpenField::Kind::link) return {};
    auto dot = f.source.find('.');
    std::string where = f.source.substr(0, dot), column = f.source.substr(dot + 1);
    if (where == "info") {
      auto it = s_.info.find(column);
      return it == s_.info.end() ? std::string() : it->second;
    }
    if (column == "name") return typographic_quotes(s_.name);
    if (column == "short_name") return typographic_quotes(s_.short_name);
    if (column == "address") return s_.address;
    if (column == "phone") return s_.phone;
    if (column == "email") return s_.email;
    if (column == "website") return s_.website;
    if (column == "director") return s_.director;
    return {};
  }

  data value(const std::string& itemprop, const std::string& text, const std::string& href = "") const {
    return value_data(itemprop, text, href);
  }

  // The values of one field (top-level or a row's child) from its cell text.
  data field_values(const OpenField& f, const std::string& cell) const {
    data out = list();
    switch (f.kind) {
      case OpenField::Kind::value:
        if (!cell.empty()) append(out, value(f.itemprop, cell));
        break;
      case OpenField::Kind::link: {
        if (f.food && !s_.food.empty()) {
          out = food_links(s_, root_, as_of_, f.itemprop);
          break;
        }
        std::vector<std::string> parts = link_parts(f, cell);
        for (size_t k = 0; k < parts.size(); ++k) append(out, link(f, parts[k], parts.size() > 1 ? k + 1 : 0));
        break;
      }
      case OpenField::Kind::links: {
        std::set<std::string> levels = school_levels(s_, v_);
        for (const auto& l : v_.lists.at(f.source))
          if (listed(l, levels)) append(out, value(f.itemprop, l.text, safe_external_url(l.url)));
        break;
      }
      case OpenField::Kind::document:
        for (const auto& d : s_.documents)
          if (shows(f, d)) append(out, document(f.itemprop, d));
        break;
      case OpenField::Kind::rows: break;
    }
    return out;
  }

  // Whether field_values() gives the field any value: the same selections, no page data made.
  bool has_values(const OpenField& f, const std::string& cell) const {
    switch (f.kind) {
      case OpenField::Kind::value: return !cell.empty();
      case OpenField::Kind::link: return (f.food && !s_.food.empty()) || !link_parts(f, cell).empty();
      case OpenField::Kind::links: {
        std::set<std::string> levels = school_levels(s_, v_);
        const auto& entries = v_.lists.at(f.source);
        return std::any_of(entries.begin(), entries.end(), [&](const OpenLink& l) { return listed(l, levels); });
      }
      case OpenField::Kind::document:
        return std::any_of(s_.documents.begin(), s_.documents.end(), [&](const Document& d) { return shows(f, d); });
      case OpenField::Kind::rows: break;
    }
    return false;
  }

  // The files or addresses a link cell names: one, or several separated by «;» where the field is a list.
  static std::vector<std::string> link_parts(const OpenField& f, const std::string& cell) {
    std::vector<std::string> parts = f.list ? split_list(cell) : std::vector<std::string>{cell};
    std::erase(parts, std::string());
    return parts;
  }

  // Whether a list entry of the vocabulary (a federal standard, an adapted programme's) applies to the school.
  bool listed(const OpenLink& l, const std::set<std::string>& levels) const {
    return l.programme_contains.empty() ? levels.count(l.level) > 0 : runs_programme(l);
  }

  // Whether a `document:` field shows the document: its kind, or for «other» a document no field shows.
  bool shows(const OpenField& f, const Document& d) const {
    return f.source == "other" ? !shown_kind(d.kind) && !s_.links_file(d.file) : d.kind == f.source;
  }

  // A link's text says what the document is: its title from data/documents.csv, or the field's label
  // (numbered when the cell names several files); never a file name (п. 4 приказа 1493).
  data link(const OpenField& f, const std::string& target, size_t number) const {
    if (is_web_address(target)) return value(f.itemprop, f.link_text.empty() ? target : f.link_text, safe_external_url(target));
    for (const auto& d : s_.documents)
      if (d.file == target) return document(f.itemprop, d);
    auto it = s_.files.find(target);
    std::string text = f.link_text.empty() ? f.label : f.link_text;
    if (number > 0) text += fmt::format(FMT_COMPILE(", документ {}"), number);
    if (it != s_.files.end()) text += fmt::format(FMT_COMPILE(" ({}, {})"), it->second.format, format_file_size(it->second.bytes));
    return value(f.itemprop, text, root_ + "documents/" + escape_url_path(target));
  }

  data document(const std::string& itemprop, const Document& d) const {
    shown_.push_back(&d);
    return document_link(d, s_.files, root_ + "documents/", itemprop);
  }

  data absent(const OpenField& f) const {
    data out = list();
    append(out, value(f.itemprop, f.absent));
    return out;
  }

  // Whether some `document:` field of the vocabulary shows documents of this kind.
  bool shown_kind(const std::string& kind) const {
    for (const auto& sub : v_.subsections)
      for (const auto& f : sub.fields)
        if (f.kind == OpenField::Kind::document && f.source == kind) return true;
    return false;
  }

  // Whether the school runs a programme whose name contains the entry's words (an adapted programme).
  bool runs_programme(const OpenLink& l) const {
    auto it = s_.open.find("programmes");
    if (it == s_.open.end()) return false;
    for (const auto& row : it->second) {
      auto name = row.find("name"), level = row.find("level");
      if (name == row.end() || (!l.level.empty() && (level == row.end() || level->second != l.level))) continue;
      if (lower_text(name->second).find(l.programme_contains) != std::string::npos) return true;
    }
    return false;
  }

  // The rows of a table field: the school's rows that match the field's `where`, or, with none, one row made of
  // what the site knows elsewhere (`fallback`, which must outlive the result).
  std::vector<const OpenRow*> select_rows(const OpenField& f, OpenRow& fallback) const {
    std::vector<const OpenRow*> rows;
    if (auto it = s_.open.find(f.source); it != s_.open.end())
      for (const auto& row : it->second) {
        bool match = true;
        for (const auto& [col, want] : f.where) {
          auto c = row.find(col);
          match = match && c != row.end() && c->second == want;
        }
        if (match) rows.push_back(&row);
      }
    if (rows.empty() && !f.fallback.empty()) {
      // What the site knows elsewhere is never «отсутствует»: the director of schools.csv, say.
      for (const auto& [column, source] : f.fallback) {
        OpenField field;
        field.kind = OpenField::Kind::value;
        field.source = source;
        std::string text = source.rfind("school.", 0) == 0 ? top_value(field) : source;
        if (!text.empty()) fallback[column] = text;
      }
      if (fallback.count(f.children.empty() ? "" : f.children.front().source)) rows.push_back(&fallback);
    }
    return rows;
  }

  // One table per field, or per group (pedagogical staff by programme); never none.
  std::vector<data> tables(const OpenField& f, OpennessPage& page) const {
    OpenRow fallback;
    std::vector<const OpenRow*> rows = select_rows(f, fallback);
    if (rows.empty() && !f.optional) page.missing.push_back(f.label);
    if (f.group_by.empty() || rows.empty()) return {table(f, f.label, rows)};
    std::vector<std::string> groups;  // in order of first mention
    for (const OpenRow* r : rows) {
      auto c = r->find(f.group_by);
      std::vector<std::string> names = c == r->end() ? std::vector<std::string>{""} : split_list(c->second);
      for (const auto& n : names)
        if (std::find(groups.begin(), groups.end(), n) == groups.end()) groups.push_back(n);
    }
    std::vector<data> out;
    for (const auto& g : groups) {
      std::vector<const OpenRow*> in;
      for (const OpenRow* r : rows) {
        auto c = r->find(f.group_by);
        std::vector<std::string> names = c == r->end() ? std::vector<std::string>{""} : split_list(c->second);
        if (std::find(names.begin(), names.end(), g) != names.end()) in.push_back(r);
      }
      std::string caption = g.empty() ? f.label + ": образовательная программа не указана"
                                      : fmt::format(FMT_COMPILE("{}: {}"), f.label, typographic_quotes(g));
      out.push_back(table(f, caption, in));
    }
    return out;
  }

  data table(const OpenField& f, const std::string& caption, const std::vector<const OpenRow*>& rows) const {
    data t;
    t.set("is_table", true);
    t.set("caption", caption);
    data headers = list();
    bool numbered = f.children.size() == 1;  // a list of addresses: «№ п/п | адрес», as in МР
    if (numbered) append(headers, data("label", "№ п/п"));
    for (const auto& c : f.children) append(headers, data("label", c.label));
    put(t, "headers", std::move(headers));
    data body = list();
    auto row_data = [&](data cells) {
      data r;
      r.set("row_itemprop", f.itemprop);
      r.set("has_row_itemprop", !f.itemprop.empty());
      put(r, "cells", std::move(cells));
      return r;
    };
    size_t n = 0;
    for (const OpenRow* row : rows) {
      data cells = list();
      if (numbered) append(cells, cell_data("№ п/п", list_of(value("", std::to_string(++n)))));
      for (const auto& c : f.children) {
        auto it = row->find(c.source);
        std::string cell = it == row->end() ? std::string() : it->second;
        // Several values of one cell, one per line: «2025 — курсы…», «2024 — …».
        if (c.kind == OpenField::Kind::value && c.list) cell = fmt::format(FMT_COMPILE("{}"), fmt::join(split_list(cell), ";\n"));
        data values = field_values(c, cell);
        if (!values.is_non_empty_list()) values = absent(c);
        append(cells, cell_data(c.label, std::move(values)));
      }
      append(body, row_data(std::move(cells)));
    }
    if (rows.empty()) {
      // Nothing to list: the first row says so in every cell, marked up (МР v9, «Международное сотрудничество»).
      data cells = list();
      if (numbered) append(cells, cell_data("№ п/п", list_of(value("", "—"))));
      for (const auto& c : f.children) {
        OpenField word = c;
        word.absent = f.absent;
        append(cells, cell_data(c.label, absent(word)));
      }
      append(body, row_data(std::move(cells)));
    }
    put(t, "rows", std::move(body));
    return t;
  }

  // A cell knows its column's label, so that a phone can show each row as a card.
  static data cell_data(const std::string& label, data values) {
    data c;
    c.set("label", label);
    put(c, "values", std::move(values));
    return c;
  }

  static data list_of(data item) {
    data l = list();
    append(l, std::move(item));
    return l;
  }

  const School& s_;
  const OpennessVocabulary& v_;
  const std::string& root_;
  mutable std::vector<const Document*> shown_;
  Date as_of_;
};

}  // namespace

// «Подписан простой электронной подписью: Соколова Т. П., директор; ключ 7F3A…; действителен с 10 января
// 2025 г. по 9 января 2026 г.; дата подписания 29 августа 2025 г.»: what the clarifications ask a reader to see.
static std::string lower_first(const std::string& s) {
  size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return lower_text(s.substr(0, n)) + s.substr(n);
}

static std::string signature_note(const Signature& s) {
  static const std::map<std::string, std::string> kKinds = {
      {"ПЭП", "простой электронной подписью"},
      {"УНЭП", "усиленной неквалифицированной электронной подписью"},
      {"УКЭП", "усиленной квалифицированной электронной подписью"}};
  auto kind = kKinds.find(s.kind);
  std::vector<std::string> parts;
  std::string who = s.signer;
  if (!s.post.empty()) who += (who.empty() ? "" : ", ") + lower_first(s.post);
  if (!who.empty()) parts.push_back(who);
  if (!s.certificate.empty()) parts.push_back(fmt::format(FMT_COMPILE("{} {}"), s.kind == "ПЭП" ? "ключ" : "сертификат", s.certificate));
  if (s.valid_from && s.valid_to)
    parts.push_back(fmt::format(FMT_COMPILE("действителен с {} по {}"), format_date(*s.valid_from), format_date(*s.valid_to)));
  if (s.signed_on) parts.push_back(fmt::format(FMT_COMPILE("дата подписания {}"), format_date(*s.signed_on)));
  return fmt::format(FMT_COMPILE("Подписан {}: {}"), kind == kKinds.end() ? "электронной подписью" : kind->second, fmt::join(parts, "; "));
}

std::set<std::string> school_levels(const School& s, const OpennessVocabulary& v) {
  std::set<std::string> levels;
  if (auto it = s.open.find("programmes"); it != s.open.end())
    for (const auto& row : it->second)
      if (auto l = row.find("level"); l != row.end()) levels.insert(l->second);
  if (levels.empty())
    for (const auto& [name, links] : v.lists)
      for (const auto& l : links)
        if (std::find(l.kinds.begin(), l.kinds.end(), s.kind) != l.kinds.end()) levels.insert(l.level);
  return levels;
}

data food_links(const School& s, const std::string& root, const Date& as_of, const std::string& itemprop) {
  data out = list();
  if (const MenuFile* day = menu_of_the_day(s, as_of))
    append(out, value_data(itemprop,
                             fmt::format(FMT_COMPILE("Меню на {} ({}, {})"), format_date(*day->date), day->file.format,
                                         format_file_size(day->file.bytes)),
                             root + "food/" + escape_url_path(day->file.path)));
  append(out, value_data(itemprop,
                           fmt::format(FMT_COMPILE("Все меню: папка food ({})"),
                                       count_noun(static_cast<long long>(s.food.size()), "файл", "файла", "файлов")),
                           root + "food/index.html"));
  return out;
}

data document_link(const Document& d, const std::map<std::string, PublishedFile>& files, const std::string& prefix,
                   const std::string& itemprop) {
  std::string href, text = typographic_quotes(d.title);
  if (is_web_address(d.file)) {
    href = safe_external_url(d.file);
  } else {
    href = prefix + escape_url_path(d.file);
    auto it = files.find(d.file);
    if (it != files.end()) text += fmt::format(FMT_COMPILE(" ({}, {})"), it->second.format, format_file_size(it->second.bytes));
  }
  data v = value_data(itemprop, text, href);
  std::vector<std::string> notes;
  if (d.date) notes.push_back(fmt::format(FMT_COMPILE("от {}"), format_date(*d.date)));
  if (!d.number.empty()) notes.push_back(fmt::format(FMT_COMPILE("№{}{}"), std::string(kNbsp), d.number));
  if (d.signed_with.any()) {
    v.set("signed", signature_note(d.signed_with));
    v.set("has_signed", true);
  }
  if (!notes.empty()) {
    v.set("note", fmt::format(FMT_COMPILE("{}"), fmt::join(notes, ", ")));
    v.set("has_note", true);
  }
  if (!d.signature.empty() && !is_web_address(d.signature)) {
    v.set("signature_href", prefix + escape_url_path(d.signature));
    v.set("signature_text", "Файл электронной подписи (SIG)");
    v.set("has_signature", true);
  }
  return v;
}

std::optional<Date> latest_document_date(const std::vector<const Document*>& shown, const Date& as_of) {
  std::optional<Date> latest;
  for (const Document* d : shown)
    for (const auto& date : {d->date, d->signed_with.signed_on})
      if (date && *date <= as_of && (!latest || *latest < *date)) latest = date;
  return latest;
}

std::string format_file_size(size_t bytes) {
  if (bytes >= 1024 * 1024) return format_decimal(static_cast<double>(bytes) / (1024.0 * 1024.0), 1) + std::string(kNbsp) + "МБ";
  size_t kb = std::max<size_t>(1, (bytes + 1023) / 1024);
  return format_count(static_cast<long long>(kb)) + std::string(kNbsp) + "КБ";
}

std::vector<MissingInformation> missing_information(const Municipality& m, const OpennessVocabulary& v) {
  std::vector<MissingInformation> out;
  for (size_t i = 0; i < m.site_count(); ++i) {
    if (!m.site_owner(i).own_site) continue;  // a branch described in its head school's section
    MissingInformation info;
    info.school = i;
    for (const auto& sub : v.subsections) {
      auto missing = PageBuilder(m.site_owner(i), v, "", m.site.as_of).missing(sub);
      if (!missing.empty()) info.by_subsection.emplace_back(sub.title, std::move(missing));
    }
    if (!info.by_subsection.empty()) out.push_back(std::move(info));
  }
  return out;
}

OpennessPage openness_page(const School& s, const OpenSubsection& sub, const OpennessVocabulary& v, const std::string& root,
                           const Date& as_of) {
  return PageBuilder(s, v, root, as_of).build(sub);
}

}  // namespace sveden
