#!/usr/bin/env bash
# regiond under wrk, beside its peers in the same run: nginx answering a static JSON body of the
# same size (the ceiling of HTTP on this machine), a bare Hummingbird handler that decodes and
# encodes a JSON body of that size (the framework with nothing of ours), and regiond again with
# --decision-log to a file (the cost of the audit trail). Release builds, shipped regions, 2 wrk
# threads (1 for 1 connection), 1/16/64 connections, 15 s each; then resident memory of regiond
# after ~10k and after 1M requests. Not a test: run it by hand on a quiet machine (load average
# under 0.5, no build or helper running; the script prints the load before and after), and put
# the table in BENCHMARKS.md.
# Needs wrk and nginx (apt-get install wrk nginx), python3, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-"1 16 64"}
HERE=Benchmarks/wrk

swift build -c release --product regiond >/dev/null
swift build -c release --product regionc >/dev/null
swift build -c release --package-path Benchmarks --product bare-hummingbird >/dev/null
BIN=$(swift build -c release --show-bin-path)
BARE_BIN=$(swift build -c release --package-path Benchmarks --show-bin-path)/bare-hummingbird
WORK=$(mktemp -d /tmp/regiond-wrk.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [[ -f $WORK/nginx/nginx.pid ]] && /usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

"$BIN/regionc" compile regions -o "$WORK/gateway-config.json" >/dev/null
PORT=$(free_port)
"$BIN/regiond" --config "$WORK/gateway-config.json" --allow-unsigned --port "$PORT" 2>"$WORK/regiond.log" &
REGIOND=$!
PIDS+=("$REGIOND")
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" || { cat "$WORK/regiond.log"; exit 1; }
LOGGED_PORT=$(free_port)
"$BIN/regiond" --config "$WORK/gateway-config.json" --allow-unsigned --port "$LOGGED_PORT" \
    --decision-log "$WORK/decisions.jsonl" 2>"$WORK/regiond-logged.log" &
PIDS+=("$!")
BARE_PORT=$(free_port)
"$BARE_BIN" "$BARE_PORT" 2>"$WORK/bare.log" &
PIDS+=("$!")
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$LOGGED_PORT/readyz" && break; sleep 0.1; done

# The mix: show each request's decision, and take the first routed answer as nginx's static body.
echo "checkouts in the mix:"
BODY=""
while IFS= read -r line; do
    answer=$(curl -s -H 'Content-Type: application/json' -d "$line" "http://127.0.0.1:$PORT/v1/route")
    echo "  $(python3 -c 'import json,sys; a=json.loads(sys.argv[1]); print(a["decision"], a.get("reason", a.get("route")), a["region"], a["amount"])' "$answer")"
    [[ -z $BODY && $answer == *'"decision":"route"'* ]] && BODY=$answer
done < <(sed -n "s/^  '\(.*\)',$/\1/p" $HERE/route.lua)

NGINX_PORT=$(free_port)
mkdir -p "$WORK/nginx"
printf '%s' "$BODY" >"$WORK/nginx/body.json"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
$( [[ $(id -u) == 0 ]] && echo "user root;" )
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location /v1/route { default_type application/json; return 200 '$BODY'; }
    }
}
EOF
/usr/sbin/nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
echo "static body: ${#BODY} bytes (regiond's routed answer)"

rss() { awk '/VmRSS/ { print $2 / 1024 " MiB" }' "/proc/$REGIOND/status"; }
served() { curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^regiond_http_requests_total\{path="\/v1\/route",status="200"\}/ { print $2 }'; }

# Warm up to ~10k requests, then note the resident memory.
while (( $(served) < 10000 )); do wrk -t 1 -c 4 -d 1s -s $HERE/route.lua "http://127.0.0.1:$PORT" >/dev/null; done
RSS_10K="$(rss) after $(served) requests"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| server | connections | requests/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|"
for connections in $CONNECTIONS; do
    for target in "regiond $PORT" "regiond+decision-log $LOGGED_PORT" "bare-hummingbird $BARE_PORT" "nginx $NGINX_PORT"; do
        set -- $target
        # wrk needs a connection per thread: one connection is one thread.
        result=$(wrk -t $((connections < 2 ? connections : 2)) -c "$connections" -d "$DURATION" -s $HERE/route.lua \
            "http://127.0.0.1:$2" | grep '^RESULT')
        eval "${result#RESULT }"
        echo "| $1 | $connections | $rps | $p50_ms ms | $p99_ms ms | $((errors + non2xx)) |"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "decision log: $(wc -l <"$WORK/decisions.jsonl") lines written, $(curl -s "http://127.0.0.1:$LOGGED_PORT/metrics" \
    | awk '/^regiond_decision_log_dropped_total/ { print $2 }') dropped"
[[ ${SKIP_MEMORY:-0} == 1 ]] && exit 0

while (( $(served) < 1000000 )); do wrk -t 2 -c 16 -d 5s -s $HERE/route.lua "http://127.0.0.1:$PORT" >/dev/null; done
echo "regiond resident memory: $RSS_10K; $(rss) after $(served) requests"
