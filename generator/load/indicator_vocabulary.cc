#include "load/indicator_vocabulary.h"

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "base/diagnostics.h"
#include "load/embedded_files.h"
#include "load/yaml_reader.h"
#include "load/yaml_tree.h"

namespace sveden {
namespace {
struct Vocabulary {
  std::vector<IndicatorSpec> specs;
  SimilarDefinition similar;
  std::map<std::string, int> unit_decimals;
  std::vector<IndicatorFamily> families;
};
const Vocabulary& vocabulary();
}  // namespace

const std::vector<IndicatorSpec>& builtin_indicators() {
  return vocabulary().specs;
}

const SimilarDefinition& builtin_similar_definition() { return vocabulary().similar; }

const std::vector<IndicatorFamily>& builtin_indicator_families() { return vocabulary().families; }

int unit_decimals(std::string_view unit) {
  const auto& units = vocabulary().unit_decimals;
  auto it = units.find(std::string(unit));
  return it == units.end() ? IndicatorSpec{}.decimals : it->second;
}

namespace {
const Vocabulary& vocabulary() {
  static const Vocabulary vocab = [] {
    Diagnostics diag;
    SourceText src("vocab/indicators.yaml", std::string(vocab_file("indicators.yaml").value_or("")));
    YamlNode root;
    std::vector<IndicatorSpec> out;
    SimilarDefinition similar;
    std::map<std::string, int> unit_decimals;  // the display precision of each unit
    std::vector<IndicatorFamily> families;
    if (parse_yaml(src, &root, diag)) {
      YamlMapReader r(root, src, diag, "vocab/indicators.yaml", true);
      if (const YamlNode* units = r.free_map("units"))
        for (const auto& [k, v] : units->entries) {
          YamlMapReader ur(v, src, diag, k.value);
          unit_decimals[k.value] = static_cast<int>(ur.integer("decimals", true, 0, 4).value_or(1));
          ur.finish();
        }
      if (const YamlNode* sim = r.node("similar", true)) {
        YamlMapReader sr(*sim, src, diag, "similar");
        similar.source = sr.text("source", true).value_or("");
        similar.same_locality = sr.boolean("same_locality").value_or(true);
        for (const auto& b : sr.text_list("size_bands", true).value_or(std::vector<std::string>{})) {
          int bound = std::atoi(b.c_str());
          if (bound <= 0 || (!similar.size_bands.empty() && bound <= similar.size_bands.back()))
            sr.error_at(*sim, fmt::format("границы групп по численности — возрастающие целые числа, а не «{}»", b), "");
          similar.size_bands.push_back(bound);
        }
        similar.min_schools = static_cast<int>(sr.integer("min_schools", true, 2, 100).value_or(3));
        sr.finish();
      }
      const YamlNode* family_list = r.node("families", true);
      if (family_list)
        for (const auto& f : family_list->items) {
          YamlMapReader fr(f, src, diag, "families");
          families.push_back({fr.text("title", true).value_or(""), fr.text_list("indicators", true).value_or(std::vector<std::string>{})});
          fr.finish();
        }
      if (const YamlNode* list = r.free_map("indicators"))
        for (const auto& [k, v] : list->entries) {
          IndicatorSpec s;
          s.id = k.value;
          YamlMapReader ir(v, src, diag, s.id);
          s.title = ir.text("title", true).value_or("");
          s.unit = ir.text("unit", true).value_or("");
          s.param = ir.text("param").value_or("");
          s.subjects = ir.text("subjects").value_or("");
          s.higher_is_better = ir.text("better", true).value_or("higher") == "higher";
          s.respects_min_group = ir.boolean("min_group").value_or(true);
          s.window = static_cast<int>(ir.integer("window", false, 1, 10).value_or(1));
          // The unit's precision unless the indicator states its own; one without a unit must.
          auto unit = unit_decimals.find(s.unit);
          auto own = ir.integer("decimals", unit == unit_decimals.end(), 0, 4);
          s.decimals = static_cast<int>(own ? *own : unit != unit_decimals.end() ? unit->second : 1);
          s.definition = ir.text("definition", true).value_or("");
          s.data = ir.text("data", true).value_or("");
          s.applies_to_kinds = ir.text_list("kinds").value_or(std::vector<std::string>{});
          s.kind_required = ir.boolean("kind_required").value_or(false);
          s.needs = ir.text_list("needs").value_or(std::vector<std::string>{});
          std::string pooling = ir.text("municipal").value_or("persons");
          s.pooling = pooling == "schools" ? IndicatorSpec::Pooling::schools
                      : pooling == "none"  ? IndicatorSpec::Pooling::none
                                           : IndicatorSpec::Pooling::persons;
          if (pooling != "persons" && pooling != "schools" && pooling != "none")
            ir.error_at(*ir.node("municipal"), fmt::format("неизвестный способ «{}»", pooling), "persons, schools или none");
          s.interval = ir.text("interval").value_or("");
          if (!s.interval.empty() && s.interval != "wilson" && s.interval != "marks" && s.interval != "composite")
            diag.add_file(Severity::error, "vocab/indicators.yaml", s.id + ": interval «" + s.interval + "»",
                          "interval: wilson, marks или composite");
          ir.finish();
          out.push_back(std::move(s));
        }
      r.finish();
      // Every indicator in exactly one family, every family's indicator in the registry.
      std::map<std::string, int> in_families;
      for (const auto& f : families)
        for (const auto& id : f.indicators) ++in_families[id];
      for (const auto& spec : out)
        if (in_families[spec.id] != 1)
          diag.add_file(Severity::error, "vocab/indicators.yaml",
                        fmt::format("показатель {} {}", spec.id, in_families[spec.id] == 0 ? "не входит ни в одно семейство" : "входит в несколько семейств"),
                        "families: назовите его в одном семействе");
      for (const auto& named : in_families) {
        const std::string& id = named.first;
        if (std::none_of(out.begin(), out.end(), [&id](const IndicatorSpec& spec) { return spec.id == id; }))
          diag.add_file(Severity::error, "vocab/indicators.yaml", fmt::format("families: нет показателя {}", id), "");
      }
    }
    if (diag.has_errors() || out.empty()) {
      std::fprintf(stderr, "внутренняя ошибка: реестр показателей повреждён\n%s", format_all(diag).c_str());
      std::abort();
    }
    return Vocabulary{std::move(out), std::move(similar), std::move(unit_decimals), std::move(families)};
  }();
  return vocab;
}
}  // namespace

const std::vector<std::string>& builtin_indicator_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const auto& s : builtin_indicators()) out.push_back(s.id);
    return out;
  }();
  return ids;
}

}  // namespace sveden
