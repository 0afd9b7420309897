#include "load/xlsx_file.h"

#include <memory>

#include <zip.h>

namespace sveden {
namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

// Opens an archive over `bytes` without copying them; null when it is no readable ZIP.
Zip open_zip(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) {
    zip_error_fini(&error);
    return nullptr;
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!z) zip_source_free(src);  // on success the archive owns the source
  zip_error_fini(&error);
  return Zip(z);
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Text has no control bytes but tabs and line breaks: a CSV, a TXT, an HTML page.
bool looks_like_text(std::string_view bytes) {
  for (unsigned char c : bytes.substr(0, 4096))
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

bool has(zip_t* z, const char* name) { return zip_name_locate(z, name, 0) >= 0; }

}  // namespace

XlsxCheck check_xlsx(std::string_view bytes) {
  XlsxCheck r;
  if (bytes.empty()) {
    r.problem = "файл пустой";
    return r;
  }
  if (!starts_with(bytes, "PK\x03\x04")) {
    if (starts_with(bytes, "%PDF")) r.problem = "это документ PDF, а не книга Excel";
    else if (starts_with(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
      r.problem = "это книга Excel 97–2003 (XLS) или документ Word (DOC), а не книга Excel в формате XLSX";
    else if (starts_with(bytes, "{\\rtf")) r.problem = "это документ RTF, а не книга Excel";
    else if (looks_like_text(bytes)) r.problem = "это текст (например, CSV или веб-страница), а не книга Excel";
    else r.problem = "это не книга Excel: файл не является ZIP-архивом, каким должен быть XLSX";
    return r;
  }
  Zip z = open_zip(bytes);
  if (!z) {
    r.problem = "файл повреждён: начинается как XLSX (ZIP-архив), но не читается; возможно, он загружен не до конца";
    return r;
  }
  if (!has(z.get(), "[Content_Types].xml") || !has(z.get(), "xl/workbook.xml")) {
    if (has(z.get(), "word/document.xml")) r.problem = "это документ Word (DOCX), а не книга Excel";
    else if (has(z.get(), "mimetype") && has(z.get(), "content.xml"))
      r.problem = "это документ OpenDocument (ODS или ODT), а не книга Excel в формате XLSX";
    else r.problem = "это ZIP-архив, но не книга Excel: в нём нет [Content_Types].xml и xl/workbook.xml";
    return r;
  }
  r.ok = true;
  return r;
}

std::optional<std::string> zip_entry(std::string_view archive, const std::string& name) {
  Zip z = open_zip(archive);
  if (!z) return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z.get(), name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) return std::nullopt;
  // No part of a school's workbook is this big unpacked: a ZIP bomb is refused, not inflated into memory.
  const zip_uint64_t kMaxEntry = 256u << 20;
  if (st.size > kMaxEntry) return std::nullopt;
  zip_file_t* f = zip_fopen(z.get(), name.c_str(), 0);
  if (!f) return std::nullopt;
  std::string out(static_cast<size_t>(st.size), '\0');
  zip_int64_t n = zip_fread(f, out.data(), st.size);
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
  return out;
}

}  // namespace sveden
