# Every report of the demo printed to PDF with Chromium (`build --pdf`) and read back with poppler:
# A4, several pages where the content is long, page numbers, every section heading, every school
# the analysis identified, no text beyond the page's right edge; and the report's figures equal
# the open data's and the site's. Also `sveden pdf` for one report, and its message without Chromium.
source "$(dirname "$0")/lib.bash"
command -v pdfinfo >/dev/null || fail "нет poppler-utils: запустите make test (он ставит пакеты для тестов)"
command -v chromium >/dev/null || fail "нет chromium: запустите make test (он ставит пакеты для тестов)"

OUT="$SCRATCH/out"
"$SVEDEN" build --site "$REPO" --out "$OUT" --pdf > "$SCRATCH/build.txt" 2>&1 || { cat "$SCRATCH/build.txt" >&2; fail "build --pdf failed"; }
grep -q "Отчёты в PDF: 25${NB}файлов" "$SCRATCH/build.txt" || fail "build --pdf: $(tail -1 "$SCRATCH/build.txt")"
# The build's own audit runs after printing: the links to the PDFs resolve.
! grep -q "Проверка опубликованного нашла" "$SCRATCH/build.txt" || fail "build --pdf: $(grep "Проверка" "$SCRATCH/build.txt")"

# Text of a PDF with line breaks, hyphenation at line ends and all spaces removed, for searching.
flat() { pdftotext "$1" - | sed -e ':a' -e 'N' -e '$!ba' -e 's/-\n//g' | tr -d ' \n\f\t' | sed "s/$NB//g"; }
squash() { printf '%s' "$1" | tr -d ' \n\t' | sed "s/$NB//g"; }
unescape() { sed -e 's/&laquo;/«/g; s/&raquo;/»/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'; }

# The text of one page, the page number at its top left out, flat as above and without hyphens (a
# title may break at its own hyphen); bare() is a heading so.
page_text() { pdftotext -f "$2" -l "$2" "$1" - | awk 'NR == 1 && /^[0-9]+$/ {next} {print}' | tr -d ' \n\f\t\055' | sed "s/$NB//g"; }
bare() { squash "$1" | tr -d '\055'; }
export LC_ALL=C.UTF-8  # grep -P reads letters as letters

reports=0
splits=0
while IFS= read -r pdf; do
  reports=$((reports + 1))
  dir=$(dirname "$pdf")
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  pdfinfo "$pdf" | grep -q "^Page size: *59[45][.0-9]* x 84[12][.0-9]* pts (A4)" || fail "$pdf: first page is not A4 portrait"
  [ "$pages" -gt 1 ] || fail "$pdf: one page only"
  # The page number at the top of page 2 (the cover has none).
  [ "$(pdftotext -f 2 -l 2 -layout "$pdf" - | grep -m1 -v '^\s*$' | tr -d ' ')" = 2 ] || fail "$pdf: no page number on page 2"
  text=$(flat "$pdf")
  # Contents from four sections on; a note of three has none (its page 2 is its text).
  if [ "$(grep -c '<h2 id="[sa][0-9]*">' "$dir/index.html")" -lt 4 ]; then
    case "$text" in *Содержание*) fail "$pdf: a contents page for fewer than four sections" ;; esac
    continue
  fi
  case "$text" in *Содержание*) ;; *) fail "$pdf: no table of contents in the text" ;; esac
  # Every section heading of the HTML is in the PDF.
  while IFS= read -r heading; do
    case "$text" in *"$(squash "$heading")"*) ;; *) fail "$pdf: heading «$heading» not in the PDF" ;; esac
  done < <(grep -o '<h2 id="[sa][0-9]*">[^<]*</h2>' "$dir/index.html" | sed 's/<[^>]*>//g' | unescape)
  # The contents give each section's page: the page where its heading is printed (and not the page before).
  mapfile -t headings < <(grep -o '<h2 id="[sa][0-9]*">[^<]*</h2>' "$dir/index.html" | sed 's/<[^>]*>//g' | unescape)
  toc=$(page_text "$pdf" 2)
  case "$toc" in *"$(bare "${headings[-1]}")"*) ;; *) toc="$toc$(page_text "$pdf" 3)" ;; esac
  toc=${toc#*Содержание}
  for ((k = 0; k < ${#headings[@]}; k++)); do
    key=$(bare "${headings[k]}")
    rest=${toc#*"$key"}
    [ "$rest" != "$toc" ] || fail "$pdf: «${headings[k]}» is not in the contents"
    number=$rest
    if ((k + 1 < ${#headings[@]})); then number=${rest%%"$(bare "${headings[k + 1]}")"*}; fi
    [[ "$number" =~ ^[0-9]+$ ]] || fail "$pdf: the contents give no page for «${headings[k]}» («${number:0:30}»)"
    case "$(page_text "$pdf" "$number")" in *"$key"*) ;; *) fail "$pdf: «${headings[k]}» is not on page $number, as the contents say" ;; esac
    if ((number > 3)); then
      case "$(page_text "$pdf" $((number - 1)))" in *"$key"*) fail "$pdf: «${headings[k]}» is on page $((number - 1)), the contents say $number" ;; esac
    fi
  done
  # A table part on a later page starts that page under «Продолжение таблицы N», the table's caption on
  # an earlier page; a page never ends with a heading (its last lines are no heading; a heading that is
  # also the text of a table cell, as a group's title is, cannot be told from it and is not looked for).
  grep -o '<t[hd][^>]*>[^<]*</t[hd]>' "$dir/index.html" | sed 's/<[^>]*>//g' | unescape | sort -u > "$SCRATCH/cells.txt"
  { grep -o '<h2 id="[sa][0-9]*">[^<]*</h2>' "$dir/index.html"; grep -o '<h3>[^<]*</h3>' "$dir/index.html"; } \
    | sed 's/<[^>]*>//g' | unescape | grep -vxF -f "$SCRATCH/cells.txt" | tr -d " \t\055" | sed "s/$NB//g" > "$SCRATCH/headings.txt" || true
  pdftotext "$pdf" "$SCRATCH/all.txt"
  awk -v f="$pdf" -v pages="$pages" '
    function fail(m) { print "FAIL: " f ": page " page ": " m > "/dev/stderr"; bad = 1; exit 1 }
    function bare(s) { gsub(/[ \t-]/, "", s); gsub(/\302\240/, "", s); return s }
    function end_page(   j, tail) {
      if (page < 2 || page >= pages) return
      for (j = kept; j >= 1 && j > kept - 8; j--) { tail = lines[j] tail; if (tail in heads) fail("ends with the heading «" tail "»") }
    }
    FNR == NR { heads[$0] = 1; next }
    FNR == 1 { page = 1; line = 0; first = ""; kept = 0 }
    {
      n = split($0, parts, "\f")
      for (i = 1; i <= n; i++) {
        if (i > 1) { end_page(); page++; line = 0; first = ""; kept = 0 }
        t = parts[i]
        if (t == "") continue
        line++
        if (line == 1 && t ~ /^[0-9]+$/) continue
        if (first == "") first = t
        if (t ~ /^Продолжение таблицы [0-9]+$/) {
          split(t, w, " ")
          splits++
          if (t != first) fail("«" t "» does not head the page (it begins «" first "»)")
          if (!(w[3] in captions)) fail("continues table " w[3] ", whose caption is on no earlier page")
        }
        if (t ~ /^Таблица [0-9]+ —/) { split(t, w, " "); captions[w[2]] = 1 }
        lines[++kept] = bare(t)
      }
    }
    END { if (!bad) print splits + 0 }' "$SCRATCH/headings.txt" "$SCRATCH/all.txt" > "$SCRATCH/splits.txt" || fail "$pdf: see above"
  splits=$((splits + $(cat "$SCRATCH/splits.txt")))
  # No stray full stop («2025 г..»), no name of a setting («social_index»), no number parted from its
  # unit: in the HTML a non-breaking space, in the PDF never a line break between them.
  ! grep -P '[^.\s]\.\.(?!\.)' "$SCRATCH/all.txt" || fail "$pdf: a stray full stop"
  ! grep -P '\p{L}_\p{L}' "$SCRATCH/all.txt" || fail "$pdf: a name of a setting in the text"
  ! grep -Pzo '([0-9]\n(%|‰)|[0-9]{4}\nгг?\.)' "$SCRATCH/all.txt" || fail "$pdf: a line break between a number and its unit"
  ! sed 's/<[^>]*>//g' "$dir/index.html" | grep -P '([0-9] (%|‰)|[0-9]{4} гг?\.)' || fail "$dir/index.html: a breaking space between a number and its unit"
  # No word beyond the right edge of its page.
  pdftotext -bbox "$pdf" - | awk -v f="$pdf" '
    /<page / { match($0, /width="[0-9.]+"/); w = substr($0, RSTART + 7, RLENGTH - 8) + 0 }
    /<word / { match($0, /xMax="[0-9.]+"/); x = substr($0, RSTART + 6, RLENGTH - 7) + 0; if (x > w + 0.5) { print f ": text beyond the right edge: " $0; bad = 1; exit } }
    END { exit bad }' || fail "text cut off at the right edge"
done < <(find "$OUT/reports" -name '*.pdf' | sort)
# The demo's municipal results table (analysis) is long enough to go on to the next page.
results=$(grep -o 'Таблица [0-9]* — Результаты обучения по муниципалитету' "$OUT/reports/analysis-2025/index.html" | awk '{print $2}')
[ -n "$results" ] || fail "analysis: no table of the municipal results"
pdftotext "$OUT/reports/analysis-2025/analysis-2025.pdf" "$SCRATCH/analysis.txt"
grep -q "^Продолжение таблицы $results$" "$SCRATCH/analysis.txt" \
  || fail "analysis: the municipal results table (table $results) is not continued under «Продолжение таблицы $results»"
[ "$splits" -gt 10 ] || fail "only $splits continued table parts in all the reports"
# The recommendations table of the analysis names the schools each recommendation is addressed to.
sed -n '/Адресные рекомендации<\/caption>/,/<\/table>/p' "$OUT/reports/analysis-2025/index.html" > "$SCRATCH/recommendations.html"
[ -s "$SCRATCH/recommendations.html" ] || fail "analysis: no table of recommendations"
named=0
while IFS= read -r school; do
  grep -qF "$school" "$SCRATCH/recommendations.html" || fail "analysis: «$school», addressed in opendata/recommendations.csv, is not named in the recommendations table"
  named=$((named + 1))
done < <(awk -F';' 'NR > 1 && $3 == 2025 && $2 ~ /«/ {print $2}' "$OUT/opendata/recommendations.csv" | sort -u)
[ "$named" -gt 3 ] || fail "analysis: only $named schools checked in the recommendations table"
# A small school whose values are mostly hidden: a short profile that says why (the rule and the group
# size) instead of rows of «скрыто» and dashes, and its chart.
small="$OUT/reports/schools/klyuchevskaya-oosh"
grep -q "большинство её значений не публикуется.*по группе меньше 10${NB}человек, скрывается" "$small/index.html" \
  || fail "small school: the profile does not say why its values are missing"
! grep -q '<td>скрыто</td>' "$small/index.html" || fail "small school: the profile lists hidden values"
grep -q 'Рисунок 1 — ' "$small/index.html" || fail "small school: the profile has no chart"
[ "$(pdfinfo "$small/klyuchevskaya-oosh.pdf" | awk '/^Pages:/ {print $2}')" -le 8 ] || fail "small school: the profile is not short"
# The HTML of a report has no page numbers in its contents: they are the print's.
! grep -q 'toc-page\|Продолжение таблицы' "$OUT/reports/analysis-2025/index.html" || fail "the HTML report carries the print's page numbers"
[ "$reports" = 25 ] || fail "expected 25 reports (analysis of 2023, 2024 and 2025, итоги мониторинга, roadmap, all schools, 18 schools, one справка), found $reports"

# Every page portrait A4: Chromium lays a landscape sheet out at the portrait width (two thirds of it
# empty), so the tables are made to fit the portrait page instead.
! pdfinfo -f 1 -l 99 "$OUT/reports/roadmap/roadmap.pdf" | grep "^Page .* size:" | grep -vq "size: *59[45][.0-9]* x 84[12]" || fail "roadmap: a page that is not portrait A4"

# The analysis names every school identified in the latest year, and its counts equal the open
# data's and the support page's.
analysis=$(flat "$OUT/reports/analysis-2025/analysis-2025.pdf")
year=2025
# A branch is counted apart from the schools («7 школ и 1 филиал»); the register's open data says which are branches.
branches=$(awk -F';' '$1 == "филиал" {print $2}' "$OUT/opendata/organisations.csv" | paste -sd' ')
noun_of() {  # count, then the three forms
  case "$(( $1 % 100 ))" in 11|12|13|14) echo "$4"; return ;; esac
  case "$(( $1 % 10 ))" in 1) echo "$2" ;; 2|3|4) echo "$3" ;; *) echo "$4" ;; esac
}
for group in shnor shfnsu rosobr30 risk_zone; do
  ids=$(awk -F';' -v g="$group" -v y="$year" '$3 == g && $5 == y && $6 == "да" {print $1}' "$OUT/opendata/classification.csv")
  names=$(awk -F';' -v g="$group" -v y="$year" '$3 == g && $5 == y && $6 == "да" {print $2}' "$OUT/opendata/classification.csv")
  count=$(printf '%s' "$names" | grep -c . || true)
  in_branches=0
  for id in $ids; do case " $branches " in *" $id "*) in_branches=$((in_branches + 1)) ;; esac; done
  in_schools=$((count - in_branches))
  [ "$count" -gt 0 ] || fail "no school identified as $group in the open data"
  while IFS= read -r name; do
    case "$analysis" in *"$(squash "$name")"*) ;; *) fail "analysis: identified school «$name» ($group) not named" ;; esac
  done <<< "$names"
  title=$(awk -F';' -v g="$group" '$3 == g {print $4; exit}' "$OUT/opendata/classification.csv")
  grep -q "Таблица [0-9]* — .*$year" "$OUT/reports/analysis-2025/index.html" || fail "analysis: no table for $year"
  counted="${in_schools}${NB}$(noun_of "$in_schools" школа школы школ)"
  if [ "$in_branches" -gt 0 ]; then
    counted="$counted и${NB}${in_branches}${NB}$(noun_of "$in_branches" филиал филиала филиалов)"
    [ "$in_schools" -gt 0 ] || counted="${in_branches}${NB}$(noun_of "$in_branches" филиал филиала филиалов)"
  fi
  grep -q ": ${counted}</h3>" "$OUT/reports/analysis-2025/index.html" || fail "analysis: $group count is not $counted ($title)"
done
# The demo's branch is among the ШНОР of 2025 (8 schools with 5418, decided on its hidden ОГЭ shares).
grep -q "Проект перечня — расчёт по критериям, приказом пока не утверждён: 8${NB}школ и${NB}1${NB}филиал." "$OUT/support/index.html" || fail "support page: ШНОР count differs from the report"
# Municipal results in the report equal the open data's (which keeps 3 decimals; pages show 2).
for subject in "математика" "русский язык"; do
  expected=$(awk -F';' -v s="$subject" '$1 == "oge_mean" && $3 == s { v = $5; sub(",", ".", v); printf "<td>%s</td>", sprintf("%.2f", int(v * 100 + 0.5) / 100) }' "$OUT/opendata/municipal.csv" | sed 's/\./,/g')
  [ -n "$expected" ] || fail "no municipal oge_mean ($subject) in the open data"
  grep -q "<th scope=\"row\">Средний балл ОГЭ ($subject)</th>$expected" "$OUT/reports/analysis-2025/index.html" \
    || fail "analysis: municipal ОГЭ ($subject) differs from the open data: $expected"
  # Into a file, not a pipe: grep -q stops at the first match, and sed writing on into the closed pipe
  # would fail the pipeline under pipefail (it did, once, on a busy machine).
  sed 's/<a [^>]*>//g; s/<\/a>//g' "$OUT/monitoring/index.html" > "$SCRATCH/monitoring.txt"
  # The monitoring page lists the subjects under the indicator's heading row «Средний балл ОГЭ, балл».
  grep -q "Средний балл ОГЭ, балл</th></tr>" "$SCRATCH/monitoring.txt" || fail "monitoring page: no heading row of the ОГЭ mean"
  grep -q "<th scope=\"row\">$subject</th>${expected//<td>/<td class=\"num\">}" "$SCRATCH/monitoring.txt" \
    || fail "monitoring page: municipal ОГЭ ($subject) differs from the report"
done

# `sveden pdf` prints one named report into an existing build; without Chromium it says how to install it.
rm "$OUT/reports/roadmap/roadmap.pdf"
"$SVEDEN" pdf --out "$OUT" roadmap > "$SCRATCH/pdf.txt" 2>&1 || { cat "$SCRATCH/pdf.txt" >&2; fail "sveden pdf failed"; }
[ -s "$OUT/reports/roadmap/roadmap.pdf" ] || fail "sveden pdf did not print the roadmap"
grep -q "Напечатано в PDF: 1${NB}отчёт" "$SCRATCH/pdf.txt" || fail "sveden pdf: $(cat "$SCRATCH/pdf.txt")"
set +e
SVEDEN_CHROMIUM=/nonexistent "$SVEDEN" pdf --out "$OUT" > /dev/null 2> "$SCRATCH/nochrome.txt"
code=$?
"$SVEDEN" pdf --out "$OUT" no-such-report > /dev/null 2> "$SCRATCH/noreport.txt"
code2=$?
# A browser that dies at once (here /bin/false): a clear message, exit 3, the PDF already there kept, no
# half-written file left.
SVEDEN_CHROMIUM=/bin/false "$SVEDEN" pdf --out "$OUT" roadmap > /dev/null 2> "$SCRATCH/deadchrome.txt"
code3=$?
# A browser that starts and never answers: given up after 30 s, not after 180 s for every report.
printf '#!/bin/sh\nexec sleep 600\n' > "$SCRATCH/silent-chromium"
chmod +x "$SCRATCH/silent-chromium"
started=$(date +%s)
SVEDEN_CHROMIUM="$SCRATCH/silent-chromium" "$SVEDEN" pdf --out "$OUT" roadmap analysis-2025 > /dev/null 2> "$SCRATCH/silentchrome.txt"
code4=$?
took=$(( $(date +%s) - started ))
set -e
[ "$code4" = 3 ] && grep -q "Chromium не ответил за 30${NB}с после запуска" "$SCRATCH/silentchrome.txt" \
  || fail "a browser that never answers: exit $code4, $(cat "$SCRATCH/silentchrome.txt")"
[ "$took" -lt 60 ] || fail "a browser that never answers kept sveden waiting $took s"
[ "$code3" = 3 ] && grep -q "Chromium не смог напечатать «reports/roadmap»: Chromium перестал отвечать" "$SCRATCH/deadchrome.txt" \
  || fail "a browser that dies: exit $code3, $(cat "$SCRATCH/deadchrome.txt")"
[ -s "$OUT/reports/roadmap/roadmap.pdf" ] || fail "a failed print removed the existing PDF"
[ -z "$(find "$OUT" -name '*.part')" ] || fail "a failed print left a .part file"
[ "$code" = 4 ] || fail "without Chromium the exit code must be 4, got $code"
grep -q "apt-get install chromium" "$SCRATCH/nochrome.txt" || fail "without Chromium: $(cat "$SCRATCH/nochrome.txt")"
[ "$code2" = 2 ] && grep -q "отчёта «no-such-report» нет; есть: " "$SCRATCH/noreport.txt" || fail "unknown report: $(cat "$SCRATCH/noreport.txt")"

# Printing touches nothing outside the output folder: a report page that asks for a network address
# and for a file beside the output (directly and through a link) is not printed, the addresses are
# named, the listener on 127.0.0.1 gets no request, and the existing PDF stays.
port=$((20000 + RANDOM % 20000))
node -e 'require("http").createServer((q, r) => { require("fs").appendFileSync(process.argv[1], q.url + "\n"); r.end("x"); })
  .listen(+process.argv[2], "127.0.0.1")' "$SCRATCH/requests.log" "$port" &
listener=$!
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
: > "$SCRATCH/requests.log"
echo secret > "$SCRATCH/secret.png"
ln -s "$SCRATCH/secret.png" "$OUT/reports/roadmap/inside-link.png"
cp "$OUT/reports/roadmap/index.html" "$SCRATCH/roadmap.html"
before=$(md5sum < "$OUT/reports/roadmap/roadmap.pdf")
sed -i "s|</body>|<img src=\"http://127.0.0.1:$port/leak.png\" alt=\"\"><img src=\"../../../secret.png\" alt=\"\"><img src=\"inside-link.png\" alt=\"\"></body>|" \
  "$OUT/reports/roadmap/index.html"
set +e
"$SVEDEN" pdf --out "$OUT" roadmap > /dev/null 2> "$SCRATCH/outside.txt"
code5=$?
set -e
kill "$listener" 2>/dev/null || true
[ "$code5" = 3 ] || fail "a page reaching outside the output was printed: exit $code5, $(cat "$SCRATCH/outside.txt")"
# Named in sorted order, whatever order the browser asked in.
grep -q "страница обращается за пределы папки сайта (file://$OUT/reports/roadmap/inside-link.png, file://$SCRATCH/secret.png, http://127.0.0.1:$port/leak.png)" "$SCRATCH/outside.txt" \
  || fail "the refused addresses are not named: $(cat "$SCRATCH/outside.txt")"
[ ! -s "$SCRATCH/requests.log" ] || fail "printing fetched from the network: $(cat "$SCRATCH/requests.log")"
[ "$(md5sum < "$OUT/reports/roadmap/roadmap.pdf")" = "$before" ] || fail "a refused print changed the existing PDF"
cp "$SCRATCH/roadmap.html" "$OUT/reports/roadmap/index.html"
rm "$OUT/reports/roadmap/inside-link.png"
echo "ok: $reports reports printed to A4 PDF and read back"
