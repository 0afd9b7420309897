# `sveden serve` builds, serves pages on 127.0.0.1 with directory addresses and the 404 page,
# rebuilds when a file of the site changes and makes open pages reload, shows input errors in the
# browser instead of the stale site, and stops cleanly on Ctrl+C (SIGINT).
source "$(dirname "$0")/lib.bash"
copy_demo "$SCRATCH/site"
port=$((20000 + RANDOM % 20000))
"$SVEDEN" serve --site "$SCRATCH/site" --port "$port" > "$SCRATCH/serve.log" 2>&1 &
pid=$!
wait_for_serve "$pid" "$port" "$SCRATCH/serve.log"
# Readers of get's output read it to the end (sed -n 1p, grep without -q): one that stopped early
# would make cat fail on the closed pipe, and pipefail would turn that into a failed check.
get() {  # bash's /dev/tcp: no curl needed
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.1\r\nHost: %s\r\n\r\n' "$1" "${2:-localhost:$port}" >&3
  cat <&3
  exec 3<&-
}
get / | sed -n 1p | grep -q "200 OK" || fail "home page not served"
get /schools/ | grep "<h1>Подведомственные организации</h1>" > /dev/null || fail "schools list not served at its directory address"
get /schools | sed -n 1p | grep -q "301" || fail "a directory without a slash is not redirected"
get /no/such/page/ | sed -n 1p | grep -q "404" || fail "missing page does not give 404"
get /no/such/page/ | grep "Страница не найдена" > /dev/null || fail "404 page body"
get /../site.yaml | sed -n 1p | grep -q "404" || fail "path traversal is served"

# DNS rebinding: only this computer's names with the preview's port are answered.
get / "127.0.0.1:$port" | sed -n 1p | grep -q "200 OK" || fail "127.0.0.1 with the port is refused"
get / "[::1]:$port" | sed -n 1p | grep -q "200 OK" || fail "[::1] with the port is refused"
get / "evil.example:$port" | sed -n 1p | grep -q "421" || fail "a foreign Host is answered"
get / "localhost" | sed -n 1p | grep -q "421" || fail "a Host without the preview's port is answered"
get / "localhost:$port.evil.example" | sed -n 1p | grep -q "421" || fail "a Host that only starts like ours is answered"

# Idle and slow clients hold only their own connection: ten idle sockets and one client sending a
# byte a second do not delay a normal request.
for k in 4 5 6 7 8 9 10 11 12 13; do eval "exec $k<>/dev/tcp/127.0.0.1/$port"; done
exec 14<>"/dev/tcp/127.0.0.1/$port"
( for c in G E T ' ' /; do printf '%s' "$c" >&14 2>/dev/null || exit 0; sleep 1; done ) &
slow=$!
start=$(date +%s%N)
get / | sed -n 1p | grep -q "200 OK" || fail "the page is not served beside idle clients"
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$elapsed" -lt 1500 ] || fail "idle clients delayed a request by $elapsed ms"
# An idle client is let go after its 10 s: the server closes the socket (read gives EOF, not a hang).
timeout 20 cat <&4 > /dev/null || fail "an idle connection is kept open past its deadline"
kill "$slow" 2>/dev/null || true; wait "$slow" 2>/dev/null || true
for k in 4 5 6 7 8 9 10 11 12 13 14; do eval "exec $k<&-"; done

# Live preview: pages carry the reload script; a change is rebuilt and the version moves on.
get / | grep '/__sveden/version' > /dev/null || fail "no reload script in a previewed page"
version() { get /__sveden/version | tail -1; }
wait_version() {  # until the version differs from $1
  for _ in $(seq 1 1200); do [ "$(version)" != "$1" ] && return 0; sleep 0.1; done
  fail "no rebuild after a change (version still $1)"
}
v1=$(version)
printf '\nНовый абзац для проверки пересборки.\n' >> "$SCRATCH/site/content/index.md"
wait_version "$v1"
get / | grep "Новый абзац для проверки пересборки." > /dev/null || fail "the rebuilt home page lacks the change"
# Pages came from the build's site in memory before the output was written (tests/unit/preview_site_test.cc
# checks those are the written bytes), and the build then wrote the output folder.
for _ in $(seq 1 1200); do sed -n '/^Страницы уже показывают изменения/,$p' "$SCRATCH/serve.log" | grep -q "^Готово" && break; sleep 0.1; done
sed -n '/^Страницы уже показывают изменения/,$p' "$SCRATCH/serve.log" | grep -q "^Готово" ||
  { cat "$SCRATCH/serve.log"; fail "the rebuild did not show its pages from memory before writing the output"; }
grep -q "Новый абзац для проверки пересборки." "$SCRATCH/site/output/index.html" || fail "the output folder lacks the change"
[ "$(get / | sed '1,/^\r$/d' | sed 's|<script>(function(){var v=[^<]*</script>||')" = "$(cat "$SCRATCH/site/output/index.html")" ] ||
  fail "the page served after the build differs from the written file"
# An input error: every page shows the error instead of the stale site.
v2=$(version)
sed -i 's/^base_url:/base_ulr:/' "$SCRATCH/site/site.yaml"
wait_version "$v2"
get / | sed -n 1p | grep -q "500" || fail "a failed build is not reported by the page's status"
get /schools/ | grep "неизвестный ключ «base_ulr»" > /dev/null || fail "the error is not shown in the browser"
v3=$(version)
sed -i 's/^base_ulr:/base_url:/' "$SCRATCH/site/site.yaml"
wait_version "$v3"
get / | sed -n 1p | grep -q "200 OK" || fail "the site is not back after the fix"
kill -INT "$pid"
for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "serve did not stop on Ctrl+C"
wait "$pid" || fail "serve exited with an error after Ctrl+C"
grep -q "Просмотр остановлен." "$SCRATCH/serve.log" || fail "no goodbye message"
echo "ok: serve"
