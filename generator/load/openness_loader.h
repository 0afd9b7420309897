// The openness section's data attached to the model: data/sveden/*.csv by school, documents of the
// schools and the department (data/documents.csv), and the files both publish, read once.
#pragma once
#include <map>
#include <string>

#include "base/diagnostics.h"
#include "base/disk.h"
#include "load/table_loader.h"
#include "model/municipality.h"

namespace sveden {

void attach_openness(const std::map<std::string, LoadedTable>& tables, const Disk& disk, const std::string& display_prefix,
                     Municipality& m, Diagnostics& diag);

// «PDF» for «ustav.pdf»; the extension in capitals, or «файл» when there is none.
std::string file_format(std::string_view path);

}  // namespace sveden
