#!/usr/bin/env bash
# Benchmark: every figure of issue 17, measured in one run on this machine and printed as ratios.
#   - a full build of SCHOOLS (2,000) synthetic schools against `cp -r` of its own output on the same disk;
#   - per page against Hugo on as many comparable pages (skipped with a message when hugo is absent);
#   - peak memory; --jobs 2 against --jobs 1;
#   - a rebuild with no input change (files written, inodes kept) against load + analyse, and after
#     one CSV cell is edited, how many files are rewritten;
#   - `sveden serve` at 500 schools: from the edit of one CSV cell to the school's page showing it;
#   - with BENCH_LARGE=1: 10,000 schools against 2,000 (time and memory growth).
# Usage: tests/bench/build_bench.sh path/to/sveden [schools] [runs]
set -euo pipefail
SVEDEN="$(realpath "$1")"
SCHOOLS="${2:-2000}"
RUNS="${3:-3}"
HERE="$(cd "$(dirname "$0")" && pwd)"
# Two benches at once share the cores and the disk and measure each other: the second waits for the first
# (flock is util-linux's, on every Debian).
exec 8> "${TMPDIR:-/tmp}/sveden-bench.lock"
if ! flock -n 8; then
  echo "make bench: уже идёт другой замер (${TMPDIR:-/tmp}/sveden-bench.lock), этот ждёт его окончания" >&2
  flock 8
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sveden-bench.XXXXXX")"
SERVE_PID=""
cleanup() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ -f "$WORK/stderr.txt" ]; then tail -20 "$WORK/stderr.txt" >&3; fi
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
calc() { awk "BEGIN { print ($1) }"; }   # awk is on every Debian; bc is not
better() { [ -z "$1" ] || [ "$(calc "$2 < $1")" = 1 ]; }   # whether $2 beats the best so far, $1
min() { if better "$1" "$2"; then echo "$2"; else echo "$1"; fi; }
listed() { for r in "$@"; do printf '%.2f ' "$r"; done; }   # ratios as the lines below print them
# The median of ratios of pairs, each pair run one after the other: what build / cp -r, Hugo / sveden and
# 10,000 / 2,000 are held to (--jobs 2 / --jobs 1 has a wide margin and stays best over best). This
# machine's speed moves by a fifth in a quarter of an hour, and cp -r's by three times (1.7 to 5.7 s at 2,000
# schools in one hour), so the best of each side can come from two different states of the machine; a pair
# meets one. farm-bench reports the same (docs/PERFORMANCE.md, «7 декабря, 20:13–23:13»).
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
# Runs a command, sets LAST_SECONDS, and with /usr/bin/time LAST_KB (peak resident memory), LAST_USER and
# LAST_SYS (CPU seconds in the program and in the kernel for it); 0 without it.
LAST_SECONDS=0; LAST_KB=0; LAST_USER=0; LAST_SYS=0
# Whatever an earlier run left for the kernel to write to disk (cp -r does not sync) is written first, not
# timed: otherwise the next run pays for it, as the kernel writes it back during that run.
timed() {
  local t0 t1
  sync
  t0=$(now)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M %U %S" -o "$WORK/mem.txt" "$@"
    read -r LAST_KB LAST_USER LAST_SYS < <(tail -1 "$WORK/mem.txt")
  else
    "$@"; LAST_KB=0; LAST_USER=0; LAST_SYS=0
  fi
  t1=$(now)
  LAST_SECONDS=$(calc "$t1 - $t0")
}
# sveden's warnings about the synthetic data are not the bench's business.
exec 3>&2 2> "$WORK/stderr.txt"
# A folder made by one timed run goes out of the way before the next: moved aside into $WORK/aside, deleted
# only at the end. On ext4 without a journal the kernel, making a new inode, steps one by one over the
# inodes deleted in the last minutes (up to six), so a run just after an rm -rf of 80,000 files and folders
# pays for that rm: 20 s of system time for cp -r at 2,000 schools in the worst hour, against 3 s
# (docs/PERFORMANCE.md, «Ядро»). That is the kernel's, not the build's nor cp's. Where the disk has no
# room for what is set aside (BENCH_ASIDE_GB, 30), it is deleted at once, as before; on ext4 without a
# journal a line of the report says which was done.
ASIDE_ROOM=$(( $(df -Pk "$WORK" | awk 'NR == 2 { print $4 }') / 1048576 ))
aside() {  # folder
  [ -e "$1" ] || return 0
  if [ "$ASIDE_ROOM" -ge "${BENCH_ASIDE_GB:-30}" ]; then
    mkdir -p "$WORK/aside"
    mv "$1" "$(mktemp -d "$WORK/aside/XXXXXX")/"
  else
    rm -rf "$1"
  fi
}
# A full build: the previous output is set aside first (not timed), so nothing is carried over.
full_build() {  # site jobs
  aside "$1/output"
  timed "$SVEDEN" build --site "$1" --jobs "$2" > "$WORK/summary.txt"
}
# The seconds of a stage printed by `build --verbose` («  name   1,23 с  45 %»).
stage_seconds() {  # file name-prefix
  grep -F "  $2" "$1" | head -1 | sed -E 's/^ +.{0,80}[^0-9]([0-9 ]+,[0-9]+).с.*$/\1/; s/ //g; s/,/./' | awk '{print $1+0}'
}

"$SVEDEN" synth --schools "$SCHOOLS" --seed 1 --out "$WORK/site" > /dev/null
"$SVEDEN" build --site "$WORK/site" > /dev/null   # warm the page cache

# 1. A full build against cp -r of its output, with --jobs 2 and --jobs 1.
best_build=""; best_cp=""; best_j1=""; peak_kb=0; rounds=""
for run in $(seq 1 "$RUNS"); do
  full_build "$WORK/site" 2
  round_build=$LAST_SECONDS
  if better "$best_build" "$LAST_SECONDS"; then build_user=$LAST_USER; build_sys=$LAST_SYS; fi
  best_build=$(min "$best_build" "$LAST_SECONDS")
  [ "$LAST_KB" -gt "$peak_kb" ] && peak_kb=$LAST_KB
  # The copy of that build's output, right after it.
  aside "$WORK/copy"
  timed cp -r "$WORK/site/output" "$WORK/copy"
  if better "$best_cp" "$LAST_SECONDS"; then cp_sys=$LAST_SYS; fi
  best_cp=$(min "$best_cp" "$LAST_SECONDS")
  rounds="$rounds $(calc "$round_build / $LAST_SECONDS")"
  full_build "$WORK/site" 1
  best_j1=$(min "$best_j1" "$LAST_SECONDS")
done
aside "$WORK/copy"
full_build "$WORK/site" 2
pages=$(find "$WORK/site/output" -name '*.html' | wc -l)
files=$(find "$WORK/site/output" -type f | wc -l)
bytes=$(du -sb "$WORK/site/output" | cut -f1)
html_bytes=$(find "$WORK/site/output" -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { print s }')
page_kb=$(calc "$html_bytes / $pages / 1024")
printf 'schools:                 %d\n' "$SCHOOLS"
printf 'pages:                   %d (files %d, %.1f MB, %.1f KB per page)\n' "$pages" "$files" "$(calc "$bytes / 1048576")" "$page_kb"
printf 'build seconds:           %.3f (--jobs 2, best of %d), %.2f ms per page\n' "$best_build" "$RUNS" "$(calc "1000 * $best_build / $pages")"
printf 'build CPU:               user %.1f s, system %.1f s (that run)\n' "$build_user" "$build_sys"
printf 'cp -r seconds:           %.3f (best of %d; system %.1f s; cp leaves the writing to disk to the kernel, the build waits for it)\n' "$best_cp" "$RUNS" "$cp_sys"
dev=$(basename "$(findmnt -no SOURCE -T "$WORK" 2>/dev/null || true)" 2>/dev/null || true)
if [ -n "$dev" ] && [ "$(cat "/sys/fs/ext4/$dev/journal_task" 2>/dev/null || true)" = "<none>" ]; then
  if [ "$ASIDE_ROOM" -ge "${BENCH_ASIDE_GB:-30}" ]; then
    echo "file system:             ext4 without a journal; earlier runs' folders were set aside, not deleted, between runs"
  else
    echo "file system:             ext4 without a journal and under ${BENCH_ASIDE_GB:-30} GB free: folders deleted between runs, so every run pays for the inodes deleted before it (system time above)"
  fi
fi
printf 'build / cp -r:           %.2f   (median of the %d rounds, each a build and the copy of its output; target ≤ 3)\n' "$(median $rounds)" "$RUNS"
printf 'build / cp -r by round:  %s(how far the machine moved)\n' "$(listed $rounds)"
printf 'best / best:             %.2f   (the best build over the best cp -r, which may come from different rounds)\n' "$(calc "$best_build / $best_cp")"
if [ "$peak_kb" -gt 0 ]; then printf 'peak memory:             %.1f MB   (target ≤ 300)\n' "$(calc "$peak_kb / 1024")"; fi
printf 'jobs 1 seconds:          %.3f (best of %d)\n' "$best_j1" "$RUNS"
printf 'jobs 2 / jobs 1:         %.2f   (target < 1)\n' "$(calc "$best_build / $best_j1")"

# 2. Hugo on as many pages of about the same size.
if command -v hugo > /dev/null; then
  # Pages of the same weight as sveden's: the body that gives it, found on 50 pages (the layout's own bytes
  # and what Markdown adds are Hugo's), twice, as the weight is nearly proportional to the body.
  page_bytes=$(calc "$html_bytes / $pages"); body=$(calc "int($page_bytes)")
  for trial in 1 2; do
    rm -rf "$WORK/hugo-trial"
    bash "$HERE/hugo_site.sh" "$WORK/hugo-trial" 50 "$body"
    hugo --quiet --source "$WORK/hugo-trial" --destination "$WORK/hugo-trial/public" > /dev/null
    trial_bytes=$(find "$WORK/hugo-trial/public/p" -mindepth 2 -name '*.html' -printf '%s\n' | awk '{ s += $1; n++ } END { print s / n }')
    body=$(calc "int($body * $page_bytes / $trial_bytes)")
  done
  rm -rf "$WORK/hugo-trial"
  bash "$HERE/hugo_site.sh" "$WORK/hugo" "$pages" "$body"
  # In turn with sveden's builds, pair by pair, so that both meet the same state of the machine.
  best_hugo=""; hugo_kb=0; best_paired=""; hugo_pairs=""
  for run in $(seq 1 "$RUNS"); do
    full_build "$WORK/site" 2
    paired=$LAST_SECONDS
    best_paired=$(min "$best_paired" "$LAST_SECONDS")
    aside "$WORK/hugo/public"
    timed hugo --quiet --source "$WORK/hugo" --destination "$WORK/hugo/public"
    best_hugo=$(min "$best_hugo" "$LAST_SECONDS")
    [ "$LAST_KB" -gt "$hugo_kb" ] && hugo_kb=$LAST_KB
    hugo_pairs="$hugo_pairs $(calc "$LAST_SECONDS / $paired")"
  done
  hugo_pages=$(find "$WORK/hugo/public" -name '*.html' | wc -l)
  hugo_bytes=$(find "$WORK/hugo/public" -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { print s }')
  printf 'hugo:                    %s, %d pages of %.1f KB: %.3f s, %.2f ms per page, peak %.1f MB\n' "$(hugo version | cut -d' ' -f2)" \
    "$hugo_pages" "$(calc "$hugo_bytes / $hugo_pages / 1024")" "$best_hugo" "$(calc "1000 * $best_hugo / $hugo_pages")" "$(calc "$hugo_kb / 1024")"
  printf 'sveden in turn with it:  %.3f s (best of %d), %.2f ms per page\n' "$best_paired" "$RUNS" "$(calc "1000 * $best_paired / $pages")"
  per_page=""; for r in $hugo_pairs; do per_page="$per_page $(calc "$r * $pages / $hugo_pages")"; done
  printf 'hugo / sveden per page:  %.2f   (median of the %d pairs; target ≥ 3)\n' "$(median $per_page)" "$RUNS"
  printf 'hugo / sveden by pair:   %s(Hugo has %d pages for sveden'"'"'s %d)\n' "$(listed $per_page)" "$hugo_pages" "$pages"
  printf 'best / best:             %.2f   (the best Hugo over the best sveden of these pairs)\n' "$(calc "($best_hugo / $hugo_pages) / ($best_paired / $pages)")"
  aside "$WORK/hugo"
else
  echo "hugo:                    пропущено: hugo не установлен (apt-get install hugo, он в TEST_PACKAGES)"
fi

# 3. A rebuild with no input change, then one after one CSV cell is edited.
find "$WORK/site/output" -type f -printf '%P %i %T@\n' | sort > "$WORK/before.txt"
best_again=""; load_analyse=""
for run in $(seq 1 "$RUNS"); do
  timed "$SVEDEN" build --site "$WORK/site" --jobs 2 --verbose > "$WORK/again.txt"
  best_again=$(min "$best_again" "$LAST_SECONDS")
  la=$(calc "$(stage_seconds "$WORK/again.txt" "загрузка") + $(stage_seconds "$WORK/again.txt" "анализ")")
  load_analyse=$(min "$load_analyse" "$la")
done
find "$WORK/site/output" -type f -printf '%P %i %T@\n' | sort > "$WORK/after.txt"
kept=$(comm -12 "$WORK/before.txt" "$WORK/after.txt" | wc -l)
printf 'no-change rebuild:       %.3f s; %d of %d files kept (same path, inode, mtime)\n' "$best_again" "$kept" "$files"
printf 'rebuild / load+analyse:  %.2f   (load + analyse %.3f s; target ≤ 1.5)\n' "$(calc "$best_again / $load_analyse")" "$load_analyse"
# One cell of one school's row: the number of pupils of the first school in contingent.csv.
csv="$WORK/site/data/contingent.csv"
if [ -f "$csv" ]; then
  awk -F';' 'NR == 2 { $3 = $3 + 1 } { print }' OFS=';' "$csv" > "$WORK/edited.csv" && cp "$WORK/edited.csv" "$csv"
  timed "$SVEDEN" build --site "$WORK/site" --jobs 2 > "$WORK/edit.txt"
  changed=$(grep -E '^(Изменил|Ни один файл)' "$WORK/edit.txt" | head -1 | cut -d';' -f1 | cut -d':' -f1 || true)
  printf 'one CSV cell edited:     %.3f s; %s\n' "$LAST_SECONDS" "${changed:-(сводка не назвала изменившиеся файлы)}"
fi

# 4. sveden serve at 500 schools: from the edit of one CSV cell (the first school's pupils in its latest
# year, printed on its home page) to that page, as the browser gets it, showing the new figure.
"$SVEDEN" synth --schools 500 --seed 2 --out "$WORK/serve" > /dev/null
port=$(( 20000 + RANDOM % 20000 ))
"$SVEDEN" serve --site "$WORK/serve" --port "$port" > "$WORK/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 600); do grep -q "открыт для просмотра" "$WORK/serve.log" 2>/dev/null && break; sleep 0.1; done
page() {  # the page without the preview's reload script (its version changes with every build); bash's /dev/tcp
  exec 5<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\n\r\n' "$1" "$port" >&5
  sed 's|<script>(function(){var v=[^<]*</script>||' <&5
  exec 5<&-
}
csv="$WORK/serve/data/contingent.csv"
slug=$(awk -F';' 'NR > 1 && $2 ~ /^[0-9]+$/ { print $12; exit }' "$WORK/serve/output/opendata/organisations.csv" | sed -E 's|.*/schools/([^/]+)/.*|\1|')
school=$(awk -F';' 'NR > 1 && $2 ~ /^[0-9]+$/ { print $2; exit }' "$WORK/serve/output/opendata/organisations.csv")
if [ -f "$csv" ] && [ -n "$slug" ] && grep -q "открыт для просмотра" "$WORK/serve.log"; then
  before=$(page "/schools/$slug/")
  builds=$(grep -c "^Готово" "$WORK/serve.log")
  latest=$(awk -F';' -v id="$school" '$1 == id && $2 > y { y = $2 } END { print y }' "$csv")
  awk -F';' -v id="$school" -v y="$latest" '$1 == id && $2 == y { $3 = $3 + 100 } { print }' OFS=';' "$csv" > "$WORK/edited.csv"
  t0=$(now); cp "$WORK/edited.csv" "$csv"
  shown=0
  for _ in $(seq 1 3000); do
    [ "$(page "/schools/$slug/")" != "$before" ] && { shown=1; break; }
    sleep 0.02
  done
  t1=$(now)
  if [ "$shown" = 1 ]; then
    printf 'serve, 500 schools:      %.2f s from a CSV edit to the school page showing it   (target ≤ 1)\n' "$(calc "$t1 - $t0")"
  else
    echo "serve, 500 schools:      страница школы не изменилась за 60 с после правки"
  fi
  # The build goes on writing the output folder: its summary comes when it is done.
  for _ in $(seq 1 6000); do [ "$(grep -c "^Готово" "$WORK/serve.log")" -gt "$builds" ] && break; sleep 0.05; done
  printf 'serve, 500 schools:      %.2f s from the edit to the output folder rewritten\n' "$(calc "$(now) - $t0")"
else
  echo "serve, 500 schools:      не измерено: sveden serve не начал показ"
fi
kill "$SERVE_PID" 2>/dev/null; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=""
aside "$WORK/serve"

# 5. Linear growth (long: BENCH_LARGE=1).
if [ "${BENCH_LARGE:-0}" = 1 ]; then
  "$SVEDEN" synth --schools 10000 --seed 1 --out "$WORK/large" > /dev/null
  # 10,000 schools and 2,000 in turn, run after run, pair by pair: both then meet the same hour of the
  # machine and the same fullness of the disk. Section 1's runs were a quarter of an hour earlier, with some
  # 20 GB less set aside on the disk; this machine's speed changes from one quarter of an hour to the next by
  # a fifth (docs/PERFORMANCE.md), so a ratio of runs that far apart measured the hour as much as the build.
  # As many pairs as the 2,000 schools had runs, or as the disk has room for (10 GB a pair: each output is
  # set aside as the others are).
  room=$(( $(df -Pk "$WORK" | awk 'NR == 2 { print $4 }') / 1048576 ))
  large_runs=$(( room / 10 < RUNS ? room / 10 : RUNS )); [ "$large_runs" -ge 1 ] || large_runs=1
  used_before=$(df -P "$WORK" | awk 'NR == 2 { print $5 }')
  best_large=""; best_small=""; large_kb=0; pairs=""
  for run in $(seq 1 "$large_runs"); do
    full_build "$WORK/large" 2
    best_large=$(min "$best_large" "$LAST_SECONDS")
    [ "$LAST_KB" -gt "$large_kb" ] && large_kb=$LAST_KB
    large_seconds=$LAST_SECONDS
    full_build "$WORK/site" 2
    best_small=$(min "$best_small" "$LAST_SECONDS")
    pairs="$pairs $(calc "$large_seconds / $LAST_SECONDS")"
  done
  used_after=$(df -P "$WORK" | awk 'NR == 2 { print $5 }')
  printf '10,000 schools:          %.1f s (best of %d), peak %.1f MB\n' "$best_large" "$large_runs" "$(calc "$large_kb / 1024")"
  printf '2,000 in turn with them: %.3f s (best of %d; disk %s → %s full over these runs)\n' "$best_small" "$large_runs" "$used_before" "$used_after"
  printf '10,000 / 2,000 time:     %.2f   (median of the %d pairs; target ≤ 5.5; memory target < 1 GB)\n' "$(median $pairs)" "$large_runs"
  # Each pair's own ratio, in the order run: how far the machine moved while they ran.
  printf '10,000 / 2,000 by pair:  %s\n' "$(listed $pairs)"
  printf 'best / best:             %.2f   (the best 10,000 over the best 2,000 in turn with them)\n' "$(calc "$best_large / $best_small")"
  printf '10,000 / section 1:      %.2f   (against the best 2,000 run of section 1, as this bench measured before)\n' "$(calc "$best_large / $best_build")"
  aside "$WORK/large"
else
  echo "10,000 / 2,000:          пропущено (долго): BENCH_LARGE=1 make bench"
fi
echo "sveden says: $(head -1 "$WORK/summary.txt")"
