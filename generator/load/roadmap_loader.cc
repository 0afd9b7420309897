#include "load/roadmap_loader.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>

#include <fmt/format.h>

#include "load/indicator_vocabulary.h"
#include "load/vocabulary.h"
#include "load/yaml_reader.h"
#include "load/yaml_tree.h"

namespace sveden {

namespace {

bool is_id(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

// «2024-05-31», «2021-12» (a month), «2021-Q2» (a quarter), «2021-H2» (a half-year): a term and its last day.
std::optional<Due> parse_due(std::string_view s) {
  if (auto d = parse_iso_date(s)) return Due{Due::Grain::day, *d, 0};
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  int year = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + 4, year);
  if (ec != std::errc() || p != s.data() + 4 || year < 2000 || year > 2100) return std::nullopt;
  char kind = s[5], digit = s[6];
  if (kind == 'Q' || kind == 'q') {
    if (digit < '1' || digit > '4') return std::nullopt;
    int q = digit - '0';
    return Due{Due::Grain::quarter, {year, q * 3, days_in_month(year, q * 3)}, q};
  }
  if (kind == 'H' || kind == 'h') {
    if (digit < '1' || digit > '2') return std::nullopt;
    int h = digit - '0';
    return Due{Due::Grain::half, {year, h * 6, days_in_month(year, h * 6)}, h};
  }
  if (kind < '0' || kind > '1' || digit < '0' || digit > '9') return std::nullopt;
  int month = (kind - '0') * 10 + (digit - '0');
  if (month < 1 || month > 12) return std::nullopt;
  return Due{Due::Grain::month, {year, month, days_in_month(year, month)}, 0};
}

constexpr const char* kDueHint = "срок пишется как дата ГГГГ-ММ-ДД (2024-05-31), месяц ГГГГ-ММ (2021-12), квартал ГГГГ-Q2 или полугодие ГГГГ-H2";

std::optional<ActivityStatus> status_of(std::string_view s) {
  static const std::pair<const char*, ActivityStatus> kStatuses[] = {{"выполнено", ActivityStatus::done},
                                                                      {"в работе", ActivityStatus::in_progress},
                                                                      {"не начато", ActivityStatus::not_started},
                                                                      {"отменено", ActivityStatus::cancelled}};
  for (const auto& [name, st] : kStatuses)
    if (s == name) return st;
  return std::nullopt;
}

std::optional<int> year_of(std::string_view s) {
  int year = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), year);
  if (ec != std::errc() || p != s.data() + s.size() || year < 2000 || year > 2100) return std::nullopt;
  return year;
}

class Reader {
 public:
  Reader(const SourceText& src, Diagnostics& diag, Municipality& m) : src_(src), diag_(diag), m_(m) {}

  // A value the plan accepts, yet a reader would miss it or it contradicts the plan's dates.
  void warn_at(const YamlNode& n, std::string message, std::string hint) {
    TextPos pos = n.pos.line > 0 ? n.pos : TextPos{1, 1};
    int width = n.is_scalar() ? static_cast<int>(std::max<size_t>(1, utf8_length(n.value))) : 1;
    diag_.add(Severity::warning, src_, pos, width, std::move(message), std::move(hint));
  }

  // A term outside the plan's period, or before the order that approved the plan, is warned about.
  void check_term(const YamlNode& n, const Date& d, std::string_view what) {
    const Roadmap& rm = m_.roadmap;
    if (rm.approved_date.year > 0 && d < rm.approved_date)
      warn_at(n, fmt::format("{} «{}» раньше утверждения дорожной карты ({})", what, n.value, rm.approved_date.iso()),
              "проверьте год срока; мероприятие, выполненное до утверждения, отметьте status: выполнено");
    else if (rm.from > 0 && (d.year < rm.from || d.year > rm.to))
      warn_at(n, fmt::format("{} «{}» вне срока дорожной карты {}–{}", what, n.value, rm.from, rm.to),
              "проверьте год или period дорожной карты");
  }

  std::optional<Date> date(YamlMapReader& r, std::string_view key, bool required) {
    auto text = r.text(key, required);
    if (!text) return std::nullopt;
    auto d = parse_iso_date(*text);
    if (!d) r.error_at(*r.node(key), fmt::format("«{}» — не дата", *text), "дата пишется как ГГГГ-ММ-ДД, например 2024-05-31");
    return d;
  }

  std::string id(YamlMapReader& r, std::set<std::string>& seen, const char* what) {
    std::string v = r.text("id", true).value_or("");
    if (v.empty()) return v;
    if (!is_id(v))
      r.error_at(*r.node("id"), fmt::format("«{}» не годится как идентификатор", v), "строчные латинские буквы, цифры и дефис, например mto-1");
    else if (!seen.insert(v).second)
      r.error_at(*r.node("id"), fmt::format("{} с идентификатором «{}» уже есть", what, v), "у каждого элемента свой id");
    return v;
  }

  // Responsible people or bodies: a list, or one value written on its own (`responsible: ИМЦ`). A list
  // that failed to read reports its own error, so «не указан ответственный» is only said of an empty one.
  std::vector<std::string> responsible(YamlMapReader& r) {
    const YamlNode* n = r.node("responsible", true);
    if (!n) return {};
    std::vector<std::string> out;
    if (n->is_scalar()) {
      if (!n->value.empty()) out.push_back(n->value);
    } else if (auto list = r.text_list("responsible")) {
      for (auto& x : *list)
        if (!x.empty()) out.push_back(std::move(x));
    } else {
      return out;
    }
    if (out.empty()) r.error_at(*n, "не указан ответственный", "перечислите ответственных: [Управление образования, ИМЦ]");
    return out;
  }

  // A map written as something else (`period: 2022-2023`) is reported with the form it takes.
  bool is_map_or_report(YamlMapReader& r, const YamlNode& n, std::string_view key, std::string_view form) {
    if (n.is_map()) return true;
    r.error_at(n, fmt::format("«{}» записывается словарём, а здесь {}", key, yaml_kind_name(n.kind)), fmt::format("например: {}: {}", key, form));
    return false;
  }

  std::map<int, double> year_values(YamlMapReader& r, std::string_view key, bool required) {
    std::map<int, double> out;
    const YamlNode* n = r.node(key, required);
    if (!n) return out;
    if (!n->is_map()) {
      r.error_at(*n, fmt::format("«{}» — словарь «год: значение»", key), "например: {2023: 15, 2024: 30}");
      return out;
    }
    for (const auto& [k, v] : n->entries) {
      int year = 0;
      auto [p, ec] = std::from_chars(k.value.data(), k.value.data() + k.value.size(), year);
      auto value = yaml_number(v);
      if (ec != std::errc() || p != k.value.data() + k.value.size() || year < 2000 || year > 2100)
        r.error_at(k, fmt::format("«{}» — не год", k.value), "год пишется четырьмя цифрами");
      else if (!value)
        r.error_at(v, fmt::format("«{}» — не число", v.value), "запишите значение числом, например 30 или 12,5");
      else
        out[year] = *value;
    }
    return out;
  }

  void roadmap(const YamlNode& root) {
    Roadmap& rm = m_.roadmap;
    if (root.is_null()) return;  // only comments, as `sveden init` writes it: no roadmap yet
    rm.present = true;
    YamlMapReader r(root, src_, diag_, "roadmap.yaml", true);
    if (!r.valid()) return;
    rm.title = r.text("title", true).value_or("");
    rm.short_title = r.text("short_title").value_or("");
    if (const YamlNode* a = r.node("approved", true)) {
      YamlMapReader ar(*a, src_, diag_, "approved");
      rm.approved_document = ar.text("document", true).value_or("");
      rm.approved_number = ar.text("number", true).value_or("");  // «б/н» as the order writes it
      if (auto d = date(ar, "date", false)) rm.approved_date = *d;
      ar.finish();
    }
    rm.track_progress = r.boolean("track_progress").value_or(false);
    if (const YamlNode* p = r.node("period", true); p && is_map_or_report(r, *p, "period", "{from: 2022, to: 2023}")) {
      YamlMapReader pr(*p, src_, diag_, "period");
      rm.from = static_cast<int>(pr.integer("from", true, 2000, 2100).value_or(0));
      rm.to = static_cast<int>(pr.integer("to", true, 2000, 2100).value_or(0));
      if (rm.from > rm.to && rm.to > 0)
        pr.error_at(*p, fmt::format("период {}–{}: начало позже конца", rm.from, rm.to), "проверьте годы from и to");
      pr.finish();
    }
    if (const YamlNode* g = r.node("goal", true)) {
      if (g->is_scalar()) rm.goals.push_back(g->value);
      else rm.goals = r.text_list("goal").value_or(std::vector<std::string>{});
      std::erase(rm.goals, std::string());
      if (rm.goals.empty()) warn_at(*g, "цель дорожной карты пуста", "запишите цель: goal: … или несколько целей списком");
    }
    rm.tasks = r.text_list("tasks").value_or(std::vector<std::string>{});
    rm.expected_results = r.text_list("expected_results").value_or(std::vector<std::string>{});
    rm.legal_bases = r.text_list("legal_bases").value_or(std::vector<std::string>{});
    rm.developer = r.text("developer").value_or("");
    if (const YamlNode* fin = r.node("financing"))
      for (const auto& item : fin->items) {
        YamlMapReader fr(item, src_, diag_, "financing");
        Financing f;
        f.source = fr.text("source", true).value_or("");
        f.unit = fr.text("unit").value_or("");
        f.text = fr.text("text").value_or("");
        f.amounts = year_values(fr, "amounts", false);
        if (f.amounts.empty() && f.text.empty())
          fr.error_at(item, "у источника финансирования нет ни сумм (amounts), ни текста (text)",
                      "например: {source: муниципальный бюджет, unit: тыс. руб., amounts: {2022: 150}} или text: без финансирования");
        if (!f.amounts.empty() && f.unit.empty())
          fr.error_at(item, "у сумм финансирования нет единицы (unit)", "например: unit: тыс. руб.");
        fr.finish();
        rm.financing.push_back(std::move(f));
      }
    if (const YamlNode* c = r.node("coordinator", true)) {
      YamlMapReader cr(*c, src_, diag_, "coordinator");
      rm.coordinator.position = cr.text("position", true).value_or("");
      rm.coordinator.name = cr.text("name").value_or("");  // the plans appoint people later, by order
      if (const YamlNode* pos = cr.node("position"); pos && rm.coordinator.position.empty())
        warn_at(*pos, "должность координатора не указана", "запишите должность: position: начальник отдела общего образования");
      cr.finish();
    }
    if (const YamlNode* wg = r.node("working_group"))
      for (const auto& item : wg->items) {
        YamlMapReader wr(item, src_, diag_, "working_group");
        rm.working_group.push_back({wr.text("name", true).value_or(""), wr.text("position", true).value_or(""), wr.text("role").value_or("")});
        wr.finish();
      }
    std::set<std::string> section_ids, activity_ids, target_ids, point_ids;
    if (const YamlNode* sections = r.node("sections", true))
      for (const auto& item : sections->items) {
        YamlMapReader sr(item, src_, diag_, "раздел");
        Section s;
        s.id = id(sr, section_ids, "Раздел");
        s.number = sr.text("number").value_or("");
        s.title = sr.text("title", true).value_or("");
        if (const YamlNode* acts = sr.node("activities", true))
          for (const auto& a : acts->items) s.activities.push_back(activity(a, activity_ids));
        sr.finish();
        rm.sections.push_back(std::move(s));
      }
    if (const YamlNode* targets = r.node("targets", true))
      for (const auto& item : targets->items) rm.targets.push_back(target(item, target_ids));
    if (const YamlNode* points = r.node("control_points", true))
      for (const auto& item : points->items) {
        YamlMapReader pr(item, src_, diag_, "контрольная точка");
        ControlPoint cp;
        cp.id = id(pr, point_ids, "Контрольная точка");
        cp.title = pr.text("title", true).value_or("");
        cp.responsible = responsible(pr);
        cp.target = pr.text("target", true).value_or("");
        cp.target_id = pr.text("target_id").value_or("");
        if (!cp.target_id.empty() && !target_ids.count(cp.target_id))
          pr.error_at(*pr.node("target_id"), fmt::format("нет целевого показателя «{}»", cp.target_id), "укажите id из раздела targets");
        if (const YamlNode* dates = pr.node("dates", true)) {
          for (const auto& d : dates->items) {
            if (auto parsed = parse_iso_date(d.value)) {
              cp.dates.push_back(*parsed);
              check_term(d, *parsed, "дата контрольной точки");
            } else {
              pr.error_at(d, fmt::format("«{}» — не дата", d.value), "дата пишется как ГГГГ-ММ-ДД");
            }
          }
          if (dates->items.empty() && !dates->is_scalar())
            warn_at(*dates, fmt::format("у контрольной точки «{}» не указаны даты", cp.id), "например: dates: [2023-07-31, 2024-07-31]");
        }
        if (const YamlNode* t = pr.node("target"); t && cp.target.empty())
          warn_at(*t, fmt::format("у контрольной точки «{}» пустое целевое значение", cp.id), "например: target: июль 2023 — 15 %");
        pr.finish();
        rm.control_points.push_back(std::move(cp));
      }
    r.finish();
  }

  Activity activity(const YamlNode& node, std::set<std::string>& ids) {
    YamlMapReader r(node, src_, diag_, "мероприятие");
    Activity a;
    a.pos = node.pos;
    a.id = id(r, ids, "Мероприятие");
    a.title = r.text("title", true).value_or("");
    a.number = r.text("number").value_or("");
    timing(r, node, a);
    a.responsible = responsible(r);
    a.expected_result = r.text("expected_result").value_or("");
    a.indicator = r.text("indicator").value_or("");
    a.report_form = r.text("report_form").value_or("");
    // No status: the department has not reported; a map: a status per year of a yearly activity.
    if (const YamlNode* st = r.node("status")) {
      auto unknown = [&](const YamlNode& n) {
        r.error_at(n, fmt::format("неизвестный статус «{}»", n.value), "допустимо: выполнено, в работе, не начато, отменено");
      };
      if (st->is_map()) {
        for (const auto& [k, v] : st->entries) {
          auto year = year_of(k.value);
          auto status = status_of(v.value);
          if (!year) r.error_at(k, fmt::format("«{}» — не год", k.value), "статусы по годам: status: {2022: выполнено, 2023: в работе}");
          else if (!status) unknown(v);
          else a.status_by_year[*year] = *status;
        }
      } else if (r.expect_scalar(*st, "status")) {
        if (auto status = status_of(st->value)) a.status = *status;
        else unknown(*st);
      }
    }
    if (auto schools = r.text_list("schools")) {
      const YamlNode* list = r.node("schools");
      for (size_t k = 0; k < schools->size(); ++k)
        if (!m_.school_index.count((*schools)[k]))
          r.error_at(list->items[k], fmt::format("неизвестный код школы «{}»", (*schools)[k]), "коды школ — из data/schools.csv");
      a.schools = *schools;
    }
    a.group = r.text("group").value_or("");
    if (!a.group.empty() && !m_.criteria.group(a.group))
      r.error_at(*r.node("group"), fmt::format("нет группы «{}» в критериях", a.group), group_hint(a.group));
    if (const YamlNode* progress = r.node("progress"))
      for (const auto& item : progress->items) {
        YamlMapReader pr(item, src_, diag_, "отметка о выполнении");
        ProgressNote note;
        // A note dated after «as of» is kept: a build as of an earlier date simply does not see it yet.
        if (auto d = date(pr, "date", true)) note.date = *d;
        note.text = pr.text("text", true).value_or("");
        if (const YamlNode* ev = pr.node("evidence"))
          for (const auto& e : ev->items) {
            YamlMapReader er(e, src_, diag_, "подтверждение");
            EvidenceLink link{er.text("title", true).value_or(""), er.text("url", true).value_or("")};
            if (!link.url.empty() && link.url.rfind("https://", 0) != 0 && link.url.rfind("http://", 0) != 0)
              er.error_at(*er.node("url"), fmt::format("«{}» — не адрес в интернете", link.url), "ссылка начинается с https://");
            er.finish();
            note.evidence.push_back(std::move(link));
          }
        pr.finish();
        a.progress.push_back(std::move(note));
      }
    r.finish();
    return a;
  }

  // The term of an activity: exactly one of deadline, recurrence, period, ongoing, schedule, or the plan's words
  // alone (`term`), which are then shown as written and not tracked; `term` beside another kind replaces its words.
  void timing(YamlMapReader& r, const YamlNode& node, Activity& a) {
    Timing& t = a.timing;
    const YamlNode* deadline = r.node("deadline");
    const YamlNode* recurrence = r.node("recurrence");
    const YamlNode* period = r.node("period");
    const YamlNode* ongoing = r.node("ongoing");
    const YamlNode* schedule = r.node("schedule");
    t.words = r.text("term").value_or("");
    int timings = (deadline ? 1 : 0) + (recurrence ? 1 : 0) + (period ? 1 : 0) + (ongoing ? 1 : 0) + (schedule ? 1 : 0);
    if (timings == 0 && !t.words.empty()) {
      t.kind = Timing::Kind::text;
      return;
    }
    if (timings != 1) {
      r.error_at(node, fmt::format("у мероприятия «{}» должен быть ровно один срок: deadline, recurrence, period, ongoing, schedule или term", a.id),
                 "deadline: 2024-05-31 — к дате (или 2021-12, 2021-Q2, список сроков); recurrence: ежегодно или {months: [3, 10]}; "
                 "period: {from: …, to: …}; ongoing: постоянно; schedule: {title: …, url: …}; term: «как в документе» — не отслеживается");
      return;
    }
    if (deadline) {
      t.kind = Timing::Kind::deadline;
      std::vector<const YamlNode*> items;
      if (deadline->is_sequence()) for (const auto& d : deadline->items) items.push_back(&d);
      else items.push_back(deadline);
      for (const YamlNode* d : items) {
        auto due = d->is_scalar() ? parse_due(d->value) : std::nullopt;
        if (!due) {
          r.error_at(*d, fmt::format("«{}» — не дата", d->value), kDueHint);
          continue;
        }
        check_term(*d, due->date, "срок");
        t.dues.push_back(*due);
      }
      std::sort(t.dues.begin(), t.dues.end(), [](const Due& x, const Due& y) { return x.date < y.date; });
    } else if (recurrence && recurrence->is_scalar()) {
      t.kind = Timing::Kind::recurrence;
      t.every = recurrence->value;
      if (t.every == "ежегодно") t.months = {12};
      else if (t.every == "ежеквартально") t.months = {3, 6, 9, 12};
      else if (t.every != "ежемесячно")
        r.error_at(*recurrence, fmt::format("«{}» — не повторение", t.every),
                   "recurrence: ежегодно, ежеквартально или ежемесячно; в какие месяцы — словарём: recurrence: {months: [3, 10]}");
    } else if (recurrence && is_map_or_report(r, *recurrence, "recurrence", "{months: [3, 10]} — ежегодно в марте и октябре; {months: all} — весь год")) {
      t.kind = Timing::Kind::recurrence;
      YamlMapReader rr(*recurrence, src_, diag_, "recurrence");
      if (const YamlNode* months = rr.node("months", true)) {
        if (months->is_scalar() && months->value == "all") {
          // all year round: no months listed
        } else if (months->is_sequence()) {
          for (const auto& mo : months->items) {
            auto v = yaml_number(mo);
            if (!v || *v < 1 || *v > 12 || *v != static_cast<int>(*v))
              rr.error_at(mo, fmt::format("«{}» — не номер месяца", mo.value), "месяцы — числа от 1 до 12, например [3, 10]");
            else
              t.months.push_back(static_cast<int>(*v));
          }
        } else {
          rr.error_at(*months, "months — список номеров месяцев или all", "например: months: [3, 10]");
        }
      }
      rr.finish();
    } else if (period && is_map_or_report(r, *period, "period", "{from: 2023-09-01, to: 2024-09-30}")) {
      t.kind = Timing::Kind::period;
      YamlMapReader pr(*period, src_, diag_, "period");
      // A date, or a year: from its first day to its last.
      auto end = [&](const char* key, bool first) -> std::optional<Date> {
        const YamlNode* n = pr.node(key, true);
        if (!n || !pr.expect_scalar(*n, key)) return std::nullopt;
        if (auto y = year_of(n->value)) return first ? Date{*y, 1, 1} : Date{*y, 12, 31};
        auto d = parse_iso_date(n->value);
        if (!d) pr.error_at(*n, fmt::format("«{}» — не дата", n->value), "дата пишется как ГГГГ-ММ-ДД, например 2024-05-31, или год: 2024");
        return d;
      };
      if (auto f = end("from", true)) t.from = *f;
      if (auto to = end("to", false)) {
        t.to = *to;
        check_term(*pr.node("to"), t.to, "срок");
      }
      if (t.to < t.from)
        pr.error_at(*period, "конец срока раньше начала", "проверьте даты from и to");
      pr.finish();
    } else if (ongoing) {
      t.kind = Timing::Kind::ongoing;
      if (r.expect_scalar(*ongoing, "ongoing")) t.words = t.words.empty() ? ongoing->value : t.words;
      if (t.words.empty()) warn_at(*ongoing, "срок «ongoing» пуст", "например: ongoing: постоянно или ongoing: в течение всего срока");
    } else if (schedule && is_map_or_report(r, *schedule, "schedule", "{title: график оценочных процедур, url: https://…}")) {
      t.kind = Timing::Kind::schedule;
      YamlMapReader sr(*schedule, src_, diag_, "schedule");
      t.schedule_title = sr.text("title", true).value_or("");
      t.schedule_url = sr.text("url").value_or("");
      if (!t.schedule_url.empty() && t.schedule_url.rfind("https://", 0) != 0 && t.schedule_url.rfind("http://", 0) != 0)
        sr.error_at(*sr.node("url"), fmt::format("«{}» — не адрес в интернете", t.schedule_url), "ссылка начинается с https://");
      sr.finish();
    }
  }

  // targets: {2023: 15, 2024: положительная динамика, end: 30}: a figure or words for a year or for the end of the
  // period (`end`); a year outside the period is warned about.
  std::map<int, PlanValue> plan_values(YamlMapReader& r) {
    std::map<int, PlanValue> out;
    const YamlNode* n = r.node("targets", true);
    if (!n) return out;
    if (!n->is_map()) {
      r.error_at(*n, "«targets» — словарь «год: значение»", "например: {2023: 15, 2024: 30}; к концу срока: {end: 30}");
      return out;
    }
    const Roadmap& rm = m_.roadmap;
    for (const auto& [k, v] : n->entries) {
      PlanValue pv;
      std::optional<int> year;
      if (k.value == "end") {
        pv.end = true;
        if (rm.to > 0) year = rm.to;
        else r.error_at(k, "«end» — конец срока, а срок дорожной карты не указан", "добавьте period: {from: 2022, to: 2023}");
      } else {
        year = year_of(k.value);
        if (!year) r.error_at(k, fmt::format("«{}» — не год", k.value), "год пишется четырьмя цифрами; к концу срока — end");
        else if (rm.from > 0 && (*year < rm.from || *year > rm.to))
          warn_at(k, fmt::format("цель на {} год вне срока дорожной карты {}–{}", *year, rm.from, rm.to), "проверьте год или period дорожной карты");
      }
      if (!year) continue;
      if (auto value = yaml_number(v)) pv.number = *value;
      else if (v.is_scalar() && !v.value.empty()) pv.text = v.value;
      else {
        r.error_at(v, fmt::format("цель на {} год записывается числом или словами, а здесь {}", *year, yaml_kind_name(v.kind)),
                   "например: 2025: 30 или 2025: положительная динамика");
        continue;
      }
      out[*year] = pv;
    }
    return out;
  }

  Target target(const YamlNode& node, std::set<std::string>& ids) {
    YamlMapReader r(node, src_, diag_, "целевой показатель");
    Target t;
    t.pos = node.pos;
    t.id = id(r, ids, "Целевой показатель");
    t.title = r.text("title", true).value_or("");
    t.unit = r.text("unit", true).value_or("");
    std::string better = r.text("better").value_or("higher");
    if (better != "higher" && better != "lower")
      r.error_at(*r.node("better"), fmt::format("«{}»: ожидалось higher или lower", better), "higher — чем больше, тем лучше (доля выполнивших); lower — чем меньше, тем лучше (доля не сдавших, число вакансий)");
    t.higher_is_better = better != "lower";
    t.plan = plan_values(r);
    t.source = r.text("source").value_or("");
    if (const YamlNode* fact = r.node("fact")) {
      t.has_fact = true;
      YamlMapReader fr(*fact, src_, diag_, "fact");
      // Entered facts: figures, or words for a qualitative target («положительная динамика»).
      if (const YamlNode* e = fr.node("entered"); e && e->is_map()) {
        for (const auto& [k, v] : e->entries) {
          auto year = year_of(k.value);
          if (!year) fr.error_at(k, fmt::format("«{}» — не год", k.value), "год пишется четырьмя цифрами");
          else if (auto value = yaml_number(v)) t.fact.entered[*year] = *value;
          else if (v.is_scalar() && !v.value.empty()) t.entered_text[*year] = v.value;
          else fr.error_at(v, fmt::format("факт за {} год записывается числом или словами, а здесь {}", *year, yaml_kind_name(v.kind)),
                           "например: 2025: 30 или 2025: положительная динамика");
        }
      } else if (e) {
        fr.error_at(*e, "«entered» — словарь «год: значение»", "например: {2023: 15, 2024: 30}");
      }
      t.fact.measure = fr.text("measure").value_or("");
      t.fact.group = fr.text("group").value_or("");
      t.fact.indicator = fr.text("indicator").value_or("");
      if (auto c = fr.text("compare")) {
        if (*c == "at_most") t.fact.compare = Compare::at_most;
        else if (*c == "at_least") t.fact.compare = Compare::at_least;
        else fr.error_at(*fr.node("compare"), fmt::format("«{}»: ожидалось at_most или at_least", *c), "at_most — не больше, at_least — не меньше");
      }
      if (const YamlNode* v = fr.node("value")) {
        if (auto d = yaml_number(*v)) t.fact.value = *d;
        else fr.error_at(*v, fmt::format("«{}» — не число", v->value), "например: 30");
      }
      static const std::vector<std::string> kMeasures = {"share_of_group_left", "share_of_group_improved", "share_of_schools_meeting",
                                                         "share_of_group_meeting", "municipal_value"};
      bool entered = fr.node("entered") != nullptr;
      if (entered == !t.fact.measure.empty())
        fr.error_at(*fact, "fact: укажите либо entered (значения по годам), либо measure (расчёт по данным)", "например: entered: {2023: 12}");
      if (!t.fact.measure.empty()) {
        const std::string& ms = t.fact.measure;
        if (std::find(kMeasures.begin(), kMeasures.end(), ms) == kMeasures.end()) {
          fr.error_at(*fr.node("measure"), fmt::format("неизвестный способ расчёта «{}»", ms),
                      fmt::format("допустимо: {}", fmt::join(kMeasures, ", ")));
        } else {
          bool needs_group = ms.rfind("share_of_group", 0) == 0;
          bool needs_indicator = ms != "share_of_group_left";
          bool needs_condition = ms == "share_of_schools_meeting" || ms == "share_of_group_meeting";
          if (needs_group && !m_.criteria.group(t.fact.group))
            fr.error_at(*fact, fmt::format("для «{}» нужна группа из критериев (group), а «{}» не найдена", ms, t.fact.group),
                        group_hint(t.fact.group));
          const auto& ids_list = builtin_indicator_ids();
          if (needs_indicator && std::find(ids_list.begin(), ids_list.end(), t.fact.indicator) == ids_list.end())
            fr.error_at(*fact, fmt::format("для «{}» нужен показатель (indicator), а «{}» не найден", ms, t.fact.indicator),
                        fmt::format("{}", closest_word(t.fact.indicator, ids_list).empty() ? "показатели перечислены в docs/CRITERIA.md"
                                                                                            : "возможно, имелось в виду «" + closest_word(t.fact.indicator, ids_list) + "»"));
          for (const auto& spec : builtin_indicators())
            if (needs_indicator && spec.id == t.fact.indicator && !spec.param.empty())
              fr.error_at(*fact, fmt::format("показатель «{}» считается по предметам; для факта нужен показатель школы в целом",
                                             t.fact.indicator),
                          "например: results_index, continuation_rate, pension_age_share");
          if (needs_condition && (!fr.node("compare") || !fr.node("value")))
            fr.error_at(*fact, fmt::format("для «{}» нужны compare и value", ms), "например: compare: at_most, value: 30");
        }
      }
      fr.finish();
    }
    r.finish();
    return t;
  }

  void recommendations(const YamlNode& root) {
    YamlMapReader r(root, src_, diag_, "recommendations.yaml", true);
    if (!r.valid()) return;
    std::set<std::string> ids;
    // The department may be named by its kind as well («отдел образования», «комитет по образованию»); it is
    // printed as site.yaml names it.
    const std::string& department = m_.site.department.words.full_nominative;
    const std::vector<std::string> kAudiences = {"администрация", "педагоги", "управление образования", department};
    if (const YamlNode* list = r.node("recommendations", true))
      for (const auto& item : list->items) {
        YamlMapReader ir(item, src_, diag_, "рекомендация");
        Recommendation rec;
        rec.id = id(ir, ids, "Рекомендация");
        rec.audience = ir.text("audience", true).value_or("");
        if (!rec.audience.empty() && std::find(kAudiences.begin(), kAudiences.end(), rec.audience) == kAudiences.end())
          ir.error_at(*ir.node("audience"), fmt::format("неизвестный адресат «{}»", rec.audience),
                      fmt::format("допустимо: администрация, педагоги, {}", department));
        if (rec.audience == "управление образования") rec.audience = department;
        rec.text = ir.text("text", true).value_or("");
        rec.source = ir.text("source").value_or("");
        rec.order = m_.recommendations.size();
        if (auto priority = ir.integer("priority", false, 1, 3)) rec.priority = static_cast<int>(*priority);
        if (const YamlNode* only = ir.node("only")) rec.only = scope(*only);
        if (const YamlNode* when = ir.node("when", true))
          for (const auto& w : when->items) rec.when.push_back(trigger(w));
        ir.finish();
        m_.recommendations.push_back(std::move(rec));
      }
    r.finish();
  }

  // only: {kind: [СОШ, ООШ], locality: [село], students_min: 100, students_max: 500}
  RecommendationScope scope(const YamlNode& node) {
    YamlMapReader r(node, src_, diag_, "only");
    RecommendationScope s;
    if (!r.valid()) return s;
    const auto& enums = builtin_vocabulary().enums;
    auto values = [&](const char* key, const char* enum_name, std::vector<std::string>& out) {
      auto list = r.text_list(key);
      if (!list) return;
      const auto& allowed = enums.at(enum_name);
      for (const auto& v : *list) {
        if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
          r.error_at(*r.node(key), fmt::format("only.{}: неизвестное значение «{}»", key, v), fmt::format("допустимо: {}", fmt::join(allowed, ", ")));
        else
          out.push_back(v);
      }
    };
    values("kind", "school_kind", s.kinds);
    values("locality", "locality", s.localities);
    if (auto n = r.integer("students_min", false, 0, 100000)) s.students_min = static_cast<int>(*n);
    if (auto n = r.integer("students_max", false, 0, 100000)) s.students_max = static_cast<int>(*n);
    if (s.students_min && s.students_max && *s.students_min > *s.students_max)
      r.error_at(node, fmt::format("only: students_min {} больше students_max {}", *s.students_min, *s.students_max),
                 "нижняя граница числа обучающихся не может быть больше верхней");
    r.finish();
    return s;
  }

  RecommendationTrigger trigger(const YamlNode& node) {
    YamlMapReader r(node, src_, diag_, "условие");
    RecommendationTrigger t;
    t.group = r.text("group").value_or("");
    t.rule = r.text("rule").value_or("");
    t.risk_factor = r.text("risk_factor").value_or("");
    t.level = r.text("level").value_or(t.risk_factor.empty() ? "" : "высокий");
    int kinds = !t.group.empty() + !t.rule.empty() + !t.risk_factor.empty();
    if (kinds != 1)
      r.error_at(node, "условие — одно из: group, rule или risk_factor (с level)", "например: - rule: shnor.oge_math_mean_fell2");
    if (!t.group.empty() && !m_.criteria.group(t.group))
      r.error_at(*r.node("group"), fmt::format("нет группы «{}» в критериях", t.group), group_hint(t.group));
    if (!t.rule.empty()) {
      size_t dot = t.rule.find('.');
      const Group* g = dot == std::string::npos ? nullptr : m_.criteria.group(t.rule.substr(0, dot));
      std::string rule_id = dot == std::string::npos ? "" : t.rule.substr(dot + 1);
      std::function<bool(const Rule&)> has = [&](const Rule& rule) {
        if (rule.id == rule_id) return true;
        for (const auto& c : rule.children)
          if (has(c)) return true;
        return false;
      };
      if (!g || !has(g->rule)) {
        std::vector<std::string> all;
        std::function<void(const std::string&, const Rule&)> collect = [&](const std::string& group, const Rule& rule) {
          if (rule.combine == Combine::leaf || !rule.id.empty()) all.push_back(group + "." + rule.id);
          for (const auto& c : rule.children) collect(group, c);
        };
        for (const auto& grp : m_.criteria.groups)
          for (const auto& c : grp.rule.children) collect(grp.id, c);
        std::string guess = closest_word(t.rule, all);
        r.error_at(*r.node("rule"), fmt::format("нет критерия «{}»", t.rule),
                   guess.empty() ? "пишется как группа.критерий, например shnor.oge_math_mean_fell2"
                                 : fmt::format("возможно, имелось в виду «{}»", guess));
      }
    }
    if (!t.risk_factor.empty()) {
      bool found = false;
      for (const auto& f : m_.criteria.risk_factors) found = found || f.id == t.risk_factor;
      if (!found) {
        std::vector<std::string> ids;
        for (const auto& f : m_.criteria.risk_factors) ids.push_back(f.id);
        std::string guess = closest_word(t.risk_factor, ids);
        r.error_at(*r.node("risk_factor"), fmt::format("нет фактора риска «{}»", t.risk_factor),
                   guess.empty() ? "факторы перечислены в docs/CRITERIA.md" : fmt::format("возможно, имелось в виду «{}»", guess));
      }
      if (t.level != "высокий" && t.level != "средний")
        r.error_at(node, fmt::format("уровень «{}»: ожидалось высокий или средний", t.level), "level: высокий — только при высоком уровне");
    }
    r.finish();
    return t;
  }

 private:
  std::string group_hint(const std::string& wrong) const {
    std::vector<std::string> ids;
    for (const auto& g : m_.criteria.groups) ids.push_back(g.id);
    if (ids.empty())
      return "в критериях нет ни одной группы: включите набор с группой в content/criteria.yaml (presets: [yelnya]) или опишите свою "
             "группу в groups (docs/CRITERIA.md, раздел 2), либо уберите group";
    std::string guess = closest_word(wrong, ids);
    return fmt::format("{}группы: {}", guess.empty() ? "" : fmt::format("возможно, имелось в виду «{}»; ", guess), fmt::join(ids, ", "));
  }

  const SourceText& src_;
  Diagnostics& diag_;
  Municipality& m_;
};

}  // namespace

void load_roadmap(const Disk& disk, const std::string& prefix, Municipality& m, Diagnostics& diag) {
  read_yaml_file(disk, prefix, "content/roadmap.yaml", diag, [&](const SourceText& src, const YamlNode& root) { Reader(src, diag, m).roadmap(root); });
}

void load_recommendations(const Disk& disk, const std::string& prefix, Municipality& m, Diagnostics& diag) {
  read_yaml_file(disk, prefix, "content/recommendations.yaml", diag,
            [&](const SourceText& src, const YamlNode& root) { Reader(src, diag, m).recommendations(root); });
}

}  // namespace sveden
