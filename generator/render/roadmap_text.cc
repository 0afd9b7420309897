#include "render/roadmap_text.h"

#include <fmt/format.h>

#include "russian/names.h"
#include "russian/typography.h"

namespace sveden {

std::string approval_text(const Roadmap& r) {
  std::string out = r.approved_document;
  if (r.approved_date.year > 0) out += (out.empty() ? "от " : " от ") + format_date(r.approved_date);
  if (!r.approved_number.empty()) out += (out.empty() ? "№" : " №") + std::string(kNbsp) + r.approved_number;
  return out;
}

std::string period_text(const Roadmap& r) {
  if (r.from == 0) return "";
  if (r.from == r.to || r.to == 0) return fmt::format("{}{}год", r.from, kNbsp);
  return fmt::format("{}–{}{}годы", r.from, r.to, kNbsp);
}

std::string coordinator_text(const Roadmap& r) {
  const Person& c = r.coordinator;
  if (c.position.empty()) return c.name;
  return c.name.empty() ? c.position : c.position + " " + c.name;
}

std::vector<LabelledText> activity_details(const Activity& a) {
  std::vector<LabelledText> out;
  if (!a.expected_result.empty()) out.push_back({"Ожидаемый результат", typographic_quotes(a.expected_result)});
  if (!a.indicator.empty()) out.push_back({"Показатель результативности", typographic_quotes(a.indicator)});
  if (!a.report_form.empty()) out.push_back({"Форма отчёта", typographic_quotes(a.report_form)});
  return out;
}

std::string financing_text(const Financing& f) {
  std::vector<std::string> amounts;
  for (const auto& [year, amount] : f.amounts)
    amounts.push_back(fmt::format("{}{}год — {}", year, kNbsp, format_figure(amount, 2, f.unit)));
  std::string out = f.source;
  if (!amounts.empty()) out += fmt::format(": {}", fmt::join(amounts, ", "));
  if (!f.text.empty()) out += (out.empty() ? "" : ": ") + f.text;
  return out;
}

std::vector<PassportRow> passport_rows(const Roadmap& r) {
  std::vector<PassportRow> out;
  auto line = [&](const char* label, const std::string& text) {
    if (!text.empty()) out.push_back({label, {typographic_quotes(text)}, false});
  };
  auto list = [&](const char* one, const char* many, const std::vector<std::string>& items) {
    if (items.empty()) return;
    PassportRow row{items.size() == 1 ? one : many, {}, items.size() > 1};
    for (const auto& x : items) row.items.push_back(typographic_quotes(x));
    out.push_back(std::move(row));
  };
  line("Утверждена", approval_text(r));
  line("Срок реализации", period_text(r));
  line("Разработчик", r.developer);
  list("Нормативное основание", "Нормативные основания", r.legal_bases);
  list("Цель", "Цели", r.goals);
  list("Задача", "Задачи", r.tasks);
  list("Ожидаемый результат", "Ожидаемые результаты", r.expected_results);
  line("Координатор", coordinator_text(r));
  std::vector<std::string> money;
  for (const auto& f : r.financing) money.push_back(financing_text(f));
  list("Финансирование", "Финансирование", money);
  return out;
}

std::string activity_number(const Activity& a) { return a.number.empty() ? a.id : a.number; }

std::string section_heading(const Section& s) {
  return s.number.empty() ? typographic_quotes(s.title) : s.number + ". " + typographic_quotes(s.title);
}

std::string plan_text(const TargetYear& y, const TargetProgress& tp, bool dash) {
  if (y.plan) return format_figure(*y.plan, tp.decimals, tp.target->unit);
  if (!y.plan_text.empty()) return typographic_quotes(y.plan_text);
  return dash ? "—" : "";
}

std::string fact_text(const TargetYear& y, const TargetProgress& tp, bool dash) {
  if (!y.fact_text.empty()) return typographic_quotes(y.fact_text);
  if (y.fact) return format_figure(*y.fact, tp.decimals, tp.target->unit);
  return dash ? "—" : "";
}

std::string target_year_text(const TargetYear& y) {
  return y.end ? fmt::format("{} (к концу срока)", y.year) : std::to_string(y.year);
}

std::string declared_status_text(const Activity& a) {
  if (a.status) return activity_status_name(*a.status);
  std::vector<std::string> years;
  for (const auto& [year, st] : a.status_by_year) years.push_back(fmt::format("{} — {}", year, activity_status_name(st)));
  return fmt::format("{}", fmt::join(years, "; "));
}

std::string terms_text(const ActivityProgress& p) {
  std::vector<std::string> out;
  for (const auto& t : p.terms) out.push_back(t.label + " — " + activity_state_name(t.state));
  return fmt::format("{}", fmt::join(out, "; "));
}

std::string responsible_text(const std::vector<std::string>& responsible) {
  return fmt::format("{}", fmt::join(responsible, ", "));
}

std::string activity_states_text(const RoadmapProgress& p, bool track_progress, const char* done) {
  std::string text = fmt::format("{} — {}", done, p.done);
  if (p.in_progress > 0) text += fmt::format(", в работе — {}", p.in_progress);
  if (track_progress) text += fmt::format(", просрочено — {}", p.overdue);
  if (p.not_started > 0) text += fmt::format(", не начато — {}", p.not_started);
  if (p.cancelled > 0) text += fmt::format(", отменено — {}", p.cancelled);
  if (p.not_reported > 0) text += fmt::format(", сведения о выполнении не представлены — {}", p.not_reported);
  return text;
}

}  // namespace sveden
