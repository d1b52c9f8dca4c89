#!/usr/bin/env bash
# Property-based API tests: schemathesis generates requests (valid and invalid) from the OpenAPI
# document regiond serves and checks every answer: no 5xx, status codes, content types, headers
# and bodies as the document says, invalid input refused, wrong methods answered 405 with Allow.
# Needs a built regiond and regionc (BIN, default .build/debug); installs schemathesis (pinned)
# with pip when missing. Prints the number of test cases it ran.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.build/debug}
VERSION=4.32.5
if [[ $(st --version 2>/dev/null) != "st, version $VERSION" ]]; then
    python3 -m pip install --quiet "schemathesis==$VERSION"
fi

WORK=$(mktemp -d /tmp/regiond-schemathesis.XXXXXX)
PID=""
cleanup() {
    [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN/regionc" compile regions -o "$WORK/gateway-config.json" >/dev/null
"$BIN/regiond" --config "$WORK/gateway-config.json" --allow-unsigned --port 0 2>"$WORK/regiond.log" &
PID=$!
PORT=""
for _ in $(seq 300); do
    if [[ $(head -1 "$WORK/regiond.log") =~ listening\ on\ http://127\.0\.0\.1:([0-9]+) ]]; then PORT=${BASH_REMATCH[1]}; break; fi
    sleep 0.1
done
[[ -n $PORT ]] || { echo "schemathesis: regiond did not start" >&2; cat "$WORK/regiond.log" >&2; exit 1; }
for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz" && break; sleep 0.1; done

# The document served is the one in the repository, byte for byte.
curl -sf "http://127.0.0.1:$PORT/openapi.json" -o "$WORK/served.json"
cmp -s "$WORK/served.json" Sources/RoutingService/Resources/openapi.json ||
    { echo "schemathesis: /openapi.json differs from Sources/RoutingService/Resources/openapi.json" >&2; exit 1; }

# positive_data_acceptance is left out: a request can match the schema and still be refused
# (an amount with more decimals than its currency has, an unknown currency code).
set +e
PYTHONPATH=scripts SCHEMATHESIS_HOOKS=schemathesis_hooks st run "http://127.0.0.1:$PORT/openapi.json" --url "http://127.0.0.1:$PORT" \
    --checks all --exclude-checks positive_data_acceptance \
    --max-examples "${MAX_EXAMPLES:-500}" --seed "${SEED:-20261128}" --generation-deterministic \
    --request-timeout 10 --no-color >"$WORK/st.log" 2>&1
status=$?
set -e
grep -E "Test cases|passed|failed|Operations|Test Phases|Examples|Coverage|Fuzzing|Stateful" "$WORK/st.log" | sed 's/^/schemathesis: /'
if [[ $status != 0 ]]; then
    cat "$WORK/st.log" >&2
    echo "schemathesis: FAILED (exit $status)" >&2
    exit 1
fi
kill "$PID" && wait "$PID" || { echo "schemathesis: regiond did not exit 0 on SIGTERM" >&2; exit 1; }
PID=""
