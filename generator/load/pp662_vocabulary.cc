#include "load/pp662_vocabulary.h"

#include <cstdio>
#include <cstdlib>
#include <map>

#include <fmt/format.h>

#include "base/diagnostics.h"
#include "load/embedded_files.h"
#include "load/indicator_vocabulary.h"
#include "load/yaml_reader.h"
#include "load/yaml_tree.h"

namespace sveden {
namespace {

Pp662Vocabulary read_vocabulary(Diagnostics& diag) {
  Pp662Vocabulary v;
  SourceText src("vocab/pp662.yaml", std::string(vocab_file("pp662.yaml").value_or("")));
  YamlNode root;
  if (!parse_yaml(src, &root, diag)) return v;
  YamlMapReader r(root, src, diag, "vocab/pp662.yaml", true);
  std::map<std::string, std::string> documents;
  if (const YamlNode* docs = r.free_map("documents"))
    for (const auto& [k, val] : docs->entries) documents[k.value] = val.value;
  auto source = [&](YamlMapReader& owner) {
    const YamlNode* n = owner.node("source", true);
    if (!n) return std::string();
    YamlMapReader sr(*n, src, diag, "source");
    std::string doc = sr.text("document", true).value_or("");
    std::string item = sr.text("item", true).value_or("");
    sr.finish();
    auto it = documents.find(doc);
    if (it == documents.end()) {
      owner.error_at(*n, fmt::format("документ «{}» не описан в documents", doc), "");
      return std::string();
    }
    return fmt::format("{}, {}", it->second, item);
  };
  if (const YamlNode* rep = r.node("report", true)) {
    YamlMapReader rr(*rep, src, diag, "report");
    v.title = rr.text("title", true).value_or("");
    v.full_title = rr.text("full_title", true).value_or("");
    if (const YamlNode* d = rr.node("deadline", true)) {
      YamlMapReader dr(*d, src, diag, "deadline");
      v.deadline_month = static_cast<int>(dr.integer("month", true, 1, 12).value_or(10));
      v.deadline_day = static_cast<int>(dr.integer("day", true, 1, 31).value_or(25));
      dr.finish();
    }
    v.source = source(rr);
    rr.finish();
  }
  if (const YamlNode* list = r.node("sections", true))
    for (const auto& item : list->items) {
      YamlMapReader sr(item, src, diag, "section");
      Pp662Section s;
      s.id = sr.text("id", true).value_or("");
      s.title = sr.text("title", true).value_or("");
      s.text = sr.boolean("text").value_or(false);
      s.table = sr.boolean("table").value_or(false);
      s.missing = sr.boolean("missing").value_or(false);
      sr.finish();
      v.sections.push_back(std::move(s));
    }
  if (const YamlNode* list = r.node("groups", true))
    for (const auto& item : list->items) {
      YamlMapReader gr(item, src, diag, "group");
      v.groups.push_back({gr.text("number", true).value_or(""), gr.text("title", true).value_or("")});
      gr.finish();
    }
  if (const YamlNode* list = r.node("indicators", true))
    for (const auto& item : list->items) {
      YamlMapReader ir(item, src, diag, "indicator");
      Pp662Indicator i;
      i.id = ir.text("id", true).value_or("");
      i.number = ir.text("number", true).value_or("");
      i.group = ir.text("group", true).value_or("");
      i.title = ir.text("title", true).value_or("");
      i.unit = ir.text("unit", true).value_or("");
      i.note = ir.text("note").value_or("");
      bool entered = ir.boolean("entered").value_or(false);
      if (const YamlNode* c = ir.node("computed")) {
        YamlMapReader cr(*c, src, diag, "computed");
        i.indicator = cr.text("indicator").value_or("");
        i.subject = cr.text("subject").value_or("");
        i.figure = cr.text("figure").value_or("");
        cr.finish();
      }
      if (entered == !i.entered()) ir.error_at(item, i.id + ": нужно либо computed, либо entered: true", "");
      if (!i.indicator.empty()) {
        const IndicatorSpec* spec = nullptr;
        for (const auto& s : builtin_indicators())
          if (s.id == i.indicator) spec = &s;
        if (!spec) ir.error_at(item, i.id + ": неизвестный показатель " + i.indicator, "");
        else if (spec->unit != i.unit) ir.error_at(item, i.id + ": единица не та, что у " + i.indicator, "");
        else i.decimals = spec->decimals;
      }
      // Counts are whole; an entered value has its unit's precision (vocab/indicators.yaml, units).
      if (i.entered()) i.decimals = unit_decimals(i.unit);
      if (i.figure == "schools" || i.figure == "students") i.decimals = 0;
      else if (!i.figure.empty() && i.figure != "students_per_teacher" && i.figure != "schools_growth")
        ir.error_at(item, i.id + ": неизвестное значение figure " + i.figure, "");
      bool known_group = false;
      for (const auto& g : v.groups) known_group = known_group || g.number == i.group;
      if (!known_group) ir.error_at(item, i.id + ": группа " + i.group + " не описана в groups", "");
      i.source = source(ir);
      ir.finish();
      v.indicators.push_back(std::move(i));
    }
  r.finish();
  return v;
}

}  // namespace

const Pp662Vocabulary& builtin_pp662() {
  static const Pp662Vocabulary vocab = [] {
    Diagnostics diag;
    Pp662Vocabulary v = read_vocabulary(diag);
    if (diag.has_errors() || v.indicators.empty()) {
      std::fprintf(stderr, "внутренняя ошибка: словарь отчёта по ПП № 662 повреждён\n%s", format_all(diag).c_str());
      std::abort();
    }
    return v;
  }();
  return vocab;
}

}  // namespace sveden
