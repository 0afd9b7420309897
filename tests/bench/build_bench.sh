#!/usr/bin/env bash
# Benchmark: synthesise 2,000 schools, build them, and print in one run the build time, pages,
# pages per second, peak memory and the ratio of the build time to `cp -r` of the output on the
# same disk. Usage: tests/bench/build_bench.sh path/to/sveden [schools] [runs]
set -euo pipefail
SVEDEN="$(realpath "$1")"
SCHOOLS="${2:-2000}"
RUNS="${3:-3}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sveden-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

"$SVEDEN" synth --schools "$SCHOOLS" --seed 1 --out "$WORK/site" > /dev/null
"$SVEDEN" build --site "$WORK/site" > /dev/null   # warm the page cache

now() { date +%s.%N; }
calc() { awk "BEGIN { print ($1) }"; }   # awk is on every Debian; bc is not
best_build=""; best_cp=""; peak_kb=0
for run in $(seq 1 "$RUNS"); do
  # /usr/bin/time reports peak resident memory; fall back to bash's clock if it is absent.
  t0=$(now)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$WORK/mem.txt" "$SVEDEN" build --site "$WORK/site" > "$WORK/summary.txt"
    kb=$(tail -1 "$WORK/mem.txt"); [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
  else
    "$SVEDEN" build --site "$WORK/site" > "$WORK/summary.txt"
  fi
  t1=$(now)
  rm -rf "$WORK/copy"
  t2=$(now)
  cp -r "$WORK/site/output" "$WORK/copy"
  t3=$(now)
  b=$(calc "$t1 - $t0"); c=$(calc "$t3 - $t2")
  if [ -z "$best_build" ] || [ "$(calc "$b < $best_build")" = 1 ]; then best_build=$b; fi
  if [ -z "$best_cp" ] || [ "$(calc "$c < $best_cp")" = 1 ]; then best_cp=$c; fi
done
pages=$(find "$WORK/site/output" -name '*.html' | wc -l)
files=$(find "$WORK/site/output" -type f | wc -l)
bytes=$(du -sb "$WORK/site/output" | cut -f1)
printf 'schools:            %d\n' "$SCHOOLS"
printf 'pages:              %d (files %d, %.1f MB)\n' "$pages" "$files" "$(calc "$bytes / 1048576")"
printf 'build seconds:      %.3f (best of %d)\n' "$best_build" "$RUNS"
printf 'pages per second:   %.0f\n' "$(calc "$pages / $best_build")"
if [ "$peak_kb" -gt 0 ]; then printf 'peak memory:        %.1f MB\n' "$(calc "$peak_kb / 1024")"; fi
printf 'cp -r seconds:      %.3f (best of %d)\n' "$best_cp" "$RUNS"
printf 'build / cp -r:      %.2f\n' "$(calc "$best_build / $best_cp")"
echo "sveden says: $(cat "$WORK/summary.txt")"
