# A rebuild with no input change (a file touched, its bytes the same) writes no file: every file of the output keeps its inode and mtime,
# so `rsync` uploads nothing. After one cell of one school's row changes, the files rewritten are
# exactly those whose bytes changed; every other file is the previous one. The output stays the
# same as a build into an empty folder.
source "$(dirname "$0")/lib.bash"
copy_demo "$SCRATCH/site"
out="$SCRATCH/site/output"
ids() { (cd "$1" && find . -type f -printf '%P %i %T@\n' | sort); }
"$SVEDEN" build --site "$SCRATCH/site" --jobs 2 > /dev/null 2>&1
ids "$out" > "$SCRATCH/first.txt"
sums_first="$(tree_sum "$out")"
# Touched, not changed: the build renders every page again (a build with nothing touched would keep the
# output without rendering: tests/e2e/reused_output.sh) and must find every file the same.
touch "$SCRATCH/site/data/contingent.csv"
"$SVEDEN" build --site "$SCRATCH/site" --jobs 2 --verbose > "$SCRATCH/again.log" 2>&1
grep -q "страницы и файлы во временную папку" "$SCRATCH/again.log" || fail "the rebuild after a touched input did not render"
ids "$out" > "$SCRATCH/again.txt"
diff "$SCRATCH/first.txt" "$SCRATCH/again.txt" > /dev/null || { diff "$SCRATCH/first.txt" "$SCRATCH/again.txt" | head; fail "a rebuild without changes rewrote files"; }
grep -q "^Ни один файл не изменился" "$SCRATCH/again.log" || { cat "$SCRATCH/again.log"; fail "the summary does not say that no file changed"; }

# One cell: the number of pupils in the first row of data/contingent.csv (Windows-1251: bytes as they are).
LC_ALL=C awk -F';' 'NR == 2 { $3 = $3 + 1 } { print }' OFS=';' "$SCRATCH/site/data/contingent.csv" > "$SCRATCH/edited.csv"
cp "$SCRATCH/edited.csv" "$SCRATCH/site/data/contingent.csv"
"$SVEDEN" build --site "$SCRATCH/site" --jobs 2 > "$SCRATCH/edit.log" 2>&1
ids "$out" > "$SCRATCH/edit.txt"
sums_edit="$(tree_sum "$out")"
# Files whose bytes changed (or are new) must be new files; all others must be the previous files.
changed=$(comm -13 <(echo "$sums_first" | sort) <(echo "$sums_edit" | sort) | awk '{ print $2 }' | sed 's|^\./||' | sort)
rewritten=$(comm -13 "$SCRATCH/first.txt" "$SCRATCH/edit.txt" | cut -d' ' -f1 | sort)
[ -n "$changed" ] || fail "editing a cell of data/contingent.csv changed no file"
[ "$changed" = "$rewritten" ] || { diff <(echo "$changed") <(echo "$rewritten") | head; fail "the files rewritten are not exactly the files whose bytes changed"; }
total=$(wc -l < "$SCRATCH/edit.txt")
[ "$(echo "$rewritten" | wc -l)" -lt "$total" ] || fail "every file was rewritten"
n=$(echo "$rewritten" | wc -l)
grep -qE "^Изменил(ся|ись) $n${NB}файл" "$SCRATCH/edit.log" || { cat "$SCRATCH/edit.log"; fail "the summary does not say that $n files changed"; }
# Carried over or not, the output is the one a build into an empty folder gives.
"$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/fresh" --jobs 1 > /dev/null 2>&1
[ "$(tree_sum "$SCRATCH/fresh")" = "$sums_edit" ] || fail "the rebuilt output differs from a build into an empty folder"
echo "ok: a rebuild without changes writes no file; after one edited cell only the $n changed files of $total are written"
