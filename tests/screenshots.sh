#!/usr/bin/env bash
# Screenshots of the demo as visitors see it, at desktop and phone width, in headless Chromium:
# the portal home, a school's /sveden/employees, the support section and its roadmap, a school's
# quality page. Usage: bash tests/screenshots.sh [build/sveden] [folder, default build/screenshots]
set -euo pipefail
SVEDEN="${1:-build/sveden}"
OUT="${2:-build/screenshots}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$CHROMIUM" ] || { echo "Нет Chromium: установите пакет chromium (apt-get install chromium)" >&2; exit 1; }
SCRATCH="$(mktemp -d)"
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$SCRATCH"' EXIT
mkdir -p "$OUT"
"$SVEDEN" build --site "$REPO" --out "$SCRATCH/out" >/dev/null
PORT=$((20000 + RANDOM % 20000))
"$SVEDEN" serve --site "$REPO" --out "$SCRATCH/out" --port "$PORT" >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.2; done
# A school with complete data (the demo's Берёзовская СОШ), or the first one.
SCHOOL=berezovskaya-sosh
[ -d "$SCRATCH/out/schools/$SCHOOL" ] || SCHOOL=$(ls "$SCRATCH/out/schools" | grep -v index.html | head -1)
shot() {  # name, path, width, height
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$SCRATCH/profile" \
    --window-size="$3,$4" --screenshot="$OUT/$1.png" "http://127.0.0.1:$PORT/$2" >/dev/null 2>&1
  echo "$OUT/$1.png"
}
for size in "desktop 1280 2000" "phone 390 2400"; do
  set -- $size
  shot "home-$1" "" "$2" "$3"
  shot "employees-$1" "schools/${SCHOOL}/sveden/employees/" "$2" "$3"
  shot "support-$1" "support/" "$2" "$3"
  shot "roadmap-$1" "support/roadmap/" "$2" "$3"
  shot "quality-$1" "schools/${SCHOOL}/kachestvo/" "$2" "$3"
done
