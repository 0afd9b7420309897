#include "load/vocabulary.h"

#include "load/input_limits.h"

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "base/diagnostics.h"
#include "load/embedded_files.h"
#include "load/yaml_reader.h"
#include "load/yaml_tree.h"

namespace sveden {
namespace {

std::optional<ColumnType> parse_type(std::string_view s) {
  static const std::pair<std::string_view, ColumnType> kTypes[] = {
      {"id", ColumnType::id},       {"school", ColumnType::school},   {"text", ColumnType::text},
      {"slug", ColumnType::slug},   {"enum", ColumnType::enumeration}, {"count", ColumnType::count},
      {"number", ColumnType::number}, {"percent", ColumnType::percent}, {"year", ColumnType::year},
      {"int", ColumnType::integer}, {"bool", ColumnType::boolean}, {"indicator", ColumnType::indicator},
      {"date", ColumnType::date},   {"link", ColumnType::link},       {"website", ColumnType::website}};
  for (const auto& [name, t] : kTypes)
    if (name == s) return t;
  return std::nullopt;
}

}  // namespace

int TableSpec::column_index(std::string_view n) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == n) return static_cast<int>(i);
  return -1;
}

const TableSpec* Vocabulary::table(std::string_view n) const {
  for (const auto& t : tables)
    if (t.name == n) return &t;
  return nullptr;
}

const char* column_type_name(ColumnType t) {
  switch (t) {
    case ColumnType::id: return "идентификатор";
    case ColumnType::school: return "код школы из schools.csv";
    case ColumnType::text: return "текст";
    case ColumnType::slug: return "адрес страницы (латиница, цифры, дефис)";
    case ColumnType::enumeration: return "значение из списка";
    case ColumnType::count: return "целое число, не меньше 0";
    case ColumnType::number: return "число";
    case ColumnType::percent: return "доля в процентах, 0–100";
    case ColumnType::year: return "год из годов сайта";
    case ColumnType::integer: return "целое число";
    case ColumnType::boolean: return "да / нет";
    case ColumnType::indicator: return "идентификатор показателя из vocab/indicators.yaml";
    case ColumnType::date: return "дата: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД";
    case ColumnType::link: return "адрес https://… или путь к файлу в папке documents; несколько — через «;»";
    case ColumnType::website: return "адрес сайта https://…";
  }
  return "";
}

Result<Vocabulary> parse_vocabulary(const std::string& text) {
  Diagnostics diag;
  SourceText src("vocab/tables.yaml", text);
  YamlNode root;
  Vocabulary v;
  auto fail = [&] { return Result<Vocabulary>::failure(ExitCode::input, format_all(diag)); };
  if (!parse_yaml(src, &root, diag)) return fail();
  YamlMapReader r(root, src, diag, "vocab/tables.yaml");
  if (const YamlNode* enums = r.free_map("enums"))
    for (const auto& [k, list] : enums->entries) {
      std::vector<std::string> values;
      for (const auto& item : list.items) values.push_back(item.value);
      v.enums[k.value] = std::move(values);
    }
  const YamlNode* tables = r.free_map("tables");
  r.finish();
  if (!tables) return fail();
  for (const auto& [tk, tv] : tables->entries) {
    TableSpec t;
    t.name = tk.value;
    YamlMapReader tr(tv, src, diag, "tables." + t.name);
    t.file = tr.text("file", true).value_or("");
    t.title = tr.text("title", true).value_or("");
    t.required = tr.boolean("required").value_or(false);
    if (const YamlNode* complete = tr.node("complete")) {
      YamlMapReader cr(*complete, src, diag, "complete of " + t.name);
      t.complete = true;
      t.complete_except_kinds = cr.text_list("except_kinds").value_or(std::vector<std::string>{});
      cr.finish();
    }
    if (const YamlNode* cols = tr.free_map("columns"))
      for (const auto& [ck, cv] : cols->entries) {
        ColumnSpec c;
        c.name = ck.value;
        YamlMapReader cr(cv, src, diag, "column " + c.name);
        c.title = cr.text("title", true).value_or("");
        std::string type = cr.text("type", true).value_or("");
        if (auto ty = parse_type(type)) c.type = *ty;
        else cr.error_at(cv, "unknown type " + type, "");
        c.required = cr.boolean("required").value_or(false);
        c.value_required = cr.boolean("value_required").value_or(false);
        if (auto m = cr.text("min")) c.min = std::stod(*m);
        if (auto m = cr.text("max")) c.max = std::stod(*m);
        c.enum_name = cr.text("enum").value_or("");
        c.aliases = cr.text_list("aliases").value_or(std::vector<std::string>{});
        c.max_length = static_cast<size_t>(cr.integer("max_length", false, 1, static_cast<long>(kMaxValueChars)).value_or(0));
        cr.finish();
        if (c.type == ColumnType::enumeration && !v.enums.count(c.enum_name))
          cr.error_at(cv, "unknown enum " + c.enum_name, "");
        t.columns.push_back(std::move(c));
      }
    if (auto key = tr.text_list("key", true))
      for (const auto& k : *key) {
        int i = t.column_index(k);
        if (i < 0) tr.error_at(tv, "key column " + k + " not declared", "");
        t.key.push_back(i);
      }
    if (const YamlNode* checks = tr.node("checks"))
      for (const auto& item : checks->items) {
        if (!item.is_map() || item.entries.size() != 1 || !item.entries[0].second.is_sequence() ||
            item.entries[0].second.items.size() != 2) {
          tr.error_at(item, "a check is {kind: [left, right]}", "");
          continue;
        }
        const auto& [kind, args] = item.entries[0];
        CheckSpec c;
        if (kind.value == "not_greater") c.kind = CheckSpec::Kind::not_greater;
        else if (kind.value == "sum_equals") c.kind = CheckSpec::Kind::sum_equals;
        else if (kind.value == "sum_not_greater") c.kind = CheckSpec::Kind::sum_not_greater;
        else if (kind.value == "different") c.kind = CheckSpec::Kind::different;
        else { tr.error_at(kind, "unknown check " + kind.value, ""); continue; }
        const YamlNode& left = args.items[0];
        std::vector<std::string> names;
        if (left.is_sequence()) for (const auto& n : left.items) names.push_back(n.value);
        else names.push_back(left.value);
        for (const auto& n : names) c.parts.push_back(t.column_index(n));
        c.total = t.column_index(args.items[1].value);
        bool bad = c.total < 0;
        for (int p : c.parts) bad = bad || p < 0;
        if (bad) tr.error_at(item, "check names an undeclared column", "");
        else t.checks.push_back(std::move(c));
      }
    tr.finish();
    v.tables.push_back(std::move(t));
  }
  if (diag.has_errors()) return fail();
  // Point enum columns at their value lists only now: `v` no longer moves.
  for (auto& t : v.tables)
    for (auto& c : t.columns)
      if (c.type == ColumnType::enumeration) c.enum_values = &v.enums[c.enum_name];
  return v;
}

const Vocabulary& builtin_vocabulary() {
  static const Vocabulary* vocab = [] {
    auto v = parse_vocabulary(std::string(vocab_file("tables.yaml").value_or("")));
    if (!v) {
      std::fprintf(stderr, "внутренняя ошибка: словарь таблиц повреждён\n%s", v.message().c_str());
      std::abort();
    }
    return new Vocabulary(std::move(*v));
  }();
  return *vocab;
}

}  // namespace sveden
