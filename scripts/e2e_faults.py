#!/usr/bin/env python3
"""End to end: regiond against hostile clients and faults (issue 21), each check against the real
binary, where the bug lived in the process: descriptors counted in /proc/PID/fd, RSS in
/proc/PID/status, exit codes, a real pipe and FIFO for the decision log, real signals.

Run by scripts/e2e-faults.sh (which builds nothing: BIN names the built regionc and regiond).
Every wait is bounded; every process started is stopped on exit. Prints one line per check.
"""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

BIN = os.environ.get("BIN", ".build/debug")
REGIONC = os.path.join(BIN, "regionc")
REGIOND = os.path.join(BIN, "regiond")
WORK = tempfile.mkdtemp(prefix="regiond-faults.")
PROCESSES = []
ROUTE_BODY = json.dumps({"region": "US", "merchant": "shop_1", "method": "ALIPAY_CN",
                         "amount": "10.00 USD", "at": "2026-12-01T10:00:00Z"}).encode()


def fail(message, log=None):
    print(f"e2e-faults: FAIL: {message}", file=sys.stderr)
    if log and os.path.exists(log):
        with open(log, errors="replace") as handle:
            print("--- " + log + " (last 15 lines)\n" + "".join(handle.readlines()[-15:]), file=sys.stderr)
    sys.exit(1)


def check(condition, message, log=None):
    if not condition:
        fail(message, log)


def step(message):
    print(f"e2e-faults: {message}", flush=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(predicate, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while True:
        try:
            if predicate():
                return True
        except OSError:
            pass  # not answering yet
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


class Regiond:
    """One regiond process on a free port, logging to its own file."""

    def __init__(self, name, *flags, release=None, stdout=subprocess.DEVNULL, preexec=None):
        self.port = free_port()
        self.log = os.path.join(WORK, f"regiond-{name}.log")
        release = release or RELEASE
        arguments = [REGIOND, "--config", release, "--allow-unsigned", "--port", str(self.port), "--poll-interval", "1", *flags]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(arguments, stdout=stdout, stderr=log, preexec_fn=preexec)
        PROCESSES.append(self.process)
        check(wait_until(lambda: self.ready() or self.process.poll() is not None, 20), f"{name} never became ready", self.log)
        check(self.process.poll() is None, f"{name} exited at start with {self.process.returncode}", self.log)

    @property
    def pid(self):
        return self.process.pid

    def ready(self):
        try:
            return self.get("/readyz")[0] == 200
        except OSError:
            return False

    def get(self, path, timeout=5):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read().decode(errors="replace")
        finally:
            connection.close()

    def route(self, timeout=5):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("POST", "/v1/route", ROUTE_BODY, {"Content-Type": "application/json"})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def metric(self, name):
        text = self.get("/metrics")[1]
        total = 0.0
        for line in text.splitlines():
            if line.startswith(name):
                total += float(line.rsplit(" ", 1)[1])
        return total

    def descriptors(self):
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def rss_mib(self):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self, sig=signal.SIGTERM, timeout=15):
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            fail(f"regiond did not stop within {timeout} s of {sig.name}", self.log)


def raw_request(port, head, body=b"", read_timeout=5):
    """Sends head and body; returns (answer bytes, seconds until the server closed or None if it did not)."""
    client = socket.create_connection(("127.0.0.1", port))
    client.settimeout(read_timeout)
    try:
        client.sendall(head)
        if body:
            client.sendall(body)
    except OSError:
        pass  # the server may answer and close before the whole body is sent
    started = time.monotonic()
    answer = b""
    closed_after = None
    try:
        while True:
            chunk = client.recv(65536)
            if not chunk:
                closed_after = time.monotonic() - started
                break
            answer += chunk
    except socket.timeout:
        pass
    except ConnectionResetError:
        closed_after = time.monotonic() - started
    client.close()
    return answer, closed_after


def refused_body_requests(port, count):
    big = b"x" * 600_000
    cases = [
        b"POST /v1/route HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: %d\r\n\r\n",  # 413
        b"POST /v1/route HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: %d\r\n\r\n",  # 415
        b"POST /nowhere HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Length: %d\r\n\r\n",  # 404
        b"PUT /v1/route HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Length: %d\r\n\r\n",  # 405
        b"GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Length: %d\r\n\r\n",  # 200, body unread
        b"POST /v1/route HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n",  # 413 keep-alive
    ]
    statuses = []
    for index in range(count):
        answer, closed = raw_request(port, cases[index % len(cases)] % len(big), big)
        statuses.append(answer[9:12].decode() if answer.startswith(b"HTTP/1.1") else "none")
        check(closed is not None, f"case {index % len(cases)}: the server kept the connection open after answering {statuses[-1]}")
    return statuses


# --- setup ---------------------------------------------------------------------------------------
for tool in (REGIONC, REGIOND):
    check(os.access(tool, os.X_OK), f"{tool} is not built (swift build first)")
RELEASE = os.path.join(WORK, "gateway-config.json")
compiled = subprocess.run([REGIONC, "compile", "regions", "-o", RELEASE], capture_output=True, text=True)
check(compiled.returncode == 0, f"regionc compile failed: {compiled.stderr}")


def main():
    # 1. Refused bodies never hold a socket; the descriptor count comes back.
    step("refused bodies: 20 requests of 600 KB the service does not read (413, 415, 404, 405, 200 on /healthz)")
    server = Regiond("bodies")
    before = server.descriptors()
    statuses = refused_body_requests(server.port, 20)
    check({"413", "415", "404", "405", "200"} <= set(statuses), f"unexpected answers {sorted(set(statuses))}")
    check(wait_until(lambda: server.descriptors() <= before + 2, 5),
          f"descriptors went from {before} to {server.descriptors()} and stayed", server.log)
    step(f"  answered {sorted(set(statuses))}, each connection closed; descriptors {before} -> {server.descriptors()}")
    server.stop()

    # 1b. At the descriptor limit: /healthz still answers, the process neither spins nor dies.
    step("descriptor limit: ulimit -n 128, 130 refused bodies and 100 idle connections, then /healthz")
    limited = Regiond("limit", "--header-timeout", "2", preexec=lambda: __import__("resource").setrlimit(
        __import__("resource").RLIMIT_NOFILE, (128, 128)))
    idle = []
    for _ in range(100):
        try:
            idle.append(socket.create_connection(("127.0.0.1", limited.port), timeout=2))
        except OSError:
            break
    threads = [threading.Thread(target=refused_body_requests, args=(limited.port, 13)) for _ in range(10)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    answered = wait_until(lambda: _safe(limited) and limited.get("/healthz", timeout=2)[0] == 200, 15, 0.2)
    for thread in threads:
        thread.join(30)
    for connection in idle:
        connection.close()
    check(answered, "/healthz did not answer at the descriptor limit", limited.log)
    check(limited.process.poll() is None, f"regiond died at the descriptor limit ({limited.process.returncode})", limited.log)
    step(f"  /healthz answered within {time.monotonic() - started:.1f} s; the process is alive")
    limited.stop()

    # Timeouts.
    step("timeouts: header 1 s, body 1 s, idle 1 s")
    timed = Regiond("timeouts", "--header-timeout", "1", "--body-timeout", "1", "--idle-timeout", "1")
    for name, head, body, expect in [
        ("a connection that sends nothing", b"", b"", None),
        ("headers that never end", b"GET /healthz HTTP/1.1\r\nHost: t\r\n", b"", None),
        ("a body that never ends", b"POST /v1/route HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n", b"{\"a",
         b" 408 "),
        ("an idle kept-alive connection", b"GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n", b"", b" 200 "),
    ]:
        answer, closed = raw_request(timed.port, head, body, read_timeout=6)
        check(closed is not None and closed < 3, f"{name}: not closed within 3 s ({closed})", timed.log)
        check(expect is None or expect in answer[:20], f"{name}: answered {answer[:40]!r}, expected {expect!r}", timed.log)
        step(f"  {name}: closed after {closed:.1f} s" + (f", answered{expect.decode()}" if expect else ""))
    timed.stop()

    # HTTP/1.0, HEAD, framing errors, explain twice, //v1/route, client aborts.
    step("protocol: HTTP/1.0 closes, HEAD answers, framing errors are problem+json, aborts are not 5xx")
    proto = Regiond("protocol")
    answer, closed = raw_request(proto.port, b"GET /healthz HTTP/1.0\r\n\r\n")
    check(b" 200 " in answer[:16] and closed is not None, f"HTTP/1.0 not answered and closed: {answer[:60]!r}")
    answer, closed = raw_request(proto.port, b"HEAD /v1/config HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
    check(b" 200 " in answer[:16] and answer.endswith(b"\r\n\r\n"), f"HEAD /v1/config: {answer[:60]!r}")
    answer, _ = raw_request(proto.port, b"POST /v1/route HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
    check(b" 400 " in answer[:16] and b"application/problem+json" in answer and b'"status":400' in answer,
          f"framing error answer: {answer[:200]!r}")
    status, _ = proto.get("/v1/route?explain=true&explain=false")
    connection = http.client.HTTPConnection("127.0.0.1", proto.port, timeout=5)
    connection.request("POST", "/v1/route?explain=true&explain=false", ROUTE_BODY, {"Content-Type": "application/json"})
    twice = connection.getresponse()
    check(twice.status == 400 and b'"field":"explain"' in twice.read(), "explain twice was not a 400 naming explain")
    connection.close()
    answer, _ = raw_request(proto.port, b"POST //v1/route HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nConnection: close\r\n"
                            b"Content-Length: %d\r\n\r\n" % len(ROUTE_BODY), ROUTE_BODY)
    check(b" 200 " in answer[:16], f"//v1/route: {answer[:60]!r}")
    metrics = proto.get("/metrics")[1]
    check('regiond_http_requests_total{path="other",status="200"}' not in metrics, "//v1/route counted as path=other")
    for _ in range(5):
        aborted = socket.create_connection(("127.0.0.1", proto.port))
        aborted.sendall(b"POST /v1/route HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"re")
        aborted.close()
    check(wait_until(lambda: proto.metric('regiond_http_requests_total{path="/v1/route",status="499"}') >= 5, 5),
          "client aborts were not counted as 499", proto.log)
    check(proto.metric('regiond_http_requests_total{path="/v1/route",status="500"}') == 0, "client aborts counted as 500")
    step("  HTTP/1.0 closed, HEAD 200 without body, framing error 400 problem+json, explain twice 400, "
         "//v1/route counted as /v1/route, 5 aborts counted as 499 and no 500")
    proto.stop()

    # 2 and 3. The decision log: pipes, FIFOs, /dev/full, a reader that stops, shutdown bound, SIGHUP.
    step("decision log: /dev/stdout into a pipe, a FIFO whose reader stops reading, /dev/full, SIGHUP rotation")
    piped = Regiond("pipe", "--decision-log", "/dev/stdout", stdout=subprocess.PIPE)
    check(piped.route()[0] == 200, "no decision with the log on a pipe")
    line = piped.process.stdout.readline()
    check(b'"config_digest"' in line, f"the pipe got no decision line: {line[:80]!r}")
    piped.stop()
    fifo = os.path.join(WORK, "decisions.fifo")
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # holds the FIFO open and never reads
    stuck = Regiond("fifo", "--decision-log", fifo, "--decision-log-queue", "1000")
    started = time.monotonic()
    for _ in range(40):
        threads = [threading.Thread(target=lambda: [stuck.route() for _ in range(25)]) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(20)
    elapsed = time.monotonic() - started
    check(stuck.route(timeout=2)[0] == 200, "decisions stopped behind a FIFO nobody reads", stuck.log)
    dropped = stuck.metric("regiond_decision_log_dropped_total")
    check(dropped > 0, "8,000 decisions and none dropped: the reader stopped, so the queue must have filled", stuck.log)
    step(f"  8,000 decisions in {elapsed:.1f} s with a stuck reader; {int(dropped)} lines dropped and counted")
    started = time.monotonic()
    code = stuck.stop()
    stop_seconds = time.monotonic() - started
    check(code == 0 and stop_seconds < 8, f"SIGTERM with a stuck reader: exit {code} after {stop_seconds:.1f} s", stuck.log)
    os.close(reader)
    step(f"  SIGTERM with the reader stuck: exit 0 after {stop_seconds:.1f} s (flush bound 2 s)")
    full = Regiond("full", "--decision-log", "/dev/full")
    for _ in range(3):
        check(full.route()[0] == 200, "no decision with the log on /dev/full")
    check(wait_until(lambda: full.metric("regiond_decision_log_dropped_total") >= 3, 5), "/dev/full: lines not counted")
    full.stop()
    with open(full.log) as log:
        failures = [entry for entry in log if "decision log write failed" in entry]
    check(len(failures) == 1 and "no space left" in failures[0], f"/dev/full: expected one log line with the reason, got {failures}")
    rotated = os.path.join(WORK, "decisions.jsonl")
    rotating = Regiond("rotate", "--decision-log", rotated)
    rotating.route()
    check(wait_until(lambda: os.path.exists(rotated) and os.path.getsize(rotated) > 0, 5), "no line in the decision log")
    os.rename(rotated, rotated + ".1")
    rotating.process.send_signal(signal.SIGHUP)
    time.sleep(0.3)
    check(rotating.process.poll() is None, "SIGHUP killed regiond", rotating.log)
    rotating.route()
    check(wait_until(lambda: os.path.exists(rotated) and os.path.getsize(rotated) > 0, 5),
          "after rotation and SIGHUP, the new decision did not reach a new file", rotating.log)
    rotating.stop()
    for path, reason in [(WORK, "it is a directory")]:
        run = subprocess.run([REGIOND, "--config", RELEASE, "--allow-unsigned", "--port", "0", "--decision-log", path],
                             capture_output=True, text=True, timeout=20)
        check(run.returncode == 2 and reason in run.stderr, f"--decision-log {path}: exit {run.returncode} {run.stderr!r}")
    step("  pipe and FIFO work; /dev/full counted and logged once; SIGHUP reopens after rotation; a directory is exit 2")

    # 4. An unusable state dir is exit 2 at start.
    step("state dir: every unusable one is exit 2 at start")
    state_file = os.path.join(WORK, "state-is-a-file")
    open(state_file, "w").close()
    taken = os.path.join(WORK, "state-taken")
    os.makedirs(os.path.join(taken, "last-known-good.json"))
    linked = os.path.join(WORK, "state-linked")
    os.makedirs(linked)
    os.symlink("/dev/zero", os.path.join(linked, "last-known-good.json"))
    for name, directory in [("a regular file", state_file), ("its state file a directory", taken),
                            ("its state file a link to /dev/zero", linked), ("under /proc", "/proc/self/regiond-state"),
                            ("under /sys", "/sys/regiond-state")]:
        run = subprocess.run([REGIOND, "--config", RELEASE, "--allow-unsigned", "--port", "0", "--state-dir", directory],
                             capture_output=True, text=True, timeout=20)
        check(run.returncode == 2 and "--state-dir" in run.stderr, f"state dir {name}: exit {run.returncode} {run.stderr!r}")
        step(f"  {name}: exit 2: {run.stderr.strip()[:110]}")

    # 5. Flags: usage errors are exit 2, never a trap.
    step("flags: usage errors exit 2")
    for flags in (["--poll-interval", "1e16"], ["--poll-interval", "9.3e15"], ["--poll-interval", "1e300"], ["--poll-interval", "0"],
                  ["--port", "70000"], ["--bogus-flag"], []):
        arguments = [REGIOND] + (["--config", RELEASE, "--allow-unsigned"] if flags else []) + flags
        run = subprocess.run(arguments, capture_output=True, text=True, timeout=20)
        check(run.returncode == 2, f"regiond {' '.join(flags) or '(no arguments)'}: exit {run.returncode} {run.stderr!r}")
    step("  --poll-interval 1e16, 9.3e15, 1e300, 0, --port 70000, an unknown flag, no arguments: all exit 2")

    # 6. SIGTERM with keep-alive clients: every request fully sent is answered.
    step("SIGTERM under keep-alive load: 20 clients posting in a loop")
    draining = Regiond("drain")
    results = {"sent": 0, "answered": 0, "unanswered": 0, "close": 0}
    lock = threading.Lock()
    stop = threading.Event()

    def client():
        connection = socket.create_connection(("127.0.0.1", draining.port), timeout=10)
        request = (b"POST /v1/route HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                   % len(ROUTE_BODY)) + ROUTE_BODY
        reader = connection.makefile("rb")
        while not stop.is_set():
            try:
                connection.sendall(request)
            except OSError:
                return  # not sent: the server had closed; nothing owed
            with lock:
                results["sent"] += 1
            try:
                status = reader.readline()
                headers = {}
                while True:
                    header = reader.readline()
                    if header in (b"\r\n", b""):
                        break
                    name, _, value = header.decode().partition(":")
                    headers[name.strip().lower()] = value.strip()
                if not status:
                    raise ConnectionError("EOF")
                reader.read(int(headers.get("content-length", "0")))
                with lock:
                    results["answered"] += 1
                    if headers.get("connection") == "close":
                        results["close"] += 1
                if headers.get("connection") == "close":
                    return
            except (OSError, ConnectionError, ValueError):
                with lock:
                    results["unanswered"] += 1
                return

    threads = [threading.Thread(target=client) for _ in range(20)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    code = draining.stop()
    stop.set()
    for thread in threads:
        thread.join(15)
    check(code == 0, f"SIGTERM under load: exit {code}", draining.log)
    check(results["unanswered"] == 0, f"{results['unanswered']} requests fully sent were never answered ({results})", draining.log)
    check(results["close"] >= 1, f"no response during the drain said Connection: close ({results})")
    step(f"  {results['answered']} answered of {results['sent']} sent, 0 unanswered; {results['close']} said Connection: close; exit 0")

    # 7. A huge release file is neither read whole nor read on every poll.
    step("release files: a 4 GiB artifact and a 1 GiB signature are refused unread")
    huge = os.path.join(WORK, "huge", "gateway-config.json")
    os.makedirs(os.path.dirname(huge))
    with open(RELEASE, "rb") as source, open(huge, "wb") as target:
        target.write(source.read())
    watcher = Regiond("huge", release=huge)
    baseline = watcher.rss_mib()
    os.truncate(huge, 4 << 30)
    check(wait_until(lambda: "over the limit" in watcher.get("/readyz")[1] or "over the limit" in _last_failure(watcher), 5),
          "the 4 GiB release was not refused by its size", watcher.log)
    time.sleep(2.5)  # two more polls
    grown = watcher.rss_mib()
    check(grown < baseline + 64, f"RSS went from {baseline:.0f} MiB to {grown:.0f} MiB with a 4 GiB release file", watcher.log)
    with open(RELEASE, "rb") as source, open(huge, "wb") as target:
        target.write(source.read())
    with open(huge + ".sig", "wb") as signature:
        signature.truncate(1 << 30)
    check(wait_until(lambda: "gateway-config.json.sig" in _last_failure(watcher), 5), "the 1 GiB signature was not refused", watcher.log)
    time.sleep(2.5)
    check(watcher.rss_mib() < baseline + 64, f"RSS {watcher.rss_mib():.0f} MiB with a 1 GiB signature", watcher.log)
    check(watcher.get("/readyz")[0] == 200, "the last good release stopped serving", watcher.log)
    step(f"  refused by size; RSS {baseline:.0f} MiB -> {grown:.0f} MiB (4 GiB artifact) -> {watcher.rss_mib():.0f} MiB (1 GiB .sig); "
         "the last good release serves")
    watcher.stop()
    step("all checks passed")


def _safe(server):
    return server.process.poll() is None


def _last_failure(server):
    try:
        body = json.loads(server.get("/v1/config")[1])
        return json.dumps(body.get("last_failure") or {})
    except (OSError, ValueError):
        return ""


if __name__ == "__main__":
    try:
        main()
    finally:
        for process in PROCESSES:
            if process.poll() is None:
                process.kill()
        for process in PROCESSES:
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                pass
        subprocess.run(["rm", "-rf", WORK])
