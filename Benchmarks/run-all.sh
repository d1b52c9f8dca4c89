#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md on this machine. Not part of .ci/run.
# Needs: the Swift toolchain, hyperfine (apt-get install hyperfine), check-jsonschema (pip install check-jsonschema).
set -euo pipefail
cd "$(dirname "$0")/.."
work="${TMPDIR:-/tmp}/regionc-bench"
rm -rf "$work" && mkdir -p "$work"

swift build -c release --product regionc
# SwiftPM can keep a stale list of the root package's source files in Benchmarks/.build after
# files are added or moved; touching the manifest makes it re-read them.
touch Benchmarks/Package.swift
(cd Benchmarks && swift build -c release)
regionc=.build/release/regionc

echo "== validate, whole process (shipped regions; one synthetic directory of 249, the ISO 3166 maximum)"
"$regionc" generate-corpus --regions 249 --seed 1 --out "$work/c249" >/dev/null
hyperfine -N --warmup 3 --runs 30 "$regionc validate regions" "$regionc validate $work/c249" \
    "$regionc compile $work/c249 -o $work/c249.json"
/usr/bin/time -o "$work/time.txt" -f "compile 249 regions: %e s wall, %M KiB peak RSS" \
    "$regionc" compile "$work/c249" -o "$work/c249.json" >/dev/null
cat "$work/time.txt"

echo "== the same validation with check-jsonschema"
hyperfine -N --warmup 1 --runs 10 \
    "check-jsonschema --schemafile schemas/region.schema.json $(ls regions/??.yaml | tr '\n' ' ')"
hyperfine -N --warmup 1 --runs 3 \
    "check-jsonschema --schemafile schemas/region.schema.json $(ls "$work"/c249/??.yaml | tr '\n' ' ')"

echo "== compile, load + verify + build routers, in one process, at 10 / 1,000 / 10,000 regions"
for n in 10 1000 10000; do
    /usr/bin/time -f "wall %e s, peak RSS %M KiB" Benchmarks/.build/release/scale-benchmark "$n"
done

echo "== one routing decision (median, p99, allocations)"
Benchmarks/.build/release/routing-benchmark

echo "== batch replay of 1,000,000 requests"
"$regionc" compile regions -o "$work/gateway-config.json" >/dev/null
python3 - "$work/requests.jsonl" <<'PY'
import json, random, sys
random.seed(7)
shapes = [("US","ALIPAY_CN","USD"),("HK","ALIPAY_CN","HKD"),("HK","ALIPAY_CN","USD"),("KR","KAKAOPAY","KRW"),
          ("TH","TRUEMONEY","THB"),("BD","BKASH","BDT"),("ZZ","ALIPAY_CN","USD")]
with open(sys.argv[1], "w") as out:
    for _ in range(1_000_000):
        region, method, currency = random.choice(shapes)
        amount = str(random.randint(1, 500000)) if currency == "KRW" else f"{random.randint(1,99999)}.{random.randint(0,99):02d}"
        out.write(json.dumps({"region": region, "merchant": f"shop_{random.randint(1,50000)}", "method": method,
                              "amount": f"{amount} {currency}",
                              "at": f"2026-12-{random.randint(1,28):02d}T{random.randint(0,23):02d}:15:00Z"},
                             separators=(",", ":")) + "\n")
PY
hyperfine -N --warmup 1 --runs 5 --output=null \
    "$regionc route --config $work/gateway-config.json --batch $work/requests.jsonl"

echo "== regionc lsp: didChange -> publishDiagnostics, median and p99 of 100 edits (shipped tree; 1,000 regions); RSS after 10 / 1,000 edits"
Benchmarks/.build/release/lsp-benchmark --regionc "$regionc"
