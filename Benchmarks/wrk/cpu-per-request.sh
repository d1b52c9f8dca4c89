#!/usr/bin/env bash
# The CPU time a regiond build spends per /v1/route request under wrk's mix (route.lua): its
# utime + stime over the run divided by the requests answered. The figure that compares two
# builds (say, with and without a change, alternating) where requests/s would mostly measure the
# machine. Not a test; start each run on a quiet machine (it prints the load average).
# usage: cpu-per-request.sh REGIOND_BINARY [connections, 16] [seconds, 10] [regiond flags...]
# e.g.   cpu-per-request.sh .build/release/regiond 16 10 --decision-log /tmp/decisions.jsonl
# Needs wrk, curl, python3 and a built regionc (.build/release).
set -euo pipefail
cd "$(dirname "$0")/../.."
REGIOND=$1; CONNECTIONS=${2:-16}; DURATION=${3:-10}; shift $(( $# < 3 ? $# : 3 ))
WORK=$(mktemp -d /tmp/regiond-cpu.XXXXXX)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
.build/release/regionc compile regions -o "$WORK/gateway-config.json" >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$REGIOND" --config "$WORK/gateway-config.json" --allow-unsigned --port "$PORT" "$@" 2>"$WORK/regiond.log" &
PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break; sleep 0.1; done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t 2 -c "$CONNECTIONS" -d 2s -s Benchmarks/wrk/route.lua "http://127.0.0.1:$PORT" >/dev/null  # warm-up
ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
BEFORE=$(ticks)
RESULT=$(wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" -s Benchmarks/wrk/route.lua "http://127.0.0.1:$PORT" | grep '^RESULT')
AFTER=$(ticks)
eval "${RESULT#RESULT }"
python3 -c 'import sys; t, hz, n = map(float, sys.argv[1:4]); print(f"{sys.argv[4]}: {sys.argv[5]} requests/s, {sys.argv[6]} not 2xx, server CPU {t / hz / n * 1e6:.1f} us per request")' \
    "$((AFTER - BEFORE))" "$(getconf CLK_TCK)" "$requests" "$REGIOND" "$rps" "$non2xx"
