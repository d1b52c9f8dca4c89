#!/usr/bin/env bash
# End to end: regiond fails over and comes back (issue 18). Compiles scripts/fixtures/failover (HK's
# one route: antom-hk, falling back to antom-sg; antom-hk ejected after 3 failures in a row for
# 3 s), reports failures with curl, sees /v1/route and /v1/route/batch move to the fallback with
# `failover`, /v1/acquirers, the metrics and the log say so, then sees antom-hk come back when the
# ejection ends. Needs a built regionc and regiond (BIN, default .build/debug), curl and python3.
# Every wait is bounded; about 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.build/debug}
WORK=$(mktemp -d /tmp/regiond-failover.XXXXXX)
PID=""
cleanup() {
    [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "e2e-failover: FAILED: $*" >&2
    echo "--- regiond log" >&2
    cat "$WORK/regiond.log" >&2 || true
    exit 1
}

# json FILTER: reads JSON on stdin, prints the Python expression FILTER of it (`d` is the document).
json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

# expect WHAT ACTUAL EXPECTED
expect() { [[ $2 == "$3" ]] || fail "$1: got '$2', expected '$3'"; }

# metric SERIES: its value in the text $METRICS holds (the last /metrics read), as a number
# (1.0 prints 1; empty when absent).
metric() { awk -v s="$1" 'index($0, s " ") == 1 { print $2 + 0 }' <<<"$METRICS"; }

"$BIN/regionc" compile scripts/fixtures/failover -o "$WORK/gateway-config.json" >"$WORK/compile.log" 2>&1 ||
    { cat "$WORK/compile.log" >&2; fail "regionc compile scripts/fixtures/failover"; }
grep -q '"fallback"' "$WORK/gateway-config.json" || fail "the compiled artifact has no fallback"

"$BIN/regiond" --config "$WORK/gateway-config.json" --allow-unsigned --port 0 2>"$WORK/regiond.log" &
PID=$!
PORT=""
for _ in $(seq 300); do
    if [[ $(head -1 "$WORK/regiond.log") =~ listening\ on\ http://127\.0\.0\.1:([0-9]+) ]]; then PORT=${BASH_REMATCH[1]}; break; fi
    sleep 0.1
done
[[ -n $PORT ]] || fail "regiond did not start"
URL="http://127.0.0.1:$PORT"
for _ in $(seq 100); do curl -sf -o /dev/null "$URL/readyz" && break; sleep 0.1; done
curl -sf -o /dev/null "$URL/readyz" || fail "regiond is not ready"

CHECKOUT='{"region":"HK","merchant":"shop_1","method":"ALIPAY_CN","amount":"100.00 HKD"}'
route() { curl -sf "$URL/v1/route" -H 'content-type: application/json' -d "$CHECKOUT"; }
outcomes() { curl -s "$URL/v1/outcomes" -H "content-type: $1" --data-binary @-; }

# Healthy: the primary, with the fallback listed.
decision=$(route)
expect "healthy route" "$(json "d['acquirer'], d['fallbacks'], d.get('failover')" <<<"$decision")" "antom-hk ['antom-sg'] None"

# A bad report records nothing and names its line.
answer=$(printf '%s\n' '{"acquirer":"antom-hk","outcome":"failure"}' '{"acquirer":"antom-xx","outcome":"failure"}' |
    outcomes application/x-ndjson)
expect "a bad line" "$(json "d['status'], d['field'], d['line']" <<<"$answer")" "400 acquirer 2"

# Three failures in a row eject antom-hk (3 s): checkouts move to antom-sg.
answer=$(printf '%s\n' '{"acquirer":"antom-hk","outcome":"failure","region":"HK"}' '{"acquirer":"antom-hk","outcome":"failure"}' |
    outcomes application/x-ndjson)
expect "two failures" "$answer" '{"accepted":2}'
answer=$(echo '{"acquirer":"antom-hk","outcome":"failure"}' | outcomes application/json)
expect "the third failure" "$answer" '{"accepted":1}'
# Everything read at once, before the checks: the ejection lasts 2 to 3 s of wall time.
decision=$(route)
batch=$(printf '%s\n' "$CHECKOUT" "$CHECKOUT" | sed 's/}$/,"at":"'"$(date -u +%Y-%m-%dT%H:%M:%SZ)"'"}/' |
    curl -sf "$URL/v1/route/batch" -H 'content-type: application/x-ndjson' --data-binary @-)
state=$(curl -sf "$URL/v1/acquirers")
METRICS=$(curl -sf "$URL/metrics")
expect "failover route" "$(json "d['acquirer'], d['fallbacks'], d['failover']" <<<"$decision")" \
    "antom-sg [] {'from': 'antom-hk', 'reason': 'EJECTED'}"
expect "failover batch" "$(grep -c '"acquirer":"antom-sg".*"failover":{"from":"antom-hk","reason":"EJECTED"}' <<<"$batch")" 2
expect "antom-hk ejected" "$(json "[(a['state'], a['ejections'], a['window']['failures']) for a in d['acquirers'] if a['acquirer'] == 'antom-hk']" <<<"$state")" \
    "[('ejected', 1, 3)]"
expect "outcomes counted" "$(metric 'regiond_acquirer_outcomes_total{acquirer="antom-hk",outcome="failure"}')" 3
expect "ejections counted" "$(metric 'regiond_acquirer_ejections_total{acquirer="antom-hk"}')" 1
expect "ejected gauge" "$(metric 'regiond_acquirer_ejected{acquirer="antom-hk"}')" 1
expect "failovers counted" "$(metric 'regiond_failovers_total{region="HK",from="antom-hk",to="antom-sg"}')" 3
grep -q '"msg":"acquirer ejected".*"acquirer":"antom-hk"' "$WORK/regiond.log" || fail "no 'acquirer ejected' log line"
echo "e2e-failover: antom-hk ejected after 3 failures; /v1/route and /v1/route/batch fail over to antom-sg"

# The ejection ends: checkouts come back to antom-hk, the sweeper logs the return.
back=""
for _ in $(seq 50); do
    decision=$(route)
    if [[ $(json "d['acquirer']" <<<"$decision") == antom-hk ]]; then back=yes; break; fi
    sleep 0.2
done
[[ -n $back ]] || fail "antom-hk did not come back within 10 s: $decision"
expect "back route" "$(json "d['fallbacks'], d.get('failover')" <<<"$decision")" "['antom-sg'] None"
for _ in $(seq 30); do grep -q '"msg":"acquirer returned"' "$WORK/regiond.log" && break; sleep 0.1; done
grep -q '"msg":"acquirer returned".*"acquirer":"antom-hk"' "$WORK/regiond.log" || fail "no 'acquirer returned' log line"
state=$(curl -sf "$URL/v1/acquirers")
expect "antom-hk healthy" "$(json "[(a['state'], a['ejected_until']) for a in d['acquirers'] if a['acquirer'] == 'antom-hk']" <<<"$state")" \
    "[('healthy', None)]"
METRICS=$(curl -sf "$URL/metrics")
expect "gauge back" "$(metric 'regiond_acquirer_ejected{acquirer="antom-hk"}')" 0
echo "e2e-failover: antom-hk back after its ejection; the return logged and shown"

kill "$PID" && wait "$PID" || fail "regiond did not exit 0 on SIGTERM"
PID=""
echo "e2e-failover: ok"
