#include "render/monitoring_csv.h"

#include "render/opendata.h"

namespace sveden {

std::string monitoring_csv(const MonitoringTable& t, const Pp662Vocabulary& vocab) {
  std::string out(kCsvBom);
  auto line = [&out](std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (auto f : fields) {
      if (!first) out += ';';
      first = false;
      append_csv_field(out, f);
    }
    out += "\r\n";
  };
  line({"indicator", "number", "title", "unit", "year", "value", "source"});
  for (size_t i = 0; i < vocab.indicators.size() && i < t.values.size(); ++i) {
    const Pp662Indicator& ind = vocab.indicators[i];
    for (size_t y = 0; y < t.years.size(); ++y) {
      const MonitoringValue& v = t.values[i][y];
      std::string value = v.value ? csv_number(*v.value, v.decimals) : "";
      line({ind.id, ind.number, ind.title, ind.unit, std::to_string(t.years[y]), value, ind.entered() ? "entered" : "computed"});
    }
  }
  return out;
}

}  // namespace sveden
