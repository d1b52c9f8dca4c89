#!/usr/bin/env bash
# End to end: releases reach a fleet of regiond over plain HTTP (nginx on 127.0.0.1), and every
# failure mode keeps the fleet serving the last good release:
#   two regiond follow --config-url; release A published (atomic rename) -> both serve A, and
#   /v1/config's phase of each region agrees with its regiond_region_rollout_percent;
#   a tampered B -> both refuse it, keep A, count the rejection; an older serial re-published ->
#   refused; C -> both serve it within 3 poll intervals; nginx stopped -> both stay ready on C;
#   one restarted with nginx down -> ready from its state dir on C; SIGTERM under load -> no
#   in-flight request fails, exit 0.
# Needs: a built regionc and regiond (BIN, default .build/debug), python3, curl; installs nginx
# with apt-get when missing. Every wait is bounded; everything started is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.build/debug}
POLL=${POLL:-1}
for tool in "$BIN/regionc" "$BIN/regiond"; do
    [[ -x $tool ]] || { echo "e2e: $tool is not built (swift build first)" >&2; exit 2; }
done
if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
    echo "e2e: installing nginx"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/regiond-e2e.XXXXXX)
chmod 755 "$WORK"
WWW=$WORK/www
mkdir -p "$WWW" "$WORK/keys" "$WORK/nginx"
PIDS=()
NGINX_RUNNING=0

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ $NGINX_RUNNING == 1 ]]; then "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "e2e: FAIL: $*" >&2
    for log in "$WORK"/regiond-*.log; do
        [[ -f $log ]] || continue
        echo "--- $log (last 15 lines)" >&2; tail -15 "$log" >&2
        # A crash report's last lines are its images: show the crashed thread's frames too.
        grep -A 24 'crashed:' "$log" >&2 || true
    done
    exit 1
}
step() { echo "e2e: $*"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
sha256() { sha256sum "$1" | cut -d' ' -f1; }

# --- nginx on 127.0.0.1, serving $WWW with ETags -----------------------------------------------
NGINX_PORT=$(free_port)
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
$( [[ $(id -u) == 0 ]] && echo "user root;" )
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    types { application/json json; application/octet-stream sig; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WWW;
        etag on;
    }
}
EOF
start_nginx() {
    "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" || fail "nginx did not start"
    NGINX_RUNNING=1
    for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && return 0; sleep 0.1; done
    fail "nginx is not answering on $NGINX_PORT"
}
stop_nginx() {
    "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null
    NGINX_RUNNING=0
    for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" || return 0; sleep 0.1; done
    fail "nginx did not stop"
}
start_nginx
URL="http://127.0.0.1:$NGINX_PORT/gateway-config.json"

# --- releases: A, a tampered B, an older serial, C; all signed with one key ----------------------
"$BIN/regionc" keygen --out "$WORK/keys" --key-id e2e >/dev/null
SERIALS=0
if "$BIN/regionc" compile --help 2>&1 | grep -q -- '--release-serial'; then SERIALS=1; fi
release() { # NAME SERIAL: compile the shipped regions, one comment added (new source bytes, so new
    # artifact bytes: the source digest covers them), and sign
    local name=$1 serial=$2 dir=$WORK/src-$1
    cp -R regions "$dir"
    echo "# e2e release $name" >>"$dir/us.yaml"
    local args=(--sign-key "$WORK/keys/e2e.key")
    [[ $SERIALS == 1 ]] && args+=(--release-serial "$serial")
    "$BIN/regionc" compile "$dir" -o "$WORK/$name.json" "${args[@]}" >/dev/null
}
release old 1
release A 2
release B 3
release C 4
for name in old A B C; do [[ -s $WORK/$name.json && -s $WORK/$name.json.sig ]] || fail "release $name was not built"; done
# Tampered B: one byte of the artifact changed after signing.
python3 - "$WORK/B.json" <<'PY' || fail "could not tamper with B"
import sys
path = sys.argv[1]
data = open(path, "rb").read()
at = data.index(b'"source_digest":"sha256:') + len(b'"source_digest":"sha256:')
tampered = data[:at] + (b"0" if data[at:at + 1] != b"0" else b"1") + data[at + 1:]
open(path, "wb").write(tampered)
PY
DIGEST_A=$(sha256 "$WORK/A.json")
DIGEST_C=$(sha256 "$WORK/C.json")
[[ $DIGEST_A != "$DIGEST_C" && $DIGEST_A != "$(sha256 "$WORK/old.json")" ]] || fail "releases are not distinct"

publish() { # NAME: signature first, then the artifact, each by an atomic rename
    cp "$WORK/$1.json.sig" "$WWW/.incoming.sig" && mv -f "$WWW/.incoming.sig" "$WWW/gateway-config.json.sig"
    cp "$WORK/$1.json" "$WWW/.incoming.json" && mv -f "$WWW/.incoming.json" "$WWW/gateway-config.json"
    chmod 644 "$WWW/gateway-config.json" "$WWW/gateway-config.json.sig"
}

# --- two regiond instances -----------------------------------------------------------------------
declare -A PORT PID
start_regiond() { # N
    local n=$1 log=$WORK/regiond-$1.log
    : >"$log"
    "$BIN/regiond" --config-url "$URL" --trust "$WORK/keys/e2e.pub" --state-dir "$WORK/state-$n" \
        --poll-interval "$POLL" --port 0 2>"$log" &
    PID[$n]=$!
    PIDS+=("${PID[$n]}")
    for _ in $(seq 300); do
        local line
        line=$(head -1 "$log" 2>/dev/null || true)
        if [[ $line =~ listening\ on\ http://127\.0\.0\.1:([0-9]+) ]]; then
            PORT[$n]=${BASH_REMATCH[1]}
            return 0
        fi
        kill -0 "${PID[$n]}" 2>/dev/null || fail "regiond $n exited at start"
        sleep 0.1
    done
    fail "regiond $n did not log 'listening on' as its first line"
}
ready_digest() { curl -s --max-time 2 "http://127.0.0.1:${PORT[$1]}/readyz" | python3 -c 'import sys,json; print(json.load(sys.stdin).get("config_digest",""))' 2>/dev/null || true; }
metric() { # N SERIES: the value of one series in /metrics (0 when absent)
    curl -s --max-time 2 "http://127.0.0.1:${PORT[$1]}/metrics" | awk -v s="$2" '$1 == s { print $2; found=1 } END { if (!found) print 0 }'
}
wait_serving() { # DIGEST SECONDS WHAT: both instances serve DIGEST within SECONDS
    local deadline=$((SECONDS + $2))
    while ((SECONDS <= deadline)); do
        [[ $(ready_digest 1) == "$1" && $(ready_digest 2) == "$1" ]] && return 0
        sleep 0.1
    done
    fail "$3: instances serve $(ready_digest 1) and $(ready_digest 2), not $1"
}
REJECTED='regiond_config_reloads_total{result="rejected"}'
UNREACHABLE='regiond_config_reloads_total{result="unreachable"}'

start_regiond 1
start_regiond 2
step "regiond 1 on ${PORT[1]}, regiond 2 on ${PORT[2]}, releases from $URL, polled every ${POLL}s"
for n in 1 2; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$n]}/readyz")
    [[ $status == 503 ]] || fail "regiond $n is ready ($status) before any release was published"
done

publish A
wait_serving "$DIGEST_A" 30 "release A"
step "release A published: both serve ${DIGEST_A:0:12}"
for n in 1 2; do
    curl -s --max-time 2 "http://127.0.0.1:${PORT[$n]}/v1/config" >"$WORK/config-$n.json"
    curl -s --max-time 2 "http://127.0.0.1:${PORT[$n]}/metrics" >"$WORK/metrics-$n.txt"
    python3 - "$WORK/config-$n.json" "$WORK/metrics-$n.txt" <<'PY' || fail "regiond $n: /v1/config's phases and the rollout gauges disagree"
import datetime, json, sys
config = json.load(open(sys.argv[1]))
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
gauges = {}
for line in open(sys.argv[2]):
    if line.startswith('regiond_region_rollout_percent{region="'):
        series, value = line.split()
        gauges[series.split('"')[1]] = float(value)
availability = config["availability"]
assert sorted(availability) == sorted(config["regions"]) == sorted(gauges), (sorted(availability), sorted(gauges))
for region, answer in availability.items():
    phase = answer["phase"]
    percent = {"live": 100, "pilot": phase["percent"] or 0}.get(phase["status"], 0)
    # Before its window opens (the base phase's `since` is `from`) a region lets nobody in.
    if phase["step"] is None and (phase["since"] or "") > now:
        percent = 0
    assert gauges[region] == percent, (region, phase, gauges[region])
    step = answer["next_step"]
    assert step is None or step["at"] > (phase["since"] or ""), (region, answer)
    assert phase["source"].endswith("availability" if phase["step"] is None else f"availability.schedule[{phase['step']}]"), phase
PY
done
step "release A: /v1/config gives every region's phase and next step, and each rollout gauge agrees"

rejected_before=$(( $(metric 1 "$REJECTED") + $(metric 2 "$REJECTED") ))
publish B
sleep $((POLL * 3))
[[ $(ready_digest 1) == "$DIGEST_A" && $(ready_digest 2) == "$DIGEST_A" ]] || fail "an instance left A for tampered B"
for n in 1 2; do
    (( $(metric $n "$REJECTED") >= 1 )) || fail "regiond $n did not count the tampered release as rejected"
done
grep -q '"msg":"release refused"' "$WORK/regiond-1.log" || fail "regiond 1 logged no refusal"
step "tampered B refused by both, A kept (rejected: $(metric 1 "$REJECTED") and $(metric 2 "$REJECTED"))"

if [[ $SERIALS == 1 ]]; then
    rejected_before=$(( $(metric 1 "$REJECTED") + $(metric 2 "$REJECTED") ))
    publish old
    sleep $((POLL * 3))
    [[ $(ready_digest 1) == "$DIGEST_A" && $(ready_digest 2) == "$DIGEST_A" ]] || fail "an instance took an older serial over A"
    (( $(metric 1 "$REJECTED") + $(metric 2 "$REJECTED") >= rejected_before + 2 )) || fail "the older serial was not counted as rejected by both"
    for n in 1 2; do
        curl -s "http://127.0.0.1:${PORT[$n]}/v1/config" | grep -q '"code":"ROLLBACK"' || fail "regiond $n does not name the rollback"
    done
    step "older serial re-published: refused by both, A kept"
else
    step "SKIP older serial: regionc compile has no --release-serial yet"
fi

publish C
started=$SECONDS
wait_serving "$DIGEST_C" $((POLL * 3)) "release C within 3 poll intervals"
step "release C reached both in $((SECONDS - started))s (bound $((POLL * 3))s)"

stop_nginx
sleep $((POLL * 3))
for n in 1 2; do
    [[ $(ready_digest $n) == "$DIGEST_C" ]] || fail "regiond $n is not ready on C with nginx down"
    (( $(metric $n "$UNREACHABLE") >= 1 )) || fail "regiond $n counted no unreachable poll with nginx down"
done
step "nginx stopped: both still ready on C"

kill -TERM "${PID[1]}"
wait "${PID[1]}" || fail "regiond 1 exited $? on SIGTERM"
start_regiond 1
for _ in $(seq 100); do [[ $(ready_digest 1) == "$DIGEST_C" ]] && break; sleep 0.1; done
[[ $(ready_digest 1) == "$DIGEST_C" ]] || fail "regiond 1, restarted with nginx down, is not ready on C from its state dir"
step "regiond 1 restarted with nginx down: ready on C from its state dir"

# --- SIGTERM under load: a slow streamed batch and route requests in flight ---------------------
python3 - "${PORT[2]}" "${PID[2]}" <<'PY' || fail "requests failed across SIGTERM"
import http.client, json, os, signal, sys, threading, time
port, pid = int(sys.argv[1]), int(sys.argv[2])
body = json.dumps({"region": "US", "merchant": "shop_1", "method": "ALIPAY_CN", "amount": "10.00 USD",
                   "at": "2026-12-01T15:00:00Z"}).encode()
stop = threading.Event()
counts = {"ok": 0, "refused": 0, "not taken": 0, "failed": 0}
lock = threading.Lock()
errors = []

def route_load():
    # Each request on a new connection, its body sent in two halves 0.1 s apart. A connection the
    # server never took (queued when the listener closed) is reset before the second half goes
    # out; a request the server took must be answered: after the whole request is sent, any
    # error or a non-200 answer is a failure.
    half = len(body) // 2
    while not stop.is_set():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.connect()
        except ConnectionRefusedError:
            with lock: counts["refused"] += 1  # the listener is closed: never in flight
            time.sleep(0.01)
            continue
        try:
            connection.putrequest("POST", "/v1/route")
            connection.putheader("Content-Type", "application/json")
            connection.putheader("Content-Length", str(len(body)))
            connection.putheader("Connection", "close")
            connection.endheaders(body[:half])
            time.sleep(0.1)
            connection.send(body[half:])
        except (ConnectionResetError, BrokenPipeError):
            with lock: counts["not taken"] += 1
            connection.close()
            continue
        try:
            response = connection.getresponse()
            data = response.read()
            good = response.status == 200 and b'"decision"' in data
            with lock: counts["ok" if good else "failed"] += 1
            if not good: errors.append(f"{response.status} {data[:200]!r}")
        except Exception as error:  # taken, then not answered
            with lock: counts["failed"] += 1
            errors.append(repr(error))
        finally:
            connection.close()

LINES, CHUNKS = 200, 40
batch_result = {}
batch_started = threading.Event()
def slow_batch():
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", "/v1/route/batch")
    connection.putheader("Content-Type", "application/x-ndjson")
    connection.putheader("Transfer-Encoding", "chunked")
    connection.endheaders()
    chunk = (body + b"\n") * LINES
    for index in range(CHUNKS):
        connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        batch_started.set()
        time.sleep(0.05)
    connection.send(b"0\r\n\r\n")
    response = connection.getresponse()
    batch_result["status"] = response.status
    batch_result["lines"] = response.read().count(b'"decision":"route"')

threads = [threading.Thread(target=route_load) for _ in range(16)]
batch = threading.Thread(target=slow_batch)
for thread in threads: thread.start()
batch.start()
batch_started.wait(10)
time.sleep(0.5)
os.kill(pid, signal.SIGTERM)
batch.join(60)
deadline = time.time() + 20
while time.time() < deadline:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        break
    time.sleep(0.05)
stop.set()
for thread in threads: thread.join(15)
print(f"e2e: SIGTERM under load: {counts['ok']} answered, {counts['refused']} refused and {counts['not taken']} reset "
      f"unread after the listener closed, "
      f"{counts['failed']} failed; batch in flight: {batch_result.get('status')} with {batch_result.get('lines')} of {LINES * CHUNKS} lines")
if errors: print("e2e: errors: " + "; ".join(errors[:5]), file=sys.stderr)
sys.exit(0 if counts["failed"] == 0 and counts["ok"] > 0 and batch_result.get("status") == 200
         and batch_result.get("lines") == LINES * CHUNKS else 1)
PY
set +e
wait "${PID[2]}"
code=$?
set -e
[[ $code == 0 ]] || fail "regiond 2 exited $code after SIGTERM, not 0"
grep -q '"msg":"stopped"' "$WORK/regiond-2.log" || fail "regiond 2 did not log its stop"
step "SIGTERM under load: in-flight requests answered, exit 0"
echo "e2e: distribution: all steps passed"
