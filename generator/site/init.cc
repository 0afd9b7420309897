#include "site/init.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "base/source_text.h"
#include "render/opendata.h"
#include "russian/typography.h"
#include "write/xlsx_writer.h"

namespace sveden {
namespace fs = std::filesystem;
namespace {

// The number as a bound is written in the docs: «2», «0,5».
std::string bound(double v) { return format_decimal(v, 2); }

// The last year whose exams are over: the results of a school year come in by July.
int last_exam_year(const Date& today) { return today.month >= 7 ? today.year : today.year - 1; }

std::string site_yaml(const Date& today) {
  int y = last_exam_year(today);
  return fmt::format(
      "# Настройки сайта (docs/DATA.md, раздел 1.1). Замените примеры своими значениями; строки с «#» — пояснения.\n"
      "# Обязательны municipality, department.name, base_url, years и as_of.\n"
      "\n"
      "# Название муниципального образования, как в уставе.\n"
      "municipality: Новый муниципальный округ\n"
      "# Субъект Российской Федерации.\n"
      "region: Энская область\n"
      "\n"
      "# Орган управления образованием: полное и краткое наименование, контакты, руководитель.\n"
      "department:\n"
      "  name: Управление образования администрации нового муниципального округа\n"
      "  short_name: Управление образования\n"
      "  # Уберите «#» в начале строк, когда впишете значения:\n"
      "  # address: Энская область, г. Новоград, ул. Советская, д. 1\n"
      "  # phone: 8 (40000) 2-00-00\n"
      "  # email: uo@example.invalid\n"
      "  # head:\n"
      "  #   position: Начальник управления образования\n"
      "  #   name: Фамилия Имя Отчество\n"
      "\n"
      "# Адрес, по которому будет опубликован сайт (с https://).\n"
      "base_url: https://example.invalid\n"
      "\n"
      "# Годы, за которые есть данные: год окончания учебного года (2025 — это 2024/2025 учебный год).\n"
      "# Значение «Год» в любой таблице должно быть одним из них.\n"
      "years: [{}, {}, {}]\n"
      "\n"
      "# Дата, по состоянию на которую приведены данные (ГГГГ-ММ-ДД).\n"
      "as_of: {}\n"
      "\n"
      "# Оформление сайта: встроенная тема default.\n"
      "theme: default\n",
      y - 2, y - 1, y, today.iso());
}

std::string criteria_yaml() {
  return "# Критерии отнесения школ к группам (docs/CRITERIA.md, раздел 2). Без этого файла действуют все четыре\n"
         "# встроенных набора. Уберите из списка наборы, которые в вашем регионе не применяются:\n"
         "#   yelnya              — ШНОР и ШФНСУ по Ельнинскому приказу;\n"
         "#   rosobrnadzor30      — признак Рособрнадзора «30 %»;\n"
         "#   stavropol-risk-zone — зона риска снижения образовательных результатов (только вместе с yelnya и после него);\n"
         "#   risk500             — рисковый профиль проекта «500+».\n"
         "presets: [yelnya, rosobrnadzor30, stavropol-risk-zone, risk500]\n"
         "\n"
         "# Изменить одно значение набора, не переписывая группу (docs/CRITERIA.md, раздел 2.15): код правила — как в\n"
         "# opendata/criteria.csv. Уберите «#» в начале строк:\n"
         "# changes:\n"
         "#   - rule: shnor.results_bottom20\n"
         "#     value: 25\n"
         "#     why: решение рабочей группы, протокол от 12.09.2025 № 3\n";
}

std::string roadmap_yaml() {
  return "# Дорожная карта управления образования (docs/ROADMAP.md): мероприятия со сроками и ответственными,\n"
         "# целевые показатели, контрольные точки. Пока файл пуст, сайт собирается без дорожной карты.\n"
         "# Образец заполненного файла — content/roadmap.yaml демонстрационного сайта в репозитории sveden.\n";
}

std::string department_yaml() {
  return "# Сведения об органе управления образованием для страницы «Об управлении» (8-ФЗ).\n"
         "# Заполните, что есть; пустые и закомментированные поля на сайт не выводятся.\n"
         "# Образец заполненного файла — content/department.yaml демонстрационного сайта в репозитории sveden.\n"
         "\n"
         "# Кто мы: абзац в начале страницы (Markdown).\n"
         "about: |\n"
         "  Управление образования является отраслевым органом администрации муниципального округа.\n"
         "\n"
         "# Режим работы.\n"
         "# working_hours: \"понедельник — пятница: 9:00–18:00\"\n"
         "\n"
         "# Руководство: ФИО, должность, телефон, электронная почта.\n"
         "# heads:\n"
         "#   - {name: \"Фамилия Имя Отчество\", post: \"Начальник управления образования\", phone: \"\", email: \"\"}\n";
}

std::string index_md() {
  return "---\n"
         "title: Управление образования\n"
         "---\n"
         "\n"
         "Текст главной страницы сайта управления образования: кто вы, чем занимаетесь, как с вами связаться.\n"
         "Замените его своим в файле content/index.md (Markdown).\n";
}

std::string guide_md(const Vocabulary& vocab) {
  std::string tables;
  for (const auto& t : vocab.tables) {
    std::vector<std::string> key;
    for (int k : t.key) key.push_back(sveden::quoted(t.columns[static_cast<size_t>(k)].title));
    tables += fmt::format("| {} | `{}` | {} |\n", t.title, t.file, key.empty() ? "—" : fmt::format("{}", fmt::join(key, ", ")));
  }
  return fmt::format(
      "# С чего начать\n"
      "\n"
      "Эта папка — сайт управления образования для программы sveden. Он уже собирается: выполните в этой папке\n"
      "`sveden build` и откройте `output/index.html`, или `sveden serve` — и откройте в браузере http://127.0.0.1:8000/.\n"
      "Пока таблицы пусты, на сайте нет школ, а сборка напоминает, что заполнить.\n"
      "\n"
      "## 1. Настройки: `site.yaml`\n"
      "\n"
      "Впишите название муниципалитета и управления образования, адрес будущего сайта (`base_url`), годы, за которые\n"
      "есть данные, и дату, по состоянию на которую они приведены (`as_of`). Пояснения — в самом файле.\n"
      "\n"
      "## 2. Школы: `data/schools.csv`\n"
      "\n"
      "Единственная обязательная таблица — перечень школ: по строке на школу и филиал. «Код ОО» — короткий код школы без\n"
      "пробелов (например, `5401`); по нему школу узнают все остальные таблицы.\n"
      "\n"
      "## 3. Остальные таблицы: `data/`\n"
      "\n"
      "Каждая таблица — файл CSV в папке `data/` с готовой строкой заголовков. Заполняйте то, что у вас есть: таблицу\n"
      "без строк sveden пропускает. В каждой таблице одна строка — одно сочетание колонок ключа.\n"
      "\n"
      "| таблица | файл | одна строка на |\n"
      "|---|---|---|\n"
      "{}"
      "\n"
      "Что писать в каждой колонке, какие значения допустимы и какие колонки обязательны — в docs/DATA.md и в\n"
      "примечаниях к заголовкам книги Excel (ниже).\n"
      "\n"
      "## 4. Удобнее в Excel: `{}`\n"
      "\n"
      "В книге — по листу на каждую таблицу с теми же заголовками. У каждого заголовка есть примечание: что писать в\n"
      "колонке и какие значения допустимы; где список значений короткий («Тип ОО», «Местность», «Форма обучения»…),\n"
      "ячейки предлагают выбор из него. Лист называется как таблица, а если название длиннее 31 знака — её кодом.\n"
      "Заполняйте листы прямо в этой книге и сохраняйте её как есть («Книга Excel»): sveden читает её сам. Каждую\n"
      "таблицу заполняйте в одном месте — на листе книги или в её файле CSV: пустой шаблон (одни заголовки) уступает\n"
      "заполненному, а таблица, заполненная и там, и там, — ошибка с названием обоих мест. Лист можно и сохранить\n"
      "как CSV в папку `data/` под именем файла из таблицы выше («CSV UTF-8» или «CSV (разделители — запятые)»).\n"
      "\n"
      "## 5. Тексты: `content/`\n"
      "\n"
      "- `content/index.md` — главная страница;\n"
      "- `content/department.yaml` — сведения об управлении образования (страница «Об управлении»);\n"
      "- `content/criteria.yaml` — какие наборы критериев отнесения школ к группам действуют (docs/CRITERIA.md);\n"
      "- `content/roadmap.yaml` — дорожная карта, пока пустая (docs/ROADMAP.md).\n"
      "\n"
      "## 6. Проверка и публикация\n"
      "\n"
      "`sveden check` проверяет данные и собранный сайт так, как его читает робот Рособрнадзора. Каждая ошибка называет\n"
      "файл, строку и колонку и подсказывает, как её исправить. Готовый сайт — папка `output/`: её копируют на хостинг.\n",
      tables, kInitWorkbook);
}

XlsxWorkbook template_workbook(const Vocabulary& vocab, const Date& today) {
  XlsxWorkbook book;
  book.title = "Таблицы данных сайта sveden";
  book.author = "sveden";
  std::tm day{};
  day.tm_year = today.year - 1900;
  day.tm_mon = today.month - 1;
  day.tm_mday = today.day;
  book.created = timegm(&day);
  static const std::vector<std::string> kYesNo = {"да", "нет"};
  for (const auto& t : vocab.tables) {
    XlsxSheet& sheet = book.sheets.emplace_back();
    sheet.name = xlsx_sheet_name(t.title, t.name);
    for (const auto& c : t.columns) {
      XlsxColumn col;
      col.header = c.title;
      col.comment = column_note(c);
      if (c.enum_values) col.choices = *c.enum_values;
      else if (c.type == ColumnType::boolean) col.choices = kYesNo;
      // Codes and free text must stay text: Excel would turn «0101» into 101 and «1-2» into a date.
      col.as_text = c.type == ColumnType::id || c.type == ColumnType::school || c.type == ColumnType::text ||
                    c.type == ColumnType::slug || c.type == ColumnType::link;
      // Room for a name or an address in the text columns; the others as wide as their headers.
      col.width = std::max<double>(c.type == ColumnType::text || c.type == ColumnType::link ? 24 : 10, utf8_length(c.title) + 2);
      sheet.columns.push_back(std::move(col));
    }
  }
  return book;
}

Status write_file(const fs::path& path, const std::string& contents) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << contents;
  out.close();
  if (!out || ec) {
    return Status::failure(ExitCode::io, fmt::format("не удалось записать «{}»: {}; проверьте права на папку и свободное место",
                                                     path.string(), ec ? ec.message() : std::strerror(errno)));
  }
  return {};
}

}  // namespace

std::string column_note(const ColumnSpec& c) {
  std::string note = column_type_name(c.type);
  if (c.min && c.max) note += fmt::format(" от {} до {}", bound(*c.min), bound(*c.max));
  else if (c.min && c.type != ColumnType::count) note += fmt::format(", не меньше {}", bound(*c.min));
  else if (c.max) note += fmt::format(", не больше {}", bound(*c.max));
  if (c.enum_values) {
    std::vector<std::string> values;
    for (const auto& v : *c.enum_values) values.push_back(sveden::quoted(v));
    note += ": " + fmt::format("{}", fmt::join(values, ", "));
  }
  note += ".";
  if (c.value_required) note += " Заполняется в каждой строке.";
  else if (c.required) note += " Колонка обязательна, ячейки можно оставлять пустыми.";
  else note += " Необязательно: пустая ячейка — нет данных.";
  note += fmt::format(" Имя колонки: {}.", c.name);
  return note;
}

std::string blank_table_csv(const TableSpec& t) {
  std::string out = "\xEF\xBB\xBF";
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) out += ';';
    append_csv_field(out, t.columns[i].title);
  }
  out += "\r\n";
  return out;
}

Result<std::vector<InitFile>> init_site_files(const Vocabulary& vocab, const Date& today) {
  std::vector<InitFile> files = {
      {"site.yaml", site_yaml(today)},
      {kInitGuide, guide_md(vocab)},
      {"content/index.md", index_md()},
      {"content/department.yaml", department_yaml()},
      {"content/criteria.yaml", criteria_yaml()},
      {"content/roadmap.yaml", roadmap_yaml()},
  };
  for (const auto& t : vocab.tables) files.push_back({t.file, blank_table_csv(t)});
  auto workbook = xlsx_bytes(template_workbook(vocab, today));
  if (!workbook) return workbook.status();
  files.push_back({kInitWorkbook, std::move(*workbook)});
  return files;
}

std::string github_workflow() {
  return R"yaml(# Публикация сайта на GitHub Pages (docs/PUBLISHING.md в репозитории sveden). При каждом изменении в ветке main
# GitHub собирает программу sveden из её исходников на Debian 12, собирает сайт и публикует папку output/.
# Один раз: в настройках репозитория Settings → Pages → Source выберите «GitHub Actions»; в site.yaml
# base_url — адрес, который GitHub покажет там же (https://<аккаунт>.github.io/<репозиторий>); ниже в
# SVEDEN_REPO — адрес репозитория sveden, из которого собирать программу.
name: Сайт управления образования

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  SVEDEN_REPO: ЗАМЕНИТЕ-адресом-репозитория-sveden
  SVEDEN_REF: main

jobs:
  build:
    runs-on: ubuntu-latest
    container: debian:12
    steps:
      - uses: actions/checkout@v4
      - name: Программа sveden
        run: |
          case "$SVEDEN_REPO" in
            http*://*) ;;
            *) echo "Укажите в .github/workflows/sveden.yml адрес репозитория sveden (SVEDEN_REPO)" >&2; exit 1 ;;
          esac
          apt-get update
          apt-get install -y --no-install-recommends git make ca-certificates
          git clone --depth 1 --branch "$SVEDEN_REF" "$SVEDEN_REPO" /opt/sveden
          make -C /opt/sveden build
      - name: Сборка сайта
        run: /opt/sveden/build/sveden build --site . --out output
      - uses: actions/upload-pages-artifact@v3
        with:
          path: output

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
)yaml";
}

std::string first_steps(const Municipality& m, const Vocabulary& vocab, const std::string& site_dir) {
  if (!m.schools.empty()) return "";
  std::vector<std::string> steps;
  if (m.site.base_url.find(".invalid") != std::string::npos)
    steps.push_back("site.yaml — название муниципалитета и управления образования, адрес сайта (base_url), годы и дату as_of;");
  steps.push_back(fmt::format("{} — по строке на каждую школу и филиал: это единственная обязательная таблица;", vocab.table("schools")->file));
  std::vector<std::string> results;
  for (const char* name : {"contingent", "oge", "ege", "vpr"})
    if (const TableSpec* t = vocab.table(name)) results.push_back(t->file);
  steps.push_back(fmt::format("{} — контингент и результаты: по ним считаются показатели и группы школ;", fmt::join(results, ", ")));
  steps.push_back(fmt::format("content/index.md и content/department.yaml — тексты главной страницы и страницы «{}».",
                              m.site.department.words.about));
  std::string out = "Сайт пока пуст: в таблице школ нет ни одной строки. Что заполнить первым:\n";
  for (size_t i = 0; i < steps.size(); ++i) out += fmt::format("  {}. {}\n", i + 1, steps[i]);
  std::error_code ec;
  if (fs::exists(fs::path(site_dir) / fs::u8path(kInitGuide), ec))
    out += fmt::format("Подробнее — в «{}»; таблицы удобно заполнять в Excel: {}.\n", kInitGuide, kInitWorkbook);
  return out;
}

Status init_site(const std::string& dir, const Date& today, bool github) {
  std::error_code ec;
  fs::path root(dir);
  if (fs::exists(root, ec)) {
    if (!fs::is_directory(root, ec)) {
      return Status::failure(ExitCode::usage, fmt::format("«{}» — это файл, а не папка; укажите новую папку для сайта: sveden init ПАПКА", dir));
    }
    std::vector<std::string> present;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
      present.push_back(sveden::quoted(entry.path().filename().string()));
      if (present.size() == 3) break;
    }
    if (!present.empty()) {
      return Status::failure(ExitCode::usage, fmt::format(
          "папка «{}» не пуста (в ней есть {}{}); sveden init ничего не перезаписывает. Укажите новую или пустую папку, "
          "например: sveden init {}",
          dir, fmt::join(present, ", "), present.size() == 3 ? " и другое" : "", (root.lexically_normal() / "sayt").string()));
    }
  }
  auto files = init_site_files(builtin_vocabulary(), today);
  if (!files) return files.status();
  if (github) {
    files->push_back({kInitWorkflow, github_workflow()});
    files->push_back({".gitignore", "# Собранный сайт публикует GitHub Actions (.github/workflows/sveden.yml), в репозиторий он не кладётся.\noutput/\n"});
  }
  for (const auto& f : *files)
    if (Status written = write_file(root / fs::u8path(f.path), f.contents); !written.ok()) return written;
  return {};
}

}  // namespace sveden
