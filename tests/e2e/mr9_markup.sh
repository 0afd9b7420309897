# The second opinion on the «Сведения…» markup: tests/mr9/check.mjs applies the МР v9 tables
# (tests/mr9/ruleset.json, written from OPENNESS.md and the public ftfour/sveden-checker ruleset, not
# from vocab/sveden.yaml) to every school site of the demo, as the robot of АИС «Мониторинг» would.
# Its self-test runs first, so a checker that finds nothing on a broken fixture fails here too.
source "$(dirname "$0")/lib.bash"
command -v node >/dev/null || fail "нет node: запустите make test (он ставит nodejs и npm)"
[ -f "$REPO/tests/tools/node_modules/parse5/package.json" ] ||
  fail "нет parse5 в tests/tools/node_modules: запустите make test, а если node_modules уже есть — npm ci --prefix tests/tools"

node "$REPO/tests/mr9/self_test.mjs" || fail "самопроверка tests/mr9/check.mjs не прошла"

"$SVEDEN" build --site "$REPO" --out "$SCRATCH/out" >"$SCRATCH/build.log" 2>&1 || { cat "$SCRATCH/build.log" >&2; fail "демо не собралось"; }
sites=()
for dir in "$SCRATCH/out"/schools/*/; do
  [ -d "$dir/sveden" ] && sites+=("${dir%/}")
done
[ "${#sites[@]}" -ge 10 ] || fail "слишком мало сайтов школ: ${#sites[@]}"
if ! node "$REPO/tests/mr9/check.mjs" --summary "${sites[@]}" >"$SCRATCH/mr9.txt" 2>&1; then
  sed "s|$SCRATCH/out/||" "$SCRATCH/mr9.txt" >&2
  fail "разметка демо не соответствует МР v9 (независимая проверка tests/mr9)"
fi
echo "ok: ${#sites[@]} сайтов школ без замечаний по МР v9 (независимая проверка)"
