#include "load/site_loader.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <set>
#include <unordered_set>
#include <mutex>
#include <thread>

#include <fmt/format.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "load/content_loader.h"
#include "load/site_monitoring_loader.h"
#include "load/decisions_loader.h"
#include "load/department_loader.h"
#include "load/food_loader.h"
#include "load/openness_loader.h"
#include "load/criteria_loader.h"
#include "load/roadmap_loader.h"
#include "load/system_loader.h"
#include "load/monitoring_loader.h"
#include "load/indicator_vocabulary.h"
#include "load/site_config.h"
#include "load/site_monitoring_loader.h"
#include "load/table_completeness.h"
#include "load/table_loader.h"
#include "load/unused_tables.h"
#include "load/vocabulary.h"
#include "load/yaml_reader.h"
#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {
namespace {

// Typed access to a record by canonical column name.
class Row {
 public:
  Row(const TableSpec& spec, const Record& rec) : spec_(spec), rec_(rec) {}
  const Cell& cell(std::string_view name) const {
    static const Cell kMissing;
    int i = spec_.column_index(name);
    return i < 0 ? kMissing : rec_.cells[static_cast<size_t>(i)];
  }
  std::string text(std::string_view name) const { return cell(name).text; }
  Count count(std::string_view name) const {
    const Cell& c = cell(name);
    return c.missing ? Count() : Count(static_cast<int>(c.number));
  }
  Number number(std::string_view name) const {
    const Cell& c = cell(name);
    return c.missing ? Number() : Number(c.number);
  }
  int year() const { return static_cast<int>(cell("year").number); }

 private:
  const TableSpec& spec_;
  const Record& rec_;
};

void build_schools(const LoadedTable& t, Municipality& m) {
  for (const auto& rec : t.records) {
    Row r(*t.spec, rec);
    School s;
    s.id = r.text("school_id");
    s.name = r.text("name");
    s.short_name = r.text("short_name");
    s.slug = r.text("slug");
    s.kind = r.text("kind");
    s.locality = r.text("locality");
    s.settlement = r.text("settlement");
    s.address = r.text("address");
    s.phone = r.text("phone");
    s.email = r.text("email");
    s.website = r.text("website");
    s.director = r.text("director");
    s.parent_id = r.text("parent_id");
    s.functions = r.text("functions");
    s.line = rec.line;
    m.schools.push_back(std::move(s));
  }
  std::sort(m.schools.begin(), m.schools.end(), [](const School& a, const School& b) { return a.id < b.id; });
  for (size_t i = 0; i < m.schools.size(); ++i) m.school_index[m.schools[i].id] = i;
  for (auto& s : m.schools)
    if (auto it = m.school_index.find(s.parent_id); it != m.school_index.end()) {
      School& parent = m.schools[it->second];
      parent.branch_ids.push_back(s.id);
      s.own_site = !s.website.empty() && s.website != parent.website;
    }
}

// The codes of organisations.csv join the school codes the tables of «Сведения…» accept (the reader has
// refused a code that is a school's or another organisation's).
void add_organisation_codes(const LoadedTable& t, std::unordered_set<std::string>& codes) {
  int c = t.spec ? t.spec->column_index("id") : -1;
  if (c < 0) return;
  for (const auto& rec : t.records)
    if (!rec.cells[static_cast<size_t>(c)].missing) codes.insert(rec.cells[static_cast<size_t>(c)].text);
}

void build_organisations(const LoadedTable& t, Municipality& m) {
  for (const auto& rec : t.records) {
    Row r(*t.spec, rec);
    Organisation o;
    o.name = r.text("name");
    o.short_name = r.text("short_name");
    o.kind = r.text("kind");
    o.director = r.text("director");
    o.address = r.text("address");
    o.phone = r.text("phone");
    o.email = r.text("email");
    o.website = r.text("website");
    o.functions = r.text("functions");
    o.id = r.text("id");
    o.line = rec.line;
    if (!o.id.empty() && !m.school_index.count(o.id)) {
      School s;
      s.id = o.id;
      s.name = o.name;
      s.short_name = o.short_name.empty() ? o.name : o.short_name;
      s.slug = r.text("slug");
      s.kind = o.kind;
      s.address = o.address;
      s.phone = o.phone;
      s.email = o.email;
      s.website = o.website;
      s.director = o.director;
      s.functions = o.functions;
      s.line = rec.line;
      m.organisation_sites.push_back(std::move(s));
    }
    m.organisations.push_back(std::move(o));
  }
}

// Schools first, then the organisations with a site of their own: a school keeps its address.
void assign_slugs(Municipality& m, const LoadedTable& schools, const LoadedTable& organisations, Diagnostics& diag) {
  std::map<std::string, std::string> taken;  // slug → school id
  for (auto& s : m.schools)
    if (!s.slug.empty()) {
      auto [it, ok] = taken.emplace(s.slug, s.id);
      if (!ok)
        diag.add_file(Severity::error, schools.path,
                      fmt::format("адрес страницы «{}» задан двум школам: «{}» и «{}»", s.slug, it->second, s.id),
                      "у каждой школы свой адрес страницы: исправьте столбец «Адрес страницы»");
    }
  for (auto& s : m.organisation_sites)
    if (!s.slug.empty()) {
      auto [it, ok] = taken.emplace(s.slug, s.id);
      if (!ok)
        diag.add_file(Severity::error, organisations.path,
                      fmt::format("адрес страницы «{}» организации «{}» уже занят: «{}»", s.slug, s.id, it->second),
                      "у каждой школы и организации свой адрес страницы: исправьте столбец «Адрес страницы»");
    }
  std::vector<School*> all;
  for (auto& s : m.schools) all.push_back(&s);
  for (auto& s : m.organisation_sites) all.push_back(&s);
  for (School* p : all) {
    School& s = *p;
    if (!s.slug.empty()) continue;
    std::string base = slug_from_name(s.short_name);
    if (base.empty()) base = "school";
    std::string slug = base;
    for (int n = 2; taken.count(slug); ++n) slug = fmt::format("{}-{}", base, n);
    taken.emplace(slug, s.id);
    s.slug = slug;
  }
}

template <typename T, typename Fill>
void attach(const LoadedTable& t, Municipality& m, std::vector<T> School::*member, Fill fill) {
  for (const auto& rec : t.records) {
    Row r(*t.spec, rec);
    auto it = m.school_index.find(r.text("school_id"));
    if (it == m.school_index.end()) continue;
    T item;
    fill(r, item);
    (m.schools[it->second].*member).push_back(std::move(item));
  }
}

void build_results(const std::map<std::string, LoadedTable>& tables, Municipality& m) {
  auto get = [&](const char* name) -> const LoadedTable& { return tables.at(name); };
  attach(get("contingent"), m, &School::contingent, [](const Row& r, ContingentYear& c) {
    c.year = r.year();
    c.students = r.count("students");
    c.students_ovz = r.count("students_ovz");
    c.grade9_graduates = r.count("grade9_graduates");
    c.grade10_continued = r.count("grade10_continued");
  });
  attach(get("oge"), m, &School::oge, [](const Row& r, OgeResult& o) {
    o.year = r.year();
    o.subject = r.text("subject");
    o.participants = r.count("participants");
    o.mean_score = r.number("mean_score");
    o.below_min = r.count("below_min");
    for (int k = 0; k < 4; ++k) o.marks[k] = r.count(fmt::format("mark{}", k + 2));
  });
  attach(get("ege"), m, &School::ege, [](const Row& r, EgeResult& e) {
    e.year = r.year();
    e.subject = r.text("subject");
    e.participants = r.count("participants");
    e.mean_score = r.number("mean_score");
    e.below_min = r.count("below_min");
  });
  attach(get("vpr"), m, &School::vpr, [](const Row& r, VprResult& v) {
    v.year = r.year();
    v.grade = static_cast<int>(r.number("grade").value_or(0));
    v.subject = r.text("subject");
    v.participants = r.count("participants");
    for (int k = 0; k < 4; ++k) v.marks[k] = r.count(fmt::format("mark{}", k + 2));
  });
  attach(get("olympiad"), m, &School::olympiad, [](const Row& r, OlympiadYear& o) {
    o.year = r.year();
    o.stage = r.text("stage");
    o.participants = r.count("participants");
    o.winners = r.count("winners");
    o.pupils = r.count("pupils");
  });
  attach(get("staff"), m, &School::staff, [](const Row& r, StaffYear& s) {
    s.year = r.year();
    s.teachers = r.count("teachers");
    s.vacancies = r.count("vacancies");
    s.pension_age = r.count("pension_age");
    s.young_specialists = r.count("young_specialists");
    s.highest_category = r.count("highest_category");
    s.first_category = r.count("first_category");
    s.pd_completed = r.count("pd_completed");
  });
  attach(get("conditions"), m, &School::conditions, [](const Row& r, ConditionsYear& c) {
    c.year = r.year();
    c.mto_coefficient = r.number("mto_coefficient");
    c.textbook_provision = r.number("textbook_provision");
    c.internet_mbps = r.number("internet_mbps");
    if (auto b = r.number("library_system")) c.library_system = *b != 0;
  });
  attach(get("social"), m, &School::social, [](const Row& r, SocialYear& s) {
    s.year = r.year();
    s.higher_ed_parents = r.number("higher_ed_parents");
    s.single_parent = r.number("single_parent");
    s.unemployed_parents = r.number("unemployed_parents");
    s.low_income = r.number("low_income");
    s.non_native_russian = r.number("non_native_russian");
    s.preventive_register = r.number("preventive_register");
  });
  attach(get("federal_lists"), m, &School::federal_lists, [](const Row& r, FederalListEntry& f) {
    f.year = r.year();
    f.list = r.text("list");
  });
  for (const auto& rec : get("project500").records) {
    Row r(*get("project500").spec, rec);
    if (auto it = m.school_index.find(r.text("school_id")); it != m.school_index.end())
      m.schools[it->second].project500_years.push_back(r.year());
  }
  for (const auto& rec : get("regional").records) {
    Row r(*get("regional").spec, rec);
    RegionalValue v;
    v.indicator = r.text("indicator");
    v.year = r.year();
    std::string subject = r.text("subject");
    Number grade = r.number("grade");
    v.param = grade ? fmt::format("{} класс, {}", static_cast<int>(*grade), subject) : subject;
    v.value = r.number("value").value_or(0);
    m.regional.push_back(std::move(v));
  }
  for (const auto& rec : get("mentors").records) {
    Row r(*get("mentors").spec, rec);
    auto it = m.school_index.find(r.text("school_id"));
    if (it == m.school_index.end()) continue;
    School& s = m.schools[it->second];
    s.mentor_id = r.text("mentor_id");
    if (auto since = r.count("since")) s.mentor_since = *since;
  }
  // Rows arrive in file order; pages want them by year, then subject or grade.
  for (auto& s : m.schools) {
    auto by_year = [](const auto& a, const auto& b) { return a.year < b.year; };
    std::stable_sort(s.contingent.begin(), s.contingent.end(), by_year);
    std::stable_sort(s.staff.begin(), s.staff.end(), by_year);
    std::stable_sort(s.conditions.begin(), s.conditions.end(), by_year);
    std::stable_sort(s.social.begin(), s.social.end(), by_year);
    auto by_year_subject = [](const auto& a, const auto& b) { return std::tie(a.year, a.subject) < std::tie(b.year, b.subject); };
    std::stable_sort(s.oge.begin(), s.oge.end(), by_year_subject);
    std::stable_sort(s.ege.begin(), s.ege.end(), by_year_subject);
    std::stable_sort(s.vpr.begin(), s.vpr.end(), [](const VprResult& a, const VprResult& b) {
      return std::tie(a.year, a.grade, a.subject) < std::tie(b.year, b.grade, b.subject);
    });
    std::stable_sort(s.olympiad.begin(), s.olympiad.end(), by_year);
    std::stable_sort(s.federal_lists.begin(), s.federal_lists.end(), by_year);
    std::sort(s.project500_years.begin(), s.project500_years.end());
  }
}

TableCoverage coverage_of(const LoadedTable& t, const std::string& display_prefix) {
  TableCoverage c;
  c.shown = t.path;
  std::string prefix = display_prefix.empty() || display_prefix == "." ? "" : display_prefix + "/";
  c.path = t.path.rfind(prefix, 0) == 0 ? t.path.substr(prefix.size()) : t.path;
  // Pages name a table by its vocabulary file whether it was given as CSV or in an Excel workbook:
  // the published site does not depend on the format the department keeps its tables in.
  if (c.path.size() > 5 && c.path.compare(c.path.size() - 5, 5, ".xlsx") == 0) c.path = t.spec->file;
  c.present = t.present;
  c.columns = t.columns;
  for (const auto& col : t.spec->columns) c.titles[col.name] = col.title;
  for (const auto& rec : t.records)
    for (size_t i = 0; i < rec.cells.size() && i < t.spec->columns.size(); ++i)
      if (!rec.cells[i].missing) c.filled.insert(t.spec->columns[i].name);
  return c;
}

// A school without its kind: the indicators that mean something only for some kinds are not
// computed for it (an ООШ would otherwise «continue» 0 % of its graduates to a grade 10 it does not
// have), and the methodologist is told which school and line to complete.
void report_schools_without_kind(const Municipality& m, const LoadedTable& t, Diagnostics& diag) {
  std::vector<std::string> titles;
  for (const auto& spec : builtin_indicators())
    if (spec.kind_required) titles.push_back("«" + spec.title + "»");
  if (titles.empty() || m.schools.empty()) return;
  std::string which = titles.size() == 1 ? "показатель " + titles[0]
                                         : fmt::format("показатели {} и {}", fmt::join(titles.begin(), titles.end() - 1, ", "), titles.back());
  const ColumnSpec& column = t.spec->columns[static_cast<size_t>(t.spec->column_index("kind"))];
  std::string verb = titles.size() == 1 ? "не вычисляется" : "не вычисляются";
  std::string kinds = column.enum_values ? fmt::format("{}", fmt::join(*column.enum_values, ", ")) : "";
  if (!t.columns.count("kind")) {
    diag.add_file(Severity::warning, t.path,
                  fmt::format("нет столбца «{}»: тип не указан ни у одной школы, поэтому {} {}, правила по ним дают "
                              "«недостаточно данных»", column.title, which, verb),
                  fmt::format("добавьте столбец «{}» со значениями: {}", column.title, kinds));
    return;
  }
  for (const auto& s : m.schools) {
    if (!s.kind.empty()) continue;
    Diagnostic d;
    d.severity = Severity::warning;
    d.file = t.path;
    d.pos = {s.line, 1};
    d.message = fmt::format("{} ({}): не указан тип ОО, поэтому {} для неё {}, правила по ним дают «недостаточно данных»",
                            s.short_name, s.id, which, verb);
    d.hint = fmt::format("укажите в столбце «{}» одно из значений: {}", column.title, kinds);
    diag.add_diagnostic(std::move(d));
  }
}

// A table name in site.yaml «tables:» that the vocabulary does not know is an error.
void check_overrides(const SiteConfig& site, const Vocabulary& vocab, const std::optional<SourceText>& src, Diagnostics& diag) {
  if (!src) return;
  std::vector<std::string> names;
  for (const auto& t : vocab.tables) names.push_back(t.name);
  for (const auto& [name, o] : site.tables) {
    const TableSpec* spec = vocab.table(name);
    if (!spec) {
      std::string guess = closest_word(name, names);
      diag.add(Severity::error, *src, site.table_pos.at(name), static_cast<int>(utf8_length(name)),
               fmt::format("tables: неизвестная таблица «{}»", name),
               guess.empty() ? fmt::format("таблицы: {}", fmt::join(names, ", "))
                             : fmt::format("возможно, имелось в виду «{}»; таблицы: {}", guess, fmt::join(names, ", ")));
      continue;
    }
    for (const auto& [header, canonical] : o.columns)
      if (spec->column_index(canonical) < 0) {
        std::vector<std::string> cols;
        for (const auto& c : spec->columns) cols.push_back(c.name);
        diag.add(Severity::error, *src, o.pos, 1,
                 fmt::format("tables.{}.columns: у таблицы нет столбца «{}» (для заголовка «{}»)", name, canonical, header),
                 fmt::format("столбцы таблицы: {}", fmt::join(cols, ", ")));
      }
  }
}

}  // namespace

std::string slug_from_name(std::string_view full) {
  // The legal form (МБОУ, МАОУ, …) and «№» say nothing in an address: «МБОУ СОШ № 2» → «sosh-2».
  std::string name = without_legal_form(full);
  for (size_t p = name.find("№"); p != std::string::npos; p = name.find("№")) name.erase(p, std::string("№").size());
  static const std::unique_ptr<icu::Transliterator> translit = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (translit) {
    static std::mutex mutex;  // ICU transliterators are not thread-safe
    std::lock_guard lock(mutex);
    translit->transliterate(u);
  }
  std::string ascii;
  u.toUTF8String(ascii);
  std::string out;
  for (char c : ascii) {
    if (c == '\'' || c == '"') continue;  // the soft and hard signs: «Никольский» → «nikolskiy»
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 60) {
    out.resize(60);
    while (!out.empty() && out.back() == '-') out.pop_back();
  }
  return out;
}

// Rows of years after the reporting year (reports.year) have been read and checked like any other; now they
// are set aside, and the site's years end at the reporting year, so that what is published for it does not
// move when a new year's first tables come in. Said once, with the tables and the row counts.
static void set_aside_after_reporting_year(const std::vector<const TableSpec*>& specs, std::vector<LoadedTable>& tables,
                                           SiteConfig& site, const std::string& shown, Diagnostics& diag) {
  int year = site.reports.year;
  if (year == 0 || site.years.empty() || year >= site.years.back()) return;
  std::vector<std::string> where;
  std::vector<int> later;
  for (int y : site.years)
    if (y > year) later.push_back(y);
  for (size_t i = 0; i < tables.size(); ++i) {
    int year_col = specs[i]->column_index("year");
    if (year_col < 0) continue;
    auto& records = tables[i].records;
    size_t before = records.size();
    std::erase_if(records, [&](const Record& r) {
      const Cell& c = r.cells[static_cast<size_t>(year_col)];
      return !c.missing && static_cast<int>(c.number) > year;
    });
    if (records.size() != before)
      where.push_back(fmt::format("{} ({})", tables[i].path, count_noun(static_cast<long long>(before - records.size()), "строка", "строки", "строк")));
  }
  std::erase_if(site.years, [&](int y) { return y > year; });
  if (where.empty()) return;
  diag.add_file(Severity::warning, shown,
                fmt::format("данные за {} прочитаны и проверены, но не публикуются: отчётный год — {} (reports.year); строки отложены "
                            "в таблицах {}",
                            years_text(later), year, fmt::join(where, ", ")),
                fmt::format("когда данные за {} будут полными, укажите в site.yaml reports: year: {}", years_text(later), later.back()));
}

std::optional<Municipality> load_municipality(const Disk& disk, const LoadOptions& options, Diagnostics& diag) {
  std::optional<SourceText> site_src;
  auto site = load_site_config(disk, options.display_prefix, diag, &site_src);
  if (!site) return std::nullopt;
  if (options.as_of) site->as_of = *options.as_of;
  const Vocabulary& vocab = builtin_vocabulary();
  check_overrides(*site, vocab, site_src, diag);

  Municipality m;
  m.site = *site;
  TableSources sources = find_table_sources(disk, vocab, m.site, options.display_prefix, diag);
  TableContext ctx{disk, options.display_prefix, m.site, nullptr, site_src ? &*site_src : nullptr};
  ctx.sources = &sources;
  ctx.indicator_ids = &builtin_indicator_ids();
  const TableSpec& schools_spec = *vocab.table("schools");
  // parent_id refers to schools.csv itself: the reader checks it against its own ids.
  int errors_before = diag.errors();
  LoadedTable schools = load_table(schools_spec, ctx, diag);
  if (diag.errors() > errors_before) {
    ctx.check_school_refs = false;
    diag.add_file(Severity::warning, schools.path,
                  "пока в списке школ есть ошибки, коды школ в остальных таблицах не проверялись",
                  "исправьте ошибки в этом файле и запустите проверку снова");
  }
  std::unordered_set<std::string> ids;
  for (const auto& rec : schools.records) ids.insert(rec.cells[schools_spec.column_index("school_id")].text);
  ctx.school_ids = &ids;

  // The other tables only read the school ids: load them in parallel, report in vocabulary order.
  std::vector<const TableSpec*> rest;
  for (const auto& t : vocab.tables)
    if (t.name != "schools") rest.push_back(&t);
  std::vector<LoadedTable> loaded(rest.size());
  std::vector<Diagnostics> found(rest.size());
  // An organisation of organisations.csv with a «Код ОО» publishes «Сведения…» of its own: its code is good
  // in the tables of that section and in documents.csv, and in no table of the analysis.
  size_t organisations_at = static_cast<size_t>(
      std::find_if(rest.begin(), rest.end(), [](const TableSpec* t) { return t->name == "organisations"; }) - rest.begin());
  std::unordered_set<std::string> site_ids = ids;
  if (organisations_at < rest.size()) {
    TableContext organisations_ctx = ctx;
    organisations_ctx.taken_ids = &ids;
    loaded[organisations_at] = load_table(*rest[organisations_at], organisations_ctx, found[organisations_at]);
    add_organisation_codes(loaded[organisations_at], site_ids);
  }
  std::unordered_set<std::string> organisation_ids;
  if (organisations_at < rest.size()) add_organisation_codes(loaded[organisations_at], organisation_ids);
  ctx.organisation_ids = &organisation_ids;
  TableContext site_ctx = ctx;
  site_ctx.school_ids = &site_ids;
  auto openness_table = [](const TableSpec& t) { return t.name.rfind("sveden_", 0) == 0 || t.name == "documents"; };
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next++) < rest.size();)
      if (i != organisations_at) loaded[i] = load_table(*rest[i], openness_table(*rest[i]) ? site_ctx : ctx, found[i]);
  };
  std::vector<std::thread> threads;
  int jobs = std::clamp(options.jobs, 1, static_cast<int>(rest.size()));
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  for (auto& d : found)
    for (const auto& item : d.sorted()) diag.add_diagnostic(item);

  set_aside_after_reporting_year(rest, loaded, m.site, display_path(options.display_prefix, "site.yaml"), diag);
  std::map<std::string, LoadedTable> tables;
  if (schools.present) m.tables_loaded.push_back(schools_spec.title);
  m.coverage["schools"] = coverage_of(schools, options.display_prefix);
  for (size_t i = 0; i < rest.size(); ++i) {
    if (loaded[i].present) m.tables_loaded.push_back(rest[i]->title);
    m.coverage[rest[i]->name] = coverage_of(loaded[i], options.display_prefix);
    tables[rest[i]->name] = std::move(loaded[i]);
  }
  report_unused_tables(tables, builtin_indicators(), diag);
  build_schools(schools, m);
  if (schools.present && ctx.check_school_refs) report_schools_without_kind(m, schools, diag);  // not while it has errors
  build_organisations(tables.at("organisations"), m);
  assign_slugs(m, schools, tables.at("organisations"), diag);
  build_results(tables, m);
  attach_openness(tables, disk, options.display_prefix, m, diag);
  attach_food(tables.at("menus"), disk, options.display_prefix, m, diag);
  load_content(disk, options.display_prefix, m, diag);
  load_department(disk, options.display_prefix, m, diag);
  m.criteria = load_criteria(disk, options.display_prefix, diag);
  name_department(m.criteria, m.site.department.words);
  load_roadmap(disk, options.display_prefix, m, diag);
  load_recommendations(disk, options.display_prefix, m, diag);
  load_system(disk, options.display_prefix, m, diag);
  load_decisions(disk, options.display_prefix, m, diag);
  load_monitoring(disk, options.display_prefix, m, diag);
  m.site_monitoring = load_site_monitoring(disk, diag);
  // A row with an error is left out of its table and would look like a gap: gaps wait for clean input.
  if (!diag.has_errors()) {
    m.completeness = report_table_gaps(vocab, m.schools, tables, diag);
    for (auto& c : m.completeness) c.path = m.table_path(c.name);
  }
  return m;
}

}  // namespace sveden
