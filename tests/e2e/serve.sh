# `sveden serve` builds, serves pages on 127.0.0.1 with directory addresses and the 404 page, and
# stops cleanly on Ctrl+C (SIGINT).
source "$(dirname "$0")/lib.bash"
copy_demo "$SCRATCH/site"
port=$((20000 + RANDOM % 20000))
"$SVEDEN" serve --site "$SCRATCH/site" --port "$port" > "$SCRATCH/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q "http://127.0.0.1:$port/" "$SCRATCH/serve.log" 2>/dev/null && break; sleep 0.1; done
get() {  # bash's /dev/tcp: no curl needed
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n' "$1" >&3
  cat <&3
  exec 3<&-
}
get / | head -1 | grep -q "200 OK" || fail "home page not served"
get /schools/ | grep -q "<h1>Подведомственные общеобразовательные организации</h1>" || fail "schools list not served at its directory address"
get /schools | head -1 | grep -q "301" || fail "a directory without a slash is not redirected"
get /no/such/page/ | head -1 | grep -q "404" || fail "missing page does not give 404"
get /no/such/page/ | grep -q "Страница не найдена" || fail "404 page body"
get /../site.yaml | head -1 | grep -q "404" || fail "path traversal is served"
kill -INT "$pid"
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "serve did not stop on Ctrl+C"
wait "$pid" || fail "serve exited with an error after Ctrl+C"
grep -q "Просмотр остановлен." "$SCRATCH/serve.log" || fail "no goodbye message"
echo "ok: serve"
