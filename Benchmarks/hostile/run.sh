#!/usr/bin/env bash
# Times `regionc validate` (text output, whole process) on the hostile trees of the hardening issue
# (finding 5): 100,000 diagnostics over 500 files, 80,000 duplicate holidays, 1,000,000 unknown
# keys, a 10 MB value, 20,000 files, 4,000 misses against 20,000 catalog ids. Figures: BENCHMARKS.md.
# usage: Benchmarks/hostile/run.sh [SCALE]   (needs a release build: swift build -c release --product regionc)
set -uo pipefail
cd "$(dirname "$0")/../.."
work="${TMPDIR:-/tmp}/regionc-hostile"
regionc=.build/release/regionc
python3 Benchmarks/hostile/make-trees.py "$work" "${1:-1}"
for tree in unknown-keys-100k duplicate-holidays-80k unknown-keys-1m huge-value files-20k did-you-mean-4k-20k; do
    for format in text json; do
        /usr/bin/time -o "$work/time.txt" -f "%e s, %M KiB" "$regionc" validate "$work/$tree" --format "$format" > "$work/$tree.$format"
        printf '%-24s %-5s %s, output %s bytes\n' "$tree" "$format" "$(cat "$work/time.txt" | tail -1)" "$(wc -c < "$work/$tree.$format")"
    done
done
