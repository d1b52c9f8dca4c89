#!/usr/bin/env python3
"""Writes the hostile regions trees of the hardening issue (finding 5), for timing `regionc
validate` on them: each tree is one case; the figures are in BENCHMARKS.md.

usage: make-trees.py OUT [SCALE]   (SCALE 1 = the issue's sizes; smaller for a quick look)
"""
import os
import shutil
import sys

out = sys.argv[1]
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
root = os.path.dirname(os.path.abspath(__file__))
regions = os.path.join(root, "..", "..", "regions")


def tree(name, files):
    directory = os.path.join(out, name)
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    for base in ("catalog.yaml", "defaults.yaml"):
        if base not in files:
            shutil.copy(os.path.join(regions, base), directory)
    for file_name, text in files.items():
        with open(os.path.join(directory, file_name), "w") as handle:
            handle.write(text)


hk = open(os.path.join(regions, "hk.yaml")).read()
n = lambda count: max(1, int(count * scale))

# 100,000 diagnostics across 500 files: 200 unknown keys each (the render target).
tree("unknown-keys-100k", {
    f"{chr(97 + i // 26 % 26)}{chr(97 + i % 26)}.yaml" if i < 676 else f"x{i}.yaml":
        hk.replace("region: HK", f"region: HK") + "".join(f"unknown_key_{k}: 1\n" for k in range(200))
    for i in range(n(500))
})
# 80,000 duplicate holiday lines in one file.
tree("duplicate-holidays-80k", {"hk.yaml": hk + "holidays:\n" + "  - 2026-12-25\n" * n(80_000)})
# 1,000,000 unknown keys in one file.
tree("unknown-keys-1m", {"hk.yaml": hk + "".join(f"k{k}: 1\n" for k in range(n(1_000_000)))})
# One 10 MB value quoted by a diagnostic.
tree("huge-value", {"hk.yaml": hk.replace("name: Hong Kong", "name: Hong Kong\nnmae: " + "x" * n(10_000_000))})
# 20,000 files describing the same region (duplicate detection across files).
tree("files-20k", {f"r{i:05d}.yaml": hk for i in range(n(20_000))})
# 4,000 unknown method ids against a catalog of 20,000 ("did you mean").
ids = [f"WALLET_{i:05d}_PAY" for i in range(n(20_000))]
catalog = "payment_methods:\n" + "".join(
    f"  {i}: {{ name: W, wallet_region: HK, wallet_currency: HKD }}\n" for i in ids)
catalog += "acquirers:\n  antom-hk: { name: Antom HK, region: HK, settlement_currencies: [HKD] }\n" \
    "  antom-sg: { name: Antom SG, region: SG, settlement_currencies: [USD, HKD, SGD] }\n"
methods = "".join(f"  - method: MISSING_{i:05d}_ID\n" for i in range(n(4_000)))
tree("did-you-mean-4k-20k", {"catalog.yaml": catalog,
                             "hk.yaml": hk.replace("payment_methods:\n", "payment_methods:\n" + methods)})
