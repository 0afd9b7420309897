# axe-core (WCAG 2.1 A and AA) in Debian's Chromium through playwright-core, on the pages served by
# `sveden serve`: the portal's main pages, three schools' whole «Сведения…» section, their home and
# quality pages, and every report. No violation of serious or critical impact; the rest is printed.
source "$(dirname "$0")/lib.bash"
TOOLS="$REPO/tests/tools/node_modules"
command -v node >/dev/null || fail "нет node: запустите make test (он ставит nodejs и npm)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || fail "нет $CHROMIUM: запустите make test (он ставит пакет chromium)"
for p in axe-core playwright-core; do
  # make test runs `npm ci` only when node_modules is absent: after package.json gained a tool, the
  # old node_modules must be refreshed by hand.
  [ -f "$TOOLS/$p/package.json" ] ||
    fail "нет $p в tests/tools/node_modules: запустите make test, а если node_modules уже есть — npm ci --prefix tests/tools"
done

# A free port from the kernel; `sveden serve` builds the demo into $SCRATCH/out and serves it.
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
"$SVEDEN" serve --site "$REPO" --out "$SCRATCH/out" --port "$port" >"$SCRATCH/serve.log" 2>&1 &
pid=$!
trap 'kill -INT "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
wait_for_serve "$pid" "$port" "$SCRATCH/serve.log"

out="$SCRATCH/out"
first() { find "$out/$1" -mindepth 2 -maxdepth 2 -name index.html | sort | head -1 | sed "s|^$out/||"; }
pages=(index.html department/index.html schools/index.html support/index.html support/roadmap/index.html
       monitoring/index.html "$(first monitoring)" documents/index.html news/index.html "$(first news)"
       opendata/index.html reports/index.html)
for school in sosh-1 berezovskaya-sosh lugovskaya-oosh; do
  pages+=(schools/$school/index.html schools/$school/kachestvo/index.html schools/$school/sveden/index.html)
  n=0
  for section in "$out/schools/$school/sveden"/*/index.html; do pages+=("${section#$out/}"); n=$((n + 1)); done
  [ "$n" -eq 14 ] || fail "у $school не 14 подразделов «Сведений…», а $n"
done
while IFS= read -r report; do pages+=("${report#$out/}"); done < <(find "$out/reports" -mindepth 2 -name index.html | sort)
for p in "${pages[@]}"; do [ -f "$out/$p" ] || fail "нет страницы $p"; done

# AXE_ARGS passes more options to the script by hand, e.g. AXE_ARGS="--width 375" for a phone.
node "$REPO/tests/a11y/axe.mjs" --chromium "$CHROMIUM" ${AXE_ARGS:-} "http://127.0.0.1:$port/" "${pages[@]}" ||
  fail "axe-core нашёл нарушения WCAG 2.1 AA серьёзного или критического уровня (выше)"
# Parents read these pages on phones: the portal's pages and one school's whole section again at 375 px,
# where the openness tables become cards and wide tables scroll inside their regions.
phone=()
for p in "${pages[@]}"; do
  case "$p" in reports/*/*|schools/berezovskaya-sosh/*|schools/lugovskaya-oosh/*) ;; *) phone+=("$p") ;; esac
done
node "$REPO/tests/a11y/axe.mjs" --chromium "$CHROMIUM" --width 375 "http://127.0.0.1:$port/" "${phone[@]}" ||
  fail "axe-core нашёл на ширине телефона (375 px) нарушения WCAG 2.1 AA серьёзного или критического уровня (выше)"
echo "ok: ${#pages[@]} страниц без серьёзных и критических нарушений WCAG 2.1 AA (axe-core), из них ${#phone[@]} — и на ширине телефона"
