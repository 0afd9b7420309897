#include "load/site_config.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "load/embedded_files.h"
#include "load/yaml_reader.h"
#include "load/yaml_tree.h"
#include "russian/typography.h"

namespace sveden {
namespace {

void read_years(YamlMapReader& r, SiteConfig& cfg) {
  const YamlNode* n = r.node("years", true);
  if (!n) return;
  if (!n->is_sequence() || n->items.empty()) {
    r.error_at(*n, "«years» должно быть непустым списком лет", "например: years: [2023, 2024, 2025]");
    return;
  }
  for (const auto& item : n->items) {
    int y = 0;
    auto [p, ec] = std::from_chars(item.value.data(), item.value.data() + item.value.size(), y);
    if (!item.is_scalar() || ec != std::errc() || p != item.value.data() + item.value.size() || y < 2000 || y > 2100) {
      r.error_at(item, fmt::format("«{}» — не год", item.value), "год пишется четырьмя цифрами, например 2024");
      continue;
    }
    if (std::find(cfg.years.begin(), cfg.years.end(), y) != cfg.years.end()) {
      r.error_at(item, fmt::format("год {} указан дважды", y), "оставьте каждый год в списке один раз");
      continue;
    }
    cfg.years.push_back(y);
  }
  std::sort(cfg.years.begin(), cfg.years.end());
}

void read_table_override(const std::string& name, const YamlNode& node, const SourceText& src, Diagnostics& diag,
                         SiteConfig& cfg) {
  YamlMapReader r(node, src, diag, fmt::format("tables.{}", name));
  TableOverride o;
  o.pos = node.pos;
  if (auto file = r.text("file")) {
    if (!is_safe_relative_path(*file))
      r.error_at(*r.node("file"), fmt::format("путь «{}» выходит за пределы папки сайта", *file),
                 "укажите путь внутри папки сайта, например data/oge.csv");
    else
      o.file = *file;
  }
  if (auto enc = r.text("encoding")) {
    if (auto e = parse_encoding_name(*enc))
      o.encoding = *e;
    else
      r.error_at(*r.node("encoding"), fmt::format("неизвестная кодировка «{}»", *enc),
                 "допустимо: auto, utf-8, windows-1251");
  }
  if (auto del = r.text("delimiter")) {
    if (*del == ";" || *del == ",")
      o.delimiter = (*del)[0];
    else if (*del == "\t" || *del == "tab" || *del == "табуляция")
      o.delimiter = '\t';
    else if (*del != "auto")
      r.error_at(*r.node("delimiter"), fmt::format("неизвестный разделитель «{}»", *del),
                 "допустимо: \";\", \",\", tab или auto (в кавычках)");
  }
  if (const YamlNode* cols = r.free_map("columns")) {
    for (const auto& [k, v] : cols->entries) {
      if (!k.is_scalar() || !v.is_scalar()) {
        r.error_at(v, "в «columns» каждая строка — «Заголовок в файле: имя_столбца»", "например: \"Код школы\": school_id");
        continue;
      }
      o.columns[k.value] = v.value;
    }
  }
  r.finish();
  cfg.tables[name] = std::move(o);
}

// The kinds of vocab/department_kinds.yaml, in its order.
const std::vector<DepartmentWords>& department_kinds() {
  static const std::vector<DepartmentWords> kinds = [] {
    std::vector<DepartmentWords> out;
    SourceText src("vocab/department_kinds.yaml", std::string(*vocab_file("department_kinds.yaml")));
    Diagnostics diag;
    YamlNode root;
    if (!parse_yaml(src, &root, diag)) return out;
    const YamlNode* list = root.find("kinds");
    for (const auto& item : list ? list->items : std::vector<YamlNode>{}) {
      const YamlNode* word = item.find("word");
      const YamlNode* alone = item.find("alone");
      const YamlNode* full = item.find("full");
      if (!word || !alone || !full || alone->items.size() != 5 || full->items.size() != 4) continue;
      DepartmentWords w;
      w.kind = word->value;
      w.nominative = alone->items[0].value, w.genitive = alone->items[1].value, w.dative = alone->items[2].value;
      w.instrumental = alone->items[3].value, w.about = alone->items[4].value;
      w.full_nominative = full->items[0].value, w.full_genitive = full->items[1].value;
      w.full_dative = full->items[2].value, w.full_instrumental = full->items[3].value;
      out.push_back(std::move(w));
    }
    return out;
  }();
  return kinds;
}

// department.kind, or the first kind's word in department.name; «управление» when none is found.
void read_department_kind(YamlMapReader& d, Department& dep) {
  const auto& kinds = department_kinds();
  if (auto kind = d.text("kind")) {
    std::string k = lower_text(*kind);
    for (const auto& w : kinds)
      if (w.kind == k) {
        dep.words = w;
        return;
      }
    std::vector<std::string> words;
    for (const auto& w : kinds) words.push_back(w.kind);
    d.error_at(*d.node("kind"), fmt::format("«{}» — неизвестный вид органа управления образованием", *kind),
               fmt::format("допустимо: {}", fmt::join(words, ", ")));
    return;
  }
  std::string name = lower_text(dep.name);
  size_t best = std::string::npos;
  for (const auto& w : kinds) {
    size_t at = name.find(w.kind);
    if (at < best) best = at, dep.words = w;
  }
}

}  // namespace

std::optional<SiteConfig> load_site_config(const Disk& disk, const std::string& display_prefix, Diagnostics& diag,
                                           std::optional<SourceText>* source_out) {
  const std::string path = "site.yaml";
  auto bytes = disk.read(path);
  if (!bytes) {
    diag.add_file(Severity::error, display_path(display_prefix, path), fmt::format("не удалось прочитать: {}", bytes.message()),
                  "папка сайта должна содержать site.yaml; укажите её параметром --site ПАПКА");
    return std::nullopt;
  }
  DecodeResult decoded = decode_text(*bytes, Encoding::utf8);
  SourceText src(display_path(display_prefix, path), decoded.text);
  if (!decoded.ok) {
    diag.add(Severity::error, src, decoded.bad_offset, 1,
             fmt::format("файл не в кодировке UTF-8 (байты {})", decoded.bad_bytes),
             "сохраните site.yaml в кодировке UTF-8");
    return std::nullopt;
  }
  YamlNode root;
  if (!parse_yaml(src, &root, diag)) return std::nullopt;
  if (source_out) *source_out = src;

  SiteConfig cfg;
  YamlMapReader r(root, src, diag, "site.yaml", true);
  if (!r.valid()) return std::nullopt;
  cfg.municipality = r.name("municipality", true).value_or("");
  cfg.region = r.name("region").value_or("");
  if (const YamlNode* dep = r.node("department", true)) {
    YamlMapReader d(*dep, src, diag, "department");
    cfg.department.name = d.name("name", true).value_or("");
    cfg.department.short_name = d.name("short_name").value_or(cfg.department.name);
    read_department_kind(d, cfg.department);
    cfg.department.address = d.text("address").value_or("");
    cfg.department.phone = d.text("phone").value_or("");
    cfg.department.email = d.text("email").value_or("");
    if (const YamlNode* head = d.node("head")) {
      YamlMapReader h(*head, src, diag, "department.head");
      cfg.department.head.position = h.name("position", true).value_or("");
      cfg.department.head.name = h.name("name", true).value_or("");
      h.finish();
    }
    d.finish();
  }
  if (auto url = r.text("base_url", true)) {
    std::string u = *url;
    while (!u.empty() && u.back() == '/') u.pop_back();
    if (u.rfind("https://", 0) != 0 && u.rfind("http://", 0) != 0)
      r.error_at(*r.node("base_url"), fmt::format("«{}» — не адрес сайта", *url),
                 "адрес начинается с https:// или http://, например https://edu.example.ru");
    cfg.base_url = u;
  }
  read_years(r, cfg);
  if (auto as_of = r.text("as_of", true)) {
    if (auto d = parse_iso_date(*as_of))
      cfg.as_of = *d;
    else
      r.error_at(*r.node("as_of"), fmt::format("«{}» — не дата", *as_of),
                 "дата пишется как ГГГГ-ММ-ДД, например 2025-10-01");
  }
  if (auto theme = r.text("theme")) {
    if (!is_safe_relative_path(*theme) || theme->find('/') != std::string::npos)
      r.error_at(*r.node("theme"), fmt::format("«{}» — недопустимое имя темы", *theme),
                 "имя темы — название папки в themes/, например default");
    else
      cfg.theme = *theme;
  }
  if (const YamlNode* reports = r.node("reports")) {
    YamlMapReader rr(*reports, src, diag, "reports");
    if (const YamlNode* a = rr.node("approve")) {
      YamlMapReader ar(*a, src, diag, "reports.approve");
      cfg.reports.approver.position = ar.name("position", true).value_or("");
      cfg.reports.approver.name = ar.name("name", true).value_or("");
      ar.finish();
    }
    cfg.reports.place = rr.text("place").value_or("");
    if (auto year = rr.integer("year", false, 2000, 2100)) {
      if (std::find(cfg.years.begin(), cfg.years.end(), *year) == cfg.years.end())
        rr.error_at(*rr.node("year"), fmt::format("отчётного года {} нет в списке years", *year),
                    fmt::format("отчётный год — один из лет years: {}", fmt::join(cfg.years, ", ")));
      else
        cfg.reports.year = static_cast<int>(*year);
    }
    rr.finish();
  }
  // Links end in index.html so that the output also works opened from disk; a site served by a web
  // server may prefer folder links.
  cfg.pretty_links = r.boolean("pretty_links").value_or(false);
  cfg.invented_data = r.boolean("invented_data").value_or(false);
  // The audit of the published sites (audit/) is the department's working page unless made public.
  cfg.audit_public = r.boolean("audit_public").value_or(false);
  if (const YamlNode* v = r.node("site_monitoring"); v && r.expect_scalar(*v, "site_monitoring")) {
    if (v->value == "audit") cfg.site_monitoring_public = false;
    else if (v->value != "portal")
      r.error_at(*v, fmt::format("site_monitoring: неизвестное значение «{}»", v->value),
                 "укажите portal (страница мониторинга сайтов школ на портале, отчёт и открытые данные) или audit (только на "
                 "рабочих страницах управления audit/)");
  }
  // Raw HTML in Markdown only when the people who write content/ are trusted to write it.
  cfg.trusted_html = r.boolean("trusted_html").value_or(false);
  if (const YamlNode* privacy = r.node("privacy")) {
    YamlMapReader p(*privacy, src, diag, "privacy");
    if (auto m = p.integer("min_group", false, 1, 1000)) cfg.min_group = static_cast<int>(*m);
    if (auto m = p.integer("decision_min", false, 1, 1000)) cfg.decision_min = static_cast<int>(*m);
    if (const YamlNode* v = p.node("verdicts_on_hidden"); v && p.expect_scalar(*v, "verdicts_on_hidden")) {
      if (v->value == "withhold") cfg.verdicts_on_hidden = SiteConfig::HiddenVerdicts::withhold;
      else if (v->value != "publish")
        p.error_at(*v, fmt::format("privacy.verdicts_on_hidden: неизвестное значение «{}»", v->value),
                   "укажите publish (решение по скрытому значению публикуется, значение — нет) или withhold (такое решение — "
                   "«недостаточно данных»)");
    }
    p.finish();
  }
  if (const YamlNode* publish = r.node("publish")) {
    YamlMapReader p(*publish, src, diag, "publish");
    if (const YamlNode* v = p.node("unapproved_lists"); v && p.expect_scalar(*v, "unapproved_lists")) {
      if (v->value == "hide") cfg.draft_lists = false;
      else if (v->value != "draft")
        p.error_at(*v, fmt::format("publish.unapproved_lists: неизвестное значение «{}»", v->value),
                   "укажите draft (неутверждённый перечень публикуется с пометкой «проект») или hide (не публикуется до приказа)");
    }
    if (const YamlNode* list = p.node("school_site")) {
      if (!list->is_sequence()) {
        p.error_at(*list, "publish.school_site должно быть списком", "например: school_site: [recommendations, risk_profile]");
      } else {
        for (const auto& item : list->items) {
          if (item.value == "risk_profile") cfg.school_risk_profile = true;
          else if (item.value == "recommendations") cfg.school_recommendations = true;
          else if (item.value == "draft_status") cfg.school_draft_status = true;
          else
            p.error_at(item, fmt::format("publish.school_site: неизвестное значение «{}»", item.value),
                       "допустимо: risk_profile (профиль рисков «500+»), recommendations (адресные рекомендации), draft_status "
                       "(статус по расчёту до утверждения перечня)");
        }
      }
    }
    if (auto n = p.integer("recommendations_per_school", false, 1, 50)) cfg.recommendations_per_school = static_cast<int>(*n);
    p.finish();
  }
  if (const YamlNode* tables = r.free_map("tables")) {
    for (const auto& [k, v] : tables->entries) {
      if (!k.is_scalar()) continue;
      cfg.table_pos[k.value] = k.pos;
      read_table_override(k.value, v, src, diag, cfg);
    }
  }
  r.finish();
  // With errors the config is still returned, so that `check` goes on to report the tables too.
  return cfg;
}

}  // namespace sveden
