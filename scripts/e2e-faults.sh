#!/usr/bin/env bash
# End to end: regiond against hostile clients and faults (issue 21): refused bodies never hold a
# socket, /healthz answers at the descriptor limit, header/body/idle timeouts, HTTP/1.0, HEAD and
# framing errors, client aborts counted as 499, the decision log on a pipe, a stuck FIFO, /dev/full
# and after rotation (SIGHUP), unusable state dirs and bad flags exit 2, SIGTERM answers every
# request already sent, and a 4 GiB release file is refused by its size.
# Needs: a built regionc and regiond (BIN, default .build/debug) and python3. Every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
export BIN=${BIN:-.build/debug}
exec python3 scripts/e2e_faults.py
