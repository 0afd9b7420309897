# A run stopped by a signal (Ctrl+C, kill, a closed terminal) leaves nothing behind: `check` writes nothing,
# the temporary folder of Chromium is removed, Chromium is not left running, a build's stage is
# removed and the previous output stays as it was; the exit code is 128 + the signal.
source "$(dirname "$0")/lib.bash"
export TMPDIR="$SCRATCH/tmp"
mkdir -p "$TMPDIR"
copy_demo "$SCRATCH/site"
"$SVEDEN" build --site "$SCRATCH/site" > /dev/null 2>&1 || fail "first build failed"
before="$(tree_sum "$SCRATCH/site/output")"

# Waits until the command after $2 succeeds (at most 30 s, or until pid $1 ends), then sends signal $2 to
# pid $1; returns the exit code.
interrupt_after() {
  local pid=$1 sig=$2
  shift 2
  for _ in $(seq 1 3000); do
    "$@" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill "-$sig" "$pid" 2>/dev/null || true
  wait "$pid"  # the caller has turned errexit off: the exit code is the answer
}
exists() { compgen -G "$1" > /dev/null; }                           # a glob
threads() { [ "$(ls "/proc/$1/task" 2>/dev/null | wc -l)" -gt 1 ]; }  # pid $1 runs more than one
# Waits until $2 (a glob) exists, then sends signal $3 to pid $1; returns the exit code.
interrupt_when() { interrupt_after "$1" "$3" exists "$2"; }

# 1. check, interrupted while it works (it builds in memory and writes nothing: site/check.cc), once it runs
# more than one thread (the analysis, then the pages).
"$SVEDEN" check --site "$SCRATCH/site" > /dev/null 2>&1 &
pid=$!
set +e; interrupt_after "$pid" INT threads "$pid"; code=$?; set -e
[ "$code" = 130 ] || fail "check stopped by SIGINT: exit $code, expected 130"
[ -z "$(ls -A "$TMPDIR")" ] || fail "check left $(find "$TMPDIR" -maxdepth 3) in TMPDIR"

# 2. build, terminated while it writes its stage: no stage left, the output unchanged.
sed -i 's/^as_of: .*/as_of: 2025-12-31/' "$SCRATCH/site/site.yaml"
"$SVEDEN" build --site "$SCRATCH/site" --jobs 1 > /dev/null 2>&1 &
set +e; interrupt_when $! "$SCRATCH/site/.output.sveden-stage-*/schools" TERM; code=$?; set -e
[ "$code" = 143 ] || fail "build stopped by SIGTERM: exit $code, expected 143"
[ -z "$(find "$SCRATCH/site" -maxdepth 1 -name '.output.sveden-stage-*')" ] || fail "a terminated build left its stage"
[ "$(tree_sum "$SCRATCH/site/output")" = "$before" ] || fail "a terminated build changed the output"

# 3. pdf, hung up on while Chromium prints: its profile is removed and no Chromium of ours is left.
if command -v chromium > /dev/null; then
  "$SVEDEN" pdf --site "$SCRATCH/site" > /dev/null 2>&1 &
  pid=$!
  set +e; interrupt_when "$pid" "$TMPDIR/sveden-chromium-*/*" HUP; code=$?; set -e
  [ "$code" = 129 ] || fail "pdf stopped by SIGHUP: exit $code, expected 129"
  [ -z "$(ls -A "$TMPDIR")" ] || fail "pdf left $(ls "$TMPDIR") in TMPDIR"
  sleep 0.5
  ! pgrep -f "user-data-dir=$TMPDIR/sveden-chromium" > /dev/null || fail "Chromium was left running"
fi
echo "ok: interrupted runs leave nothing behind"
