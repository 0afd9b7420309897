#include "load/openness_loader.h"

#include <algorithm>

#include <fmt/format.h>

#include "model/links.h"
#include "russian/typography.h"

namespace sveden {
namespace {

// A cell as the page shows it: numbers the Russian way, dates as ДД.ММ.ГГГГ (the format МР asks
// for regDate), years as plain digits.
std::string shown_value(const Cell& c, const ColumnSpec& col) {
  switch (col.type) {
    case ColumnType::count: return format_count(static_cast<long long>(c.number));
    case ColumnType::integer:
    case ColumnType::year: return std::to_string(static_cast<long long>(c.number));
    case ColumnType::number:
    case ColumnType::percent: return format_decimal(c.number, 1);
    case ColumnType::boolean: return c.number != 0 ? "да" : "нет";
    case ColumnType::date: {
      auto d = parse_iso_date(c.text);
      return d ? fmt::format("{:02}.{:02}.{:04}", d->day, d->month, d->year) : c.text;
    }
    default: return c.text;
  }
}

OpenRow open_row(const TableSpec& spec, const Record& rec) {
  OpenRow row;
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    const auto& col = spec.columns[i];
    if (col.name == "school_id" || rec.cells[i].missing) continue;
    std::string v = shown_value(rec.cells[i], col);
    if (!v.empty()) row[col.name] = std::move(v);
  }
  return row;
}

class FileReader {
 public:
  FileReader(const Disk& disk, const std::string& prefix, Diagnostics& diag) : disk_(disk), prefix_(prefix), diag_(diag) {}

  // Reads every local file named in the link columns of `rec` into `files`; a school's table also
  // records them in `linked` (with `table`), each once.
  void collect(const TableSpec& spec, const Record& rec, const std::string& owner, std::map<std::string, PublishedFile>& files,
               School* linked = nullptr, const std::string& table = "") {
    for (size_t i = 0; i < spec.columns.size(); ++i) {
      if (spec.columns[i].type != ColumnType::link || rec.cells[i].missing) continue;
      for (const auto& part : split_list(rec.cells[i].text)) {
        if (is_web_address(part)) continue;
        if (linked && !linked->links_file(part)) linked->linked_files.emplace_back(part, table);
        if (files.count(part)) continue;
        std::string path = "documents/" + owner + "/" + part;
        auto contents = disk_.read(path);
        if (!contents) {
          diag_.add_file(Severity::error, display_path(prefix_, path), fmt::format("не удалось прочитать: {}", contents.message()),
                         "проверьте файл и права доступа");
          continue;
        }
        PublishedFile f;
        f.path = part;
        f.format = file_format(part);
        f.bytes = contents->size();
        f.contents = std::make_shared<const std::string>(std::move(*contents));
        files.emplace(part, std::move(f));
      }
    }
  }

 private:
  const Disk& disk_;
  const std::string& prefix_;
  Diagnostics& diag_;
};

}  // namespace

std::string file_format(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == name.size()) return "файл";
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::toupper(c); });
  return ext;
}

void attach_openness(const std::map<std::string, LoadedTable>& tables, const Disk& disk, const std::string& prefix,
                     Municipality& m, Diagnostics& diag) {
  FileReader files(disk, prefix, diag);
  auto school_of = [&](const TableSpec& spec, const Record& rec) -> School* {
    int c = spec.column_index("school_id");
    if (c < 0 || rec.cells[c].missing) return nullptr;
    auto it = m.school_index.find(rec.cells[c].text);
    if (it != m.school_index.end()) return &m.schools[it->second];
    for (auto& o : m.organisation_sites)  // an organisation with «Сведения…» of its own
      if (o.id == rec.cells[c].text) return &o;
    return nullptr;
  };
  for (const auto& [name, table] : tables) {
    if (name.rfind("sveden_", 0) != 0 || !table.spec) continue;
    const TableSpec& spec = *table.spec;
    std::string key = name.substr(7);
    for (const auto& rec : table.records) {
      School* s = school_of(spec, rec);
      if (!s) continue;
      files.collect(spec, rec, s->id, s->files, s, key);
      if (key == "info") s->info = open_row(spec, rec);
      else s->open[key].push_back(open_row(spec, rec));
    }
  }
  if (auto it = tables.find("documents"); it != tables.end() && it->second.spec) {
    const TableSpec& spec = *it->second.spec;
    for (const auto& rec : it->second.records) {
      School* s = school_of(spec, rec);
      auto text = [&](const char* col) {
        int i = spec.column_index(col);
        return i < 0 || rec.cells[i].missing ? std::string() : rec.cells[i].text;
      };
      Document d;
      d.kind = text("kind");
      d.title = text("title");
      d.file = text("file");
      d.date = parse_iso_date(text("date"));
      d.number = text("number");
      d.signed_with.signer = text("signed_by");
      d.signed_with.post = text("signer_post");
      d.signed_with.kind = text("signature_kind");
      d.signed_with.certificate = text("certificate");
      d.signed_with.valid_from = parse_iso_date(text("valid_from"));
      d.signed_with.valid_to = parse_iso_date(text("valid_to"));
      d.signed_with.signed_on = parse_iso_date(text("signed_on"));
      d.signature = text("signature");
      int external = spec.column_index("external");
      d.external = external >= 0 && !rec.cells[external].missing && rec.cells[external].number != 0;
      d.line = rec.line;
      d.page = text("page");
      files.collect(spec, rec, s ? s->id : "department", s ? s->files : m.files);
      (s ? s->documents : m.documents).push_back(std::move(d));
    }
  }
  // A branch without a site of its own is described in its head school's section: its rows of the
  // tables (its premises, its teachers…) join the head school's; what cannot join is named.
  for (auto& b : m.schools) {
    if (b.own_site || b.parent_id.empty()) continue;
    School& parent = m.schools[m.school_index.at(b.parent_id)];
    for (auto& [table, rows] : b.open)
      for (auto& row : rows) parent.open[table].push_back(std::move(row));
    b.open.clear();
    for (auto& [file, table] : b.linked_files)
      if (!parent.links_file(file)) parent.linked_files.emplace_back(std::move(file), std::move(table));
    b.linked_files.clear();
    if (!b.info.empty())
      diag.add_file(Severity::warning, display_path(prefix, "data/sveden/info.csv"),
                    fmt::format("строка филиала {} ({}) не публикуется: у филиала нет своего сайта, его сведения — в разделе "
                                "головной школы {} ({})", b.short_name, b.id, parent.short_name, parent.id),
                    "перенесите сведения в строку головной школы или укажите филиалу собственный сайт в data/schools.csv");
    if (!b.documents.empty())
      diag.add_file(Severity::warning, display_path(prefix, "data/documents.csv"),
                    fmt::format("документы филиала {} ({}) не публикуются ({}): у филиала нет своего сайта", b.short_name, b.id,
                                count_noun(static_cast<long long>(b.documents.size()), "документ", "документа", "документов")),
                    fmt::format("укажите в data/documents.csv код головной школы {} и положите файлы в documents/{}/, "
                                "или укажите филиалу собственный сайт в data/schools.csv", parent.id, parent.id));
  }
  // Branches are schools of schools.csv: the head school's «Структура» lists them, each with its
  // website if it has one of its own and its regulation (положение о филиале): a document of the head
  // school, which approves it; with several branches, the one whose name its title gives.
  for (auto& s : m.schools)
    for (const auto& id : s.branch_ids) {
      const School& b = *m.find(id);
      OpenRow row{{"name", b.name}};
      if (!b.address.empty()) row["address"] = b.address;
      if (!b.director.empty()) row["head"] = b.director;
      row["head_post"] = "руководитель филиала";
      if (!b.email.empty()) row["email"] = b.email;
      if (b.own_site) row["website"] = b.website;
      for (const auto& d : s.documents)
        if (d.kind == "положение о филиале" &&
            (s.branch_ids.size() == 1 || d.title.find(b.short_name) != std::string::npos || d.title.find(b.name) != std::string::npos)) {
          row["regulation"] = d.file;
          if (!s.links_file(d.file)) s.linked_files.emplace_back(d.file, "branches");
          break;
        }
      s.open["branches"].push_back(std::move(row));
    }
}

}  // namespace sveden
