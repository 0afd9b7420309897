// The `sveden` command line: init, build, check, serve, pdf, synth; messages in Russian; exit codes 0 ok,
// 1 input errors, 2 usage, 3 I/O, 4 a needed program missing.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <csignal>
#include <filesystem>
#include <cstdio>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "load/openness_vocabulary.h"
#include "load/site_loader.h"
#include "monitor/monitor_round.h"
#include "audit/site_audit.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "base/free_memory.h"
#include "base/status.h"
#include "model/openness.h"
#include "russian/typography.h"
#include "serve/live_site.h"
#include "serve/static_server.h"
#include "site/build.h"
#include "site/check.h"
#include "write/exit_cleanup.h"
#include "site/init.h"
#include "site/pdf.h"
#include "synth/synthetic_site.h"

namespace sveden {
namespace {

// The exit codes of base/status.h, as the process returns them.
constexpr int kExitOk = exit_status(ExitCode::ok), kExitInput = exit_status(ExitCode::input), kExitUsage = exit_status(ExitCode::usage),
              kExitIo = exit_status(ExitCode::io), kExitTool = exit_status(ExitCode::tool);

// A failed step: its message, and the exit code it gives.
int failed(const Status& status) {
  fmt::print(stderr, "sveden: {}\n", status.message());
  return exit_status(status.code());
}

const char* kHelp =
    "sveden — генератор сайтов и отчётов муниципального органа управления образованием\n"
    "\n"
    "Использование:\n"
    "  sveden init [ПАПКА] [--github]\n"
    "      Создать папку нового сайта (по умолчанию — текущая, она должна быть пустой): site.yaml с пояснениями,\n"
    "      пустые таблицы data/*.csv с заголовками, книгу Excel data/таблицы.xlsx, заготовки content/\n"
    "      и «С чего начать.md». Сайт в ней сразу собирается командой sveden build. С --github — ещё и\n"
    "      .github/workflows/sveden.yml: публикация на GitHub Pages (docs/PUBLISHING.md).\n"
    "  sveden build [--site ПАПКА] [--out ПАПКА] [--jobs N] [--as-of ГГГГ-ММ-ДД] [--pdf] [--verbose]\n"
    "      Собрать сайт. По умолчанию папка сайта — текущая, результат — ПАПКА/output.\n"
    "      При любой ошибке во входных данных ничего не записывается, прежняя сборка остаётся.\n"
    "      С --pdf отчёты из reports/ печатаются и в PDF (нужен Chromium).\n"
    "  sveden pdf [--site ПАПКА] [--out ПАПКА] [ОТЧЁТ…]\n"
    "      Напечатать в PDF отчёты уже собранного сайта (все или названные: roadmap, analysis-2025,\n"
    "      schools/sosh-1…); PDF ложится рядом с HTML отчёта. Нужен Chromium (пакет chromium).\n"
    "  sveden check [--site ПАПКА] [--out ПАПКА] [--format json] [--as-of ГГГГ-ММ-ДД]\n"
    "      Проверить все входные данные, затем собрать сайт в памяти, ничего не записывая (или взять\n"
    "      готовую сборку из --out), и проверить опубликованное так, как его читает робот Рособрнадзора:\n"
    "      14 подразделов каждой школы, разметку itemprop, ссылки на документы, все ссылки и якоря.\n"
    "  sveden check --site-dir ПАПКА [--format json]\n"
    "      Проверить сайт одной школы в любой папке (например, сохранённый wget --mirror).\n"
    "  sveden monitor [--site ПАПКА] [--date ГГГГ-ММ-ДД] [--school КОД] [--delay МС] [--timeout С]\n"
    "                 [--max-pages N] [--max-mb N]\n"
    "      Круг мониторинга официальных сайтов школ и организаций из data/: главная страница, раздел\n"
    "      «Сведения…» с подразделами и документами сохраняются в monitoring/ГГГГ-ММ-ДД/<Код ОО>/ и\n"
    "      проверяются; прерванный круг продолжается с того же места. Единственная команда, которая\n"
    "      обращается к сети. Результат публикует sveden build (без сети, из сохранённых снимков).\n"
    "  sveden serve [--site ПАПКА] [--out ПАПКА] [--port N]\n"
    "      Собрать сайт и открыть его для просмотра в браузере на http://127.0.0.1:N/ (по умолчанию 8000).\n"
    "  sveden synth --schools N [--seed S] --out ПАПКА\n"
    "      Создать папку вымышленного сайта из N школ (для замеров и тестов).\n"
    "  sveden --help       эта справка\n"
    "  sveden --version    версия\n"
    "\n"
    "Параметры:\n"
    "  --site ПАПКА        папка сайта: site.yaml, data/, content/, themes/\n"
    "  --out ПАПКА         куда собрать сайт (по умолчанию ПАПКА_САЙТА/output)\n"
    "  --jobs N            число потоков (по умолчанию — все ядра)\n"
    "  --as-of ДАТА        дата «по состоянию на» вместо указанной в site.yaml\n"
    "  --verbose           (build) время каждого этапа: загрузка, анализ, страницы, PDF, проверка, запись\n"
    "\n"
    "Коды завершения: 0 — успешно, 1 — ошибки во входных данных, 2 — неверный вызов, 3 — ошибка записи,\n"
    "4 — не найдена нужная программа (Chromium для PDF).\n";

struct Args {
  std::string command;
  std::string site = ".";
  std::string out;
  int jobs = 0;
  std::optional<Date> as_of;
  long schools = -1;
  unsigned long long seed = 1;
  int port = 8000;
  bool pdf = false;
  bool verbose = false;              // build --verbose: each stage's time
  std::vector<std::string> reports;  // pdf: which reports
  std::string site_dir;              // check --site-dir
  std::string init_dir;              // init: the new site's folder
  bool json = false;                 // check --format json
  bool github = false;               // init --github: the GitHub Pages workflow
  // monitor: the round's date (today by default), one school, the pace and the bounds of the crawl
  std::optional<Date> date;
  std::string school;
  long delay_ms = -1, timeout = -1, max_pages = -1, max_mb = -1;
};

std::atomic<bool> g_stop{false};

int usage_error(const std::string& message) {
  fmt::print(stderr, "sveden: {}\nСправка: sveden --help\n", message);
  return kExitUsage;
}

template <typename T>
bool parse_int(const std::string& s, T* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Returns an exit code, or -1 when parsing succeeded.
int parse_args(int argc, char** argv, Args* a) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("не указана команда (init, build, check, serve, pdf или synth)");
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string* out) -> bool {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", kHelp);
      return kExitOk;
    } else if (arg == "--version") {
      fmt::print("sveden {}\n", SVEDEN_VERSION);
      return kExitOk;
    } else if (arg == "--site") {
      if (!value(&a->site)) return usage_error("после --site укажите папку сайта");
    } else if (arg == "--out") {
      if (!value(&a->out)) return usage_error("после --out укажите папку");
    } else if (arg == "--jobs" || arg == "-j") {
      if (!value(&v) || !parse_int(v, &a->jobs) || a->jobs < 1 || a->jobs > 256)
        return usage_error("--jobs: укажите число потоков от 1 до 256");
    } else if (arg == "--as-of") {
      if (!value(&v) || !(a->as_of = parse_iso_date(v)))
        return usage_error(fmt::format("--as-of: «{}» — не дата; пишите ГГГГ-ММ-ДД, например 2025-10-01", v));
    } else if (arg == "--schools") {
      if (!value(&v) || !parse_int(v, &a->schools) || a->schools < 1 || a->schools > 100000)
        return usage_error("--schools: укажите число школ от 1 до 100000");
    } else if (arg == "--port") {
      if (!value(&v) || !parse_int(v, &a->port) || a->port < 1 || a->port > 65535)
        return usage_error("--port: укажите номер порта от 1 до 65535");
    } else if (arg == "--site-dir") {
      if (!value(&a->site_dir)) return usage_error("после --site-dir укажите папку сайта школы");
    } else if (arg == "--format") {
      if (!value(&v) || (v != "json" && v != "text")) return usage_error("--format: json или text");
      a->json = v == "json";
    } else if (arg == "--pdf") {
      a->pdf = true;
    } else if (arg == "--verbose" || arg == "-v") {
      a->verbose = true;
    } else if (arg == "--github") {
      a->github = true;
    } else if (arg == "--date") {
      if (!value(&v) || !(a->date = parse_iso_date(v)))
        return usage_error(fmt::format("--date: «{}» — не дата; пишите ГГГГ-ММ-ДД, например 2026-03-10", v));
    } else if (arg == "--school") {
      if (!value(&a->school)) return usage_error("после --school укажите Код ОО школы");
    } else if (arg == "--delay" || arg == "--timeout" || arg == "--max-pages" || arg == "--max-mb") {
      long* target = arg == "--delay" ? &a->delay_ms : arg == "--timeout" ? &a->timeout : arg == "--max-pages" ? &a->max_pages : &a->max_mb;
      if (!value(&v) || !parse_int(v, target) || *target < 0 || *target > 1000000)
        return usage_error(fmt::format("{}: укажите целое число от 0 до 1000000", arg));
    } else if (arg == "--seed") {
      if (!value(&v) || !parse_int(v, &a->seed)) return usage_error("--seed: укажите целое неотрицательное число");
    } else if (!arg.empty() && arg[0] == '-') {
      return usage_error(fmt::format("неизвестный параметр «{}»", arg));
    } else if (a->command.empty()) {
      a->command = arg;
    } else if (a->command == "pdf") {
      a->reports.push_back(arg);
    } else if (a->command == "init" && a->init_dir.empty()) {
      a->init_dir = arg;
    } else {
      return usage_error(fmt::format("лишний аргумент «{}»", arg));
    }
  }
  if (a->command != "build" && a->command != "check" && a->command != "synth" && a->command != "serve" && a->command != "pdf" &&
      a->command != "init" && a->command != "monitor")
    return usage_error(a->command.empty() ? "не указана команда (init, build, check, serve, pdf или synth)"
                                          : fmt::format("неизвестная команда «{}»", a->command));
  if (a->command == "synth" && (a->schools < 0 || a->out.empty()))
    return usage_error("synth: укажите --schools N и --out ПАПКА");
  if (a->command != "synth" && a->schools >= 0) return usage_error("--schools используется только с командой synth");
  if ((!a->site_dir.empty() || a->json) && a->command != "check") return usage_error("--site-dir и --format используются только с командой check");
  if (a->pdf && a->command != "build") return usage_error("--pdf используется только с командой build; отдельно — sveden pdf");
  if (a->verbose && a->command != "build") return usage_error("--verbose используется только с командой build");
  if ((a->date || !a->school.empty() || a->delay_ms >= 0 || a->timeout >= 0 || a->max_pages >= 0 || a->max_mb >= 0) && a->command != "monitor")
    return usage_error("--date, --school, --delay, --timeout, --max-pages и --max-mb используются только с командой monitor");
  return -1;
}

void print_diagnostics(const Diagnostics& d) {
  fmt::print(stderr, "{}", format_all(d));
  if (d.errors() == 0 && d.warnings() == 0) return;
  std::vector<std::string> parts;
  if (d.errors()) parts.push_back(count_noun(d.errors(), "ошибка", "ошибки", "ошибок"));
  if (d.warnings()) parts.push_back(count_noun(d.warnings(), "предупреждение", "предупреждения", "предупреждений"));
  fmt::print(stderr, "Найдено: {}.\n", fmt::join(parts, ", "));
}

// «17 школ и 1 филиал», and the other subordinate organisations if any: «…, 2 иные организации».
std::string register_text(const BuildReport& r) {
  std::string out = count_schools(r.schools, r.branches);
  if (r.organisations > 0) out += ", " + count_noun(r.organisations, "иная организация", "иные организации", "иных организаций");
  return out;
}

std::string seconds_text(double s) { return format_number(s, s < 10 ? 2 : 1) + std::string(kNbsp) + "с"; }

void print_summary(const BuildReport& r) {
  fmt::print("Готово: {}, {}, {} записано за {} → {}/\n", register_text(r),
             count_noun(static_cast<long long>(r.pages), "страница", "страницы", "страниц"),
             count_noun(static_cast<long long>(r.files), "файл", "файла", "файлов"), seconds_text(r.seconds), r.out_dir);
  // Files equal to the previous build's are carried over, not written (write/staged_output.h).
  const auto changed = static_cast<long long>(r.files_changed);
  if (changed == 0)
    fmt::print("Ни один файл не изменился: это файлы прежней сборки, не переписанные.\n");
  else if (r.files_changed < r.files)
    fmt::print("{} {} из {}; остальные — файлы прежней сборки, не переписанные.\n", plural(changed, "Изменился", "Изменились", "Изменились"),
               count_noun(changed, "файл", "файла", "файлов"), format_count(static_cast<long long>(r.files)));
  if (r.pdfs > 0) fmt::print("Отчёты в PDF: {}.\n", count_noun(static_cast<long long>(r.pdfs), "файл", "файла", "файлов"));
  if (r.audit_errors > 0)
    fmt::print("Проверка опубликованного нашла {}: см. {}/audit/index.html или sveden check.\n",
               count_noun(r.audit_errors, "ошибку", "ошибки", "ошибок"), r.out_dir);
  fmt::print("{}", r.first_steps);
  std::fflush(stdout);
}

// `--verbose`: where the time went, stage by stage, with each stage's share of the whole.
void print_stages(const BuildReport& r) {
  for (const auto& s : r.stages)
    fmt::print("  {:<40} {:>9}  {:>3}{}%\n", s.name, seconds_text(s.seconds),
               r.seconds > 0 ? static_cast<int>(100 * s.seconds / r.seconds + 0.5) : 0, kNbsp);
}

// `sveden serve`: the preview, rebuilt when the site folder changes; a failed build shows its
// errors in the browser instead of the stale site.
int serve(const Args& a, const BuildOptions& o, const BuildReport& first) {
  LiveState state;
  if (first.status.code() == ExitCode::input) {
    state.failed(build_error_page(format_all(first.diagnostics)));
    fmt::print(stderr, "Сборка не выполнена: ошибки показаны и в браузере. Исправьте их — сайт пересоберётся сам.\n");
  }
  std::string out = !first.out_dir.empty() ? first.out_dir
                    : !a.out.empty()         ? a.out
                                             : (std::filesystem::path(a.site) / "output").lexically_normal().string();
  on_signal([] { g_stop = true; });  // Ctrl+C stops the preview gracefully
  std::thread watcher([&] {
    watch_site(a.site, g_stop, 150, [&] {
      fmt::print("Изменились файлы сайта: пересборка…\n");
      std::fflush(stdout);
      BuildOptions again = o;
      again.progress = nullptr;
      // Pages show the edit as soon as the data are analysed; the output folder follows.
      again.on_preview = [&](std::shared_ptr<const PreviewSite> site) {
        state.previewing(std::move(site));
        fmt::print("Страницы уже показывают изменения; сборка записывает папку результата…\n");
        std::fflush(stdout);
      };
      BuildReport r = build_site(again);
      print_diagnostics(r.diagnostics);
      if (r.status.ok()) {
        print_summary(r);
        state.built();
      } else {
        fmt::print(stderr, "Сборка не выполнена: ошибки показаны и в браузере.\n");
        state.failed(build_error_page(format_all(r.diagnostics) + (r.status.code() == ExitCode::input ? "" : "\n" + r.status.message())));
      }
    });
  });
  fmt::print("Сайт открыт для просмотра: http://127.0.0.1:{}/ — страницы обновляются сами после изменений; остановить: Ctrl+C\n", a.port);
  std::fflush(stdout);
  Status served = serve_static(ServeOptions{out, a.port, &state}, g_stop);
  g_stop = true;
  watcher.join();
  if (!served.ok()) return failed(served);
  fmt::print("Просмотр остановлен.\n");
  return kExitOk;
}

// `sveden monitor`: a round of the monitoring of the organisations' own websites.
int monitor(const Args& a) {
  if (a.as_of || a.jobs || !a.out.empty()) return usage_error("с командой monitor используются --site, --date, --school, --delay, --timeout, --max-pages и --max-mb");
  RealDisk disk(a.site);
  Diagnostics diag;
  LoadOptions lo;
  lo.display_prefix = a.site == "." ? "" : a.site;
  std::optional<Municipality> m = load_municipality(disk, lo, diag);
  // The data's own warnings are the build's business; here only errors and the websites that cannot be monitored.
  if (!m || diag.has_errors()) print_diagnostics(diag);
  Diagnostics sites;
  if (m && !diag.has_errors()) check_websites(*m, lo.display_prefix, sites);
  print_diagnostics(sites);
  if (!m || diag.has_errors()) {
    fmt::print(stderr, "Мониторинг не начат: исправьте ошибки в данных.\n");
    return kExitInput;
  }
  MonitorOptions o;
  o.site_dir = a.site;
  o.only = a.school;
  if (!a.school.empty() && !m->find(a.school)) return usage_error(fmt::format("--school: школы с Кодом ОО «{}» нет в данных", a.school));
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  o.date = a.date ? *a.date : Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
  if (a.delay_ms >= 0) o.crawl.delay_ms = static_cast<int>(a.delay_ms);
  if (a.timeout > 0) o.crawl.limits.timeout_seconds = a.timeout, o.crawl.limits.connect_timeout_seconds = std::min(a.timeout, 10L);
  if (a.max_pages > 0) o.crawl.max_requests = static_cast<int>(a.max_pages);
  if (a.max_mb > 0) o.crawl.max_bytes = static_cast<long long>(a.max_mb) << 20, o.crawl.limits.max_bytes = std::min(o.crawl.limits.max_bytes, o.crawl.max_bytes);
  std::unique_ptr<HttpClient> client = make_curl_client(monitor_user_agent(*m));
  fmt::print("Мониторинг сайтов, круг {}: снимки в {}/monitoring/{}/\n", format_date(o.date), a.site, o.date.iso());
  MonitorSummary s = run_monitor(*m, *client, o, [](const std::string& line) { fmt::print("{}\n", line); });
  fmt::print("\nПроверено сайтов: {}; не открываются: {}. Замечаний: {}, {}.\n", s.sites, s.unreachable,
             count_noun(s.errors, "ошибка", "ошибки", "ошибок"), count_noun(s.warnings, "предупреждение", "предупреждения", "предупреждений"));
  if (s.previous.empty()) fmt::print("Это первый круг: сравнивать не с чем.\n");
  else fmt::print("С круга {}: исправлено {}, новых {}, остаются {}.\n", s.previous, s.fixed, s.added, s.open);
  fmt::print("Опубликовать: sveden build (страница «Мониторинг официальных сайтов…», отчёт, opendata/).\n");
  return kExitOk;
}

// `sveden check`: the input, then the published output as the robot reads it (site/check.h).
int check(const Args& a, const BuildOptions& o) {
  auto report_audit = [&](const PublishedCheck& c, const std::string& total = "Итого") {
    if (!c.status.ok()) return failed(c.status);
    // Written as it is: fmt::print would format a copy first (147 MB at 10,000 schools).
    std::string text = a.json ? format_audit_json(c.audit) : format_audit_text(c.audit, c.shown, total);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return c.passes() ? kExitOk : kExitInput;
  };
  if (!a.site_dir.empty()) return report_audit(check_saved_site(a.site_dir));
  BuildReport r = check_site(o);
  print_diagnostics(r.diagnostics);
  if (!r.status.ok()) return exit_status(r.status.code());
  // The input's warnings are counted here, the published site's findings in the audit's own total below:
  // one run never says «0 предупреждений» of the input after «Найдено: 5 предупреждений».
  if (!a.json)
    fmt::print("Входные данные: {}, ошибок нет{}.\n{}", register_text(r),
               r.diagnostics.warnings() ? ", " + count_noun(r.diagnostics.warnings(), "предупреждение", "предупреждения", "предупреждений") + " (выше)"
                                        : std::string(),
               r.first_steps);
  PublishedCheck published = check_published(o);
  if (!published.build.status.ok()) print_diagnostics(published.build.diagnostics);
  if (published.build.status.code() == ExitCode::input) return kExitInput;
  return report_audit(published, "Итого по опубликованному сайту");
}

// `sveden pdf`: the reports of an existing build to PDF.
int print_pdf(const Args& a) {
  std::string out = a.out.empty() ? (std::filesystem::path(a.site) / "output").lexically_normal().string() : a.out;
  auto chromium = find_chromium();
  if (!chromium) {
    fmt::print(stderr, "sveden: {}\n", chromium_missing_message());
    return kExitTool;
  }
  std::vector<std::string> reports;
  if (Status found = find_reports(out, a.reports, &reports); !found.ok()) return failed(found);
  int jobs = a.jobs > 0 ? a.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  PdfResult r = print_reports(*chromium, out, reports, jobs);
  if (!r.status.ok()) return failed(r.status);
  fmt::print("Напечатано в PDF: {} → {}/reports/\n", count_noun(static_cast<long long>(r.written.size()), "отчёт", "отчёта", "отчётов"), out);
  return kExitOk;
}

// `sveden init`: a new site folder from the vocabulary.
int init(const Args& a) {
  std::string dir = a.init_dir.empty() ? a.site : a.init_dir;
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  if (Status made = init_site(dir, Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}, a.github); !made.ok()) return failed(made);
  std::string cd = dir == "." ? "" : fmt::format("cd {} && ", dir);
  fmt::print("Создана папка сайта {}. Дальше:\n"
             "  1. Прочтите «С чего начать.md» и заполните site.yaml и data/schools.csv (или лист «Школы» книги {}).\n"
             "  2. Соберите сайт: {}sveden build — и откройте output/index.html.\n",
             dir, kInitWorkbook, cd);
  return kExitOk;
}

int run(const Args& a) {
  if (a.command == "init") return init(a);
  if (a.command == "synth") {
    if (Status written = write_synthetic_site(SynthOptions{static_cast<int>(a.schools), a.seed}, a.out); !written.ok()) return failed(written);
    fmt::print("Создана папка сайта {} ({}).\n", a.out, count_noun(a.schools, "школа", "школы", "школ"));
    return kExitOk;
  }
  if (a.command == "pdf") return print_pdf(a);
  if (a.command == "monitor") return monitor(a);
  BuildOptions o;
  o.site_dir = a.site;
  o.pdf = a.pdf;
  o.out_dir = a.out;
  o.jobs = a.jobs > 0 ? a.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.as_of = a.as_of;
  if (a.command == "check") return check(a, o);
  bool tty = isatty(STDERR_FILENO);
  if (tty)
    o.progress = [](size_t done, size_t total) {
      fmt::print(stderr, "\rСборка: {} из {}", format_count(static_cast<long long>(done)),
                 count_noun(static_cast<long long>(total), "страницы", "страниц", "страниц"));
      std::fflush(stderr);
    };
  bool serving = a.command == "serve";
  // One build, then the process exits: what it rendered from is left to the system to take back. Held from
  // a global, so a leak checker sees it reachable.
  if (!serving)
    o.outlive = [](std::shared_ptr<const void> site) {
      static auto* const kept = new std::vector<std::shared_ptr<const void>>;
      kept->push_back(std::move(site));
    };
  BuildReport r = build_site(o);
  if (tty) fmt::print(stderr, "\r\033[K");
  print_diagnostics(r.diagnostics);
  if (r.status.code() == ExitCode::input && !serving) {
    fmt::print(stderr, "Сборка не выполнена: исправьте ошибки. Прежний результат не изменён.\n");
    return kExitInput;
  }
  if (r.status.code() == ExitCode::tool || r.status.code() == ExitCode::io) {
    fmt::print(stderr, "sveden: {}\nСборка не выполнена. Прежний результат не изменён.\n", r.status.message());
    return exit_status(r.status.code());
  }
  if (r.status.ok()) print_summary(r);
  if (r.status.ok() && a.verbose) print_stages(r);
  if (!serving) return kExitOk;
  return serve(a, o, r);
}

}  // namespace
}  // namespace sveden

int main(int argc, char** argv) {
  sveden::Args args;
  int code = sveden::parse_args(argc, argv, &args);
  if (code >= 0) return code;
  sveden::install_exit_cleanup();  // before any thread: Ctrl+C removes temporary folders, then exits
  sveden::tune_allocator_for_builds();  // before the data are loaded
  try {
    return sveden::run(args);
  } catch (const std::exception& e) {
    fmt::print(stderr, "sveden: внутренняя ошибка: {}\nСообщите о ней разработчикам; прежний результат не изменён.\n", e.what());
    return sveden::kExitIo;
  }
}
