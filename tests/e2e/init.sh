# `sveden init`: a new site folder builds at once and says what to fill first; two tables filled from a
# script show on the pages; a second init into the folder is refused; the workbook has a sheet per table
# with the vocabulary's headers and drop-down lists; opendata/*.xlsx beside every CSV with typed cells;
# a school name that is a formula is neutralised in the CSV and a plain string in the XLSX.
source "$(dirname "$0")/lib.bash"
SITE="$SCRATCH/новый сайт"

"$SVEDEN" init "$SITE" > "$SCRATCH/init.txt" || fail "init into a new folder failed"
grep -q "^Создана папка сайта $SITE. Дальше:" "$SCRATCH/init.txt" || fail "init summary: $(cat "$SCRATCH/init.txt")"
for f in site.yaml "С чего начать.md" content/index.md content/department.yaml content/criteria.yaml content/roadmap.yaml \
         data/schools.csv data/oge.csv data/sveden/info.csv data/таблицы.xlsx; do
  [ -f "$SITE/$f" ] || fail "init wrote no $f"
done
[ "$(head -c 3 "$SITE/data/schools.csv")" = $'\xEF\xBB\xBF' ] || fail "data/schools.csv has no BOM"
grep -q "Код ОО;Полное наименование;Краткое наименование;Адрес страницы;Тип ОО;Местность" "$SITE/data/schools.csv" \
  || fail "data/schools.csv headers: $(head -1 "$SITE/data/schools.csv")"

# With --github: the GitHub Pages workflow and a .gitignore that keeps the built site out of the repository.
"$SVEDEN" init "$SCRATCH/gh" --github > /dev/null || fail "init --github failed"
[ -f "$SCRATCH/gh/.github/workflows/sveden.yml" ] || fail "init --github wrote no workflow"
grep -qx "output/" "$SCRATCH/gh/.gitignore" || fail "init --github: .gitignore does not leave output/ out"
[ ! -e "$SITE/.github" ] || fail "init without --github wrote a workflow"

# A second init into the same folder changes nothing and says why.
before=$(tree_sum "$SITE")
set +e
"$SVEDEN" init "$SITE" > /dev/null 2> "$SCRATCH/again.txt"
code=$?
set -e
[ "$code" = 2 ] || fail "init into a non-empty folder exited $code, expected 2"
grep -q "^sveden: папка «$SITE» не пуста (в ней есть .*); sveden init ничего не перезаписывает. Укажите новую или пустую папку" \
  "$SCRATCH/again.txt" || fail "non-empty folder message: $(cat "$SCRATCH/again.txt")"
[ "$before" = "$(tree_sum "$SITE")" ] || fail "a refused init changed the folder"

# The workbook: a sheet per table of the vocabulary, its headers, a drop-down list for «Тип ОО».
book="$SITE/data/таблицы.xlsx"
sheets=$(unzip -p "$book" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | grep -c .)
tables=$(grep -c "^    file: " "$REPO/vocab/tables.yaml")
[ "$sheets" = "$tables" ] || fail "workbook: $sheets sheets for $tables tables"
unzip -p "$book" xl/workbook.xml | grep -q '<sheet name="Результаты ОГЭ"' || fail "workbook: no sheet «Результаты ОГЭ»"
for h in "Код ОО" "Тип ОО" "Средний балл" "Отметка «5»" "Мест в интернате для ОВЗ"; do
  unzip -p "$book" xl/sharedStrings.xml | grep -q "<t>$h</t>" || fail "workbook: no header «$h»"
done
unzip -p "$book" xl/worksheets/sheet1.xml | grep -q '<formula1>"НОШ,ООШ,СОШ,СОШ с УИОП,гимназия,лицей,центр образования,филиал"</formula1>' \
  || fail "workbook: no drop-down list for «Тип ОО»"

# The blank site builds at once and says, in a few lines, what to fill first.
(cd "$SITE" && "$SVEDEN" build > "$SCRATCH/build1.txt" 2> "$SCRATCH/build1.err") || { cat "$SCRATCH/build1.err" >&2; fail "the blank site does not build"; }
[ ! -s "$SCRATCH/build1.err" ] || { cat "$SCRATCH/build1.err" >&2; fail "the blank site's build warns instead of listing what to fill"; }
grep -q "^Сайт пока пуст: в таблице школ нет ни одной строки. Что заполнить первым:$" "$SCRATCH/build1.txt" \
  || fail "the blank site's build: $(cat "$SCRATCH/build1.txt")"
grep -q "^  2. data/schools.csv — по строке на каждую школу и филиал" "$SCRATCH/build1.txt" || fail "the blank site's build does not say to fill data/schools.csv"
[ "$(wc -l < "$SCRATCH/build1.txt")" -le 8 ] || fail "the blank site's build prints $(wc -l < "$SCRATCH/build1.txt") lines"

# Two tables filled from a script, as a department would paste them; the years set as a department would.
sed -i 's/^years: .*/years: [2023, 2024, 2025]/; s/^as_of: .*/as_of: 2025-10-01/' "$SITE/site.yaml"
cat >> "$SITE/data/schools.csv" <<'CSV'
5401;Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»;МБОУ СОШ № 1;sosh-1;СОШ;город;г. Новоград;ул. Ленина, 1;8 (40000) 1-00-01;sosh1@example.invalid;;Петрова Анна Ивановна;;
5402;"=HYPERLINK(""http://evil.example"";""нажмите"")";Школа-ловушка;lovushka;ООШ;село;с. Лесное;ул. Полевая, 2;;;;Иванов Иван Иванович;;
CSV
cat >> "$SITE/data/contingent.csv" <<'CSV'
5401;2025;734;12;61;40
5402;2025;88;3;9;5
CSV
(cd "$SITE" && "$SVEDEN" build > "$SCRATCH/build2.txt" 2> "$SCRATCH/build2.err") || { cat "$SCRATCH/build2.err" >&2; fail "the filled site does not build"; }
OUT="$SITE/output"
grep -q "МБОУ СОШ № 1" "$OUT/schools/sosh-1/index.html" || fail "the school page lacks its name"
grep -q '<th scope="row">2025</th><td class="num">734</td><td class="num">12</td>' "$OUT/schools/sosh-1/index.html" \
  || fail "the school page lacks its 734 students (12 with ОВЗ) of 2025"
grep -q "Муниципалитет: значение в 2025${NB}г. — 65,6${NB}%" "$OUT/monitoring/continuation-rate/index.html" \
  || fail "the monitoring page lacks the municipal continuation rate of 2025: 40 of 61 = 65,6 % (the group of 9 is too small to count)"

# A table filled on its sheet of the workbook, its CSV left as the blank template: the sheet is read.
{ head -1 "$SITE/data/oge.csv"; printf '5401;2025;математика;58;3,91;1;1;17;22;18\r\n'; } > "$SCRATCH/oge.csv"
"$(dirname "$SVEDEN")/sveden_csv_to_xlsx" "$SCRATCH/oge.xlsx" "Результаты ОГЭ=$SCRATCH/oge.csv" || fail "csv_to_xlsx failed"
cp "$SCRATCH/oge.xlsx" "$SITE/data/таблицы.xlsx"
(cd "$SITE" && "$SVEDEN" build > "$SCRATCH/build3.txt" 2> "$SCRATCH/build3.err") || { cat "$SCRATCH/build3.err" >&2; fail "the site with ОГЭ on its sheet does not build"; }
grep -q "3,91" "$SITE/output/schools/sosh-1/kachestvo/index.html" || fail "the ОГЭ mean 3,91 entered on the workbook sheet is not on the school quality page"
# The same rows in the CSV as well: one table in two places, named both.
tail -1 "$SCRATCH/oge.csv" >> "$SITE/data/oge.csv"
set +e
(cd "$SITE" && "$SVEDEN" build > /dev/null 2> "$SCRATCH/build4.err")
code=$?
set -e
[ "$code" != 0 ] || fail "a table filled both in its CSV and on a sheet built"
grep -q "^data/таблицы.xlsx, лист «Результаты ОГЭ»: ошибка: таблица «Результаты ОГЭ» задана дважды: здесь и в data/oge.csv" "$SCRATCH/build4.err" \
  || fail "a table in two places: $(cat "$SCRATCH/build4.err")"
sed -i '$d' "$SITE/data/oge.csv"

# opendata: an XLSX beside every CSV, listed on the opendata page.
for csv in "$OUT"/opendata/*.csv; do
  x="${csv%.csv}.xlsx"
  [ -f "$x" ] || fail "no $(basename "$x") beside $(basename "$csv")"
  grep -q "href=\"$(basename "$x")\"\|opendata/$(basename "$x")\"" "$OUT/opendata/index.html" || fail "opendata page does not list $(basename "$x")"
done
# The formula-like name: an apostrophe before it in the CSV, a plain string (no <f>) in the XLSX.
grep -q ";\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"нажмите\"\")\";" "$OUT/opendata/organisations.csv" \
  || fail "organisations.csv: the formula-like name is not neutralised: $(grep -a evil "$OUT/opendata/organisations.csv")"
unzip -p "$OUT/opendata/organisations.xlsx" xl/sharedStrings.xml | grep -q '<t>=HYPERLINK("http://evil.example";"нажмите")</t>' \
  || fail "organisations.xlsx: the name is not a string cell"
! unzip -p "$OUT/opendata/organisations.xlsx" xl/worksheets/sheet1.xml | grep -q "<f>" || fail "organisations.xlsx has a formula"
# Typed cells: the year of indicators.xlsx is a number, the school code a string; the header row is frozen.
sheet=$(unzip -p "$OUT/opendata/indicators.xlsx" xl/worksheets/sheet1.xml)
grep -q '<c r="F2"[^>]*><v>2025</v></c>' <<< "$sheet" || fail "indicators.xlsx: the year is not a number cell"
grep -q '<c r="A2" t="s">' <<< "$sheet" || fail "indicators.xlsx: the school code is not a string cell"
grep -q 'state="frozen"' <<< "$sheet" || fail "indicators.xlsx: the header row is not frozen"
echo "ok"
