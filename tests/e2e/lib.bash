# Shared by the end-to-end tests: the binary, the repository, a scratch folder, and assertions.
set -euo pipefail
SVEDEN="$1"
REPO="$2"
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/sveden-e2e.XXXXXX")"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$SCRATCH"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
# Checksum of every file under a folder, with its relative path: equal lists mean identical trees.
tree_sum() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
# Copies the demo site folder (sources only, not builds) to $1.
copy_demo() {
  mkdir -p "$1"
  cp -r "$REPO/site.yaml" "$REPO/data" "$REPO/content" "$REPO/themes" "$REPO/documents" "$1/"
}
# Waits until `sveden serve` (process $1, log $3) prints its address on port $2. The first build comes
# first: a few seconds, ten times more under the sanitizers on a busy machine, so up to two minutes.
wait_for_serve() {
  for _ in $(seq 1 1200); do
    grep -q "http://127.0.0.1:$2/" "$3" 2>/dev/null && return 0
    kill -0 "$1" 2>/dev/null || { cat "$3" >&2; fail "sveden serve stopped before serving"; }
    sleep 0.1
  done
  fail "sveden serve printed no address for port $2 in 120 s"
}
NB=$'\xc2\xa0'   # the non-breaking space Russian typography puts in «18 школ», «1 октября 2025 г.»
