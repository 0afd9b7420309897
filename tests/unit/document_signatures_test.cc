// A school's own documents carry their electronic signature (ПП 1802 п. 18); files a table links are
// described in data/documents.csv; what the site knows elsewhere is not «отсутствует».
#include <doctest/doctest.h>

#include "load/openness_vocabulary.h"
#include "../support/test_files.h"
#include "load/document_signatures.h"
#include "load/site_loader.h"
#include "render/openness_page.h"
#include "render/mustache_template.h"

using namespace sveden;

namespace {

const char* kHeader =
    "school_id;kind;title;file;date;number;signed_by;signer_post;signature_kind;certificate;valid_from;valid_to;signed_on;external\n";

Municipality load(MemoryDisk disk, Diagnostics& diag) {
  auto m = load_municipality(disk, LoadOptions{}, diag);
  REQUIRE(m);
  return std::move(*m);
}

MemoryDisk with_documents(const std::string& rows) {
  MemoryDisk disk = test::minimal_site();
  disk.put("data/documents.csv", kHeader + rows);
  disk.put("documents/T1/a.pdf", "%PDF-1.4 a");
  return disk;
}

// Russian dates and numbers keep their parts together with non-breaking spaces; compare as read.
std::string plain(std::string s) { return test::plain_spaces(s); }

// The texts of every table cell of a page, each followed by «|».
std::string cell_texts(const OpennessPage& page) {
  TemplateValue d;
  d.set("blocks", page.blocks);
  MustacheTemplate t("{{#blocks}}{{#rows}}{{#cells}}{{#values}}{{text}}|{{/values}}{{/cells}}{{/rows}}{{/blocks}}");
  return t.render(d);
}

}  // namespace

TEST_CASE("document signatures: a complete signature is no problem, each missing part is named") {
  Diagnostics diag;
  Municipality m = load(with_documents(
      "T1;правила приёма;Правила приёма;a.pdf;2025-02-28;5-од;Иванова Ирина Ивановна;Директор;ПЭП;7F3A01;2025-01-09;2026-01-08;2025-02-28;\n"
      "T1;режим занятий;Режим занятий;a.pdf;2025-02-28;6-од;Иванова Ирина Ивановна;;;;;;;\n"),
      diag);
  auto problems = signature_problems(m, builtin_openness());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].document->title == "Режим занятий");
  CHECK(problems[0].missing == std::vector<std::string>{"должность подписавшего", "вид подписи", "сертификат или ключ",
                                                        "срок действия сертификата", "дата подписания"});
  CHECK(problems[0].wrong.empty());
}

TEST_CASE("document signatures: the charter and another body's act need none; dates outside the certificate are wrong") {
  Diagnostics diag;
  Municipality m = load(with_documents(
      "T1;устав;Устав;a.pdf;2023-03-14;412;;;;;;;;\n"
      "T1;стоимость платных услуг;Постановление администрации о тарифах;a.pdf;2024-08-20;1296;;;;;;;;да\n"
      "T1;правила приёма;Правила приёма;a.pdf;2025-02-28;5-од;Иванова Ирина Ивановна;Директор;УКЭП;7F3A01;2024-01-09;2025-01-08;2025-02-28;\n"),
      diag);
  auto problems = signature_problems(m, builtin_openness());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].missing.empty());
  REQUIRE(problems[0].wrong.size() == 1);
  CHECK(plain(problems[0].wrong[0]) == "подписан 28 февраля 2025 г., после окончания срока действия сертификата (8 января 2025 г.)");
}

TEST_CASE("document signatures: the document link says who signed, with what and when") {
  Diagnostics diag;
  Municipality m = load(with_documents(
      "T1;правила приёма;Правила приёма;a.pdf;2025-02-28;5-од;Иванова Ирина Ивановна;Директор;ПЭП;7F3A01;2025-01-09;2026-01-08;2025-02-28;\n"),
      diag);
  const School& s = *m.find("T1");
  auto link = document_link(s.documents[0], s.files, "../documents/", "priemDocLink");
  CHECK(plain(link.get("note")->string_value()) == "от 28 февраля 2025 г., № 5-од");
  CHECK(plain(link.get("signed")->string_value()) ==
        "Подписан простой электронной подписью: Иванова Ирина Ивановна, директор; ключ 7F3A01; действителен с 9 января 2025 г. "
        "по 8 января 2026 г.; дата подписания 28 февраля 2025 г.");
}

TEST_CASE("document signatures: a file a table links but no document row describes is named, and its link never shows the file name") {
  Diagnostics diag;
  MemoryDisk disk = test::minimal_site();
  disk.put("data/sveden/governance.csv", "Код ОО;Наименование;Место нахождения;Положение\nT1;Педагогический совет;г. Тестовск;polozhenie-ps.pdf\n");
  disk.put("documents/T1/polozhenie-ps.pdf", "%PDF-1.4 ps");
  Municipality m = load(std::move(disk), diag);
  auto files = undescribed_files(m);
  REQUIRE(files.size() == 1);
  CHECK(files[0].table == "governance");
  CHECK(files[0].file == "polozhenie-ps.pdf");
  const OpennessVocabulary& v = builtin_openness();
  for (const auto& sub : v.subsections)
    if (sub.path == "struct") {
      auto page = openness_page(*m.find("T1"), sub, v, "../");
      std::string html = cell_texts(page);
      CHECK(html.find("polozhenie-ps.pdf") == std::string::npos);
      CHECK(plain(html).find("Положение (PDF, 1 КБ)") != std::string::npos);
    }
}

TEST_CASE("openness page: /managers names the director of schools.csv when managers.csv has no row") {
  Diagnostics diag;
  Municipality m = load(test::minimal_site(), diag);
  const OpennessVocabulary& v = builtin_openness();
  for (const auto& sub : v.subsections)
    if (sub.path == "managers") {
      auto page = openness_page(*m.find("T1"), sub, v, "../");
      std::string text = cell_texts(page);
      CHECK(text.find("Иванова И. И.|Директор|") == 0);
      for (const auto& missing : page.missing) CHECK(missing != "Руководитель");
    }
}
