# `sveden monitor` on five fixture school sites served on 127.0.0.1 by tests/e2e/monitor/sites.py
# (windows-1251; redirects, one to another site; a missing document, a document answered as an HTML
# page and a 2 GB one; a site slower than the timeout; robots.txt closing a subsection), monitored twice
# with changes in between; then `sveden build` publishes the page, the report and the CSV offline.
# Every request goes to 127.0.0.1 only. Also: bad websites in the data, an unreachable site, resuming.
source "$(dirname "$0")/lib.bash"
ROOT="$SCRATCH/sites"
mkdir -p "$ROOT"
for name in cp1251 redirects documents slow robots; do cp -r "$REPO/tests/fixtures/foreign_site" "$ROOT/$name"; done
python3 "$REPO/tests/e2e/monitor/sites.py" "$ROOT" "$SCRATCH/ports" > "$SCRATCH/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$SCRATCH"' EXIT
for _ in $(seq 1 100); do [ -f "$SCRATCH/ports" ] && break; sleep 0.1; done
[ -f "$SCRATCH/ports" ] || { cat "$SCRATCH/server.log" >&2; fail "fixture servers did not start"; }
port() { awk -v n="$1" '$1 == n { print $2 }' "$SCRATCH/ports"; }
url() { echo "http://127.0.0.1:$(port "$1")/"; }

# Round 1: each site with its defects.
# windows-1251, declared by <meta charset>; one required field written as absent.
(cd "$ROOT/cp1251" && for f in $(find . -name '*.html'); do
   sed -i 's|<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">|<meta charset="windows-1251">|; s|←|\&larr;|g' "$f"
   iconv -f utf-8 -t windows-1251 "$f" > "$f.1251" && mv "$f.1251" "$f"
 done)
sed -i "s|<span itemprop=\"regDate\">01.09.1972</span>|<span itemprop=\"regDate\">$(printf 'отсутствует' | iconv -f utf-8 -t windows-1251)</span>|" "$ROOT/cp1251/sveden/common.html"
# The subsection «Стипендии…» redirects to another site.
echo "redirect=/sveden/grants.html=>$(url robots)sveden/grants.html" > "$ROOT/redirects.conf"
# Documents: the charter is missing, the internal rules come as an HTML page, the labour rules are 2 GB.
rm "$ROOT/documents/upload/iblock/docs/ustav.pdf"
printf 'html_instead=/upload/iblock/docs/pvr.pdf\nhuge=/upload/iblock/docs/ptr.pdf\n' > "$ROOT/documents.conf"
echo "delay=4" > "$ROOT/slow.conf"
printf 'User-agent: *\nDisallow: /sveden/paid_edu\n' > "$ROOT/robots/robots.txt"

# The data: two schools, three other organisations with the fixture sites, and the bad cases.
SITE="$SCRATCH/site"
cp -r "$REPO/tests/fixtures/minimal" "$SITE"
python3 - "$SITE" "$(url cp1251)" "$(url redirects)" "$(url documents)" "$(url slow)" "$(url robots)" <<'PY'
import sys
site, cp1251, redirects, documents, slow, robots = sys.argv[1:]
path = site + "/data/schools.csv"
lines = open(path, encoding="utf-8").read().splitlines()
lines[0] += ";website"
lines[1] += ";" + cp1251
lines[2] += ";" + redirects
lines[3] += ";"
open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
open(site + "/data/organisations.csv", "w", encoding="utf-8").write(
    "name;short_name;kind;website\n"
    f"Муниципальное бюджетное учреждение дополнительного образования «Центр детского творчества»;МБУ ДО ЦДТ;организация дополнительного образования;{documents}\n"
    f"Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 1»;МБДОУ № 1;дошкольная образовательная организация;{slow}\n"
    f"Муниципальное казённое учреждение «Методический центр»;МКУ МЦ;методический центр;{robots}\n"
    "Муниципальное бюджетное учреждение «Оздоровительный лагерь»;МБУ ОЛ;оздоровительный лагерь;ftp://127.0.0.1/camp\n"
    "Муниципальное казённое учреждение «Централизованная бухгалтерия»;МКУ ЦБ;централизованная бухгалтерия;http://127.0.0.1:1/\n"
    "Муниципальное казённое учреждение «Хозяйственная служба»;МКУ ХС;хозяйственная служба;\n")
PY
monitor() { "$SVEDEN" monitor --site "$SITE" --delay 0 --timeout 2 --max-mb 3 "$@"; }
monitor --date 2026-03-10 > "$SCRATCH/round1.log" 2> "$SCRATCH/round1.err" || { cat "$SCRATCH/round1.log" "$SCRATCH/round1.err" >&2; fail "round 1 failed"; }
grep -q "data/organisations.csv:5: предупреждение: сайт организации МБУ ОЛ «ftp://127.0.0.1/camp» — не адрес http:// или https://: он не проверяется" "$SCRATCH/round1.err" \
  || { cat "$SCRATCH/round1.err" >&2; fail "a non-HTTP website is not named with its file and line"; }
grep -q "data/organisations.csv:7: предупреждение: у организации МКУ ХС не указан сайт: он не проверяется" "$SCRATCH/round1.err" \
  || { cat "$SCRATCH/round1.err" >&2; fail "an empty website is not named"; }
grep -q "Проверено сайтов: 6; не открываются: 2." "$SCRATCH/round1.log" || { cat "$SCRATCH/round1.log" >&2; fail "round 1 summary"; }
grep -q "Это первый круг" "$SCRATCH/round1.log" || fail "round 1 is not the first"

R1="$SITE/monitoring/2026-03-10"
finding() { grep -F -- "$2" "$R1/$1/findings.csv" > /dev/null || { cat "$R1/$1/findings.csv" >&2; fail "$1: no finding «$2»"; }; }
# windows-1251: the one real defect, no false errors.
[ "$(tail -n +2 "$R1/T1/findings.csv" | grep -c 'ошибка;')" = 0 ] || { cat "$R1/T1/findings.csv" >&2; fail "false errors on the windows-1251 site"; }
finding T1 'regDate'
finding T2 'grants;ошибка;'"$(url redirects)"'sveden/grants.html;;;адрес переадресует на другой сайт'
grep -F "ustav.pdf" "$R1/org-1/findings.csv" | grep -q "несуществующий файл" || { cat "$R1/org-1/findings.csv" >&2; fail "missing document"; }
finding org-1 "document;ошибка;$(url documents)upload/iblock/docs/pvr.pdf;;;по ссылке на документ сервер отдаёт страницу HTML, а не файл"
grep -q "^document;предупреждение;$(url documents)upload/iblock/docs/ptr.pdf;;;документ больше предела: сохранены только первые [1-3] МБ из 2048 МБ" "$R1/org-1/findings.csv" \
  || { cat "$R1/org-1/findings.csv" >&2; fail "the 2 GB document is not reported as bounded"; }
finding org-2 "главная страница не открывается: сервер не ответил за 2 с"
finding org-3 "paid_edu;ошибка;$(url robots)sveden/paid_edu;;;адрес закрыт для роботов в robots.txt"
finding org-5 "главная страница не открывается: сервер не принимает соединения"
[ ! -d "$R1/org-4" ] || fail "a non-HTTP website was fetched"
# The 2 GB document is bounded: nothing saved over the limit.
[ "$(stat -c %s "$ROOT/../site/monitoring/2026-03-10/org-1/site/upload/iblock/docs/ptr.pdf")" -le $((3 << 20)) ] || fail "the huge document was not bounded"
# robots.txt: the closed address was never asked for; the User-Agent names the department.
! grep -q "^/sveden/paid_edu" "$ROOT/robots.agents" || fail "a path closed by robots.txt was fetched"
grep -q "sveden/.*Otdel obrazovaniya Testovogo okruga; +https://test.example" "$ROOT/robots.agents" || fail "User-Agent does not name the department"
# Bodies and headers are saved; a finished site is not fetched again (a resumed round).
[ -s "$R1/T1/site/sveden/common.html" ] && [ -s "$R1/T1/headers/sveden/common.html.txt" ] && [ -s "$R1/T1/fetch.tsv" ] || fail "snapshot files"
before=$(wc -l < "$ROOT/cp1251.agents")
monitor --date 2026-03-10 > "$SCRATCH/again.log" 2>&1 || fail "resumed round failed"
grep -q "МБОУ СОШ № 1 ($(url cp1251)): уже проверен в этом круге" "$SCRATCH/again.log" || fail "a finished site is fetched again"
[ "$(wc -l < "$ROOT/cp1251.agents")" = "$before" ] || fail "the resumed round asked the finished site again"
# An interrupted site resumes from fetch.tsv: the lines already there are not asked again.
rm "$R1/org-3/done"
before=$(wc -l < "$ROOT/robots.agents")
monitor --date 2026-03-10 --school T1 > /dev/null 2>&1 || true
monitor --date 2026-03-10 > "$SCRATCH/resume.log" 2>&1 || fail "resumed round failed"
[ "$(wc -l < "$ROOT/robots.agents")" = "$before" ] || fail "the interrupted site's fetched addresses were asked again"

# Changes between the rounds: the charter is back, the regDate filled in, robots.txt opened; a new defect.
cp "$REPO/tests/fixtures/foreign_site/upload/iblock/docs/ustav.pdf" "$ROOT/documents/upload/iblock/docs/ustav.pdf"
LC_ALL=C sed -i "s|<span itemprop=\"regDate\">[^<]*</span>|<span itemprop=\"regDate\">01.09.1972</span>|" "$ROOT/cp1251/sveden/common.html"
rm "$ROOT/robots/robots.txt"
sed -i 's| itemprop="email"||' "$ROOT/robots/sveden/common.html"
monitor --date 2026-06-15 > "$SCRATCH/round2.log" 2>&1 || { cat "$SCRATCH/round2.log" >&2; fail "round 2 failed"; }
summary=$(grep "^С круга 2026-03-10:" "$SCRATCH/round2.log") || { cat "$SCRATCH/round2.log" >&2; fail "round 2 compares with nothing"; }
fixed=$(echo "$summary" | sed 's/.*исправлено \([0-9]*\).*/\1/')
added=$(echo "$summary" | sed 's/.*новых \([0-9]*\).*/\1/')
open=$(echo "$summary" | sed 's/.*остаются \([0-9]*\).*/\1/')
# Fixed: regDate written as absent (T1); the missing charter (org-1: its document link and the broken link);
# robots.txt (org-3). New: the e-mail's markup (org-3). Open: everything else.
[ "$added" = 1 ] || { cat "$SITE/monitoring/2026-06-15/org-3/findings.csv" >&2; fail "new findings: $added, expected 1"; }
[ "$fixed" = 4 ] || fail "fixed findings: $fixed, expected 4"
r1=$(cat "$R1"/*/findings.csv | grep -vc '^Группа;')
[ "$open" = $((r1 - fixed)) ] || fail "open findings: $open, expected $((r1 - fixed)) (round 1 had $r1, $fixed fixed)"

# The build publishes them, offline, with the same counts on the page, in the report and in the CSV.
"$SVEDEN" build --site "$SITE" --out "$SCRATCH/out" > "$SCRATCH/build.log" 2>&1 || { cat "$SCRATCH/build.log" >&2; fail "build failed"; }
page="$SCRATCH/out/monitoring/sites/index.html"
grep -q "По сравнению с кругом 10${NB}марта${NB}2026${NB}г.: исправлено — $fixed, новых — $added, остаются — $open." "$page" || fail "page counts"
grep -q "<h1>Мониторинг официальных сайтов образовательных организаций</h1>" "$page" || fail "page title"
grep -q "Основание: приказ Рособрнадзора № 1493" "$page" || fail "legal basis on the page"
grep -q "Не исправлено (выявлено 10${NB}марта${NB}2026${NB}г.)" "$page" || fail "first-seen date on the page"
grep -q "I${NB}квартал 2026${NB}г." "$page" && grep -q "II${NB}квартал 2026${NB}г." "$page" || fail "trend by quarter"
report="$SCRATCH/out/reports/site-monitoring/index.html"
grep -q "исправлено — $fixed, новых — $added, остаются — $open" "$report" || fail "report counts"
csv="$SCRATCH/out/opendata/site-monitoring.csv"
[ "$(grep -c ';Исправлено;' "$csv")" = "$fixed" ] || fail "CSV fixed"
[ "$(grep -c ';Новое;' "$csv")" = "$added" ] || fail "CSV new"
[ "$(grep -c ';Не исправлено;' "$csv")" = "$open" ] || fail "CSV open"
grep -q "Проверка опубликованного" "$SCRATCH/build.log" && fail "the published monitoring page has audit findings: $(grep Проверка "$SCRATCH/build.log")"
# Only on the department's audit pages when site.yaml says so.
echo "site_monitoring: audit" >> "$SITE/site.yaml"
"$SVEDEN" build --site "$SITE" --out "$SCRATCH/out2" > /dev/null 2>&1 || fail "build with site_monitoring: audit"
[ -f "$SCRATCH/out2/audit/sites/index.html" ] && [ ! -e "$SCRATCH/out2/monitoring/sites" ] && [ ! -e "$SCRATCH/out2/opendata/site-monitoring.csv" ] \
  || fail "site_monitoring: audit still publishes on the portal"
! grep -q "audit/sites" "$SCRATCH/out2/sitemap.xml" || fail "the audit page is in the sitemap"
echo "site monitoring: OK (fixed $fixed, new $added, open $open)"
