// The publication minimum is not a decision rule (docs/CRITERIA.md §4): a small school under the
// `yelnya` and `rosobrnadzor30` presets, on hand-made data, is decided on its hidden figures and
// published without them; the stricter site settings withhold such verdicts.
#include <doctest/doctest.h>

#include "analyse/classify.h"
#include "analyse/decision_minimum.h"
#include "analyse/indicators.h"
#include "load/criteria_loader.h"
#include "base/disk.h"
#include "load/indicator_vocabulary.h"

using namespace sveden;

namespace {

// One СОШ of 6 ОГЭ participants in 2025: 3 of them below the minimum in maths (50 %), 2 in Russian
// (33,3 %) — both above the region (12,7 % and 6,4 %), and two procedures with at least 30 % «2».
// A second school of 40 participants, with none below the minimum, keeps the municipality real.
struct SmallSchool {
  Municipality m;
  IndicatorSet ind;
  Classification c;

  explicit SmallSchool(void (*configure)(SiteConfig&) = nullptr) {
    m.site.years = {2023, 2024, 2025};
    for (const char* id : {"S1", "S2"}) {
      School s;
      s.id = id;
      s.kind = "СОШ";
      m.school_index[s.id] = m.schools.size();
      m.schools.push_back(s);
    }
    auto oge = [](const char* subject, long n, long below) {
      OgeResult o;
      o.year = 2025;
      o.subject = subject;
      o.participants = n;
      o.below_min = below;
      o.mean_score = 3.5;
      return o;
    };
    m.schools[0].oge = {oge("математика", 6, 3), oge("русский язык", 6, 2)};
    m.schools[1].oge = {oge("математика", 40, 0), oge("русский язык", 40, 0)};
    m.regional = {{"oge_below_min_share", "математика", 2025, 12.7}, {"oge_below_min_share", "русский язык", 2025, 6.4}};
    if (configure) configure(m.site);
    Diagnostics diag;
    m.criteria = load_criteria(MemoryDisk{}, "", diag);
    REQUIRE_MESSAGE(!diag.has_errors(), format_all(diag));
    ind = compute_indicators(m, builtin_indicators(), m.criteria.social_index, m.criteria.results_index);
    c = classify(m, ind, m.criteria);
  }
  const GroupYear& group(const char* id) const { return c.group(id)->by_school[0][2]; }
  // A leaf rule of the group's evidence, however deep.
  static const Evidence* find(const Evidence& e, const std::string& id) {
    if (e.rule && e.rule->id == id) return &e;
    for (const auto& ch : e.children)
      if (const Evidence* f = find(ch, id)) return f;
    return nullptr;
  }
  const Evidence& rule(const char* group_id, const char* rule_id) const {
    const Evidence* e = find(group(group_id).evidence, rule_id);
    REQUIRE(e);
    return *e;
  }
};

constexpr const char* kHiddenMet = "не публикуется (в группе меньше 10\u00a0человек); по нему критерий выполнен";

}  // namespace

TEST_CASE("decision minimum: what the presets' sources say, unless the site sets one") {
  SiteConfig site;
  CHECK(source_decision_min("yelnya") == 1);
  CHECK(source_decision_min("rosobrnadzor30") == 1);
  CHECK(decision_minimum(site, default_presets()) == 1);
  site.decision_min = 10;
  CHECK(decision_minimum(site, default_presets()) == 10);
}

TEST_CASE("yelnya: a school of 6 ОГЭ participants above the region is in ШНОР, its shares hidden") {
  SmallSchool s;
  // The shares themselves stay hidden from every publishing path.
  const IndicatorValue& math = s.ind.find({"oge_below_min_share", "математика"})->values[0][2];
  CHECK(math.state == ValueState::suppressed);
  CHECK(s.group("shnor").verdict == Verdict::yes);
  const Evidence& e = s.rule("shnor", "oge_math_below_min_above_region");
  CHECK(e.verdict == Verdict::yes);
  CHECK(e.said().values.empty());  // 50 % is not among the published figures
  CHECK(e.text() == std::string("Доля участников ОГЭ, не преодолевших минимальный порог (математика): значение за 2025\u00a0г. ") + kHiddenMet +
                      ": выше, чем по региону (12,7\u00a0%)");
  CHECK(e.text().find("50") == std::string::npos);
}

TEST_CASE("rosobrnadzor30: a school of 6 ОГЭ participants with two procedures of 30 % «2» has the sign, the count hidden") {
  SmallSchool s;
  CHECK(s.group("rosobr30").verdict == Verdict::yes);
  const Evidence& e = s.rule("rosobr30", "two_assessments_one_year");
  CHECK(e.verdict == Verdict::yes);
  CHECK(e.said().values.empty());
  CHECK(e.text() == "Число оценочных процедур, где не менее 30 % участников не преодолели минимальный порог: значение за 2025\u00a0г. "
                  "не публикуется (в него входят группы меньше 10\u00a0человек); по нему критерий выполнен: не меньше порога 2");
  // Nothing is published: the count rests on hidden procedures only.
  CHECK(s.ind.find({"assessments_below30", ""})->values[0][2].state == ValueState::suppressed);
  // The large school's procedures are published and counted as before.
  const IndicatorValue& big = s.ind.find({"assessments_below30", ""})->values[1][2];
  CHECK(big.ok());
  CHECK(big.value == 0);
  CHECK_FALSE(big.decision.has_value());
}

TEST_CASE("the stricter settings: verdicts on hidden values withheld, or a decision minimum of 10") {
  SmallSchool withheld([](SiteConfig& site) { site.verdicts_on_hidden = SiteConfig::HiddenVerdicts::withhold; });
  CHECK(withheld.group("shnor").verdict == Verdict::unknown);
  CHECK(withheld.group("rosobr30").verdict == Verdict::unknown);
  CHECK(withheld.rule("shnor", "oge_math_below_min_above_region").text() ==
        "Доля участников ОГЭ, не преодолевших минимальный порог (математика): недостаточно данных — значение за 2025\u00a0г. не "
        "публикуется: в группе меньше 10\u00a0человек; решения по скрытым значениям не принимаются (privacy.verdicts_on_hidden: withhold)");
  SmallSchool ten([](SiteConfig& site) { site.decision_min = 10; });
  CHECK(ten.group("shnor").verdict == Verdict::unknown);
  CHECK(ten.group("rosobr30").verdict == Verdict::unknown);
  CHECK(ten.rule("shnor", "oge_math_below_min_above_region").text().ends_with(
      "решение принимается по группам не меньше 10\u00a0человек (privacy.decision_min)"));
  // A decision minimum of 6 takes the school of 6 back.
  SmallSchool six([](SiteConfig& site) { site.decision_min = 6; });
  CHECK(six.group("shnor").verdict == Verdict::yes);
  CHECK(six.group("rosobr30").verdict == Verdict::yes);
}
