#include "load/table_sources.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "load/table_loader.h"
#include "load/yaml_reader.h"
#include "russian/typography.h"

namespace sveden {
namespace {

// Excel cuts a sheet name at 31 characters.
constexpr size_t kMaxSheetName = 31;

std::string lower_extension(const std::string& path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::string base_name(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string stem(const std::string& path) {
  std::string base = base_name(path);
  return base.substr(0, base.rfind('.'));
}

std::string without_extension(const std::string& path) { return path.substr(0, path.rfind('.')); }

std::string first_chars(const std::string& s, size_t n) {
  size_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (seen++ == n) return s.substr(0, i);
  }
  return s;
}

// The names a sheet may carry for a table: its Russian title (cut as Excel cuts it), its canonical
// name or its file's name: «Результаты ОГЭ», «oge»; «Сведения об ОО (основные)», «sveden_info», «info».
bool sheet_names_table(const Sheet& sheet, const TableSpec& spec) {
  std::string n = normalize_header(sheet.name);
  return n == normalize_header(spec.title) || n == normalize_header(first_chars(spec.title, kMaxSheetName)) ||
         n == normalize_header(spec.name) || n == normalize_header(stem(spec.file));
}

const std::string kResave =
    "откройте файл в Excel и сохраните его заново как «Книга Excel (*.xlsx)» или как «CSV UTF-8 (разделитель — запятая)»";

class SourceFinder {
 public:
  SourceFinder(const Disk& disk, const Vocabulary& vocab, const SiteConfig& site, const std::string& prefix, Diagnostics& diag)
      : disk_(disk), vocab_(vocab), site_(site), prefix_(prefix), diag_(diag) {}

  TableSources run() {
    for (const auto& spec : vocab_.tables) find_own_file(spec);
    for (const auto& path : disk_.list("data")) {
      if (auto bytes = disk_.is_file(path) ? Result<std::string>(std::string()) : disk_.read(path); !bytes) {
        diag_.add_file(Severity::error, shown(path), fmt::format("файл не читается: {}", bytes.message()),
                       "положите на это место сам файл — не ссылку, не папку и не устройство");
        continue;
      }
      if (claimed_.count(path)) continue;
      if (folder_named_like_table(path)) continue;
      std::string base = base_name(path);
      if (base.rfind("~$", 0) == 0) continue;  // the lock file Excel keeps next to an open workbook
      std::string ext = lower_extension(path);
      if (ext == "xlsx") read_sheets_of(path);
      else if (ext == "xls") old_excel(path);
      else unread_file(path, ext);
    }
    return std::move(out_);
  }

 private:
  std::string shown(const std::string& path) const { return display_path(prefix_, path); }

  const Workbook* open(const std::string& path) {
    auto bytes = disk_.read(path);
    if (!bytes) {
      diag_.add_file(Severity::error, shown(path), fmt::format("не удалось прочитать: {}", bytes.message()), "проверьте файл и права доступа");
      return nullptr;
    }
    if (bytes->substr(0, 8) == "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
      old_excel(path);
      return nullptr;
    }
    auto book = std::make_unique<Workbook>();
    std::string problem;
    if (!read_workbook(*bytes, book.get(), &problem)) {
      diag_.add_file(Severity::error, shown(path), fmt::format("файл не читается как книга Excel: {}", problem), kResave);
      return nullptr;
    }
    out_.workbooks.push_back(std::move(book));
    return out_.workbooks.back().get();
  }

  // «data/oge.csv/…»: a folder where the table's file is expected; reported once.
  bool folder_named_like_table(const std::string& path) {
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
      std::string folder = path.substr(0, slash);
      if (!claimed_.count(folder)) continue;
      if (reported_folders_.insert(folder).second)
        diag_.add_file(Severity::error, shown(folder), "это папка, а не файл таблицы: таблица не читается",
                       fmt::format("положите на место папки сам файл {}", folder));
      return true;
    }
    return false;
  }

  void old_excel(const std::string& path) {
    diag_.add_file(Severity::error, shown(path), "книга Excel 97–2003 (.xls) не читается",
                   "откройте её в Excel и сохраните как «Книга Excel (*.xlsx)» (Файл → Сохранить как) в ту же папку, "
                   "а файл .xls удалите");
  }

  void unread_file(const std::string& path, const std::string& ext) {
    std::vector<std::string> files;
    for (const auto& spec : vocab_.tables) files.push_back(spec.file);
    std::string guess = closest_word(without_extension(path) + ".csv", files);
    diag_.add_file(Severity::warning, shown(path),
                   ext == "csv" ? "файл не читается: таблицы с таким именем нет" : "файл не читается: в папке data читаются только таблицы CSV и книги Excel (.xlsx)",
                   guess.empty() ? "имена файлов таблиц перечислены в docs/DATA.md; уберите лишний файл из папки data"
                                 : fmt::format("возможно, имелось в виду {}; имена файлов таблиц перечислены в docs/DATA.md", guess));
  }

  // The table's CSV, or an .xlsx beside it with the same name; site.yaml may name another file.
  void find_own_file(const TableSpec& spec) {
    auto ov = site_.tables.find(spec.name);
    if (ov != site_.tables.end() && ov->second.file) {
      const std::string& file = *ov->second.file;
      claimed_.insert(file);
      if (lower_extension(file) == "xlsx" && disk_.is_file(file)) use_single_sheet(spec, file);
      return;
    }
    std::string xlsx = without_extension(spec.file) + ".xlsx";
    claimed_.insert(spec.file);
    claimed_.insert(xlsx);
    std::string xls = without_extension(spec.file) + ".xls";
    if (disk_.is_file(xls)) {
      claimed_.insert(xls);
      old_excel(xls);
    }
    if (!disk_.is_file(xlsx)) return;
    if (disk_.is_file(spec.file) && !blank_csv(spec.file)) {
      // A CSV with data beside a workbook: the workbook counts only if it holds no more than the headers.
      Workbook probe;
      std::string problem;
      auto bytes = disk_.read(xlsx);
      if (bytes && read_workbook(*bytes, &probe, &problem) &&
          std::all_of(probe.sheets.begin(), probe.sheets.end(), [](const Sheet& s) { return blank_sheet(s); }))
        return;
      diag_.add_file(Severity::error, shown(xlsx),
                     fmt::format("таблица {} задана дважды: {} и {}", quoted(spec.title), shown(spec.file), shown(xlsx)),
                     "оставьте один из двух файлов: какой из них верный, программа угадывать не будет");
      return;
    }
    use_single_sheet(spec, xlsx);
  }

  // A file of one table: its only sheet with data, or the one named after the table.
  void use_single_sheet(const TableSpec& spec, const std::string& path) {
    TableSource& source = out_.by_table[spec.name];
    source.path = path;
    const Workbook* book = open(path);
    if (!book) {
      source.unreadable = true;
      return;
    }
    std::vector<const Sheet*> filled;
    for (const auto& s : book->sheets)
      if (!s.rows.empty()) filled.push_back(&s);
    static const Sheet kEmpty;
    if (filled.empty()) {
      source.sheet = book->sheets.empty() ? &kEmpty : &book->sheets.front();
      return;
    }
    if (filled.size() == 1) {
      source.sheet = filled.front();
      return;
    }
    for (const Sheet* s : filled)
      if (sheet_names_table(*s, spec)) {
        source.sheet = s;
        return;
      }
    std::vector<std::string> names;
    for (const Sheet* s : filled) names.push_back("«" + s->name + "»");
    diag_.add_file(Severity::error, shown(path),
                   fmt::format("в книге несколько листов с данными ({}): непонятно, на каком таблица {}", fmt::join(names, ", "), quoted(spec.title)),
                   fmt::format("оставьте в книге один лист с данными или назовите нужный лист {}", quoted(first_chars(spec.title, kMaxSheetName))));
    source.unreadable = true;
  }

  // A workbook of several tables: each sheet with data is the table it is named after.
  void read_sheets_of(const std::string& path) {
    const Workbook* book = open(path);
    if (!book) return;
    std::vector<std::string> titles;
    for (const auto& spec : vocab_.tables) titles.push_back(first_chars(spec.title, kMaxSheetName));
    for (const auto& sheet : book->sheets) {
      if (sheet.rows.empty()) continue;
      const TableSpec* match = nullptr;
      for (const auto& spec : vocab_.tables)
        if (sheet_names_table(sheet, spec)) match = &spec;
      if (!match) {
        std::string guess = closest_word(sheet.name, titles);
        diag_.add_file(Severity::error, fmt::format("{}, {}", shown(path), sheet_place(sheet)),
                       "лист с данными не назван ни одной таблицей",
                       fmt::format("{}назовите лист по таблице, которую он содержит (например, «Результаты ОГЭ» или oge; "
                                   "все таблицы — в docs/DATA.md), или удалите лист",
                                   guess.empty() ? "" : fmt::format("возможно, имелось в виду «{}»; ", guess)));
        continue;
      }
      auto own = out_.by_table.find(match->name);
      bool csv = own == out_.by_table.end() && disk_.is_file(match->file);
      // A template sheet (its headers, no rows) gives way to the table's CSV, and a blank CSV template to
      // a sheet with data: «init» writes both, and the user fills one of them.
      if (csv && blank_sheet(sheet)) continue;
      if (csv && blank_csv(match->file)) csv = false;
      std::string other = own != out_.by_table.end() ? shown(own->second.path) : csv ? shown(match->file) : "";
      if (own != out_.by_table.end() && own->second.sheet && own->second.path == path)
        other = fmt::format("на листе «{}»", own->second.sheet->name);
      else if (!other.empty())
        other = "в " + other;
      auto ov = site_.tables.find(match->name);
      if (ov != site_.tables.end() && ov->second.file) other = "в " + shown(*ov->second.file);
      if (!other.empty()) {
        diag_.add_file(Severity::error, fmt::format("{}, {}", shown(path), sheet_place(sheet)),
                       fmt::format("таблица {} задана дважды: здесь и {}", quoted(match->title), other),
                       "оставьте таблицу в одном месте: какая из них верная, программа угадывать не будет");
        continue;
      }
      out_.by_table[match->name] = TableSource{path, &sheet, false};
    }
  }

  // Only a header row (the template sveden init writes): nothing in it to lose.
  static bool blank_sheet(const Sheet& sheet) { return sheet.rows.size() <= 1; }

  bool blank_csv(const std::string& path) const {
    auto bytes = disk_.read(path);
    if (!bytes) return false;
    size_t end = bytes->find('\n');
    if (end == std::string::npos) return true;
    return std::all_of(bytes->begin() + static_cast<std::ptrdiff_t>(end), bytes->end(), [](char c) {
      return c == '\r' || c == '\n' || c == ';' || c == ',' || c == '\t' || c == ' ' || c == '"' || c == '\0';
    });
  }

  const Disk& disk_;
  const Vocabulary& vocab_;
  const SiteConfig& site_;
  const std::string& prefix_;
  Diagnostics& diag_;
  std::set<std::string> claimed_;
  std::set<std::string> reported_folders_;
  TableSources out_;
};

}  // namespace

std::string sheet_place(const Sheet& sheet) { return fmt::format("лист «{}»", sheet.name); }

TableSources find_table_sources(const Disk& disk, const Vocabulary& vocab, const SiteConfig& site,
                                const std::string& display_prefix, Diagnostics& diag) {
  return SourceFinder(disk, vocab, site, display_prefix, diag).run();
}

}  // namespace sveden
