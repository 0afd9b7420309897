// Reads vocab/sveden.yaml into OpennessVocabulary and checks it against the table vocabulary: every
// column a field names exists, every document kind is a value of the `document_kind` list.
#include "load/openness_vocabulary.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "load/embedded_files.h"
#include "load/vocabulary.h"
#include "load/yaml_reader.h"
#include "model/openness.h"

namespace sveden {
namespace {

class OpennessParser {
 public:
  OpennessParser(const SourceText& src, Diagnostics& diag) : src_(src), diag_(diag), tables_(builtin_vocabulary()) {}

  OpennessVocabulary parse(const YamlNode& root) {
    OpennessVocabulary v;
    YamlMapReader r(root, src_, diag_, "vocab/sveden.yaml", true);
    v.title = r.text("title", true).value_or("");
    v.path = r.text("path", true).value_or("");
    v.absent = r.text("absent", true).value_or("");
    if (const YamlNode* m = r.node("ministries", true)) v.ministries = links(*m, r);
    v.unsigned_kinds = r.text_list("unsigned_kinds").value_or(std::vector<std::string>{});
    if (const YamlNode* lists = r.free_map("lists"))
      for (const auto& [k, list] : lists->entries) v.lists[k.value] = links(list, r);
    if (const YamlNode* skipped = r.node("not_emitted"))
      for (const auto& item : skipped->items) {
        YamlMapReader nr(item, src_, diag_, "not_emitted");
        NotEmitted n;
        n.path = nr.text("path", true).value_or("");
        n.itemprop = nr.text("itemprop", true).value_or("");
        n.parent = nr.text("parent").value_or("");
        n.reason = nr.text("reason", true).value_or("");
        nr.finish();
        v.not_emitted.push_back(std::move(n));
      }
    const YamlNode* subs = r.node("subsections", true);
    r.finish();
    if (!subs) return v;
    for (const auto& item : subs->items) {
      YamlMapReader sr(item, src_, diag_, "subsection");
      OpenSubsection s;
      s.path = sr.text("path", true).value_or("");
      s.title = sr.text("title", true).value_or("");
      s.source = sr.text("source", true).value_or("");
      if (const YamlNode* fields = sr.node("fields", true))
        for (const auto& f : fields->items) s.fields.push_back(field(f, v, nullptr, false));
      sr.finish();
      v.subsections.push_back(std::move(s));
    }
    return v;
  }

 private:
  std::vector<OpenLink> links(const YamlNode& list, YamlMapReader& parent) {
    std::vector<OpenLink> out;
    for (const auto& item : list.items) {
      YamlMapReader lr(item, src_, diag_, "link");
      OpenLink l;
      l.text = lr.text("text", true).value_or("");
      l.url = lr.text("url", true).value_or("");
      l.level = lr.text("level").value_or("");
      l.kinds = lr.text_list("kinds").value_or(std::vector<std::string>{});
      l.programme_contains = lr.text("programme_contains").value_or("");
      lr.finish();
      out.push_back(std::move(l));
    }
    return out;
  }

  // `table` is the row table of the parent field for children (null for tables the loader makes).
  OpenField field(const YamlNode& node, const OpennessVocabulary& v, const TableSpec* table, bool child) {
    YamlMapReader fr(node, src_, diag_, "field");
    OpenField f;
    f.itemprop = fr.text("itemprop", true).value_or("");
    f.label = fr.text("label", true).value_or("");
    f.optional = fr.boolean("optional").value_or(false);
    f.list = fr.boolean("list").value_or(false);
    f.or_text = fr.boolean("or_text").value_or(false);
    f.universities_only = fr.boolean("universities_only").value_or(false);
    f.absent = fr.text("absent").value_or(v.absent);
    f.link_text = fr.text("text").value_or("");
    f.food = fr.boolean("food").value_or(false);
    static const std::pair<const char*, OpenField::Kind> kKinds[] = {
        {"value", OpenField::Kind::value}, {"link", OpenField::Kind::link}, {"links", OpenField::Kind::links},
        {"document", OpenField::Kind::document}, {"rows", OpenField::Kind::rows}};
    int kinds = 0;
    for (const auto& [key, kind] : kKinds)
      if (auto s = fr.text(key)) {
        f.kind = kind;
        f.source = *s;
        ++kinds;
      }
    if (kinds != 1) fr.error_at(node, "a field has exactly one of value, link, links, document, rows", "");
    if (const YamlNode* where = fr.free_map("where"))
      for (const auto& [k, val] : where->entries) f.where[k.value] = val.value;
    f.group_by = fr.text("group_by").value_or("");
    if (const YamlNode* fallback = fr.free_map("fallback"))
      for (const auto& [k, val] : fallback->entries) {
        f.fallback[k.value] = val.value;
        if (val.value.rfind("school.", 0) == 0) check_column(node, fr, tables_.table("schools"), val.value.substr(7));
      }
    if (f.food && (f.kind != OpenField::Kind::link || child)) fr.error_at(node, "food: true is for a top-level link", "");
    if (f.kind == OpenField::Kind::rows) {
      const TableSpec* rows = tables_.table("sveden_" + f.source);
      if (!rows && f.source != "branches") fr.error_at(node, "no table sveden_" + f.source + " in tables.yaml", "");
      if (const YamlNode* children = fr.node("children", true))
        for (const auto& c : children->items) f.children.push_back(field(c, v, rows, true));
      for (const auto& [col, val] : f.where) check_column(node, fr, rows, col);
      if (!f.group_by.empty()) check_column(node, fr, rows, f.group_by);
    } else if (f.kind == OpenField::Kind::value || f.kind == OpenField::Kind::link) {
      if (child) check_column(node, fr, table, f.source);
      else check_source(node, fr, f.source);
    } else if (f.kind == OpenField::Kind::links) {
      if (!v.lists.count(f.source)) fr.error_at(node, "no list " + f.source, "");
    } else if (f.kind == OpenField::Kind::document) {
      const auto& kinds_list = tables_.enums.at("document_kind");
      if (f.source != "other" && std::find(kinds_list.begin(), kinds_list.end(), f.source) == kinds_list.end())
        fr.error_at(node, "document kind «" + f.source + "» is not in enums.document_kind of tables.yaml", "");
    }
    fr.finish();
    return f;
  }

  void check_column(const YamlNode& node, YamlMapReader& r, const TableSpec* table, const std::string& column) {
    if (table && table->column_index(column) < 0)
      r.error_at(node, fmt::format("table {} has no column {}", table->name, column), "");
  }

  void check_source(const YamlNode& node, YamlMapReader& r, const std::string& source) {
    auto dot = source.find('.');
    std::string where = source.substr(0, dot), column = dot == std::string::npos ? "" : source.substr(dot + 1);
    const TableSpec* t = where == "school" ? tables_.table("schools") : where == "info" ? tables_.table("sveden_info") : nullptr;
    if (!t) r.error_at(node, "a top-level value is school.<column> or info.<column>: " + source, "");
    else check_column(node, r, t, column);
  }

  const SourceText& src_;
  Diagnostics& diag_;
  const Vocabulary& tables_;
};

}  // namespace

Result<OpennessVocabulary> parse_openness(const std::string& text) {
  Diagnostics diag;
  SourceText src("vocab/sveden.yaml", text);
  YamlNode root;
  if (!parse_yaml(src, &root, diag)) return Result<OpennessVocabulary>::failure(ExitCode::input, format_all(diag));
  OpennessVocabulary v = OpennessParser(src, diag).parse(root);
  if (diag.has_errors()) return Result<OpennessVocabulary>::failure(ExitCode::input, format_all(diag));
  return v;
}

const OpennessVocabulary& builtin_openness() {
  static const OpennessVocabulary* vocab = [] {
    auto v = parse_openness(std::string(vocab_file("sveden.yaml").value_or("")));
    if (!v) {
      std::fprintf(stderr, "внутренняя ошибка: словарь раздела «Сведения об образовательной организации» повреждён\n%s",
                   v.message().c_str());
      std::abort();
    }
    return new OpennessVocabulary(std::move(*v));
  }();
  return *vocab;
}

}  // namespace sveden
