#!/usr/bin/env bash
# Where a /v1/route request's time goes: the release regiond under wrk's mix (route.lua) at 16
# connections, sampled by `perf record` on the software clock (this machine's perf has no hardware
# counters, and valgrind 3.19 cannot read Swift 6.3's DWARF 5). Prints the share of samples by
# symbol (self) and by the request path's stages (inclusive). A share of samples is a share of
# CPU time, so compare shares, not seconds, between runs; run on a quiet machine. Also prints the
# server's CPU time per request (its utime + stime over the sampled run / requests answered): the
# figure that compares two builds even where the machine is not quiet. REGIOND=path profiles
# another build (say, one of the commit before a change) on the same artifact.
# Needs perf (Debian linux-perf), wrk, python3. Not a test.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_SAMPLE=${SECONDS_TO_SAMPLE:-10}
OUT=${OUT:-/tmp/regiond-perf.data}
swift build -c release --product regiond >/dev/null
swift build -c release --product regionc >/dev/null
BIN=$(swift build -c release --show-bin-path)
REGIOND=${REGIOND:-$BIN/regiond}
WORK=$(mktemp -d /tmp/regiond-profile.XXXXXX)
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
"$BIN/regionc" compile regions -o "$WORK/gateway-config.json" >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$REGIOND" --config "$WORK/gateway-config.json" --allow-unsigned --port "$PORT" 2>"$WORK/regiond.log" &
PID=$!
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break; sleep 0.1; done
wrk -t 2 -c 16 -d 3s -s Benchmarks/wrk/route.lua "http://127.0.0.1:$PORT" >/dev/null  # warm-up
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t 2 -c 16 -d "$((SECONDS_TO_SAMPLE + 2))s" -s Benchmarks/wrk/route.lua "http://127.0.0.1:$PORT" >"$WORK/wrk.txt" &
WRK=$!
sleep 1
ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }
TICKS_BEFORE=$(ticks)
perf record -e cpu-clock -F 4999 -g -p "$PID" -o "$OUT" -- sleep "$SECONDS_TO_SAMPLE" >/dev/null 2>&1
TICKS_AFTER=$(ticks)
wait $WRK || true
grep '^RESULT' "$WORK/wrk.txt" || true
RPS=$(sed -n 's/^RESULT.* rps=\([0-9]*\).*/\1/p' "$WORK/wrk.txt")
python3 -c 'import sys; ticks, hz, rps, seconds = map(float, sys.argv[1:]); print(f"server CPU per request: {ticks / hz / (rps * seconds) * 1e6:.1f} us")' \
    "$((TICKS_AFTER - TICKS_BEFORE))" "$(getconf CLK_TCK)" "${RPS:-0}" "$SECONDS_TO_SAMPLE" || true
echo "--- self: the symbols the samples fell in"
perf report -i "$OUT" --no-children --sort symbol --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -40 | swift demangle --simplified | cut -c1-160 || true
echo "--- inclusive: the request path's stages"
perf report -i "$OUT" --children --sort symbol --stdio 2>/dev/null | grep -E '^ +[0-9]' \
    | grep -E 'RouteFastPath|DecisionHandlers|ProblemMiddleware|ConnectionGuard|RequestReader|Router|DecisionReport|ServiceMetrics|collectBody|handleHTTP|RouterResponder|Prometheus|ConfigStore|snapshot|HTTPResponseEncoder|HTTPRequestDecoder|writev|readv|epoll|swift_allocObject|swift_release|swift_retain|malloc|free' \
    | head -40 | swift demangle --simplified | cut -c1-160 || true
