#include "site/build.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "analyse/classify.h"
#include "analyse/data_coverage.h"
#include "analyse/indicators.h"
#include "analyse/monitoring.h"
#include "load/openness_vocabulary.h"
#include "load/pp662_vocabulary.h"
#include "analyse/overview.h"
#include "analyse/similar_schools.h"
#include "analyse/roadmap_progress.h"
#include "load/indicator_vocabulary.h"
#include "render/menu_workbook.h"
#include "render/opendata.h"
#include "render/opendata_workbook.h"
#include "site/build_key.h"
#include "site/init.h"
#include "base/disk.h"
#include "base/free_memory.h"
#include "load/document_signatures.h"
#include "load/openness_consistency.h"
#include "load/openness_currency.h"
#include "load/food_loader.h"
#include "load/site_loader.h"
#include "render/site_renderer.h"
#include "render/monitoring_report.h"
#include "render/theme.h"
#include "site/pdf.h"
#include "audit/site_audit.h"
#include "model/markdown_image.h"
#include "model/openness.h"
#include "render/openness_page.h"
#include "russian/names.h"
#include "russian/typography.h"
#include "base/parallel.h"
#include "write/output_paths.h"
#include "write/staged_output.h"

namespace sveden {
namespace {

// Errors in the input: listed in the report's diagnostics, so the status carries no message of its own.
Status input_errors() { return Status::failure(ExitCode::input, "ошибки во входных данных"); }


// One output path, one owner (write/output_paths.h): every page and file the build would write,
// with the file of the site folder that names it, checked before anything is written.
void report_output_conflicts(const Municipality& m, const SiteRenderer& site, const std::vector<OutputFile>& extra,
                             const std::string& prefix, Diagnostics& diag) {
  std::map<std::string, std::string> copied;  // output path → the file of the site folder it comes from
  for (const auto& [path, f] : m.files) copied["documents/" + path] = "documents/department/" + path;
  for (const auto& [path, f] : m.images) copied[markdown_image_output(path)] = path;
  for (const auto& s : m.schools) {
    for (const auto& [path, f] : s.files) copied["schools/" + s.slug + "/documents/" + path] = "documents/" + s.id + "/" + path;
    for (const auto& [name, menu] : s.food) copied["schools/" + s.slug + "/food/" + name] = "documents/" + s.id + "/food/" + name;
  }
  std::vector<OutputClaim> claims;
  for (const auto& p : site.pages()) {
    std::string source = site.page_source(p);
    claims.push_back({p.file(), source,
                      source.empty() ? fmt::format("страница {}", p.file()) : fmt::format("страница из {} ({})", source, p.file()),
                      !source.empty()});
  }
  for (const auto& f : extra) {
    auto it = copied.find(f.path);
    claims.push_back(it == copied.end() ? OutputClaim{f.path, "", fmt::format("файл {}, который создаёт sveden", f.path), false}
                                        : OutputClaim{f.path, it->second, fmt::format("файл {}", it->second), false});
  }
  std::vector<OutputClaim> later = {{"audit/index.html", "", "страница проверки audit/index.html", false},
                                    {kOutputMarker, "", "метка папки результата", false}};
  for (const auto& problem : output_conflicts(claims, later))
    diag.add_file(Severity::error, display_path(prefix, problem.file.empty() ? "output" : problem.file), problem.message, "");
}

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct Loaded {
  std::optional<Municipality> municipality;
  std::optional<Theme> theme;
  std::string display_prefix;  // the site folder as messages name it
};

Loaded load_all(const BuildOptions& options, const Disk& disk, BuildReport& report) {
  Loaded l;
  LoadOptions lo;
  lo.display_prefix = options.site_dir == "." ? "" : options.site_dir;
  while (lo.display_prefix.size() > 1 && lo.display_prefix.back() == '/') lo.display_prefix.pop_back();
  lo.as_of = options.as_of;
  lo.jobs = options.jobs;
  l.display_prefix = lo.display_prefix;
  l.municipality = load_municipality(disk, lo, report.diagnostics);
  if (l.municipality) l.theme = load_theme(disk, l.municipality->site.theme, lo.display_prefix, report.diagnostics);
  if (l.municipality) {
    report.branches = static_cast<int>(l.municipality->branch_count());
    report.schools = static_cast<int>(l.municipality->schools.size()) - report.branches;
    report.organisations = static_cast<int>(l.municipality->organisations.size());
  }
  if (report.diagnostics.has_errors()) report.status = input_errors();
  return l;
}

// How many of `count` items a message names: `build` names the first few and counts the rest,
// `check` names all.
size_t named(bool in_full, size_t count, size_t few = 5) { return in_full ? count : std::min(count, few); }

// Required information of the openness section that a school's data lacks: the pages say
// «отсутствует», and the build says what to fill in. Schools that lack the same fields share one
// message. `build` names the first 5 such groups with a few schools and fields each and counts the
// rest; `check` says everything.
void report_missing_information(const Municipality& m, Diagnostics& diag, bool in_full) {
  auto missing = missing_information(m, builtin_openness());
  std::vector<std::pair<const MissingInformation*, std::vector<size_t>>> groups;  // in the order of their first school
  std::map<std::vector<std::pair<std::string, std::vector<std::string>>>, size_t> group_of;
  for (const auto& info : missing) {
    auto [it, added] = group_of.emplace(info.by_subsection, groups.size());
    if (added) groups.push_back({&info, {}});
    groups[it->second].second.push_back(info.school);
  }
  const size_t kAll = std::numeric_limits<size_t>::max();
  const size_t kGroups = in_full ? kAll : 5, kSchools = in_full ? kAll : 3, kFields = in_full ? kAll : 4;
  const char* hint = "заполните таблицы data/sveden/*.csv и data/documents.csv; пока на страницах написано «отсутствует»";
  long long not_shown = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    const auto& [info, schools] = groups[g];
    if (g >= kGroups) {
      not_shown += static_cast<long long>(schools.size());
      continue;
    }
    std::string names;
    for (size_t k = 0; k < schools.size() && k < kSchools; ++k)
      names += fmt::format("{}{} ({})", k ? ", " : "", m.site_owner(schools[k]).short_name, m.site_owner(schools[k]).id);
    if (schools.size() > kSchools)
      names += " и ещё " + count_noun(static_cast<long long>(schools.size() - kSchools), "школа", "школы", "школ");
    std::string list;
    size_t shown = 0, total = 0;
    for (const auto& [subsection, fields] : info->by_subsection) {
      std::string part;
      for (const auto& f : fields)
        if (shown < kFields) part += (part.empty() ? "" : ", ") + f, ++shown;
      total += fields.size();
      if (!part.empty()) list += (list.empty() ? "" : "; ") + subsection + ": " + part;
    }
    if (total > shown) list += fmt::format(" и ещё {}", total - shown);
    diag.add_file(Severity::warning, "data/sveden",
                  fmt::format("{}: на страницах «Сведения об образовательной организации» не хватает {}обязательных сведений: {}",
                              names, schools.size() > 1 ? "одних и тех же " : "", list),
                  hint);
  }
  if (not_shown > 0)
    diag.add_file(Severity::warning, "data/sveden",
                  fmt::format("ещё у {} не хватает обязательных сведений", count_noun(not_shown, "школы", "школ", "школ")),
                  "полный список по каждой школе выводит sveden check");
}

// A school's own documents without the signature information ПП 1802 п. 18 asks for, or with one that
// cannot be right: one message per document at its line of data/documents.csv; `build` names the
// first 5 and counts the rest, `check` names all.
void report_signature_problems(const Municipality& m, const std::string& prefix, Diagnostics& diag, bool in_full) {
  auto problems = signature_problems(m, builtin_openness());
  const size_t shown = named(in_full, problems.size());
  for (size_t k = 0; k < shown; ++k) {
    const SignatureProblem& p = problems[k];
    const School& s = m.site_owner(p.school);
    std::vector<std::string> parts;
    if (!p.missing.empty()) parts.push_back(fmt::format("нет сведений об электронной подписи: {}", fmt::join(p.missing, ", ")));
    for (const auto& w : p.wrong) parts.push_back(w);
    Diagnostic d;
    d.severity = Severity::warning;
    d.file = display_path(prefix, "data/documents.csv");
    d.pos = {p.document->line, 1};
    d.message = fmt::format("{} ({}): документ «{}»: {}", s.short_name, s.id, p.document->title, fmt::join(parts, "; "));
    d.hint = p.missing.empty() ? "проверьте даты подписи и срок действия сертификата"
                               : "собственные документы школы публикуются с электронной подписью (ПП РФ № 1802, п. 18): "
                                 "заполните столбцы «Подписал», «Должность подписавшего», «Вид подписи», «Сертификат или ключ», "
                                 "«Действителен с», «Действителен по», «Дата подписания»";
    diag.add_diagnostic(std::move(d));
  }
  // Files no row of data/documents.csv describes: one message per school and table.
  std::map<std::pair<size_t, std::string>, std::vector<std::string>> undescribed;
  for (const auto& u : undescribed_files(m)) undescribed[{u.school, u.table}].push_back(u.file);
  for (const auto& [key, files] : undescribed) {
    const School& s = m.site_owner(key.first);
    std::string list;
    const size_t listed = named(in_full, files.size());
    for (size_t k = 0; k < listed; ++k) list += (k ? ", " : "") + files[k];
    if (files.size() > listed) list += fmt::format(" и ещё {}", files.size() - listed);
    diag.add_file(Severity::warning, display_path(prefix, "data/sveden/" + key.second + ".csv"),
                  fmt::format("{} ({}): {} {} в data/documents.csv: {}", s.short_name, s.id,
                              count_noun(static_cast<long long>(files.size()), "файл", "файла", "файлов"),
                              plural(static_cast<long long>(files.size()), "не описан", "не описаны", "не описаны"), list),
                  "опишите каждый файл строкой data/documents.csv (вид, название, дата, номер, электронная подпись): "
                  "иначе ссылка называется только по полю, а сведений о подписи нет");
  }
  if (problems.size() > shown)
    diag.add_file(Severity::warning, display_path(prefix, "data/documents.csv"),
                  fmt::format("ещё {} без полных сведений об электронной подписи",
                              count_noun(static_cast<long long>(problems.size() - shown), "документ", "документа", "документов")),
                  "полный список выводит sveden check");
}

// The number of teachers a school lists on /sveden/employees and the one its home page and the
// monitoring show for the latest year come from two tables; a reader sees both, so they must agree.
void report_teacher_counts(const Municipality& m, const std::string& prefix, Diagnostics& diag) {
  for (const auto& x : teacher_count_mismatches(m)) {
    const School& s = m.schools[x.school];
    diag.add_file(Severity::warning, display_path(prefix, "data/sveden/teachers.csv"),
                  fmt::format("{} ({}): в списке педагогического состава {}, а в data/staff.csv за {} год — {}: "
                              "страница «Педагогический состав» и главная страница школы показывают разные числа",
                              s.short_name, s.id, count_noun(x.listed, "человек", "человека", "человек"), x.year,
                              count_noun(x.reported, "педагог", "педагога", "педагогов")),
                  "дополните список педагогов в data/sveden/teachers.csv или исправьте число в data/staff.csv");
  }
}

// Published information the as-of date has overtaken (ПП 1802 п. 16: changes within 10 working days).
void report_outdated(const Municipality& m, const std::string& prefix, Diagnostics& diag) {
  for (const auto& x : outdated_items(m, m.site.as_of)) {
    const School& s = m.site_owner(x.school);
    Diagnostic d;
    d.severity = Severity::warning;
    d.file = display_path(prefix, x.document ? "data/documents.csv" : "data/sveden/teachers.csv");
    if (x.document) d.pos = {x.document->line, 1};
    d.message = x.document ? fmt::format("{} ({}): документ «{}» устарел к {}: {}", s.short_name, s.id, x.document->title,
                                         format_date(m.site.as_of), x.what)
                           : fmt::format("{} ({}): сведения устарели к {}: {}", s.short_name, s.id, format_date(m.site.as_of), x.what);
    d.hint = x.document ? "опубликуйте действующий документ (сведения обновляются не позднее 10 рабочих дней, ПП РФ № 1802, п. 16)"
                        : "оставьте в столбце «Повышение квалификации» курсы за последние 3 года (ПП РФ № 1802, п. 11)";
    diag.add_diagnostic(std::move(d));
  }
}

// A school that runs НОО publishes a daily menu for every school day (ПП РФ № 1802, п. 13); the build
// looks at the as-of day only, so a school without any menu gets one warning, not one per day. `build`
// names the first 5 schools and counts the rest; `check` names all.
void report_missing_menus(const Municipality& m, Diagnostics& diag, bool in_full) {
  const Date day = m.site.as_of;
  if (!is_school_day(day)) return;
  const std::string name = daily_menu_name(day);
  const OpennessVocabulary& v = builtin_openness();
  const size_t kShown = in_full ? std::numeric_limits<size_t>::max() : 5;
  size_t found = 0;
  auto runs_noo = [&v](const School& s) { return school_levels(s, v).count("начальное общее образование") > 0; };
  for (const auto& s : m.schools) {
    // A branch without its own site has the head school's /food: the head's menus are its menus,
    // and a missing one is the head school's to publish (and its own warning, if it runs НОО too).
    const School& publisher = menus_publisher(m, s);
    if (publisher.food.count(name) || !runs_noo(s) || (&publisher != &s && runs_noo(publisher))) continue;
    if (found++ >= kShown) continue;
    bool any = std::any_of(publisher.food.begin(), publisher.food.end(),
                           [](const auto& f) { return f.second.kind == MenuFile::Kind::daily; });
    std::string where = fmt::format("documents/{}/food", publisher.id);
    std::string site = &publisher == &s ? std::string("на сайте школы")
                                        : fmt::format("на сайте головной школы {} ({})", typographic_quotes(publisher.short_name), publisher.id);
    std::string hint = fmt::format("положите меню в {}/{} или внесите блюда этого дня в data/menus.csv; школа с начальным "
                                   "общим образованием публикует меню на каждый учебный день",
                                   where, name);
    if (any)
      diag.add_file(Severity::warning, where,
                    fmt::format("{} ({}): нет меню на {} — {} нет файла food/{}",
                                typographic_quotes(s.short_name), s.id,
                                format_date(day), site, name),
                    hint);
    else
      diag.add_file(Severity::warning, where,
                    fmt::format("{} ({}): нет ни одного меню ежедневного горячего питания — на {}{} ожидается файл food/{}",
                                typographic_quotes(s.short_name), s.id, format_date(day),
                                &publisher == &s ? std::string() : " " + site, name),
                    hint);
  }
  if (found > kShown)
    diag.add_file(Severity::warning, "documents",
                  fmt::format("ещё у {} нет меню на {}", count_noun(static_cast<long long>(found - kShown), "школы", "школ", "школ"),
                              format_date(day)),
                  "полный список по каждой школе выводит sveden check");
}

// Rules no school can be judged by, because the site lacks a table, a column or regional values:
// one warning per rule (per risk factor), at the place the criteria define it, instead of a silent
// «недостаточно данных» for every school.
void report_rules_without_data(const Municipality& m, Diagnostics& diag) {
  if (m.schools.empty()) return;  // a new site: BuildReport::first_steps says what to fill, not each rule
  const char* hint = "пока по нему у всех школ «недостаточно данных»: добавьте данные (docs/DATA.md) или уберите правило "
                     "из своих критериев в content/criteria.yaml (docs/CRITERIA.md, раздел 2.1)";
  std::vector<const RiskFactor*> factors_said;
  auto rules = rules_without_data(m, m.criteria, builtin_indicators());
  for (size_t k = 0; k < rules.size(); ++k) {
    const RuleWithoutData& w = rules[k];
    std::vector<std::string> missing = w.missing;
    Diagnostic d;
    d.severity = Severity::warning;
    d.file = w.rule->source.substr(0, w.rule->source.rfind(':'));
    d.pos = w.rule->pos;
    if (w.factor) {
      // The levels of a factor usually rest on one indicator: one message for the factor.
      if (std::find(factors_said.begin(), factors_said.end(), w.factor) != factors_said.end()) continue;
      factors_said.push_back(w.factor);
      for (size_t j = k + 1; j < rules.size(); ++j)
        if (rules[j].factor == w.factor)
          for (const auto& x : rules[j].missing)
            if (std::find(missing.begin(), missing.end(), x) == missing.end()) missing.push_back(x);
      d.message = fmt::format("уровень фактора риска «{}» ({}) не определяется: {}", w.factor->title, w.factor->id,
                              fmt::join(missing, "; "));
      d.hint = "пока у всех школ по нему «нет данных»: добавьте данные (docs/DATA.md) или переопределите фактор "
               "в content/criteria.yaml (docs/CRITERIA.md, раздел 2.12)";
    } else {
      d.message = fmt::format("правило «{}» группы «{}» не вычисляется: {}", w.rule->id, w.group->short_title,
                              fmt::join(missing, "; "));
      d.hint = hint;
    }
    diag.add_diagnostic(std::move(d));
  }
}

// A manual inclusion of a school the criteria already put in the list, or an exclusion of one they did not:
// the decision changes nothing, and the department should know before the order is signed.
void report_idle_decisions(const Municipality& m, const std::vector<PublishedList>& lists, const std::string& prefix,
                           Diagnostics& diag) {
  for (const auto& list : lists)
    for (const auto& [idle, in] : list.idle) {
      const School* s = m.find(idle->school);
      Diagnostic d;
      d.severity = Severity::warning;
      d.file = display_path(prefix, "content/decisions.yaml");
      d.pos = idle->pos;
      d.message = fmt::format("{} ({}): решение ничего не меняет — по критериям школа за {}{}г. и так {} перечня группы «{}»",
                              s ? s->short_name : idle->school, idle->school, list.year, kNbsp, in ? "входит в число школ" : "не входит в число школ",
                              list.group->short_title);
      d.hint = in ? "уберите школу из include: она в перечне по критериям" : "уберите школу из exclude: по критериям её нет в перечне";
      diag.add_diagnostic(std::move(d));
    }
}

// Years of data/olympiad.csv with rows for some stages only: a stage left out is not a stage without
// participants. One warning per year, naming the stages and the schools (or «ни у одной школы»).
void report_olympiad_gaps(const Municipality& m, Diagnostics& diag, bool in_full) {
  const auto& specs = builtin_indicators();
  const std::vector<int>& site_years = m.site.years;
  for (const auto& gap : olympiad_gaps(m, specs)) {
    std::vector<std::string> parts, effects;
    std::vector<std::string> stages_all;
    for (const auto& part : gap.parts) {
      std::string stages = olympiad_stages_text(part.stages);
      for (const auto& st : part.stages) stages_all.push_back(st);
      if (part.every_school) {
        parts.push_back(fmt::format("{} ни у одной школы", stages));
        continue;
      }
      size_t shown = named(in_full, part.schools.size());
      std::string names;
      for (size_t k = 0; k < shown; ++k)
        names += fmt::format("{}{} ({})", k ? ", " : "", m.schools[part.schools[k]].short_name, m.schools[part.schools[k]].id);
      if (part.schools.size() > shown)
        names += " и ещё " + count_noun(static_cast<long long>(part.schools.size() - shown), "школа", "школы", "школ");
      parts.push_back(part.schools.size() == 1 ? fmt::format("{} у {}", stages, names)
                                               : fmt::format("{} у {}: {}", stages, count_noun(static_cast<long long>(part.schools.size()), "школы", "школ", "школ"), names));
    }
    // Which values of the site's years the gap leaves unknown.
    for (const auto& spec : specs) {
      const auto& counted = olympiad_stages(spec.id);
      if (std::none_of(counted.begin(), counted.end(),
                       [&](const std::string& st) { return std::find(stages_all.begin(), stages_all.end(), st) != stages_all.end(); }))
        continue;
      std::vector<int> years;
      for (int y : site_years)
        if (y >= gap.year && y < gap.year + std::max(1, spec.window)) years.push_back(y);
      if (!years.empty()) effects.push_back(fmt::format("«{}» за {}", spec.title, years_text(years)));
    }
    if (effects.empty()) continue;  // a year the site's indicators do not look at
    const School& first = m.schools[gap.parts[0].schools[0]];
    auto olympiad = m.coverage.find("olympiad");
    diag.add_file(Severity::warning, olympiad == m.coverage.end() ? "data/olympiad.csv" : olympiad->second.shown,
                  fmt::format("за {}{}г. нет данных {}: пропущенный этап не считается этапом без участников, поэтому {} — "
                              "«недостаточно данных»",
                              gap.year, kNbsp, fmt::join(parts, "; "), fmt::join(effects, " и ")),
                  fmt::format("если участников этапа не было, добавьте строку с нулём участников, например «{};{};{};0»",
                              first.id, gap.year, gap.parts[0].stages[0]));
  }
}

// The order counts pupils («0,5 % и ниже учащихся … принимавших участие»); without the column
// «Обучающихся-участников» the olympiad share counts participations, and a rule that uses it says so once.
void report_olympiad_participations(const Municipality& m, Diagnostics& diag) {
  const Rule* user = nullptr;
  std::function<void(const Rule&)> find = [&](const Rule& r) {
    if (!user && r.combine == Combine::leaf && r.indicator == "olympiad_share") user = &r;
    for (const auto& child : r.children) find(child);
  };
  for (const auto& g : m.criteria.groups) find(g.rule);
  for (const auto& f : m.criteria.risk_factors) {
    if (f.high) find(*f.high);
    if (f.medium) find(*f.medium);
  }
  auto olympiad = m.coverage.find("olympiad");
  if (!user || olympiad == m.coverage.end() || !olympiad->second.present) return;
  const auto& senior = olympiad_stages("olympiad_share");
  long without = 0;
  for (const auto& s : m.schools)
    for (const auto& o : s.olympiad)
      if (!o.pupils && std::find(senior.begin(), senior.end(), o.stage) != senior.end()) ++without;
  if (without == 0) return;
  diag.add_file(Severity::warning, olympiad->second.shown,
                fmt::format("у {} регионального и заключительного этапов нет числа обучающихся-участников: "
                            "правило «{}» считает участия, а не учеников (ученик, участвовавший в двух олимпиадах, учтён "
                            "дважды), и доля участников может быть завышена",
                            count_noun(without, "строки", "строк", "строк"), user->title),
                "добавьте столбец «Обучающихся-участников»: сколько разных обучающихся школы участвовали в этапе "
                "(каждый один раз, сколько бы предметов ни писал)");
}

// The ПП № 662 report of the reporting year: one warning with the count of what it lacks and where
// the list is, rather than one per value.
void report_monitoring_gaps(const Municipality& m, const MonitoringTable& t, Diagnostics& diag) {
  if (t.years.empty() || m.schools.empty()) return;  // a blank site: first_steps says what to fill first
  int year = t.years.back();
  const Pp662Vocabulary& v = builtin_pp662();
  MonitoringGaps gaps = monitoring_gaps(t, m.monitoring, v, year);
  if (gaps.empty()) return;
  ReportRef r = monitoring_report_ref(year);
  diag.add_file(Severity::warning, "content/monitoring.yaml",
                fmt::format("в отчёте «{}» нет {}; список — {}index.html, раздел «{}»", r.title, monitoring_gaps_text(gaps),
                            r.path, monitoring_missing_section(v).title),
                fmt::format("внесите значения и тексты в content/monitoring.yaml (docs/REPORTS.md, «Итоги мониторинга»): отчёт "
                            "публикуется не позднее {}", format_date(Date{year + 1, v.deadline_month, v.deadline_day})));
}


// A file whose memory, once it is written, goes back to the system.
constexpr size_t kBigFile = size_t{4} << 20;

// Every page and data file into the output, on `jobs` threads, with the progress thread calling
// options.progress; the first file that cannot be written fails it. With `auditor`, each page is audited
// from its text as it is written: a school's site in one task, all its pages together.
// `rendered`: pages rendered before (render_past_reports), by path; each is written as it is.
Status write_all(const SiteRenderer& site, const std::vector<OutputFile>& extra, const BuildOptions& options, Output& output,
                 OutputAuditor* auditor, std::map<std::string, std::string> rendered) {
  const auto& pages = site.pages();
  {
    std::set<std::string> dirs;  // the data files': few
    for (const auto& f : extra) dirs.insert(std::filesystem::path(f.path).parent_path().string());
    dirs.erase("");
    if (Status made = output.make_dirs(dirs); !made.ok()) return made;
  }
  // A folder per page: made in a task of its own, beside the open data (at 2,000 schools 36,000 folders, a
  // second of the kernel's time), before any page's task writes (pages_ready).
  auto make_page_dirs = [&] {
    std::set<std::string> dirs;  // freed before the pages are
    for (const auto& p : pages)
      if (!p.path.empty() && p.path.back() == '/') dirs.insert(p.path);
    dirs.erase("");
    return output.make_dirs(dirs);
  };
  std::mutex dirs_mutex;
  std::condition_variable dirs_cv;
  std::optional<Status> page_dirs;  // set once the pages' folders are made (or could not be)
  auto pages_ready = [&] {
    std::unique_lock lock(dirs_mutex);
    dirs_cv.wait(lock, [&] { return page_dirs.has_value(); });
    return *page_dirs;
  };
  Status first_failure;  // the first file that could not be written stops the rest

  int jobs = std::max(1, options.jobs);
  std::vector<std::unique_ptr<SiteRenderer::Worker>> workers(static_cast<size_t>(jobs));
  std::atomic<size_t> done{0};
  std::mutex error_mutex;
  std::atomic<bool> finished{false};
  std::thread progress_thread;
  std::condition_variable progress_cv;
  std::mutex progress_mutex;
  if (options.progress) {
    progress_thread = std::thread([&] {
      std::unique_lock lock(progress_mutex);
      while (!progress_cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return finished.load(); }))
        options.progress(done.load(), pages.size());
    });
  }
  // Pages and data files share one queue; the data files go first, as they are the longest. A file
  // made from another's bytes (an opendata workbook from its CSV) is made in its source's task, from the
  // source made again part by part. The open data are one task, in order, so that one big table's parts
  // and workbook at a time are in memory (the JSON files, each as big as its CSV, too); at 2,000 schools
  // that task is about a fifth of the build's CPU, beside the pages on the other threads.
  std::set<std::string> paths;
  for (const auto& f : extra) paths.insert(f.path);
  std::map<std::string, std::vector<size_t>> derived;  // source path → files made from it
  std::vector<size_t> open_data, others;  // open_data: one task, in this order
  for (size_t i = 0; i < extra.size(); ++i)
    if (!extra[i].source.empty() && paths.count(extra[i].source)) derived[extra[i].source].push_back(i);
  for (size_t i = 0; i < extra.size(); ++i)
    if (extra[i].source.empty() || !paths.count(extra[i].source))
      (derived.count(extra[i].path) || extra[i].path.rfind("opendata/", 0) == 0 ? open_data : others).push_back(i);
  // Tasks: the open data, the pages' folders, the other data files, the pages.
  const size_t dirs_task = open_data.empty() ? 0 : 1, first_other = dirs_task + 1, first_page = first_other + others.size();
  // The pages' tasks: a page each, or with an auditor, a school's site each (its pages in their order); the
  // pages the renderer would have rendered one after the other (a volume of profiles and its schools' reports),
  // in one task.
  std::vector<std::vector<size_t>> tasks;
  std::vector<std::string> task_roots;  // the school site a task is, "" for none
  {
    std::unordered_map<std::string, size_t> task_of_key;
    for (size_t i = 0; i < pages.size(); ++i) {
      std::string root = auditor ? auditor->school_root(pages[i].file()) : std::string();
      std::string key = root.empty() ? site.render_group(pages[i]) : root;
      if (key.empty()) {
        tasks.push_back({i});
        task_roots.emplace_back();
        continue;
      }
      // A school's root and a group's path are both folders of the output, never the same.
      size_t task = task_of_key.try_emplace(key, tasks.size()).first->second;
      if (task == tasks.size()) {
        tasks.emplace_back();
        task_roots.push_back(root);
      }
      tasks[task].push_back(i);
    }
  }
  // One data file and those derived from it; `biggest`: the size of the biggest held whole. A file made in
  // parts is never held whole: it is written part by part, and what is derived from it makes it again.
  auto write_data_file = [&](size_t i, size_t& biggest) {
    try {
      const OutputFile& f = extra[i];
      std::string contents;
      if (f.parts) {
        if (Status written = output.write_parts(f.path, f.parts); !written.ok()) return written;
      } else {
        contents = f.render();
        biggest = contents.size();
        if (Status written = output.write(f.path, contents); !written.ok()) return written;
        if (auditor && f.path.ends_with(".html")) auditor->page(f.path, contents);
      }
      auto made = derived.find(f.path);
      if (made == derived.end()) return Status();
      PartsMaker source = f.parts ? f.parts : PartsMaker([&contents](TextParts& p) { p.text() += contents; });
      for (size_t k : made->second)
        if (Status written = output.write_parts(extra[k].path, extra[k].derive(source)); !written.ok()) return written;
      return Status();
    } catch (const OutputError& e) {  // a workbook libxlsxwriter could not write
      return io_failure(e.what());
    }
  };
  auto write_file = [&](size_t i) {
    size_t biggest = 0;
    Status written = write_data_file(i, biggest);
    // A big file's text is freed: its memory goes back to the system instead of staying with the thread's
    // arena, which pages never fill again (a table is tens of MB at 2,000 schools).
    if (biggest >= kBigFile) give_back_free_memory();
    return written;
  };
  parallel_for(first_page + tasks.size(), jobs, [&](size_t t, int w) {
    Status written;
    if (t < dirs_task) {
      for (size_t i : open_data)
        if (!(written = write_file(i)).ok()) break;
    } else if (t == dirs_task) {
      // The pages' tasks wait for this one, whatever happens to it.
      auto tell = [&](Status s) {
        {
          std::lock_guard lock(dirs_mutex);
          page_dirs = std::move(s);
        }
        dirs_cv.notify_all();
      };
      try {
        written = make_page_dirs();
      } catch (...) {
        tell(io_failure("не удалось создать папки страниц"));
        throw;
      }
      tell(written);
    } else if (t < first_page) {
      written = write_file(others[t - first_other]);
    } else if (written = pages_ready(); written.ok()) {
      auto& worker = workers[static_cast<size_t>(w)];
      if (!worker) worker = std::make_unique<SiteRenderer::Worker>(site);
      const std::string& root = task_roots[t - first_page];
      const std::vector<size_t>& task = tasks[t - first_page];
      std::deque<std::string> texts;  // a school's pages, kept for its audit
      std::map<std::string, std::string_view> school;
      bool big = false;
      auto write_page = [&](const PageRef& page, std::string html) {
        std::string file = page.file();
        if (!(written = output.write(file, html)).ok()) return;
        ++done;
        big = big || html.size() >= kBigFile;
        if (!auditor) return;
        if (root.empty()) {
          auditor->page(file, html);
          return;
        }
        texts.push_back(std::move(html));
        school.emplace(std::move(file), texts.back());
      };
      // Pages of this task another of its pages renders by the way: written as they come, not rendered again.
      std::set<const PageRef*> made;
      worker->by_the_way = [&](const PageRef& page, std::string html) {
        if (!written.ok() || std::none_of(task.begin(), task.end(), [&](size_t i) { return &pages[i] == &page; })) return;
        made.insert(&page);
        write_page(page, std::move(html));
      };
      for (size_t i : task) {
        if (made.count(&pages[i])) continue;
        auto before = rendered.find(pages[i].path);
        std::string html = before != rendered.end() ? std::move(before->second) : worker->render(pages[i]);
        if (!written.ok()) break;  // a page rendered by the way could not be written
        write_page(pages[i], std::move(html));
        if (!written.ok()) break;
      }
      worker->by_the_way = nullptr;
      if (written.ok() && auditor && !root.empty()) auditor->school(root, school);
      texts.clear();
      if (big) give_back_free_memory();  // a report of a hundred schools' profiles
    }
    if (!written.ok()) {
      std::lock_guard lock(error_mutex);
      if (first_failure.ok()) first_failure = std::move(written);
      return false;
    }
    return true;
  });
  {
    std::lock_guard lock(progress_mutex);
    finished = true;
  }
  progress_cv.notify_all();
  if (progress_thread.joinable()) progress_thread.join();
  return first_failure;
}

// The warnings of the site's data that build and check both give (`in_full`: check's, school by school), in this order.
void report_data_warnings(const Municipality& m, const std::string& prefix, Diagnostics& diag, bool in_full) {
  report_missing_information(m, diag, in_full);
  report_signature_problems(m, prefix, diag, in_full);
  report_teacher_counts(m, prefix, diag);
  report_outdated(m, prefix, diag);
  report_missing_menus(m, diag, in_full);
  report_rules_without_data(m, diag);
  report_olympiad_gaps(m, diag, in_full);
  report_olympiad_participations(m, diag);
}

// The analysis of the reporting year, and for each earlier year that has its own decisions, the way to its
// analysis as it was when that year was the reporting year (from the rows up to that year only), made when
// its report is rendered (render_past_reports, or a preview's request) and freed after.
struct Analysed {
  std::unique_ptr<AnalysisResult> result;  // the reporting year's; outlives the tasks that read it
  std::vector<PastAnalysis> past;          // oldest first
};

Analysed analyse_years(const Municipality& m, int jobs) {
  Analysed out;
  out.result = analyse(m, jobs);
  const Classification& cl = out.result->classification;
  for (size_t y = 0; y + 1 < cl.years.size(); ++y) {
    if (!has_decisions(cl, y)) continue;
    int year = cl.years[y];
    out.past.push_back({year, [&m, year, jobs](const std::function<void(const PastYear&)>& use) {
                          {
                            const Municipality then = up_to_year(m, year);
                            auto analysed = analyse(then, jobs, false);  // its report shows no similar schools or monitoring
                            use(PastYear{then, analysed->overview, *analysed->view});
                          }
                          give_back_free_memory();  // about 100 MB at 2,000 schools, which the thread's arena would keep
                        }});
  }
  return out;
}

// The analysis reports of earlier years, rendered one at a time before any file is written: each makes that
// year's model and analysis for itself (PastAnalysis), hundreds of MB at 10,000 schools, which then never
// meet the indexes of the output's files that a build holds while it writes and that grow with every page.
std::map<std::string, std::string> render_past_reports(const SiteRenderer& site) {
  std::set<std::string> past;
  for (const auto& r : site.reports())
    if (r.kind == ReportRef::Kind::analysis && r.index > 0) past.insert(r.path);
  std::map<std::string, std::string> rendered;
  if (past.empty()) return rendered;
  give_back_free_memory();  // what the analysis's threads freed, before the biggest passing need of the build
  SiteRenderer::Worker worker(site);
  for (const auto& page : site.pages())
    if (past.count(page.path)) rendered.emplace(page.path, worker.render(page));
  return rendered;
}

// The reports just written into the output's folder, printed to PDF next to them with one Chromium;
// `pdfs` is how many were written.
Status print_pdfs(const std::string& chromium, Output& output, int jobs, size_t* pdfs) {
  std::string folder = output.folder();
  if (folder.empty()) return io_failure("отчёты печатаются в PDF только в папку на диске");
  std::vector<std::string> reports;
  Status found = find_reports(folder, {}, &reports);
  PdfResult printed = print_reports(chromium, folder, reports, std::max(1, jobs));
  if (!found.ok() || !printed.status.ok()) return io_failure((found.ok() ? printed.status : found).message());
  *pdfs = printed.written.size();
  return Status();
}

// The audit of what was just written, as a page for the department (audit/); its findings go into the
// report. `auditor` has had every page as it was written; without it (PDFs printed after the pages), the
// output is read back, PDFs included.
Status write_audit_page(const SiteRenderer& site, Output& output, OutputAuditor* auditor, int jobs, BuildReport& report) {
  give_back_free_memory();  // what the pages' threads freed, before the biggest page is made
  OutputAudit audit = auditor ? auditor->finish() : audit_output(*output.written(), builtin_openness(), std::max(1, jobs));
  SiteRenderer::Worker worker(site);
  if (Status made = output.make_dirs({"audit"}); !made.ok()) return made;
  // Tens of MB at 2,000 schools: written as it is made.
  PartsMaker page = [&](TextParts& parts) { worker.audit_page(audit, parts); };
  if (Status written = output.write_parts("audit/index.html", page); !written.ok()) return written;
  give_back_free_memory();  // the page of every finding: tens of MB at 2,000 schools
  report.audit_errors = audit.errors;
  report.audit = std::move(audit);
  return Status();
}

// Everything a build renders from, owned together: the build writes from it, and a preview (serve)
// renders from it page by page while the build runs and after it returns, for as long as it holds it.
struct SiteInMemory final : PreviewSite {
  Loaded loaded;
  Analysed analysed;
  std::optional<SiteRenderer> site;
  std::vector<OutputFile> extra;  // every file that is not a page, data files first
  std::unordered_map<std::string, size_t> pages_by_path, files_by_path;  // made for a preview or the audit
  bool indexed = false;
  mutable std::mutex worker_mutex;
  mutable std::unique_ptr<SiteRenderer::Worker> worker;

  // Once, when a preview or the audit first needs it.
  void index() {
    if (indexed) return;
    indexed = true;
    const auto& pages = site->pages();
    for (size_t i = 0; i < pages.size(); ++i) pages_by_path.emplace(pages[i].file(), i);
    for (size_t i = 0; i < extra.size(); ++i) files_by_path.emplace(extra[i].path, i);
  }
  bool has(const std::string& rel_path) const override {
    return pages_by_path.count(rel_path) > 0 || files_by_path.count(rel_path) > 0;
  }
  std::optional<std::string> render(const std::string& rel_path) const override {
    if (auto page = pages_by_path.find(rel_path); page != pages_by_path.end()) {
      std::lock_guard lock(worker_mutex);
      if (!worker) worker = std::make_unique<SiteRenderer::Worker>(*site);
      return worker->render(site->pages()[page->second]);
    }
    if (auto file = files_by_path.find(rel_path); file != files_by_path.end()) {
      try {
        return extra[file->second].render();
      } catch (const OutputError&) {  // a workbook libxlsxwriter could not make: the build says why
        return std::nullopt;
      }
    }
    return std::nullopt;
  }
};

}  // namespace

BuildReport check_site(const BuildOptions& options) {
  BuildReport report;
  auto start = Clock::now();
  RealDisk disk(options.site_dir);
  Loaded loaded = load_all(options, disk, report);
  if (loaded.municipality && report.status.ok()) {
    report_data_warnings(*loaded.municipality, loaded.display_prefix, report.diagnostics, true);
    report.first_steps = first_steps(*loaded.municipality, builtin_vocabulary(), options.site_dir);
    // The pages and files a build would write, for their addresses only: nothing is rendered.
    if (loaded.theme) {
      const Municipality& m = *loaded.municipality;
      std::unique_ptr<AnalysisResult> result = analyse(m, options.jobs);
      SiteRenderer site(m, *loaded.theme, result->overview, *result->view);
      std::vector<OutputFile> extra = opendata_files(m, *result->view);
      for (auto& f : site.files()) extra.push_back(std::move(f));
      report_output_conflicts(m, site, extra, loaded.display_prefix, report.diagnostics);
      if (report.diagnostics.has_errors()) report.status = input_errors();
    }
  }
  report.seconds = since(start);
  return report;
}

std::string output_dir(const BuildOptions& options) {
  return options.out_dir.empty() ? (std::filesystem::path(options.site_dir) / "output").lexically_normal().string() : options.out_dir;
}

BuildReport build_site(const BuildOptions& options) {
  RealDisk input(options.site_dir);
  StagedOutput output(output_dir(options), std::max(1, options.jobs));
  return build_site(options, input, output);
}

BuildReport build_site(const BuildOptions& options, const Disk& input, Output& output) {
  BuildReport report;
  auto start = Clock::now();
  auto in_memory = std::make_shared<SiteInMemory>();
  struct HandOver {  // on every return, after whatever refers to it
    const BuildOptions& options;
    std::shared_ptr<SiteInMemory>& site;
    ~HandOver() {
      if (options.outlive) options.outlive(std::move(site));
    }
  } hand_over{options, in_memory};
  if (options.reuse) output.expect_previous();
  Loaded& loaded = in_memory->loaded;
  loaded = load_all(options, input, report);
  auto lap = start;
  auto stage = [&](const char* name) {
    auto now = Clock::now();
    report.stages.push_back({name, std::chrono::duration<double>(now - lap).count()});
    lap = now;
  };
  stage("загрузка и проверка данных");
  if (!report.status.ok() || !loaded.municipality || !loaded.theme) {
    report.status = input_errors();
    return report;
  }
  std::optional<std::string> chromium;
  if (options.pdf && !(chromium = find_chromium())) {
    report.status = Status::failure(ExitCode::tool, chromium_missing_message());
    return report;
  }
  // The menus of data/menus.csv as workbooks, before the pages that give their sizes.
  if (report.status = write_menu_workbooks(*loaded.municipality); !report.status.ok()) return report;
  const Municipality& m = *loaded.municipality;
  in_memory->analysed = analyse_years(m, options.jobs);
  const Analysed& analysed = in_memory->analysed;
  const AnalysisResult& result = *analysed.result;
  stage("анализ");
  std::vector<OutputFile>& extra = in_memory->extra;
  extra = opendata_files(m, *result.view);

  report.out_dir = output_dir(options);
  const SiteRenderer& site = in_memory->site.emplace(m, *loaded.theme, result.overview, *result.view, options.pdf, analysed.past);
  for (auto& f : site.files()) extra.push_back(std::move(f));
  report_data_warnings(m, loaded.display_prefix, report.diagnostics, false);
  report_idle_decisions(m, result.lists, loaded.display_prefix, report.diagnostics);
  report_monitoring_gaps(m, result.monitoring, report.diagnostics);
  report.first_steps = first_steps(m, builtin_vocabulary(), options.site_dir);
  const auto& pages = site.pages();
  // One output path, one owner: a clash is an input error, found before anything is written.
  report_output_conflicts(m, site, extra, loaded.display_prefix, report.diagnostics);
  if (report.diagnostics.has_errors()) {
    report.status = input_errors();
    return report;
  }
  if (options.on_preview) {
    in_memory->index();
    options.on_preview(in_memory);
  }
  // What this output follows from; a previous output published from the same is this build's output.
  const std::string key = options.reuse ? build_key({options.site_dir, report.out_dir, m.site.as_of, options.pdf, chromium}, input) : "";
  if (report.status = output.open(); !report.status.ok()) return report;
  if (auto previous = output.previous_build(key)) {
    // Nothing it follows from has changed, and no one has touched it: it stays as it is, with nothing
    // rendered, written or audited again (its stage, empty, goes with `output`).
    stage("сверка с прежней сборкой: всё как было");
    report.pages = previous->pages;
    report.files = previous->files;
    report.pdfs = previous->pdfs;
    report.audit_errors = previous->audit_errors;
    report.files_changed = 0;
    report.seconds = since(start);
    return report;
  }
  std::map<std::string, std::string> rendered = render_past_reports(site);
  // The audit as the pages are written, from their text, unless PDFs are printed after them: then from
  // the files, once printed.
  std::optional<OutputAuditor> auditor;
  if (!chromium) {
    std::set<std::string> files;
    for (const auto& p : pages) files.insert(p.file());
    for (const auto& f : extra) files.insert(f.path);
    in_memory->index();
    auditor.emplace(std::move(files), builtin_openness(),
                    [&memory = *in_memory](const std::string& path) { return memory.render(path); }, std::max(1, options.jobs));
  }
  if (report.status = write_all(site, extra, options, output, auditor ? &*auditor : nullptr, std::move(rendered)); !report.status.ok())
    return report;
  stage("страницы и файлы во временную папку");
  if (chromium) {
    // Printed inside the stage, so a failure leaves the previous output as it was.
    if (report.status = print_pdfs(*chromium, output, options.jobs, &report.pdfs); !report.status.ok()) return report;
    stage("отчёты в PDF");
  }
  if (report.status = write_audit_page(site, output, auditor ? &*auditor : nullptr, options.jobs, report); !report.status.ok())
    return report;
  stage("проверка опубликованного (audit/)");
  if (report.status = output.sync(); !report.status.ok()) return report;
  if (report.status = output.commit(); !report.status.ok()) return report;
  report.pages = pages.size();
  report.files = output.files();
  report.files_changed = output.files_changed();
  output.remember_build(key, {report.pages, report.files, report.pdfs, report.audit_errors});
  // The record for the next build is part of the swap: its time (a walk of the output when files were carried
  // over) is in a stage, so that the stages add up to the whole.
  stage("сброс на диск и замена прежней сборки");
  report.seconds = since(start);
  return report;
}

}  // namespace sveden
