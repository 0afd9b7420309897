# The demo's pages at 1280 and 390 px in Chromium (tests/layout/layout.mjs): no page scrolls sideways,
# the register, monitoring and roadmap tables are whole, school sites stand in the portal's column,
# the «Сведения…» menu is folded on a phone and open on a desktop.
source "$(dirname "$0")/lib.bash"
command -v node >/dev/null || fail "нет node: запустите make test (он ставит nodejs и npm)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || fail "нет $CHROMIUM: запустите make test (он ставит пакет chromium)"
[ -f "$REPO/tests/tools/node_modules/playwright-core/package.json" ] ||
  fail "нет playwright-core в tests/tools/node_modules: запустите make test, а если node_modules уже есть — npm ci --prefix tests/tools"
"$SVEDEN" build --site "$REPO" --out "$SCRATCH/out" >"$SCRATCH/build.log" 2>&1 || { cat "$SCRATCH/build.log"; fail "сборка демо не удалась"; }
node "$REPO/tests/layout/layout.mjs" --chromium "$CHROMIUM" "$SCRATCH/out" || fail "страницы демо не помещаются или свёрстаны не так (выше)"
