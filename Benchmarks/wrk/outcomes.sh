#!/usr/bin/env bash
# Outcome ingestion over HTTP beside routing, in the same run: one release regiond on the shipped
# regions, wrk on POST /v1/outcomes (outcomes.lua) and on POST /v1/route (route.lua), 2 threads,
# CONNECTIONS connections, DURATION each, alternated twice. Not a test: run it on a quiet machine
# (the load is printed before and after) and put the figures in BENCHMARKS.md.
# Needs wrk (apt-get install wrk), python3, curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
HERE=Benchmarks/wrk
swift build -c release --product regiond >/dev/null
swift build -c release --product regionc >/dev/null
BIN=$(swift build -c release --show-bin-path)
WORK=$(mktemp -d /tmp/regiond-outcomes.XXXXXX)
PID=""
cleanup() { [[ -n $PID ]] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN/regionc" compile regions -o "$WORK/gateway-config.json" >/dev/null
"$BIN/regiond" --config "$WORK/gateway-config.json" --allow-unsigned --port "$PORT" 2>"$WORK/regiond.log" &
PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break; sleep 0.1; done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in 1 2; do
    for endpoint in outcomes route; do
        result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$HERE/$endpoint.lua" "http://127.0.0.1:$PORT" | grep RESULT)
        echo "round $round /v1/$endpoint ($CONNECTIONS connections): $result"
    done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ejections logged: $(grep -c '"acquirer ejected"' "$WORK/regiond.log" || true)"
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^regiond_acquirer_outcomes_total\{acquirer="antom-us"' || true
