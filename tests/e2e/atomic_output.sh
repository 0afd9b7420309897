# A build that fails on input, or is killed half way, leaves the previous output exactly as it was.
source "$(dirname "$0")/lib.bash"
# 400 schools: about 7 000 pages, long enough a write to be caught half way. SVEDEN_E2E_SCHOOLS makes
# it smaller for the sanitizer run, where every build is ten times slower anyway.
"$SVEDEN" synth --schools "${SVEDEN_E2E_SCHOOLS:-400}" --seed 3 --out "$SCRATCH/site" > /dev/null
"$SVEDEN" build --site "$SCRATCH/site" --jobs 2 > /dev/null
before="$(tree_sum "$SCRATCH/site/output")"
[ -n "$before" ] || fail "first build wrote nothing"

# 1. An input error: nothing is written, the exit code is 1.
cp "$SCRATCH/site/data/oge.csv" "$SCRATCH/oge.bak"
sed -i '2s/;[0-9]*,[0-9]*;/;3,9б;/' "$SCRATCH/site/data/oge.csv"
set +e
"$SVEDEN" build --site "$SCRATCH/site" > /dev/null 2> "$SCRATCH/err.txt"
code=$?
set -e
[ "$code" = 1 ] || fail "a build with an input error must exit 1, got $code"
grep -q "не число" "$SCRATCH/err.txt" || fail "the input error is not reported"
grep -q "Прежний результат не изменён" "$SCRATCH/err.txt" || fail "the user is not told the output is intact"
[ "$(tree_sum "$SCRATCH/site/output")" = "$before" ] || fail "a failed build changed the output"
cp "$SCRATCH/oge.bak" "$SCRATCH/site/data/oge.csv"

# 2. Killed while writing: the stage folder appears, the build is killed, the output is unchanged.
sed -i 's/^as_of: .*/as_of: 2025-12-31/' "$SCRATCH/site/site.yaml"   # so a finished build would differ
for attempt in 1 2 3 4 5; do
  "$SVEDEN" build --site "$SCRATCH/site" --jobs 1 > /dev/null 2>&1 &
  pid=$!
  # Wait until the build has started writing pages into its stage folder, then kill it.
  for _ in $(seq 1 2000); do
    stage=$(find "$SCRATCH/site" -maxdepth 1 -name '.output.sveden-stage-*' | head -1)
    if [ -n "$stage" ] && [ -d "$stage/schools" ] && [ "$(find "$stage/schools" -name index.html | head -50 | wc -l)" -ge 50 ]; then break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.005
  done
  if kill -KILL "$pid" 2>/dev/null; then wait "$pid" 2>/dev/null || true; killed=1; break; fi
  wait "$pid" 2>/dev/null || true
  "$SVEDEN" build --site "$SCRATCH/site" --jobs 2 --as-of 2025-10-01 > /dev/null   # restore, try again
done
[ "${killed:-0}" = 1 ] || fail "could not catch the build while it was writing"
[ "$(tree_sum "$SCRATCH/site/output")" = "$before" ] || fail "a killed build changed the output"
# The next build cleans the killed build's stage and succeeds.
"$SVEDEN" build --site "$SCRATCH/site" > /dev/null
[ -z "$(find "$SCRATCH/site" -maxdepth 1 -name '.output.sveden-stage-*')" ] || fail "a stale stage folder was left behind"
grep -q "31${NB}декабря${NB}2025${NB}г." "$SCRATCH/site/output/index.html" || fail "the build after the kill did not replace the output"

# 3. A folder sveden did not create is never replaced.
mkdir -p "$SCRATCH/precious" && echo "keep" > "$SCRATCH/precious/thesis.docx"
set +e
"$SVEDEN" build --site "$SCRATCH/site" --out "$SCRATCH/precious" > /dev/null 2> "$SCRATCH/err2.txt"
code=$?
set -e
[ "$code" = 3 ] || fail "building into a foreign folder must exit 3, got $code"
[ "$(cat "$SCRATCH/precious/thesis.docx")" = keep ] || fail "a foreign folder was touched"
echo "ok: failed and killed builds leave the output intact"
