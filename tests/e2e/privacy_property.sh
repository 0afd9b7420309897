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
# Verdicts: a hidden value feeds no rule — the rules see «недостаточно данных» (docs/CRITERIA.md §4) —
# so the values are changed freely within their group and no verdict may move; if one moved, this test
# would fail too, and rightly: a verdict must not depend on a hidden value.
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
# had values to change, so that the check is not empty; with $4 = control, the positive control too.
check_site() {
  local site="$1" label="$2" tables="$3" control="${4:-}" work="$SCRATCH/$2"
  mkdir -p "$work"
  cp -r "$site" "$work/original"
  cp -r "$site" "$work/perturbed"
  node "$REPO/tests/privacy/perturb.mjs" "$work/perturbed" 10 >"$work/perturb.txt" || fail "$label: perturb.mjs не сработал"
  for t in $tables; do
    n="$(sed -n "s/^$t: //p" "$work/perturb.txt")"
    [ "${n:-0}" -gt 0 ] || { cat "$work/perturb.txt" >&2; fail "$label: в $t нет ни одного значения малой группы — проверка была бы пустой"; }
  done
  build "$work/original" "$work/a"
  build "$work/perturbed" "$work/b"
  if [ "$(tree_sum "$work/a")" != "$(tree_sum "$work/b")" ]; then
    diff -r "$work/a" "$work/b" >"$work/diff.txt" || true
    head -20 "$work/diff.txt" >&2
    fail "$label: скрытые значения малых групп видны в результате ($(diff -rq "$work/a" "$work/b" | wc -l) файлов различаются)"
  fi
  if [ "$control" != control ]; then
    echo "ok: $label: $(tr '\n' ' ' <"$work/perturb.txt")— результат тот же"
    return
  fi
  for copy in original perturbed; do printf '\nprivacy:\n  min_group: 1\n' >>"$work/$copy/site.yaml"; done
  build "$work/original" "$work/a1"
  build "$work/perturbed" "$work/b1"
  cmp -s "$work/a1/opendata/indicators.csv" "$work/b1/opendata/indicators.csv" &&
    fail "$label: при min_group 1 изменённые значения не дошли до opendata/indicators.csv — возмущение ничего не меняет"
  echo "ok: $label: $(tr '\n' ' ' <"$work/perturb.txt")— результат тот же; при min_group 1 различаются $(diff -rq "$work/a1" "$work/b1" | wc -l) файлов"
}

copy_demo "$SCRATCH/demo-site"
check_site "$SCRATCH/demo-site" demo "contingent.csv staff.csv oge.csv ege.csv vpr.csv" control
"$SVEDEN" synth --schools "${SVEDEN_E2E_SCHOOLS:-300}" --seed 11 --out "$SCRATCH/synth-site" >/dev/null
# A site of 300 schools has small groups in every table; one of 40 (the sanitizers) may lack some.
check_site "$SCRATCH/synth-site" synth "oge.csv"
