# The department decides and keeps a record: a partial next year changes nothing published for the reporting
# year (pages, reports, open data, the analysis PDF); an order approves a list with one manual exclusion and
# one inclusion, and the portal, the schools' own pages, the audit page and opendata/lists.csv say the same;
# an unapproved list can be kept unpublished; earlier years keep their analysis reports.
source "$(dirname "$0")/lib.bash"
SITE="$SCRATCH/site"
copy_demo "$SITE"
"$SVEDEN" build --site "$SITE" --out "$SCRATCH/before" > "$SCRATCH/before.txt" 2>&1 || { cat "$SCRATCH/before.txt" >&2; fail "the demo does not build"; }

# 1. A partial 2026: one school's ОГЭ and contingent rows, the year added, the reporting year kept at 2025.
NEXT="$SCRATCH/next"
copy_demo "$NEXT"
sed -i 's/^years: \[2023, 2024, 2025\]/years: [2023, 2024, 2025, 2026]/; s/^reports:/reports:\n  year: 2025/' "$NEXT/site.yaml"
grep -q "^  year: 2025" "$NEXT/site.yaml" || fail "the fixture did not set reports.year"
grep "^5401;2025;" "$NEXT/data/oge.csv" | sed 's/;2025;/;2026;/' >> "$NEXT/data/oge.csv"
grep "^5401;2025;" "$NEXT/data/contingent.csv" | sed 's/;2025;/;2026;/' >> "$NEXT/data/contingent.csv"
"$SVEDEN" build --site "$NEXT" --out "$SCRATCH/after" > "$SCRATCH/after.txt" 2>&1 || { cat "$SCRATCH/after.txt" >&2; fail "the site with a partial 2026 does not build"; }
grep -q "site.yaml: предупреждение: данные за 2026${NB}г. прочитаны и проверены, но не публикуются: отчётный год — 2025 (reports.year); строки отложены в таблицах" \
  "$SCRATCH/after.txt" || fail "no message about the set-aside 2026 rows: $(grep -i 2026 "$SCRATCH/after.txt" | head -3)"
[ "$(tree_sum "$SCRATCH/before")" = "$(tree_sum "$SCRATCH/after")" ] \
  || fail "a partial 2026 changed the published site: $(diff <(tree_sum "$SCRATCH/before") <(tree_sum "$SCRATCH/after") | head -5)"
# Without reports.year the new year would be the reporting year: the message tells how to keep 2025.
grep -q "когда данные за 2026${NB}г. будут полными, укажите в site.yaml reports: year: 2026" "$SCRATCH/after.txt" || fail "no hint on when to move the reporting year"
# Earlier years keep their analysis reports, listed on the reports page.
for y in 2023 2024 2025; do
  [ -f "$SCRATCH/before/reports/analysis-$y/index.html" ] || fail "no analysis report for $y"
  grep -q "за $y${NB}год</a>" "$SCRATCH/before/reports/index.html" || fail "the reports page does not list the analysis of $y"
done
# The PDF of the reporting year's analysis reads the same before and after.
if command -v pdftotext > /dev/null; then
  for out in before after; do
    "$SVEDEN" pdf --site "$([ $out = before ] && echo "$SITE" || echo "$NEXT")" --out "$SCRATCH/$out" analysis-2025 > "$SCRATCH/pdf-$out.txt" 2>&1 \
      || { cat "$SCRATCH/pdf-$out.txt" >&2; fail "sveden pdf ($out) failed"; }
    pdftotext -layout "$SCRATCH/$out/reports/analysis-2025/analysis-2025.pdf" "$SCRATCH/$out.pdf.txt"
  done
  cmp -s "$SCRATCH/before.pdf.txt" "$SCRATCH/after.pdf.txt" || fail "the analysis PDF of 2025 changed with a partial 2026"
fi

# 2. The demo's decision: the 2024 ШНОР list approved by order № 11-од, the branch 5415 excluded.
OUT="$SCRATCH/before"
support=$(sed 's/<[^>]*>//g' "$OUT/support/index.html" | tr -s ' \n' ' ')
grep -q "2024 год Перечень утверждён приказом управления образования от 31${NB}января${NB}2025${NB}г. №${NB}11-од «Об утверждении перечня школ с низкими образовательными результатами на 2025 год» (текст приказа): 8${NB}школ." <<< "$support" \
  || fail "the support page does not cite the order of the 2024 list: $(grep -o '2024 год Перечень[^.]*' <<< "$support" | head -1)"
grep -q 'href="../documents/prikaz-11-od-perechen-shnor-2025.pdf">текст приказа</a>' "$OUT/support/index.html" || fail "no link to the order's file"
list2024=$(tr '\n' ' ' < "$OUT/support/index.html" | grep -o '<h4 id="group-shnor-2024">.*' | sed 's/<h4 id="group-shnor-2023">.*//')
grep -q "МБОУ «Заречная СОШ»" <<< "$list2024" || fail "the head school is not in the published 2024 list"
grep -q "Никольский филиал" <<< "$list2024" && fail "the excluded branch is in the published 2024 list"
grep -q "2025 год Проект перечня — расчёт по критериям, приказом пока не утверждён" <<< "$support" || fail "the unapproved 2025 list is not marked as a draft"
# The head school's own page: its place in the approved list with the order; the branch's page: none.
head_school=$(sed 's/<[^>]*>//g' "$OUT/schools/zarechnaya-sosh/kachestvo/index.html" | tr -s ' \n' ' ')
grep -q "2024 год: Школы с низкими результатами обучения (ШНОР) — перечень утверждён приказом управления образования от 31${NB}января${NB}2025${NB}г. №${NB}11-од" <<< "$head_school" \
  || fail "the head school's page does not show its approved status"
branch=$(ls -d "$OUT"/schools/nikolskiy-filial*/ | head -1)
grep -q "перечень утверждён приказом" "$branch/kachestvo/index.html" && fail "the excluded branch's page shows it in an approved list"
grep -q "Школа не входит в перечни, утверждённые приказами" "$branch/kachestvo/index.html" || fail "the branch's page does not say it is in no approved list"
# The school's own site shows no risk profile and no recommendations unless site.yaml asks for them.
grep -q 'id="risks-title"\|id="recs-title"' "$OUT/schools/zarechnaya-sosh/kachestvo/index.html" && fail "a school's page publishes its risk profile or recommendations by default"
# The audit page: the exclusion and its reason; the draft lists.
audit=$(sed 's/<[^>]*>//g' "$OUT/audit/index.html" | tr -s ' \n' ' ')
grep -q "ШНОР, 2024${NB}г. (приказ от 31${NB}января${NB}2025${NB}г. №${NB}11-од): исключение из перечня — Никольский филиал МБОУ «Заречная СОШ» (5415), по расчёту в перечне; причина: филиал входит в перечень в составе головной школы" <<< "$audit" \
  || fail "the audit page does not show the exclusion: $(grep -o 'ШНОР, 2024[^;]*' <<< "$audit" | head -2)"
grep -q "ШНОР, 2025${NB}г.: перечень не утверждён приказом — публикуется как проект" <<< "$audit" || fail "the audit page does not name the draft"
# opendata/lists.csv: the same list, with the order.
grep -q "^shnor;ШНОР;2024;утверждён;11-од;2025-01-31;Об утверждении перечня школ с низкими образовательными результатами на 2025 год;5414;" "$OUT/opendata/lists.csv" \
  || fail "lists.csv does not give the approved 2024 list"
grep -q "^shnor;ШНОР;2024;[^;]*;[^;]*;[^;]*;[^;]*;5415;" "$OUT/opendata/lists.csv" && fail "lists.csv keeps the excluded branch"
[ "$(grep -c "^shnor;ШНОР;2024;утверждён;" "$OUT/opendata/lists.csv")" = 8 ] || fail "lists.csv: not 8 schools in the approved 2024 list"

# 3. An inclusion by hand, an idle exclusion, and unapproved lists kept unpublished.
cat > "$SITE/content/decisions.yaml" <<'YAML'
decisions:
  - year: 2025
    group: shnor
    order:
      number: 95-од
      date: 2025-09-20
      title: Об утверждении перечня школ с низкими образовательными результатами на 2026 год
    include:
      - school: "5403"
        reason: заявление школы о включении в программу поддержки (протокол от 15.09.2025 № 4)
    exclude:
      - school: "5404"
        reason: проверка
YAML
printf 'publish:\n  unapproved_lists: hide\n' >> "$SITE/site.yaml"
"$SVEDEN" build --site "$SITE" --out "$SCRATCH/third" > "$SCRATCH/third.txt" 2>&1 || { cat "$SCRATCH/third.txt" >&2; fail "the site with the new decision does not build"; }
grep -q "content/decisions.yaml:12:9: предупреждение: МАОУ «Лицей № 4» (5404): решение ничего не меняет — по критериям школа за 2025${NB}г. и так не входит в число школ перечня группы «ШНОР»" \
  "$SCRATCH/third.txt" || fail "no warning about the idle exclusion: $(grep -A1 decisions.yaml "$SCRATCH/third.txt" | head -4)"
OUT="$SCRATCH/third"
support=$(sed 's/<[^>]*>//g' "$OUT/support/index.html" | tr -s ' \n' ' ')
grep -q "в перечне по решению: заявление школы о включении в программу поддержки" <<< "$support" || fail "the included school is not marked as included by decision"
grep -q "2025 год Перечень ещё не утверждён приказом: школы будут названы после его утверждения." <<< "$support" \
  || fail "an unapproved list is not withheld under publish.unapproved_lists: hide"
grep -q "^shnor;ШНОР;2025;утверждён;95-од;2025-09-20;[^;]*;5403;МБОУ «Гимназия № 3»;решение;заявление школы" "$OUT/opendata/lists.csv" \
  || fail "lists.csv does not give the school included by decision"
grep -q "^shfnsu;[^;]*;2025;" "$OUT/opendata/lists.csv" && fail "lists.csv publishes an unapproved list under hide"
# Not at all means nowhere: no verdicts, counts or flows of the unapproved list in open data, the analysis
# report, the support page's movement table, the school profiles or the schools' own pages.
grep -q "^shfnsu;[^;]*;2025;проект" "$SCRATCH/before/opendata/lists.csv" || fail "the demo has no draft ШФНСУ list for 2025 to withhold"
grep -q "^[^;]*;[^;]*;shfnsu;[^;]*;2025;" "$OUT/opendata/classification.csv" && fail "classification.csv gives the unapproved list's verdicts under hide"
grep -q "^[^;]*;[^;]*;shfnsu;2025;" "$OUT/opendata/evidence.csv" && fail "evidence.csv gives the unapproved list's criteria under hide"
grep -q "^[^;]*;[^;]*;shnor;[^;]*;2025;" "$OUT/opendata/classification.csv" || fail "classification.csv lost the approved list's verdicts"
report=$(sed 's/<[^>]*>//g' "$OUT/reports/analysis-2025/index.html" | tr -s ' \n' ' ')
grep -q "Перечень на 2025${NB}год приказом ещё не утверждён; до утверждения школы и их число не публикуются." <<< "$report" \
  || fail "the analysis report does not withhold the unapproved list"
grep -q "ШФНСУ[^.]*: перечень на 2025${NB}год приказом ещё не утверждён." <<< "$report" || fail "the report's conclusions give the unapproved list"
grep -q "перечень не утверждён" <(sed 's/<[^>]*>//g' "$OUT/reports/schools/sosh-1/index.html") || fail "a school profile gives the unapproved list's verdict"
grep -q "перечень не утверждён" <(sed 's/<[^>]*>//g' "$OUT/support/index.html") || fail "the movement table gives the unapproved list's count"
grep -q "2025 год: Школы с низкими результатами обучения (ШНОР) — перечень утверждён приказом управления образования от 20${NB}сентября${NB}2025${NB}г. №${NB}95-од" \
  <(sed 's/<[^>]*>//g' "$OUT/schools/gimnaziya-3/kachestvo/index.html" | tr -s ' \n' ' ') || fail "the included school's page does not show the approved status"
echo "ok"
