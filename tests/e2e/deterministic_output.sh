# Two builds of the demo with different --jobs, --as-of equal to site.yaml and a different clock
# give byte-identical trees; so do two builds of a synthetic site.
source "$(dirname "$0")/lib.bash"
copy_demo "$SCRATCH/site"
"$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/a" --jobs 1 > /dev/null
TZ=Asia/Vladivostok "$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/b" --jobs 8 > /dev/null
[ "$(tree_sum "$SCRATCH/a")" = "$(tree_sum "$SCRATCH/b")" ] || { diff -r "$SCRATCH/a" "$SCRATCH/b" | head; fail "demo output differs between --jobs 1 and --jobs 8"; }
touch "$SCRATCH/site/data/"*.csv   # file times must not matter either
"$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/c" --jobs 3 > /dev/null
[ "$(tree_sum "$SCRATCH/a")" = "$(tree_sum "$SCRATCH/c")" ] || fail "demo output depends on file times"

"$SVEDEN" synth --schools "${SVEDEN_E2E_SCHOOLS:-300}" --seed 7 --out "$SCRATCH/synth" > /dev/null   # fewer under the sanitizers
"$SVEDEN" build --site "$SCRATCH/synth" --out "$SCRATCH/s1" --jobs 1 > /dev/null
"$SVEDEN" build --site "$SCRATCH/synth" --out "$SCRATCH/s2" --jobs 4 > /dev/null
[ "$(tree_sum "$SCRATCH/s1")" = "$(tree_sum "$SCRATCH/s2")" ] || fail "synthetic output differs between --jobs 1 and --jobs 4"
# The profiles of all schools: one report up to 100 schools, volumes of 100 beyond (reports/schools/ and
# reports/schools/tom-k/); every school's profile is in exactly one of them, and the reports page lists each.
profiles=$(find "$SCRATCH/s1/reports/schools" -mindepth 2 -maxdepth 2 -name index.html -not -path '*/tom-*' | wc -l)
volumes=$(( (profiles + 99) / 100 ))
found=$(( 1 + $(find "$SCRATCH/s1/reports/schools" -maxdepth 1 -type d -name 'tom-*' | wc -l) ))
[ "$found" = "$volumes" ] || fail "$profiles profiles in $found volumes, not $volumes"
shopt -s nullglob
all_profiles=("$SCRATCH/s1/reports/schools/index.html" "$SCRATCH/s1/reports/schools"/tom-*/index.html)
shopt -u nullglob
for f in "${all_profiles[@]}"; do
  n=$(grep -oE '<h2 id="s[0-9]+">' "$f" | wc -l)
  [ "$n" -le 100 ] || fail "$f holds $n profiles"
  [ "$volumes" = 1 ] || grep -q "<title>Профили школ и адресные рекомендации. Том${NB}[0-9]* из${NB}$volumes" "$f" || fail "$f is not titled as a volume of $volumes"
done
in_volumes=$(cat "${all_profiles[@]}" | grep -oE '<h2 id="s[0-9]+">[^<]*' | sed 's/^[^>]*>[0-9]*\. //' | sort)
[ "$(echo "$in_volumes" | wc -l)" = "$profiles" ] || fail "the volumes hold $(echo "$in_volumes" | wc -l) profiles, not $profiles"
[ "$(echo "$in_volumes" | sort -u | wc -l)" = "$(echo "$in_volumes" | wc -l)" ] || fail "a profile is in two volumes"
listed=$(grep -o "Профили школ и адресные рекомендации[^<]*" "$SCRATCH/s1/reports/index.html" | sort -u | wc -l)
[ "$listed" = "$volumes" ] || fail "the reports page lists $listed reports of all profiles, not $volumes"
"$SVEDEN" synth --schools "${SVEDEN_E2E_SCHOOLS:-300}" --seed 7 --out "$SCRATCH/synth2" > /dev/null
diff -r "$SCRATCH/synth" "$SCRATCH/synth2" > /dev/null || fail "synth is not deterministic for the same seed"
# --as-of is the only date: changing it changes the footer and nothing else.
"$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/d" --jobs 2 --as-of 2025-03-10 > /dev/null
grep -q "10${NB}марта${NB}2025${NB}г." "$SCRATCH/d/index.html" || fail "--as-of date is not shown as «10 марта 2025 г.»"
echo "ok: output is byte-identical across --jobs, file times and clocks"
