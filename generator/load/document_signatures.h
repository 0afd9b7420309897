// Which of a school's own documents lack the electronic-signature information that ПП РФ № 1802
// п. 18 and Rosobrnadzor's clarifications of 11.11.2024 ask for (who signed, post, kind of signature,
// certificate or key, its validity, the date of signing), or carry one that cannot be right.
#pragma once
#include <string>
#include <vector>

#include "model/municipality.h"
#include "model/openness.h"

namespace sveden {

struct SignatureProblem {
  size_t school = 0;  // a site: Municipality::site_owner
  const Document* document = nullptr;
  std::vector<std::string> missing;   // «должность подписавшего», «сертификат или ключ»…
  std::vector<std::string> wrong;     // «подписан 01.03.2026, после окончания срока действия сертификата 31.12.2025»
};

std::vector<SignatureProblem> signature_problems(const Municipality& m, const OpennessVocabulary& v);

// Files of the school's folder that a data/sveden table links (a curriculum, a regulation) but
// data/documents.csv does not describe: their links can say only the field's name, and nothing says
// who approved and signed them.
struct UndescribedFile {
  size_t school = 0;  // a site: Municipality::site_owner
  std::string table;  // «programmes», «info»…
  std::string file;
};
std::vector<UndescribedFile> undescribed_files(const Municipality& m);

}  // namespace sveden
