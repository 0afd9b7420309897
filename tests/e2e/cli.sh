# The command line: help, version, usage errors (exit 2), check (exit 0/1), summary line.
source "$(dirname "$0")/lib.bash"
expect_code() {
  local want=$1; shift
  set +e
  "$@" > "$SCRATCH/out.txt" 2> "$SCRATCH/err.txt"
  local got=$?
  set -e
  [ "$got" = "$want" ] || { cat "$SCRATCH/err.txt" >&2; fail "$* exited $got, expected $want"; }
}
expect_code 0 "$SVEDEN" --help
grep -q "sveden build" "$SCRATCH/out.txt" || fail "--help does not describe build"
expect_code 0 "$SVEDEN" --version
grep -qE "^sveden [0-9]+\.[0-9]+\.[0-9]+$" "$SCRATCH/out.txt" || fail "--version prints no version"
expect_code 2 "$SVEDEN"
expect_code 2 "$SVEDEN" publish
grep -q "неизвестная команда «publish»" "$SCRATCH/err.txt" || fail "unknown command message"
expect_code 2 "$SVEDEN" build --jobs zero
expect_code 2 "$SVEDEN" build --as-of 2025-13-01
grep -q "не дата" "$SCRATCH/err.txt" || fail "bad --as-of message"
expect_code 2 "$SVEDEN" build --frobnicate
expect_code 2 "$SVEDEN" synth --schools 10

copy_demo "$SCRATCH/site"
expect_code 0 "$SVEDEN" check --site "$SCRATCH/site"
# Schools and their branches are counted apart, the other subordinate organisations after them.
grep -qE "Входные данные: 17${NB}школ и${NB}1${NB}филиал, 2${NB}иные организации, ошибок нет(, [0-9]+${NB}предупреждени[йея]{1,2} \(выше\))?\." "$SCRATCH/out.txt" || fail "check summary: $(cat "$SCRATCH/out.txt")"
# check builds into a temporary folder and audits it: every school's 14 subsections, markup, every link.
# No errors; required information that the demo leaves «отсутствует» is a warning on the published page,
# and the 14 schools that lack some (the build names the same 14) are not «Без замечаний». The branch has
# no site of its own: its head school's section describes it, so 17 sites are audited.
grep -qE "^Итого по опубликованному сайту: 0${NB}ошибок, [0-9]+${NB}предупреждени[йея]{1,2} \(17${NB}сайтов школ проверено\)\.$" "$SCRATCH/out.txt" \
  || fail "audit of the demo: $(tail -3 "$SCRATCH/out.txt")"
grep -q "^Неполные сведения: 14${NB}сайтов школ.$" "$SCRATCH/out.txt" \
  || fail "audit of the demo: incomplete schools: $(tail -3 "$SCRATCH/out.txt")"
grep -qE "^    schools/sosh-6/sveden/common/index.html:[0-9]+:[0-9]+: нет обязательных сведений «Дата создания» \(itemprop=\"regDate\"\) в подразделе «Основные сведения»: вместо них написано «отсутствует»$" "$SCRATCH/out.txt" \
  || fail "audit of the demo: regDate of МБОУ СОШ № 6: $(grep -m3 "sosh-6" "$SCRATCH/out.txt")"
# МБОУ СОШ № 6 has no managers.csv row: its head from schools.csv is named, not «отсутствует».
! grep -q "sosh-6/sveden/managers/index.html" "$SCRATCH/out.txt" || fail "audit of the demo: the head of МБОУ СОШ № 6: $(grep -m3 "sosh-6/sveden/managers" "$SCRATCH/out.txt")"
# Schools are listed by name as a reader looks for them, not by folder: Берёзовская, Луговская, СОШ № 1.
grep -q "^Без замечаний: МБОУ «Берёзовская СОШ»; МБОУ «Луговская ООШ»; МБОУ СОШ № 1.$" "$SCRATCH/out.txt" \
  || fail "audit order: $(grep "Без замечаний" "$SCRATCH/out.txt")"
# Missing required information in full, schools that lack the same fields in one message (5406, 5409 and 5412
# have no openness data but their director of schools.csv), every field named.
grep -q "^data/sveden: предупреждение: МБОУ СОШ № 6 (5406), МБОУ «Каменская СОШ» (5409), МБОУ «Ключевская ООШ» (5412): на страницах «Сведения об образовательной организации» не хватает одних и тех же обязательных сведений: Основные сведения: Дата создания, Учредитель, .*; Организация питания в образовательной организации: Объекты питания, Условия охраны здоровья обучающихся$" "$SCRATCH/err.txt" \
  || fail "check: missing information of 5406 and 5412: $(grep 5406 "$SCRATCH/err.txt")"
expect_code 0 "$SVEDEN" build --site "$SCRATCH/site"
grep -qE "^Готово: 17${NB}школ и${NB}1${NB}филиал, 2${NB}иные организации, [0-9]+${NB}страниц[аы]?, [0-9]+${NB}файл(а|ов)? записано за [0-9]+,[0-9]+${NB}с → " "$SCRATCH/out.txt" \
  || fail "build summary: $(cat "$SCRATCH/out.txt")"
[ -f "$SCRATCH/site/output/index.html" ] && [ -f "$SCRATCH/site/output/schools/index.html" ] && [ -f "$SCRATCH/site/output/404.html" ] \
  || fail "home, schools list or 404 missing"
# --verbose: each stage's time and share, the shares adding up to the whole (rounding aside). With nothing
# changed since the last build the output is kept as it is (tests/e2e/reused_output.sh), a stage of its own;
# a touched input makes the build render again, with every stage.
stage_times() {  # stages…
  for stage in "$@"; do
    grep -F "  $stage " "$SCRATCH/out.txt" | grep -qE "[0-9]+,[0-9]+${NB}с +[0-9]+${NB}%$" || fail "--verbose: no time for «$stage»: $(cat "$SCRATCH/out.txt")"
  done
  total=$(grep -oE "[0-9]+${NB}%$" "$SCRATCH/out.txt" | awk '{ s += $0 + 0 } END { print s }')
  [ "$total" -ge 95 ] && [ "$total" -le 105 ] || fail "--verbose: the stages' shares add up to $total %"
}
expect_code 0 "$SVEDEN" build --site "$SCRATCH/site" --verbose
stage_times "загрузка и проверка данных" "анализ" "сверка с прежней сборкой: всё как было"
touch "$SCRATCH/site/site.yaml"
expect_code 0 "$SVEDEN" build --site "$SCRATCH/site" --verbose
stage_times "загрузка и проверка данных" "анализ" "страницы и файлы во временную папку" "проверка опубликованного (audit/)" \
            "сброс на диск и замена прежней сборки"
expect_code 2 "$SVEDEN" check --verbose
# The register of subordinate organisations: the count a head of department reads, the organisation that is
# not a school in its own section, and the same register in the open data (header, 18 schools and branches, 2 others).
REGISTER="$SCRATCH/site/output/schools/index.html"
grep -q "В округе 17${NB}школ и${NB}1${NB}филиал." "$REGISTER" || fail "register: count of schools and branches"
grep -q '<h2 id="others-title">Иные подведомственные организации</h2>' "$REGISTER" || fail "register: no section for the other organisations"
grep -q "МКУ «Информационно-методический центр»" "$REGISTER" || fail "register: the methodological centre is not listed"
[ "$(grep -c . "$SCRATCH/site/output/opendata/organisations.csv")" = 21 ] || fail "opendata/organisations.csv: not 1 + 18 + 2 lines"
grep -q "^иная организация;;;Муниципальное казённое учреждение «Информационно-методический центр»" "$SCRATCH/site/output/opendata/organisations.csv" \
  || fail "opendata/organisations.csv: the methodological centre is missing"
# Without data/organisations.csv the site builds as before, with no section for them.
mv "$SCRATCH/site/data/organisations.csv" "$SCRATCH/organisations.csv"
expect_code 0 "$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/no-organisations"
! grep -q "Иные подведомственные организации" "$SCRATCH/no-organisations/schools/index.html" || fail "register: empty section without the table"
grep -q "<h1>Подведомственные общеобразовательные организации</h1>" "$SCRATCH/no-organisations/schools/index.html" || fail "register title without the table"
mv "$SCRATCH/organisations.csv" "$SCRATCH/site/data/organisations.csv"
[ "$(find "$SCRATCH/site/output/schools" -mindepth 2 -maxdepth 2 -name index.html | wc -l)" = 18 ] || fail "not one site per school"
# The branch (5415) has no website of its own: no section of its own, its head school's «Структура…» describes it.
[ ! -e "$SCRATCH/site/output/schools/nikolskiy-filial-zarechnaya-sosh/sveden" ] || fail "a section of its own for the branch without a site"
grep -q 'itemprop="divisionClauseDocLink">Положение о Никольском филиале' "$SCRATCH/site/output/schools/zarechnaya-sosh/sveden/struct/index.html" \
  || fail "the head school's filInfo has no положение о филиале"
for s in "$SCRATCH"/site/output/schools/*/; do
  [ "$s" = "$SCRATCH/site/output/schools/nikolskiy-filial-zarechnaya-sosh/" ] && continue
  [ "$(find "$s/sveden" -name index.html | wc -l)" = 15 ] || fail "not the 14 subsections and the section page in $s"
done
# An existing build audited, as JSON for machines; then one school's site alone (as if saved by wget).
expect_code 0 "$SVEDEN" check --site "$SCRATCH/site" --out "$SCRATCH/site/output" --format json
grep -q '"errors": 0,' "$SCRATCH/out.txt" || fail "check --format json: $(head -3 "$SCRATCH/out.txt")"
grep -q '"incomplete_schools": 14,' "$SCRATCH/out.txt" || fail "check --format json: incomplete schools: $(head -4 "$SCRATCH/out.txt")"
rm "$SCRATCH/site/output/schools/sosh-1/sveden/inter/index.html"
expect_code 1 "$SVEDEN" check --site-dir "$SCRATCH/site/output/schools/sosh-1"
grep -q "нет подраздела «Международное сотрудничество» (/sveden/inter)" "$SCRATCH/out.txt" || fail "check --site-dir: $(cat "$SCRATCH/out.txt")"
# A compliant school site made by another CMS (saved by wget, a subsection over two pages): nothing to report.
expect_code 0 "$SVEDEN" check --site-dir "$REPO/tests/fixtures/foreign_site"
grep -q "^Итого: 0${NB}ошибок, 0${NB}предупреждений.$" "$SCRATCH/out.txt" || fail "check --site-dir of a foreign site: $(cat "$SCRATCH/out.txt")"

# The build's own audit as the department's page: no errors, the incomplete schools counted and not listed
# as clean, the complete ones listed by name; kept from search engines (noindex, not in the sitemap,
# Disallow in robots.txt).
AUDIT="$SCRATCH/site/output/audit/index.html"
grep -qE "Итого: 0${NB}ошибок, [0-9]+${NB}предупреждени" "$AUDIT" || fail "audit page total: $(grep -o 'Итого[^<]*' "$AUDIT")"
grep -q "Неполные сведения: 14${NB}сайтов школ" "$AUDIT" || fail "audit page: incomplete schools: $(grep -o 'Неполные[^<]*' "$AUDIT")"
grep -q "Без замечаний: 3${NB}сайта школ" "$AUDIT" || fail "audit page: schools without findings: $(grep -o 'Без замечаний[^<]*' "$AUDIT")"
grep -q '<meta name="robots" content="noindex">' "$AUDIT" || fail "audit page is not noindex"
! grep -q "audit/" "$SCRATCH/site/output/sitemap.xml" || fail "audit page in the sitemap"
grep -q "^Disallow: /audit/" "$SCRATCH/site/output/robots.txt" || fail "robots.txt does not keep robots off the audit page"
# A broken link on the department's home page: the build says so, the audit page names it, check exits 1.
printf '\n[Старый раздел](old-page/)\n' >> "$SCRATCH/site/content/index.md"
expect_code 0 "$SVEDEN" build --site "$SCRATCH/site"
grep -q "^Проверка опубликованного нашла 1${NB}ошибку: см. .*/audit/index.html или sveden check.$" "$SCRATCH/out.txt" \
  || fail "build does not tell of the audit's finding: $(cat "$SCRATCH/out.txt")"
grep -q "<h2>Сайт управления образования</h2>" "$AUDIT" || fail "audit page: no section for the department's site"
grep -q "<code>index.html:[0-9]*:[0-9]*</code>: ссылка «old-page/» ведёт на несуществующий файл" "$AUDIT" \
  || fail "audit page: the broken link is not named: $(grep -o '<li>.*</li>' "$AUDIT" | head -3)"
expect_code 1 "$SVEDEN" check --site "$SCRATCH/site" --out "$SCRATCH/site/output"
grep -q "ссылка «old-page/» ведёт на несуществующий файл" "$SCRATCH/out.txt" || fail "check --out: the broken link"

# check reports every problem, not just the first
printf 'T0;2019;текст\n' >> "$SCRATCH/site/data/staff.csv"
sed -i 's/^years:.*/years: [2023, 2024, 2025]\nbase_ulr: x/' "$SCRATCH/site/site.yaml"
expect_code 1 "$SVEDEN" check --site "$SCRATCH/site"
grep -q "неизвестный ключ «base_ulr»" "$SCRATCH/err.txt" || fail "check missed the site.yaml error"
grep -q "staff.csv:[0-9]*:[0-9]*: ошибка" "$SCRATCH/err.txt" || fail "check missed the staff.csv error"
grep -qE "^Найдено: [0-9]+${NB}ошиб" "$SCRATCH/err.txt" || fail "check prints no count"
# the site folder's path is part of every message
grep -q "^$SCRATCH/site/site.yaml:" "$SCRATCH/err.txt" || fail "messages do not name the file with the --site folder"
echo "ok: command line"
