# Every page of the demo output passes the Nu Html Checker (vnu-jar from npm, run with the JRE
# from Debian; `make test` installs both) with no errors.
source "$(dirname "$0")/lib.bash"
VNU="$REPO/tests/tools/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$VNU" ] || fail "нет $VNU: запустите make test (он ставит инструменты тестов: npm ci --prefix tests/tools)"
command -v java >/dev/null || fail "нет java: запустите make test (он ставит default-jre-headless)"

"$SVEDEN" build --site "$REPO" --out "$SCRATCH/out" >/dev/null 2>&1 || fail "демо не собралось"
pages=$(find "$SCRATCH/out" -name '*.html' | wc -l)
[ "$pages" -gt 300 ] || fail "слишком мало страниц: $pages"
# One message is filtered, and only it: HTML microdata wants every itemprop inside an itemscope,
# while Rosobrnadzor's methodological recommendations (v9, §3.1) forbid itemscope and itemtype on
# the /sveden/ pages — the robot of АИС «Мониторинг» reads bare itemprop attributes. The law wins.
FILTER='The “itemprop” attribute was specified, but the element is not a property of any item\.'
if ! java -Xss4m -jar "$VNU" --errors-only --skip-non-html --also-check-svg --filterpattern "$FILTER" --format text "$SCRATCH/out" 2>"$SCRATCH/vnu.txt"; then
  head -40 "$SCRATCH/vnu.txt" >&2
  fail "Nu Html Checker нашёл ошибки: $(grep -c '^Error' "$SCRATCH/vnu.txt")"
fi
echo "ok: $pages страниц без ошибок Nu Html Checker"
