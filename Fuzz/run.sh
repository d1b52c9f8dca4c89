#!/usr/bin/env bash
# Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]: builds the fuzz package with libFuzzer and
# AddressSanitizer (unless FUZZ_NO_BUILD=1) and runs one target for SECONDS on one core, starting
# from its committed corpus Fuzz/Corpus/TARGET. New inputs go to a scratch directory
# (FUZZ_WORK, default a fresh temporary one), so the checkout stays clean; crashes are written to
# FUZZ_FINDINGS (default /tmp/fuzz-findings) as TARGET-crash-<sha1>. Exit status is libFuzzer's:
# non-zero on a crash, a broken invariant, a leak or a timeout. TARGET is a name from targets.txt.
# One process on one core (no -jobs/-fork: those write their logs to files instead).
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]}
seconds=${2:?usage: Fuzz/run.sh TARGET SECONDS [libFuzzer flags...]}
shift 2
row=$(awk -v t="$target" '$1 == t { print $2, $3 }' targets.txt)
[ -n "$row" ] || { echo "unknown target '$target'; one of: $(awk '!/^#/ { printf "%s ", $1 }' targets.txt)" >&2; exit 2; }
read -r product max_len <<< "$row"

# Release (optimised) with ASan and libFuzzer's coverage on every Swift module; -enable-testing
# lets targets reach `internal` parsers through @testable import.
configuration=${FUZZ_CONFIGURATION:-release}
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
    swift build -c "$configuration" -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing --product "$product" >&2
fi
binary=.build/$configuration/$product

work=${FUZZ_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/fuzz-$target.XXXXXX")}
findings=${FUZZ_FINDINGS:-/tmp/fuzz-findings}
mkdir -p "$work" "$findings"
# Swift's own crash backtracer fights AddressSanitizer over a crashing process; libFuzzer reports instead.
export SWIFT_BACKTRACE=enable=no
# Leak checking is off: LeakSanitizer cannot follow the pointers Swift keeps in tagged and
# inline values, and reports process-lifetime globals (the trust store, the shipped catalog).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export FUZZ_REPO_ROOT=${FUZZ_REPO_ROOT:-$(cd .. && pwd)}
echo "fuzz: $target ($product) for ${seconds}s, max_len $max_len, corpus Corpus/$target + $work" >&2
exec "$binary" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$findings/$target-" "$@" "$work" "Corpus/$target"
