#!/usr/bin/env bash
# Renders the coverage report to a PNG with headless Chromium (Debian's `chromium` package).
# Not part of .ci/run. Usage: scripts/render-report.sh [REGIONS_DIR] [OUT_PNG]
set -euo pipefail
cd "$(dirname "$0")/.."
regions="${1:-regions}"
out="${2:-docs/images/coverage.png}"
command -v chromium >/dev/null || { echo "install Chromium first: apt-get install -y chromium" >&2; exit 2; }
mkdir -p build "$(dirname "$out")"
swift run regionc report "$regions" --format html -o build/coverage.html
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1800,1500 \
    --screenshot="$PWD/$out" "file://$PWD/build/coverage.html"
echo "wrote $out"
