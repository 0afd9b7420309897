# A hidden figure cannot be recovered, wherever it would be printed: the same site built twice, where
# only the values behind hidden figures differ (tests/privacy/perturb.mjs: who of a small grade 9 went
# on to grade 10, the teachers of pension age of a small staff, the marks, the number below the minimum
# and the mean score of a small exam group; the group sizes stay), gives byte-identical output — every
# file, pages, charts, reports, PDF-ready report pages, opendata/ and the audit page. A leak anywhere
# (a count beside a hidden share, a municipal total that includes a hidden school, a chart) makes the
# two outputs differ.
#
# Olympiad participants change only where every share they enter is hidden (a school of fewer than
# min_group students); neither site has such a school, so none change here.
#
# Verdicts (docs/CRITERIA.md §4): a rule decides on a hidden value, and the verdict — a side of a threshold,
# never the value — is published. So, by default, the values are changed WITHIN the same verdicts: a
# round perturbs every school, tests/privacy/verdict_diff.mjs names the school-years whose decisions
# (group verdicts, rule verdicts, risk levels) moved, and the next round changes the data of those years
# (and of the two before, which the rules of a year may look at) the other way, or, if they moved that
# way too, leaves them as they were, until no decision moves; then the two outputs must be byte-identical. With the stricter setting
# (privacy.verdicts_on_hidden: withhold) no verdict rests on a hidden value, so the values are changed
# freely, in one round, and the outputs must be byte-identical too.
#
# The positive control: the same two inputs with privacy.min_group 1, where nothing is hidden, must
# give different outputs; otherwise the perturbation changed nothing and the first check proved nothing.
# On the demo and on a synthetic site of 300 schools (SVEDEN_E2E_SCHOOLS: fewer under the sanitizers);
# the control runs on the demo only, as its two more builds of the synthetic site would double the time
# and perturb.mjs already says how many values it changed there (in columns named otherwise than the demo's).
source "$(dirname "$0")/lib.bash"
command -v node >/dev/null || fail "нет node: запустите make test (он ставит nodejs и npm)"
AS_OF=2025-10-01

build() {  # site folder, output folder
  "$SVEDEN" build --site "$1" --out "$2" --jobs 2 --as-of "$AS_OF" >"$SCRATCH/build.log" 2>&1 ||
    { cat "$SCRATCH/build.log" >&2; fail "сайт $1 не собрался"; }
}

# Perturbs a copy of site $1 (label $2) and checks that nothing shows; $3 lists the tables that must have
# had values to change, so that the check is not empty; $4: `within` (the same verdicts, by rounds) or
# `free`; with $5 = control, the positive control too.
check_site() {
  local site="$1" label="$2" tables="$3" mode="$4" control="${5:-}" work="$SCRATCH/$2"
  mkdir -p "$work"
  rm -rf "$work/original" && cp -r "$site" "$work/original"
  build "$work/original" "$work/a"
  : >"$work/counts.txt"
  local kept=0 families=all
  # Within the same verdicts, the tables of persons and of exams are changed apart: a school-year whose
  # exam results move a verdict may still have its staff changed, and the other way round.
  [ "$mode" = within ] && families="contingent.csv,staff.csv,olympiad.csv oge.csv,ege.csv,vpr.csv"
  for family in $families; do
    [ "$family" = all ] && family=""
    : >"$work/keep.txt"
    : >"$work/flip.txt"
    local round=0
    while :; do
      round=$((round + 1))
      rm -rf "$work/perturbed" "$work/b" && cp -r "$site" "$work/perturbed"
      node "$REPO/tests/privacy/perturb.mjs" "$work/perturbed" 10 "$work/keep.txt" "$work/flip.txt" "$family" >"$work/perturb.txt" ||
        fail "$label: perturb.mjs не сработал"
      build "$work/perturbed" "$work/b"
      [ "$mode" = within ] || break
      node "$REPO/tests/privacy/verdict_diff.mjs" "$work/a" "$work/b" >"$work/moved.txt"
      [ -s "$work/moved.txt" ] || break
      [ "$round" -lt 8 ] || { cat "$work/moved.txt" >&2; fail "$label: решения меняются и через $round кругов"; }
      # Moved for the first time: changed the other way next round; moved again: left as it was.
      comm -12 <(sort -u "$work/moved.txt") <(sort -u "$work/flip.txt") | sort -u - "$work/keep.txt" -o "$work/keep.txt"
      sort -u "$work/flip.txt" "$work/moved.txt" -o "$work/flip.txt"
    done
    if [ "$(tree_sum "$work/a")" != "$(tree_sum "$work/b")" ]; then
      diff -r "$work/a" "$work/b" >"$work/diff.txt" || true
      head -20 "$work/diff.txt" >&2
      fail "$label: скрытые значения малых групп видны в результате ($(diff -rq "$work/a" "$work/b" | wc -l) файлов различаются)"
    fi
    cat "$work/perturb.txt" >>"$work/counts.txt"
    kept=$((kept + $(wc -l <"$work/keep.txt")))
  done
  for t in $tables; do
    n="$(sed -n "s/^$t: //p" "$work/counts.txt" | awk '{ s += $1 } END { print s + 0 }')"
    [ "$n" -gt 0 ] || { cat "$work/counts.txt" >&2; fail "$label: в $t нет ни одного значения малой группы — проверка была бы пустой"; }
  done
  local changed
  changed="$(awk -F': ' '{ s[$1] += $2 } END { for (t in s) printf "%s: %d ", t, s[t] }' "$work/counts.txt" | tr ' ' '\n' | paste -sd' ')"
  if [ "$control" != control ]; then
    echo "ok: $label: $changed — результат тот же (оставлено без изменений, чтобы решения не менялись, школо-лет: $kept)"
    return
  fi
  # The control perturbs every table at once, freely.
  rm -rf "$work/perturbed" && cp -r "$site" "$work/perturbed"
  node "$REPO/tests/privacy/perturb.mjs" "$work/perturbed" 10 >/dev/null
  for copy in original perturbed; do printf '\nprivacy:\n  min_group: 1\n' >>"$work/$copy/site.yaml"; done
  build "$work/original" "$work/a1"
  build "$work/perturbed" "$work/b1"
  cmp -s "$work/a1/opendata/indicators.csv" "$work/b1/opendata/indicators.csv" &&
    fail "$label: при min_group 1 изменённые значения не дошли до opendata/indicators.csv — возмущение ничего не меняет"
  echo "ok: $label: $changed — результат тот же (оставлено без изменений школо-лет: $kept); при min_group 1 различаются $(diff -rq "$work/a1" "$work/b1" | wc -l) файлов"
}

# A copy of site $1 in $2 with privacy.verdicts_on_hidden: withhold.
strict_copy() {
  rm -rf "$2" && cp -r "$1" "$2"
  printf '\nprivacy:\n  verdicts_on_hidden: withhold\n' >>"$2/site.yaml"
}

copy_demo "$SCRATCH/demo-site"
# Within the same verdicts the demo keeps its one small staff (5415: 3 of 9 of pension age, no young
# specialist — both on a border of the risk zone, one teacher either way moves a verdict) and the small
# ВПР groups (one mark moves the 30 % sign) as they are; the strict run below changes them all.
check_site "$SCRATCH/demo-site" demo "contingent.csv oge.csv ege.csv" within control
strict_copy "$SCRATCH/demo-site" "$SCRATCH/demo-strict-site"
check_site "$SCRATCH/demo-strict-site" demo-strict "contingent.csv staff.csv oge.csv ege.csv vpr.csv" free
"$SVEDEN" synth --schools "${SVEDEN_E2E_SCHOOLS:-300}" --seed 11 --out "$SCRATCH/synth-site" >/dev/null
# A site of 300 schools has small groups in every table; one of 40 (the sanitizers) may lack some.
check_site "$SCRATCH/synth-site" synth "oge.csv" within
strict_copy "$SCRATCH/synth-site" "$SCRATCH/synth-strict-site"
check_site "$SCRATCH/synth-strict-site" synth-strict "oge.csv" free
