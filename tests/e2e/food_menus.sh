# The /food folder of the demo: menus published under their exact names at each school site's root,
# the same bytes on every build, and the warning for a school with primary education and no menu
# for the as-of school day, in build and in check.
source "$(dirname "$0")/lib.bash"
copy_demo "$SCRATCH/site"
"$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/a" --jobs 1 > /dev/null 2> "$SCRATCH/a.err"
TZ=Asia/Vladivostok "$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/b" --jobs 4 > /dev/null 2> "$SCRATCH/b.err"
FOOD="$SCRATCH/a/schools/sosh-1/food"
for f in 2025-09-29-sm.xlsx 2025-10-01-sm.xlsx 2025-10-03-sm.xlsx tm2025-sm.xlsx index.html; do
  [ -f "$FOOD/$f" ] || fail "schools/sosh-1/food/$f is not published"
done
[ "$(head -c 4 "$FOOD/2025-10-01-sm.xlsx" | od -An -c | tr -d ' ')" = 'PK003004' ] || fail "the menu is not a ZIP (XLSX)"
[ "$(tree_sum "$SCRATCH/a/schools/sosh-1/food")" = "$(cd "$SCRATCH/b/schools/sosh-1/food" && find . -type f -print0 | sort -z | xargs -0 sha256sum)" ] \
  || fail "the menus differ between two builds"
cmp -s "$FOOD/2025-10-01-sm.xlsx" "$SCRATCH/b/schools/sosh-1/food/2025-10-01-sm.xlsx" || fail "the menu workbook differs between builds"
grep -q 'href="../../food/2025-10-01-sm.xlsx"' "$SCRATCH/a/schools/sosh-1/sveden/catering/index.html" || fail "catering does not link the menu of the day"
grep -q 'href="2025-10-01-sm.xlsx"' "$FOOD/index.html" || fail "the folder's page does not link the menu by its name"
# Берёзовская СОШ has menus for 29 and 30 September only; СОШ № 2 has none.
WARN="^documents/5408/food: предупреждение: МБОУ «Берёзовская СОШ» (5408): нет меню на 1${NB}октября${NB}2025${NB}г. — на сайте школы нет файла food/2025-10-01-sm.xlsx$"
grep -q "$WARN" "$SCRATCH/a.err" || fail "build: no warning of the missing menu: $(grep food "$SCRATCH/a.err" | head -3)"
"$SVEDEN" check --site "$SCRATCH/site" > /dev/null 2> "$SCRATCH/check.err" || fail "check of the demo failed"
grep -q "$WARN" "$SCRATCH/check.err" || fail "check: no warning of the missing menu"
grep -q "^documents/5402/food: предупреждение: МБОУ СОШ № 2 (5402): нет ни одного меню ежедневного горячего питания" "$SCRATCH/check.err" \
  || fail "check: no warning for a school without menus"
# A Saturday is no school day.
"$SVEDEN" check --site "$SCRATCH/site" --as-of 2025-10-04 > /dev/null 2> "$SCRATCH/sat.err" || fail "check on a Saturday failed"
! grep -q "/food:" "$SCRATCH/sat.err" || fail "a menu is asked for on a Saturday"
# A renamed CSV in a school's food folder stops the build with its name.
printf 'Блюдо;Выход\nКаша;200\n' > "$SCRATCH/site/documents/5402/food-tmp.csv"
mkdir -p "$SCRATCH/site/documents/5402/food" && mv "$SCRATCH/site/documents/5402/food-tmp.csv" "$SCRATCH/site/documents/5402/food/2025-10-01-sm.xlsx"
set +e
"$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/c" > /dev/null 2> "$SCRATCH/c.err"
code=$?
set -e
[ "$code" = 1 ] || fail "a renamed CSV in food/ did not stop the build (exit $code)"
grep -q "/documents/5402/food/2025-10-01-sm.xlsx: ошибка: это текст (например, CSV или веб-страница), а не книга Excel$" "$SCRATCH/c.err" \
  || fail "renamed CSV: $(cat "$SCRATCH/c.err" | head -3)"
echo "ok: menus of /food published, identical across builds, missing menus warned of"
