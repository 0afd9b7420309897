#include "render/movement_table.h"

#include "render/analysis_text.h"
#include "russian/typography.h"

namespace sveden {

MovementTable movement_table(const Classification& cl, const std::vector<PublishedList>& lists) {
  MovementTable t;
  bool withheld = false, not_given = false;
  t.headers = {"Группа", "Год", "Было", "Вошли", "Вышли", "Из «недостаточно данных»", "В «недостаточно данных»", "Стало"};
  for (const auto& g : cl.groups)
    for (size_t y = 0; y < cl.years.size() && y < g.flows.size(); ++y) {
      const GroupFlow& f = g.flows[y];
      bool shown = verdicts_shown(lists, g.group->id, cl.years[y]);
      bool before = y > 0 && verdicts_shown(lists, g.group->id, cl.years[y - 1]);
      bool given = list_given(lists, g.group->id, cl.years[y]);
      withheld = withheld || (!shown && given);
      not_given = not_given || (!shown && !given);
      // Without the previous year there is nothing to move from: a dash, not a zero.
      auto cell = [&](int v) { return f.has_previous && shown && before ? format_count(v) : std::string("—"); };
      t.rows.push_back({y == 0 ? g.group->title : "", std::to_string(cl.years[y]), cell(f.previous), cell(f.entered),
                        cell(f.left), cell(f.from_unknown), cell(f.to_unknown), shown ? format_count(f.current) : withheld_words(lists, g.group->id, cl.years[y])});
    }
  t.footnote =
      "Было — школ в группе годом раньше; вошли — школ, которые годом раньше в группу не входили; вышли — "
      "школ, исключённых из группы; из «недостаточно данных» — школ, включённых в группу после года, когда "
      "данных для решения по ним не хватало; в «недостаточно данных» — школ группы прошлого года, по которым "
      "в этом году данных для решения недостаточно; стало — школ в группе в этом году. В каждой строке "
      "было + вошли − вышли + из «недостаточно данных» − в «недостаточно данных» = стало. Филиалы считаются "
      "вместе со школами. Прочерк — предыдущего года нет в данных.";
  if (withheld) t.footnote += " «Перечень не утверждён» — до приказа перечень не публикуется, как и числа по нему.";
  if (not_given) t.footnote += " «Перечень не задан» — перечня группы на этот год управление не давало: утверждать и считать нечего.";
  return t;
}

}  // namespace sveden
