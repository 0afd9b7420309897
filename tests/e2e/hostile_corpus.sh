# The hostile-input corpus (tests/hostile/ and the big cases made here): each case gives a clear
# error naming its file, or a safe site; never a crash, a hang or a partial output. Time and
# memory of each build are bounded.
source "$(dirname "$0")/lib.bash"
TIME_LIMIT=60         # seconds per build
MEMORY_LIMIT=1500000  # kilobytes of peak memory per build

site_for() {  # a fresh copy of the minimal site with the case's files on top
  rm -rf "$SCRATCH/site"
  cp -r "$REPO/tests/fixtures/minimal" "$SCRATCH/site"
  [ -d "$REPO/tests/hostile/$1" ] && cp -r "$REPO/tests/hostile/$1/." "$SCRATCH/site/"
  rm -f "$SCRATCH/site/README.md"
}

# run CASE EXPECTED_EXIT PATTERN: build, bounded; the exit code, the message and the output folder.
run() {
  local name=$1 want=$2 pattern=$3
  set +e
  if command -v /usr/bin/time >/dev/null; then
    timeout "$TIME_LIMIT" /usr/bin/time -f '%M' -o "$SCRATCH/mem.txt" "$SVEDEN" build --site "$SCRATCH/site" > "$SCRATCH/out.txt" 2> "$SCRATCH/err.txt"
  else
    timeout "$TIME_LIMIT" "$SVEDEN" build --site "$SCRATCH/site" > "$SCRATCH/out.txt" 2> "$SCRATCH/err.txt"; echo 0 > "$SCRATCH/mem.txt"
  fi
  local code=$?
  set -e
  [ "$code" = 124 ] && fail "$name: no answer in $TIME_LIMIT s (a hang)"
  [ "$code" -ge 128 ] && fail "$name: crashed (signal $((code - 128)))"
  [ "$code" = "$want" ] || { head -c 2000 "$SCRATCH/err.txt" >&2; fail "$name: exit $code, expected $want"; }
  local mem; mem=$(tail -1 "$SCRATCH/mem.txt")
  [ "${mem:-0}" -le "$MEMORY_LIMIT" ] || fail "$name: peak memory ${mem} KB over ${MEMORY_LIMIT} KB"
  grep -qE -- "$pattern" "$SCRATCH/err.txt" "$SCRATCH/out.txt" || { head -c 2000 "$SCRATCH/err.txt" >&2; fail "$name: no message matching «$pattern»"; }
  if [ "$want" = 1 ]; then
    [ ! -e "$SCRATCH/site/output" ] || fail "$name: a failed build wrote output"
    [ -z "$(find "$SCRATCH/site" -maxdepth 1 -name '.output.sveden-stage-*')" ] || fail "$name: a stage folder was left"
  else
    [ -f "$SCRATCH/site/output/index.html" ] || fail "$name: no complete output"
    ! grep -rl --include='*.html' '<script' "$SCRATCH/site/output" >/dev/null || fail "$name: a <script> reached the pages"
    ! grep -rlE --include='*.html' 'href="javascript:' "$SCRATCH/site/output" >/dev/null || fail "$name: a javascript: link reached the pages"
  fi
  echo "ok: $name ($code, ${mem:-?} KB)"
}

site_for broken_quoting;       run broken_quoting 1 'data/schools.csv:[0-9]+:[0-9]+: ошибка'
site_for invalid_utf8;         run invalid_utf8 1 'data/schools.csv:[0-9]+:[0-9]+: ошибка: .*(UTF-8|кодиров)'
site_for cp1251_declared_utf8; run cp1251_declared_utf8 1 'data/contingent.csv.*ошибка.*UTF-8'
site_for deep_yaml;            run deep_yaml 1 'content/roadmap.yaml:1:[0-9]+: ошибка: вложенность глубже'
site_for yaml_aliases;         run yaml_aliases 1 'content/roadmap.yaml:[0-9]+:[0-9]+: ошибка: файл слишком велик'
site_for duplicate_keys;       run duplicate_keys 1 'site.yaml:[0-9]+:1: ошибка: ключ «years» повторяется'
site_for slug_traversal;       run slug_traversal 1 'data/schools.csv:2:[0-9]+: ошибка: «\.\./\.\./etc» не годится для адреса страницы'
site_for document_traversal;   run document_traversal 1 'data/documents.csv:2:[0-9]+: ошибка: .*не адрес и не путь к файлу'
site_for numbers_out_of_range; run numbers_out_of_range 1 'data/oge.csv:2:[0-9]+: ошибка: «1e309» в столбце «Средний балл» — не число'
grep -q 'data/oge.csv:3:[0-9]*: ошибка: «NaN»' "$SCRATCH/err.txt" || fail "NaN is not reported"
site_for script_everywhere;    run script_everywhere 0 'Готово'
# Every XML output (sitemaps, the Atom feed, the SVG charts inside pages are HTML) parsed by a real
# XML parser: markup and control characters from data never make it ill-formed.
while IFS= read -r xml; do
  xmllint --noout "$xml" 2> "$SCRATCH/xml.txt" || fail "script_everywhere: $xml is not well-formed XML: $(head -3 "$SCRATCH/xml.txt")"
done < <(find "$SCRATCH/site/output" -name '*.xml' -o -name '*.svg')
# One output path, one owner: an uploaded index.html would replace the «Документы» page; a dotfile
# would configure the web server.
site_for document_index_clash; run document_index_clash 1 'documents/department/index.html: ошибка: «documents/index.html» создают и страница documents/index.html, и файл documents/department/index.html'
site_for document_dotfile;     run document_dotfile 1 'documents/T1/\.htaccess: ошибка: имя, начинающееся с точки, не публикуется'

# A 50 MB field (a quote never closed in a real export does this).
site_for field_50mb
{ printf 'school_id;name;short_name;kind;locality;settlement;address;director;parent_id\nT1;'; head -c 50000000 /dev/zero | tr '\0' 'x'; printf ';Школа;СОШ;город;г.;ул.;И. И.;\n'; } > "$SCRATCH/site/data/schools.csv"
run field_50mb 1 "data/schools.csv:2:4: ошибка: значение длиной 50${NB}000${NB}000 знаков — слишком длинное"

# A million rows, every one wrong: a bounded list of messages, then a count.
site_for million_rows
{ printf 'school_id;year;students\n'; awk 'BEGIN { for (i = 0; i < 1000000; i++) print "T9;2025;100" }'; } > "$SCRATCH/site/data/contingent.csv"
run million_rows 1 "в файле больше 50 ошибок; ещё 999${NB}950${NB}строк не проверено"
[ "$(grep -c 'data/contingent.csv:[0-9]*:[0-9]*: ошибка' "$SCRATCH/err.txt")" = 50 ] || fail "million_rows: not exactly 50 row messages"

# A symbolic link out of the site folder, named as a document.
site_for symlink_out
mkdir -p "$SCRATCH/site/documents/T1"
ln -s /etc/passwd "$SCRATCH/site/documents/T1/ustav.pdf"
printf 'Код ОО;Вид документа;Название;Файл\nT1;устав;Устав;ustav.pdf\n' > "$SCRATCH/site/data/documents.csv"
run symlink_out 1 'ustav.pdf.*(за пределы|вне папки|не найден|не удалось прочитать)'
# A table that is a symbolic link out of the site folder: an error under its own name, not a table
# silently missing.
site_for table_symlink_out
rm "$SCRATCH/site/data/oge.csv"
ln -s /etc/passwd "$SCRATCH/site/data/oge.csv"
run table_symlink_out 1 'data/oge.csv: ошибка: файл не читается: путь ведёт за пределы папки сайта'

# A workbook whose sheet unpacks to 300 MB (a ZIP bomb) and one that merges a whole column: refused
# or bounded, never inflated into memory.
site_for xlsx_bomb
rm "$SCRATCH/site/data/oge.csv"
python3 - "$SCRATCH/site/data/oge.xlsx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name="ОГЭ" sheetId="1"/></sheets></workbook>')
    with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=True) as f:
        f.write(b'<worksheet><sheetData>')
        chunk = b' ' * (1 << 20)
        for _ in range(300):
            f.write(chunk)
        f.write(b'</sheetData></worksheet>')
PY
run xlsx_bomb 1 'data/oge.xlsx: ошибка: файл не читается как книга Excel: не читается лист «ОГЭ»'
site_for xlsx_merged_column
rm "$SCRATCH/site/data/oge.csv"
python3 - "$SCRATCH/site/data/oge.xlsx" <<'PY'
import sys, zipfile
merges = ''.join('<mergeCell ref="%s1:%s1048576"/>' % (c, c) for c in ['A', 'B', 'C', 'D'] * 250)
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name="ОГЭ" sheetId="1"/></sheets></workbook>')
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1">'
               '<c r="A1" t="inlineStr"><is><t>Код ОО</t></is></c><c r="B1" t="inlineStr"><is><t>Год</t></is></c>'
               '<c r="C1" t="inlineStr"><is><t>Предмет</t></is></c><c r="D1" t="inlineStr"><is><t>Участников</t></is></c>'
               '</row></sheetData><mergeCells>' + merges + '</mergeCells></worksheet>')
PY
run xlsx_merged_column 0 'Готово'
# What reaches the output (issue 15). Markdown images resolve inside the site folder and are copied
# to assets/images/; everything else an image could name is an input error at its place in the text.
png() {  # a 120×80 PNG at $1
  python3 - "$1" <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
raw = b''.join(b'\x00' + bytes((200, 30, 30)) * 120 for _ in range(80))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 120, 80, 8, 2, 0, 0, 0))
                              + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
PY
}
site_for markdown_image
mkdir -p "$SCRATCH/site/content/reports/img"; png "$SCRATCH/site/content/reports/img/graf.png"
run markdown_image 0 'Готово'
cmp -s "$SCRATCH/site/content/reports/img/graf.png" "$SCRATCH/site/output/assets/images/content/reports/img/graf.png" || fail "markdown_image: the image is not copied to assets/images/"
grep -q '<img src="\.\./\.\./assets/images/content/reports/img/graf\.png" alt="Доля участников по школам"' "$SCRATCH/site/output/reports/spravka/index.html" \
  || fail "markdown_image: the report's <img> does not point to the copy"
if command -v chromium >/dev/null && command -v pdfimages >/dev/null; then
  "$SVEDEN" pdf --site "$SCRATCH/site" spravka > "$SCRATCH/pdf.txt" 2>&1 || { cat "$SCRATCH/pdf.txt" >&2; fail "markdown_image: sveden pdf failed"; }
  [ "$(pdfimages -list "$SCRATCH/site/output/reports/spravka/spravka.pdf" | awk 'NR > 2 && $4 == 120 && $5 == 80' | wc -l)" = 1 ] \
    || fail "markdown_image: the PDF does not carry the 120×80 image: $(pdfimages -list "$SCRATCH/site/output/reports/spravka/spravka.pdf")"
else
  fail "нет chromium или poppler-utils: запустите make test (он ставит пакеты для тестов)"
fi
site_for markdown_image_outside; png "$SCRATCH/secret.png"
run markdown_image_outside 1 'content/reports/spravka\.md:5:15: ошибка: путь к рисунку «\.\./\.\./\.\./secret\.png» ведёт за пределы папки сайта'
site_for markdown_image_kinds
run markdown_image_kinds 1 'content/about\.md:5:1: ошибка: рисунок с другого сайта «https://evil\.example/a\.png» не публикуется'
for want in '7:1: ошибка: «data:image/png;base64,iVBORw0KGgo=» — не путь к файлу рисунка' '9:1: ошибка: «file:///etc/passwd» — не путь' \
            '11:1: ошибка: рисунок SVG «schema\.svg» не публикуется' '13:1: ошибка: рисунок «net\.png» не найден' \
            '15:1: ошибка: файл «content/fake\.png» — не рисунок PNG, JPEG, GIF или WebP' '17:1: ошибка: «/site\.yaml» — не рисунок' \
            '19:1: ошибка: в пути к рисунку «/\.git/logo\.png» есть часть «\.git»' '21:1: ошибка: путь к рисунку «%2e%2e/%2e%2e/secret\.png» ведёт за пределы'; do
  grep -qE "content/about\.md:$want" "$SCRATCH/err.txt" || fail "markdown_image_kinds: no message «$want»"
done
# Trusted HTML may not load files past the check: <img>, CSS url(), <iframe>.
site_for markdown_html_loads; echo 'trusted_html: true' >> "$SCRATCH/site/site.yaml"
run markdown_html_loads 1 'content/about\.md:5:1: ошибка: разметка HTML «<img» загрузила бы файл мимо проверки рисунков'
grep -q 'content/about\.md:7:1: ошибка: разметка HTML «url(»' "$SCRATCH/err.txt" || fail "markdown_html_loads: CSS url() passed"
grep -q 'content/about\.md:9:8: ошибка: разметка HTML «<iframe»' "$SCRATCH/err.txt" || fail "markdown_html_loads: <iframe> passed"
# Every generated page owns its address: a page, a report or a school of the user's that would take it
# is an error naming the file, found before anything is written.
site_for content_audit_page
run content_audit_page 1 'content/audit\.md: ошибка: «audit/index\.html» создают и страница проверки audit/index\.html, и страница из content/audit\.md'
site_for content_assets_page
run content_assets_page 1 'content/assets\.md: ошибка: страница из content/assets\.md \(assets/index\.html\) заняла бы папку assets/, в которой есть файл assets/'
site_for report_generated_name
run report_generated_name 1 'content/reports/monitoring-2025\.md: ошибка: «reports/monitoring-2025/index\.html» создают и страница reports/monitoring-2025/index\.html, и страница из content/reports/monitoring-2025\.md'
for page in news opendata schools support documents department monitoring reports; do
  site_for "content_${page}_page"; printf -- '---\ntitle: Страница\n---\n\nТекст.\n' > "$SCRATCH/site/content/$page.md"
  run "content_${page}_page" 1 "content/$page\\.md: ошибка: «$page/index\\.html» создают и страница $page/index\\.html, и страница из content/$page\\.md"
done
"$SVEDEN" check --site "$SCRATCH/site" > "$SCRATCH/check.txt" 2>&1 && fail "check: content/reports.md passed"
grep -q 'content/reports\.md: ошибка: «reports/index\.html» создают' "$SCRATCH/check.txt" || fail "check does not name the page that takes reports/"
# Neighbours that own nothing of sveden's: /404/ beside 404.html, a school whose address is «assets».
site_for content_404_page
run content_404_page 0 'Готово'
grep -q 'Ошибки' "$SCRATCH/site/output/404/index.html" && ! grep -q 'Страница /404/' "$SCRATCH/site/output/404.html" || fail "content_404_page: 404.html was replaced"
site_for school_slug_assets
sed -i 's/;МКОУ Лесная ООШ;/;assets;/' "$SCRATCH/site/data/schools.csv"
run school_slug_assets 0 'Готово'
[ -f "$SCRATCH/site/output/schools/assets/index.html" ] && [ -f "$SCRATCH/site/output/assets/style.css" ] || fail "school_slug_assets: the school or the portal's assets are missing"
# Formula injection: names, titles and addresses that start like a formula, in every cell of every
# opendata/*.csv and opendata/*.xlsx.
site_for formula_everywhere
run formula_everywhere 0 'Готово'
python3 "$REPO/tests/e2e/formula_cells.py" "$SCRATCH/site/output" > "$SCRATCH/cells.txt" || { cat "$SCRATCH/cells.txt" >&2; fail "formula_everywhere: a cell starts like a formula"; }
echo "ok: formula_everywhere: $(tail -1 "$SCRATCH/cells.txt")"
# The input boundary (issue 15): links, folders and special files where a file is expected; control
# characters however written; work bounded by the input's size. The big files are made here.
site_for table_symlink_inside
mv "$SCRATCH/site/data/staff.csv" "$SCRATCH/site/data/staff-real.csv"
ln -s staff-real.csv "$SCRATCH/site/data/staff.csv"
run table_symlink_inside 1 'data/staff.csv: ошибка: файл не читается: это символическая ссылка на «staff-real.csv», а ссылки не читаются'
site_for document_folder_link_out
mkdir -p "$SCRATCH/site/documents" "$SCRATCH/elsewhere"
echo SECRET > "$SCRATCH/elsewhere/ustav.pdf"
ln -s "$SCRATCH/elsewhere" "$SCRATCH/site/documents/T1"
printf 'Код ОО;Вид документа;Название;Файл\nT1;устав;Устав;ustav.pdf\n' > "$SCRATCH/site/data/documents.csv"
run document_folder_link_out 1 'data/documents.csv:2:[0-9]+: ошибка: файл «.*documents/T1/ustav.pdf» не читается: путь ведёт за пределы папки сайта: «documents/T1» — символическая ссылка'
site_for table_is_folder
rm "$SCRATCH/site/data/oge.csv"; mkdir "$SCRATCH/site/data/oge.csv"
run table_is_folder 1 'data/oge.csv: ошибка: это папка, а не файл таблицы'
site_for table_is_fifo
rm "$SCRATCH/site/data/vpr.csv"; mkfifo "$SCRATCH/site/data/vpr.csv"
run table_is_fifo 1 'data/vpr.csv: ошибка: файл не читается: это именованный канал \(FIFO\), а не файл'
site_for yaml_control_escape;        run yaml_control_escape 1 'site.yaml:2:24: ошибка: управляющий символ U\+000B \(вертикальная табуляция\)'
site_for csv_c1_control;             run csv_c1_control 1 'data/schools.csv:2:87: ошибка: управляющий символ U\+0085'
site_for markdown_control_reference; run markdown_control_reference 1 'content/about.md:5:18: ошибка: ссылка на символ «&#x1B;» — управляющий символ U\+001B'
site_for bidi_override_name;         run bidi_override_name 0 'data/schools.csv:2:[0-9]+: предупреждение: знак направления текста U\+202E'
site_for xlsx_control_cell
rm "$SCRATCH/site/data/oge.csv"
python3 - "$SCRATCH/site/data/oge.xlsx" <<'PY'
import sys, zipfile
cells = ['Код ОО', 'Год', 'Предмет', 'Участников'], ['T1', '2024', 'мате&#133;матика', '3']
rows = ''.join('<row r="%d">%s</row>' % (r + 1, ''.join('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % ('ABCD'[c], r + 1, v) for c, v in enumerate(row))) for r, row in enumerate(cells))
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name="ОГЭ" sheetId="1"/></sheets></workbook>')
    z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + rows + '</sheetData></worksheet>')
PY
run xlsx_control_cell 1 'data/oge.xlsx, лист «ОГЭ», ячейка C2: ошибка: управляющий символ U\+0085'
# 10 000 unknown columns in 170 KB: linear, 20 named and the rest counted (was 2 GB and 6 MB of messages).
site_for wide_header
{ printf 'school_id;year;subject;participants'; for i in $(seq 1 10000); do printf ';u%05d' "$i"; done; printf '\n'
  for s in математика 'русский язык' физика химия биология; do printf 'T1;2024;%s;3' "$s"; for i in $(seq 1 10000); do printf ';1'; done; printf '\n'; done; } > "$SCRATCH/site/data/oge.csv"
run wide_header 0 "и ещё 9${NB}980${NB}неизвестных столбцов: они тоже будут пропущены"
[ "$(wc -c < "$SCRATCH/err.txt")" -lt 100000 ] || fail "wide_header: $(wc -c < "$SCRATCH/err.txt") bytes of messages"
# 10 000 aliases of a 15 000-letter value: counted in bytes (150 MB expanded); of a 1 MB value: too long.
site_for yaml_alias_bytes
{ printf 'a: &a "%s"\nb:\n' "$(head -c 15000 /dev/zero | tr '\0' x)"; for i in $(seq 1 10000); do echo "  - *a"; done; } > "$SCRATCH/site/content/roadmap.yaml"
run yaml_alias_bytes 1 "content/roadmap.yaml:[0-9]+:5: ошибка: файл слишком велик: больше 16${NB}мегабайт текста"
site_for yaml_alias_1mb
{ printf 'a: &a "%s"\nb:\n' "$(head -c 1000000 /dev/zero | tr '\0' x)"; for i in $(seq 1 10000); do echo "  - *a"; done; } > "$SCRATCH/site/content/roadmap.yaml"
run yaml_alias_1mb 1 "content/roadmap.yaml:1:4: ошибка: значение длиной 1${NB}000${NB}000${NB}знаков — слишком длинное"
# 99 000 keys of one map and a repeated one: the repeat found in a hash map (was 42 s).
site_for yaml_99000_keys
{ echo 'department:'; awk 'BEGIN { for (i = 0; i < 99000; i++) printf "  k%d: 1\n", i }'; echo '  k7: 2'; } > "$SCRATCH/site/content/department.yaml"
run yaml_99000_keys 1 'content/department.yaml:99002:3: ошибка: ключ «k7» повторяется \(впервые — в строке 9\)'
# A 1 MB department name (was 140 MB of output) and a 5 000-letter one: names are at most 1 000 letters.
site_for department_name_1mb
python3 -c "import sys; p = sys.argv[1]; s = open(p).read().replace('  name: Отдел образования Тестового округа', '  name: ' + 'x' * 1000000, 1); open(p, 'w').write(s)" "$SCRATCH/site/site.yaml"
run department_name_1mb 1 "site.yaml:5:9: ошибка: значение длиной 1${NB}000${NB}000${NB}знаков — слишком длинное"
site_for department_name_5000
python3 -c "import sys; p = sys.argv[1]; s = open(p).read().replace('  name: Отдел образования Тестового округа', '  name: ' + 'Отдел' * 1000, 1); open(p, 'w').write(s)" "$SCRATCH/site/site.yaml"
run department_name_5000 1 "site.yaml:5:9: ошибка: «name»: наименование длиной 5${NB}000${NB}знаков — слишком длинное"
site_for school_name_5000
python3 -c "import sys; p = sys.argv[1]; s = open(p, encoding='utf-8').read().replace('МБОУ СОШ № 1', 'Школа' * 1000, 1); open(p, 'w', encoding='utf-8').write(s)" "$SCRATCH/site/data/schools.csv"
run school_name_5000 1 "data/schools.csv:2:[0-9]+: ошибка: значение в столбце «Краткое наименование» длиной 5${NB}000${NB}знаков — слишком длинное"
echo "ok: hostile corpus"
