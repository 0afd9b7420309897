#include "load/document_signatures.h"

#include <algorithm>

#include <fmt/format.h>

#include "russian/typography.h"

namespace sveden {

std::vector<SignatureProblem> signature_problems(const Municipality& m, const OpennessVocabulary& v) {
  std::vector<SignatureProblem> out;
  for (size_t i = 0; i < m.site_count(); ++i)  // schools, then organisations with «Сведения…» of their own
    for (const Document& d : m.site_owner(i).documents) {
      if (d.external || std::find(v.unsigned_kinds.begin(), v.unsigned_kinds.end(), d.kind) != v.unsigned_kinds.end()) continue;
      const Signature& s = d.signed_with;
      SignatureProblem p{i, &d, {}, {}};
      if (s.signer.empty()) p.missing.push_back("кто подписал");
      if (s.post.empty()) p.missing.push_back("должность подписавшего");
      if (s.kind.empty()) p.missing.push_back("вид подписи");
      if (s.certificate.empty()) p.missing.push_back("сертификат или ключ");
      if (!s.valid_from || !s.valid_to) p.missing.push_back("срок действия сертификата");
      if (!s.signed_on) p.missing.push_back("дата подписания");
      if (s.signed_on && s.valid_from && *s.signed_on < *s.valid_from)
        p.wrong.push_back(fmt::format("подписан {}, до начала срока действия сертификата ({})", format_date(*s.signed_on),
                                      format_date(*s.valid_from)));
      if (s.signed_on && s.valid_to && *s.valid_to < *s.signed_on)
        p.wrong.push_back(fmt::format("подписан {}, после окончания срока действия сертификата ({})", format_date(*s.signed_on),
                                      format_date(*s.valid_to)));
      if (s.valid_from && s.valid_to && *s.valid_to < *s.valid_from)
        p.wrong.push_back("срок действия сертификата кончается раньше, чем начинается");
      if (s.signed_on && d.date && *s.signed_on < *d.date)
        p.wrong.push_back(fmt::format("подписан {}, раньше даты самого документа ({})", format_date(*s.signed_on),
                                      format_date(*d.date)));
      if (!p.missing.empty() || !p.wrong.empty()) out.push_back(std::move(p));
    }
  return out;
}

std::vector<UndescribedFile> undescribed_files(const Municipality& m) {
  std::vector<UndescribedFile> out;
  for (size_t i = 0; i < m.site_count(); ++i) {
    const School& s = m.site_owner(i);
    for (const auto& linked : s.linked_files) {
      const std::string& file = linked.first;  // named: clang 14 does not let a lambda capture a structured binding
      if (!s.files.count(file)) continue;  // a branch's file, published nowhere: named by its own warning
      bool described = std::any_of(s.documents.begin(), s.documents.end(), [&](const Document& d) { return d.file == file; });
      if (!described) out.push_back({i, linked.second, file});
    }
  }
  return out;
}

}  // namespace sveden
