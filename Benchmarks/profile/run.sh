#!/usr/bin/env bash
# Where a /v1/route request's time goes: the release regiond under wrk's mix (route.lua) at 16
# connections, sampled by `perf record` on the software clock (this machine's perf has no hardware
# counters, and valgrind 3.19 cannot read Swift 6.3's DWARF 5). Prints the share of samples by
# symbol (self) and by the request path's stages (inclusive). A share of samples is a share of
# CPU time, so compare shares, not seconds, between runs; run on a quiet machine.
# Needs perf (Debian linux-perf), wrk, python3. Not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_SAMPLE=${SECONDS_TO_SAMPLE:-10}
OUT=${OUT:-/tmp/regiond-perf.data}
swift build -c release --product regiond >/dev/null
swift build -c release --product regionc >/dev/null
BIN=$(swift build -c release --show-bin-path)
WORK=$(mktemp -d /tmp/regiond-profile.XXXXXX)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$BIN/regionc" compile regions -o "$WORK/gateway-config.json" >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN/regiond" --config "$WORK/gateway-config.json" --allow-unsigned --port "$PORT" 2>"$WORK/regiond.log" &
PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break; sleep 0.1; done
wrk -t 2 -c 16 -d 3s -s Benchmarks/wrk/route.lua "http://127.0.0.1:$PORT" >/dev/null  # warm-up
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t 2 -c 16 -d "$((SECONDS_TO_SAMPLE + 2))s" -s Benchmarks/wrk/route.lua "http://127.0.0.1:$PORT" >"$WORK/wrk.txt" &
WRK=$!
sleep 1
perf record -e cpu-clock -F 4999 -g -p "$PID" -o "$OUT" -- sleep "$SECONDS_TO_SAMPLE" >/dev/null 2>&1
wait $WRK || true
grep '^RESULT' "$WORK/wrk.txt" || true
echo "--- self: the symbols the samples fell in"
perf report -i "$OUT" --no-children --sort symbol --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -40 | cut -c1-160 || true
echo "--- inclusive: the request path's stages"
perf report -i "$OUT" --children --sort symbol --stdio 2>/dev/null | grep -E '^ +[0-9]' \
    | grep -E 'DecisionHandlers|ProblemMiddleware|ConnectionGuard|RequestReader|Router|DecisionReport|ServiceMetrics|collectBody|handleHTTP|RouterResponder|Prometheus|ConfigStore|snapshot|HTTPResponseEncoder|HTTPRequestDecoder|writev|readv|epoll|swift_allocObject|swift_release|swift_retain|malloc|free' \
    | head -40 | cut -c1-160 || true
