# A rebuild whose inputs, program and options are those of the build that published the output keeps
# that output without rendering (site/build_key.h): same files, same inodes, same summary, in about the
# time of loading and analysing. Anything that could make the output differ makes it render again: an
# input file touched, an output file removed or edited (even with its time put back), another date,
# another program. The record it trusts lives beside the output, never in what is published.
source "$(dirname "$0")/lib.bash"
copy_demo "$SCRATCH/site"
site="$SCRATCH/site"
out="$site/output"
ids() { (cd "$1" && find . -printf '%P %i %T@ %s\n' | sort); }
renders() { grep -q "страницы и файлы во временную папку" "$1"; }
reused() { grep -q "сверка с прежней сборкой: всё как было" "$1" && ! renders "$1"; }
summary() { grep -E "^(Готово|Ни один|Изменил|Отчёты|Проверка опубликованного)" "$1" | sed -E 's/ за [0-9 ,]+.с / за … /'; }

"$SVEDEN" build --site "$site" --jobs 2 --verbose > "$SCRATCH/first.log" 2>&1
renders "$SCRATCH/first.log" || fail "the first build did not render"
ids "$out" > "$SCRATCH/first.ids"
sums_first="$(tree_sum "$out")"
[ -f "$site/.output.sveden-state" ] || fail "no record beside the output"
[ -z "$(find "$out" -name '*sveden-state*')" ] || fail "the record is inside the published output"

# 1. Nothing changed: nothing rendered, nothing touched, the same summary and the same warnings.
"$SVEDEN" build --site "$site" --jobs 2 --verbose > "$SCRATCH/again.log" 2>&1
reused "$SCRATCH/again.log" || { cat "$SCRATCH/again.log"; fail "a rebuild without changes rendered"; }
ids "$out" > "$SCRATCH/again.ids"
diff "$SCRATCH/first.ids" "$SCRATCH/again.ids" > /dev/null || fail "a rebuild without changes touched the output"
[ "$(summary "$SCRATCH/again.log" | head -1)" = "$(summary "$SCRATCH/first.log" | head -1)" ] ||
  fail "the summary of the kept output differs: $(summary "$SCRATCH/again.log" | head -1)"
grep -q "^Ни один файл не изменился" "$SCRATCH/again.log" || fail "the summary does not say that no file changed"
diff <(grep -E "предупреждение|ошибка" "$SCRATCH/first.log") <(grep -E "предупреждение|ошибка" "$SCRATCH/again.log") > /dev/null ||
  fail "the kept build's warnings differ from the first build's"

# 2. An output file removed, or edited with its size and time put back: rendered again, and restored.
rm "$out/index.html"
"$SVEDEN" build --site "$site" --jobs 2 --verbose > "$SCRATCH/removed.log" 2>&1
renders "$SCRATCH/removed.log" || fail "a removed output file did not make the build render"
[ "$(tree_sum "$out")" = "$sums_first" ] || fail "the output was not restored after a file was removed from it"
page="$out/schools/$(ls "$out/schools" | grep -v '\.' | head -1)/index.html"
cp -p "$page" "$SCRATCH/page.html"
sed -i '0,/<title>/s//<title>X/' "$page"; truncate -s "$(stat -c %s "$SCRATCH/page.html")" "$page"; touch -r "$SCRATCH/page.html" "$page"
cmp -s "$page" "$SCRATCH/page.html" && fail "the test did not edit the page"
"$SVEDEN" build --site "$site" --jobs 2 --verbose > "$SCRATCH/edited.log" 2>&1
renders "$SCRATCH/edited.log" || fail "an output file edited in place (same size and time) did not make the build render"
[ "$(tree_sum "$out")" = "$sums_first" ] || fail "the output was not restored after a file was edited in it"

# 3. An input file touched (same bytes): rendered again, and no file rewritten.
ids "$out" > "$SCRATCH/before-touch.ids"
touch "$site/data/contingent.csv"
"$SVEDEN" build --site "$site" --jobs 2 --verbose > "$SCRATCH/touched.log" 2>&1
renders "$SCRATCH/touched.log" || fail "a touched input file did not make the build render"
ids "$out" > "$SCRATCH/touched.ids"
diff "$SCRATCH/before-touch.ids" "$SCRATCH/touched.ids" > /dev/null || fail "rendering the same bytes rewrote files"
# A new file anywhere in the site folder is a change too (a document, a theme file).
echo "x" > "$site/documents/new-note.txt"
"$SVEDEN" build --site "$site" --jobs 2 --verbose > "$SCRATCH/added.log" 2>&1
renders "$SCRATCH/added.log" || fail "a file added to the site folder did not make the build render"
rm "$site/documents/new-note.txt"

# 4. Another as-of date, then another program with that same date: each renders; the same program and date
# again renders nothing.
"$SVEDEN" build --site "$site" --jobs 2 --as-of 2025-10-02 --verbose > "$SCRATCH/date.log" 2>&1 || true
renders "$SCRATCH/date.log" || fail "another as-of date did not make the build render"
cp "$SVEDEN" "$SCRATCH/sveden-copy"
"$SCRATCH/sveden-copy" build --site "$site" --jobs 2 --as-of 2025-10-02 --verbose > "$SCRATCH/program.log" 2>&1 || true
renders "$SCRATCH/program.log" || fail "another sveden program did not make the build render"
"$SCRATCH/sveden-copy" build --site "$site" --jobs 2 --as-of 2025-10-02 --verbose > "$SCRATCH/program-again.log" 2>&1 || true
reused "$SCRATCH/program-again.log" || fail "the same program and date twice rendered twice"
"$SVEDEN" build --site "$site" --jobs 2 > /dev/null 2>&1
[ "$(tree_sum "$out")" = "$sums_first" ] || fail "the output after all this differs from the first build's"

# 5. A failed build (an input error) leaves the output and its record: fixing the input gives the kept output back.
cp "$site/site.yaml" "$SCRATCH/site.yaml"
printf 'years: [\n' >> "$site/site.yaml"
"$SVEDEN" build --site "$site" --jobs 2 > /dev/null 2>&1 && fail "a broken site.yaml built"
cp -p "$SCRATCH/site.yaml" "$site/site.yaml"
"$SVEDEN" build --site "$site" --jobs 2 --verbose > "$SCRATCH/fixed.log" 2>&1
[ "$(tree_sum "$out")" = "$sums_first" ] || fail "the output after a failed build differs"
echo "ok: a rebuild without changes keeps the output unrendered; removed, edited or touched files, a new date or program render again"
